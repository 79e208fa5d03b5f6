import { SafecallError } from './errors.js';

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
    throw new SafecallError('UNSUPPORTED_RUNTIME', 'safecall needs crypto.getRandomValues (Node >= 20 or a modern browser)');
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

// A pool of Web Crypto output, for the session's many small draws (ids,
// challenge positions, callback references). One `getRandomValues` call in
// Node costs about as much as creating a whole actor; drawing 256 words at a
// time makes the per-draw cost a copy. Same source, same distribution: only
// fewer calls. Used words are zeroed. The pool is dropped when
// `globalThis.crypto` or its method is replaced (tests stub them).
const POOL_WORDS = 256;
const pool = new Uint32Array(POOL_WORDS);
let poolNext = POOL_WORDS;
let poolSource: RandomSource | undefined;
let poolMethod: RandomSource['getRandomValues'] | undefined;

const pooledSource: RandomSource = {
  getRandomValues<T extends Uint32Array>(array: T): T {
    const source = cryptoRandom();
    if (source !== poolSource || source.getRandomValues !== poolMethod) {
      poolSource = source;
      poolMethod = source.getRandomValues;
      poolNext = POOL_WORDS;
    }
    const n = array.length;
    if (n > POOL_WORDS / 4) return source.getRandomValues(array);
    if (poolNext + n > POOL_WORDS) {
      source.getRandomValues(pool);
      poolNext = 0;
    }
    // Copied word by word: `pool.subarray` would allocate a view per draw, and draws are a few words.
    for (let i = 0; i < n; i++) {
      array[i] = pool[poolNext + i]!;
      pool[poolNext + i] = 0;
    }
    poolNext += n;
    return array;
  },
};

/**
 * {@link cryptoRandom}, drawn in blocks: the default random source of a call
 * session. Internal (not exported from the package).
 */
export function pooledCryptoRandom(): RandomSource {
  cryptoRandom(); // fail early, as cryptoRandom() does, when there is no Web Crypto
  return pooledSource;
}
