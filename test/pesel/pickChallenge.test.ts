import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pickChallenge, type PickChallengeOptions } from '../../src/pesel/pickChallenge.js';
import { challengeStrength } from '../../src/pesel/challengeStrength.js';
import type { ThreatModel } from '../../src/pesel/threat.js';
import { SafecallError } from '../../src/core/errors.js';
import type { RandomSource } from '../../src/core/random.js';
import { seededRandom } from '../../src/testing/seeded-random.js';
import { combinations } from './helpers.js';

const ALL = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

function errorOf(fn: () => unknown): SafecallError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SafecallError);
    return error as SafecallError;
  }
  throw new Error('expected a throw');
}

/** The sets pickChallenge should choose among, by definition. */
function qualifying(options: PickChallengeOptions): string[] {
  const pool = (options.allowed ?? ALL).filter((p, i, a) => a.indexOf(p) === i && !(options.avoid ?? []).includes(p)).sort((a, b) => a - b);
  return combinations(pool, options.count ?? 3)
    .filter((set) => challengeStrength(set, options.threat ?? 'acquaintance') >= (options.minStrengthBits ?? 0) - 1e-9)
    .map((set) => set.join(','));
}

/** Upper p-quantile of chi-square with k degrees of freedom (Wilson–Hilferty), for z standard deviations. */
function chiSquareBound(k: number, z: number): number {
  const v = 2 / (9 * k);
  return k * (1 - v + z * Math.sqrt(v)) ** 3;
}

/** Draws `n` challenges and checks they spread evenly over exactly the qualifying sets. */
function expectUniform(options: PickChallengeOptions, n: number, seed: number): void {
  const expected = qualifying(options);
  const random = seededRandom(seed);
  const seen = new Map<string, number>(expected.map((key) => [key, 0]));
  for (let i = 0; i < n; i++) {
    const key = pickChallenge({ ...options, random }).join(',');
    expect(seen.has(key), `${key} is not a qualifying set`).toBe(true);
    seen.set(key, seen.get(key)! + 1);
  }
  const counts = [...seen.values()];
  const mean = n / counts.length;
  // no set starved: with ≥ 100 expected draws per set, zero would be absurd
  expect(mean).toBeGreaterThanOrEqual(100);
  expect(Math.min(...counts)).toBeGreaterThan(0);
  // chi-square goodness of fit at z = 4.75 (p ≈ 1e-6): a fair picker fails this about once in a million seeds
  const chi2 = counts.reduce((s, c) => s + (c - mean) ** 2 / mean, 0);
  expect(chi2).toBeLessThan(chiSquareBound(counts.length - 1, 4.75));
  // and no set more than 5 standard deviations away from its mean
  const sd = Math.sqrt(mean * (1 - 1 / counts.length));
  for (const c of counts) expect(Math.abs(c - mean)).toBeLessThan(5 * sd);
}

