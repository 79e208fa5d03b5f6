import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { SafecallError, type RandomSource } from '../index.js';

/**
 * A deterministic {@link RandomSource} for tests and simulations: the same seed
 * gives the same sequence, so a test that picks challenge positions is
 * repeatable. Backed by pure-rand's xoroshiro128+.
 *
 * NOT cryptographic: its output is predictable from the seed. Never pass it
 * to production code; there, leave `random` unset to use `crypto.getRandomValues`.
 *
 * @param seed - an integer; only its low 32 bits are used.
 * @throws {@link SafecallError} `INVALID_ARGUMENT` if `seed` is not an integer.
 *
 * @example
 * ```ts
 * pickChallenge({ random: seededRandom(42) }); // same positions on every run
 * ```
 */
export function seededRandom(seed: number): RandomSource {
  if (!Number.isInteger(seed)) throw new SafecallError('INVALID_ARGUMENT', 'seed must be an integer');
  const rng = xoroshiro128plus(seed);
  return {
    getRandomValues<T extends Uint32Array>(array: T): T {
      // next() is a signed 32-bit value; >>> 0 reads the same bits as unsigned
      for (let i = 0; i < array.length; i++) array[i] = rng.next() >>> 0;
      return array;
    },
  };
}
