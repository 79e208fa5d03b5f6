import { describe, expect, it } from 'vitest';
import { CALLBACK_REFERENCE_ALPHABET, callbackReference } from '../../src/callback/index.js';
import { seededRandom } from './helpers.js';

describe('callbackReference', () => {
  it('is 6 unambiguous characters grouped XXX-XXX', () => {
    const random = seededRandom(42);
    for (let i = 0; i < 500; i++) {
      expect(callbackReference(random)).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
    }
    expect(CALLBACK_REFERENCE_ALPHABET).toHaveLength(31);
    expect(CALLBACK_REFERENCE_ALPHABET).not.toMatch(/[01OIL]/);
    expect(callbackReference(globalThis.crypto)).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
  });

  it('is deterministic for a seeded source', () => {
    expect(callbackReference(seededRandom(7))).toBe(callbackReference(seededRandom(7)));
    expect(callbackReference(seededRandom(7))).not.toBe(callbackReference(seededRandom(8)));
  });

  it('uses every character about equally (uniform, no modulo bias)', () => {
    const random = seededRandom(2026);
    const counts = new Map<string, number>();
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      for (const c of callbackReference(random).replace('-', '')) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(counts.size).toBe(31);
    const expected = (n * 6) / 31;
    const chiSquare = [...counts.values()].reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(59.7); // 30 degrees of freedom, p = 0.001
  });

  it('rejects a missing random source', () => {
    expect(() => callbackReference({} as Crypto)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