describe('pickChallenge', () => {
  it('returns 3 distinct ascending positions by default', () => {
    const set = pickChallenge({ random: seededRandom(1) });
    expect(set).toHaveLength(3);
    expect([...set].sort((a, b) => a - b)).toEqual(set);
    expect(new Set(set).size).toBe(3);
    for (const p of set) expect(ALL).toContain(p);
  });

  it('uses crypto.getRandomValues when no random source is given', () => {
    const set = pickChallenge({ minStrengthBits: 9 });
    expect(qualifying({ minStrengthBits: 9 })).toContain(set.join(','));
  });

  it('is deterministic for a seeded source', () => {
    const draw = (seed: number) => Array.from({ length: 20 }, ((random) => () => pickChallenge({ random }))(seededRandom(seed)));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('draws exactly once from the random source, over the number of qualifying sets', () => {
    const calls: number[] = [];
    const random: RandomSource = {
      getRandomValues(array) {
        calls.push(array.length);
        array.fill(0);
        return array;
      },
    };
    const options = { minStrengthBits: 9 };
    // value 0 picks the first qualifying set; every one of them is reachable
    expect(qualifying(options)).toContain(pickChallenge({ ...options, random }).join(','));
    expect(calls).toEqual([1]);
  });

  it('honours count 1 to 4', () => {
    for (const count of [1, 2, 3, 4]) expect(pickChallenge({ count, random: seededRandom(count) })).toHaveLength(count);
  });

  it('meets the minimum strength: only {7,8,9}, {7,8,11}, {7,9,11}, {8,9,11} reach 9.9 bits for an acquaintance', () => {
    expect(qualifying({ minStrengthBits: 9.9 }).sort()).toEqual(['7,8,11', '7,8,9', '7,9,11', '8,9,11']);
    const random = seededRandom(3);
    for (let i = 0; i < 200; i++) expect(challengeStrength(pickChallenge({ minStrengthBits: 9.9, random }))).toBeGreaterThanOrEqual(9.9);
  });

  it('accepts a minimum given as Math.log2 of a guess count', () => {
    expect(pickChallenge({ count: 2, minStrengthBits: Math.log2(100), allowed: [7, 8], random: seededRandom(1) })).toEqual([7, 8]);
  });

  it('never picks an avoided position, and keeps to allowed', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 300; i++) {
      const set = pickChallenge({ avoid: [7, 8], allowed: [3, 5, 7, 8, 9, 10, 11], random });
      for (const p of set) expect([3, 5, 9, 10, 11]).toContain(p);
    }
  });

  it('under a { known } threat, never gains strength from known positions', () => {
    const random = seededRandom(9);
    for (let i = 0; i < 100; i++) {
      // a set holding 8 or 9 is worth at most one unknown digit, log2(10) < 6 bits
      const set = pickChallenge({ count: 2, minStrengthBits: 6, threat: { known: [8, 9] }, random });
      expect(set).not.toContain(8);
      expect(set).not.toContain(9);
    }
  });

  it('throws NO_CHALLENGE naming count and avoid when too few positions are left', () => {
    const error = errorOf(() => pickChallenge({ count: 3, avoid: [1, 2, 3, 4, 5, 6, 7, 8, 9] }));
    expect(error.code).toBe('NO_CHALLENGE');
    expect(error.message).toMatch(/count/);
    expect(error.message).toMatch(/avoid/);
    expect(errorOf(() => pickChallenge({ count: 2, allowed: [7] })).code).toBe('NO_CHALLENGE');
  });

  it('throws NO_CHALLENGE naming the minimum when no set is strong enough', () => {
    const error = errorOf(() => pickChallenge({ minStrengthBits: 10, avoid: [7] }));
    expect(error.code).toBe('NO_CHALLENGE');
    expect(error.message).toMatch(/minStrengthBits/);
    expect(errorOf(() => pickChallenge({ count: 4, minStrengthBits: 20, threat: 'stranger' })).code).toBe('NO_CHALLENGE');
  });

  it.each([
    [{ count: 5 }],
    [{ count: 11 }],
    [{ count: 0 }],
    [{ count: 2.5 }],
    [{ count: '3' }],
    [{ minStrengthBits: Number.NaN }],
    [{ minStrengthBits: '8' }],
    [{ avoid: [12] }],
    [{ avoid: 7 }],
    [{ allowed: [0, 1, 2] }],
    [{ threat: 'neighbour' }],
    [{ random: {} }],
  ])('rejects %j with INVALID_ARGUMENT', (options) => {
    expect(errorOf(() => pickChallenge(options as PickChallengeOptions)).code).toBe('INVALID_ARGUMENT');
  });

  it('property: the result is a qualifying set, or NO_CHALLENGE exactly when none exists', () => {
    const threatArb: fc.Arbitrary<ThreatModel> = fc.oneof(
      fc.constantFrom<ThreatModel>('stranger', 'acquaintance'),
      fc.uniqueArray(fc.integer({ min: 1, max: 11 }), { maxLength: 3 }).map((known) => ({ known })),
    );
    fc.assert(
      fc.property(
        fc.record({
          count: fc.integer({ min: 1, max: 4 }),
          minStrengthBits: fc.double({ min: 0, max: 15, noNaN: true }),
          avoid: fc.array(fc.integer({ min: 1, max: 11 }), { maxLength: 8 }),
          threat: threatArb,
        }),
        fc.integer(),
        (options, seed) => {
          const expected = qualifying(options);
          if (!expected.length) {
            expect(errorOf(() => pickChallenge({ ...options, random: seededRandom(seed) })).code).toBe('NO_CHALLENGE');
            return;
          }
          const set = pickChallenge({ ...options, random: seededRandom(seed) });
          expect(set).toHaveLength(options.count);
          expect(expected).toContain(set.join(','));
          for (const p of set) expect(options.avoid).not.toContain(p);
          expect(challengeStrength(set, options.threat)).toBeGreaterThanOrEqual(options.minStrengthBits - 1e-9);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('statistics: 20,000 default draws spread evenly over all 165 sets of 3', () => {
    expectUniform({}, 20_000, 20_240_611);
  });

  it('statistics: a strength floor and avoided positions leave an even spread over what qualifies', () => {
    const options: PickChallengeOptions = { threat: 'stranger', minStrengthBits: 8, avoid: [9], count: 3 };
    const sets = qualifying(options);
    expect(sets.length).toBeGreaterThan(10);
    expect(sets.length).toBeLessThan(combinations([1, 2, 3, 4, 5, 6, 7, 8, 10, 11], 3).length);
    expectUniform(options, 20_000, 42);
  });
});

describe('pickChallenge memoises the qualifying sets', () => {
  it('draws the same way on a warm cache as on a cold one, and keeps options apart', () => {
    const options = { count: 3, minStrengthBits: 6.5, threat: 'acquaintance' as const, avoid: [9] };
    const first = Array.from({ length: 50 }, (_, seed) => pickChallenge({ ...options, random: seededRandom(seed) }).join());
    const again = Array.from({ length: 50 }, (_, seed) => pickChallenge({ ...options, random: seededRandom(seed) }).join());
    expect(again).toEqual(first);
    expect(first.every((set) => !set.split(',').includes('9'))).toBe(true);
    // A different avoid list on the warm cache still avoids its own positions.
    for (let seed = 0; seed < 50; seed++) expect(pickChallenge({ ...options, avoid: [7], random: seededRandom(seed) })).not.toContain(7);
  });

  it('throws a fresh NO_CHALLENGE each time for an impossible request', () => {
    const impossible = { count: 1, minStrengthBits: 5 };
    const errors = [0, 1].map(() => {
      try {
        pickChallenge(impossible);
      } catch (error) {
        return error as SafecallError;
      }
      throw new Error('expected NO_CHALLENGE');
    });
    expect(errors.map((e) => e.code)).toEqual(['NO_CHALLENGE', 'NO_CHALLENGE']);
    expect(errors[0]).not.toBe(errors[1]);
    expect(errors[0]!.message).toBe(errors[1]!.message);
  });
});
