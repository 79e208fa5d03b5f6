import { describe, expect, it } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { seededRandom } from '../../src/testing/seeded-random.js';
import { randomInt } from '../../src/core/random.js';
import { SafecallError } from '../../src/core/errors.js';

const draw = (seed: number, n: number): number[] => [...seededRandom(seed).getRandomValues(new Uint32Array(n))];

describe('seededRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draw(42, 64)).toEqual(draw(42, 64));
  });

  it('gives different sequences for different seeds', () => {
    expect(draw(1, 8)).not.toEqual(draw(2, 8));
    expect(draw(0, 8)).not.toEqual(draw(-1, 8));
  });

  it("is pure-rand's xoroshiro128+ read as unsigned 32-bit values", () => {
    const rng = xoroshiro128plus(2024);
    const expected = Array.from({ length: 16 }, () => rng.next() >>> 0);
    expect(draw(2024, 16)).toEqual(expected);
    expect(expected.some((v) => v >= 2 ** 31)).toBe(true);
  });

  it('fills the whole array in place and returns it, continuing the sequence across calls', () => {
    const random = seededRandom(7);
    const array = new Uint32Array(5);
    expect(random.getRandomValues(array)).toBe(array);
    const first = [...array];
    random.getRandomValues(array);
    expect([...first, ...array]).toEqual(draw(7, 10));
  });

  it('covers the 32-bit range evenly (each bit set about half the time)', () => {
    const values = draw(123, 20_000);
    for (let bit = 0; bit < 32; bit++) {
      const ones = values.filter((v) => (v >>> bit) & 1).length;
      // binomial(20000, 1/2): sd ≈ 70.7; 5 sd ≈ 354
      expect(Math.abs(ones - 10_000), `bit ${bit}`).toBeLessThan(354);
    }
  });

  it('drives randomInt', () => {
    const random = seededRandom(99);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 6000; i++) counts[randomInt(random, 6)]!++;
    // binomial(6000, 1/6): sd ≈ 28.9
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(5 * 28.9);
  });

  it.each([[1.5], [Number.NaN], [Infinity], ['1']])('rejects seed %j', (seed) => {
    expect(() => seededRandom(seed as number)).toThrow(SafecallError);
  });
});
