import { decodePesel } from './decode.js';

/**
 * Whether `value` is a valid PESEL: exactly 11 ASCII digits, a correct check
 * digit and a real calendar date (1800-01-01 to 2299-12-31) after decoding the
 * century from the month field. Never throws: anything else, including
 * non-strings, spaces and non-ASCII digits, is `false`.
 *
 * @example
 * ```ts
 * isValidPesel('02270803624'); // true  (born 8 July 2002)
 * isValidPesel('02270803627'); // false (wrong check digit)
 * isValidPesel(2270803628);    // false (not a string)
 * ```
 */
export function isValidPesel(value: unknown): boolean {
  return typeof decodePesel(value) === 'object';
}
