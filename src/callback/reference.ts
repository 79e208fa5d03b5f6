import { SafecallError } from '../core/errors.js';
import { randomInt, type RandomSource } from '../core/random.js';

/**
 * Characters of a callback reference: digits and capitals without the look-alikes 0/O, 1/I/L.
 *
 * @example
 * ```ts
 * CALLBACK_REFERENCE_ALPHABET.length; // 31
 * ```
 */
export const CALLBACK_REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * A short reference the customer can quote when calling the official number
 * back: 6 characters from {@link CALLBACK_REFERENCE_ALPHABET} (31 symbols,
 * ~29.7 bits), each uniform via `randomInt`, grouped `XXX-XXX`. Pass
 * `globalThis.crypto` (or `cryptoRandom()`); tests pass a seeded source.
 * Not a secret: it identifies the planned callback, it proves nothing.
 *
 * @example
 * ```ts
 * callbackReference(globalThis.crypto); // e.g. 'K7M-4PX'
 * ```
 */
export function callbackReference(random: RandomSource): string {
  if (typeof (random as Partial<RandomSource> | undefined)?.getRandomValues !== 'function') {
    throw new SafecallError('INVALID_ARGUMENT', 'random must have getRandomValues (e.g. globalThis.crypto)');
  }
  let reference = '';
  for (let i = 0; i < 6; i++) {
    if (i === 3) reference += '-';
    reference += CALLBACK_REFERENCE_ALPHABET[randomInt(random, CALLBACK_REFERENCE_ALPHABET.length)];
  }
  return reference;
}
