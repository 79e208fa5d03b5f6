/**
 * A source of random numbers with the shape of Web Crypto's `getRandomValues`.
 * `globalThis.crypto` satisfies it (browsers and Node ≥ 20); tests inject
 * `seededRandom(seed)` from `safecall/testing`.
 *
 * @example
 * ```ts
 * const random: RandomSource = globalThis.crypto;
 * ```
 */
export interface RandomSource {
  getRandomValues<T extends Uint32Array>(array: T): T;
}

/** The default, cryptographic random source. Resolved lazily so the module has no side effects. */
export function cryptoRandom(): RandomSource {
  const c = (globalThis as { crypto?: RandomSource }).crypto;
  if (!c || typeof c.getRandomValues !== 'function') {
    throw new Error('safecall needs crypto.getRandomValues (Node >= 20 or a modern browser)');
  }
  return c;
}

const buffer = new Uint32Array(1);

/**
 * Uniform integer in `[0, bound)` without modulo bias (rejection sampling).
 * `bound` must be an integer in `[1, 2^32]`.
 */
export function randomInt(random: RandomSource, bound: number): number {
  if (bound <= 1) return 0;
  const limit = 0x1_0000_0000 - (0x1_0000_0000 % bound);
  for (;;) {
    random.getRandomValues(buffer);
    const value = buffer[0]!;
    if (value < limit) return value % bound;
  }
}
