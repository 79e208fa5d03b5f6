import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { challengeStrength } from '../../src/pesel/challengeStrength.js';
import type { ThreatModel } from '../../src/pesel/threat.js';
import { SafecallError } from '../../src/core/errors.js';
import { WEIGHTS, allDates, combinations, subsets } from './helpers.js';

const ALL = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SERIAL_AND_CHECK = [7, 8, 9, 10, 11];

/**
 * Brute force under the stranger's prior with `known` digits revealed: the
 * exact joint counts of (known digits, asked digits) over every date × every
 * serial, aggregated through (digits, residue) histograms so it stays small,
 * then the worst case over the known values of −log2(max share).
 */
function bruteKnown(known: number[], asked: number[]): number {
  const target = asked.filter((p) => !known.includes(p));
  if (!target.length) return 0;
  const used = [...new Set([...known, ...target])];
  const datePos = used.filter((p) => p <= 6);
  const serialPos = used.filter((p) => p >= 7 && p <= 10);
  const histogram = (rows: Iterable<{ digits: number[]; residue: number }>, positions: number[], first: number) => {
    const map = new Map<string, { digits: number[]; residue: number; count: number }>();
    for (const row of rows) {
      const digits = positions.map((p) => row.digits[p - first]!);
      const key = `${digits.join('')}|${row.residue}`;
      const entry = map.get(key);
      if (entry) entry.count++;
      else map.set(key, { digits, residue: row.residue, count: 1 });
    }
    return [...map.values()];
  };
  const dates = histogram(allDates(), datePos, 1);
  const serials = histogram(
    (function* () {
      for (let s = 0; s < 10_000; s++) {
        const digits = [...String(s).padStart(4, '0')].map(Number);
        yield { digits, residue: digits.reduce((a, d, i) => a + WEIGHTS[6 + i]! * d, 0) % 10 };
      }
    })(),
    serialPos,
    7,
  );
  const joint = new Map<number, Map<number, number>>();
  // where each position's digit is found: in the date row, the serial row, or the check digit
  const source = (p: number): [0 | 1 | 2, number] => (p <= 6 ? [0, datePos.indexOf(p)] : p <= 10 ? [1, serialPos.indexOf(p)] : [2, 0]);
  const knownAt = known.map(source);
  const targetAt = target.map(source);
  for (const d of dates) {
    for (const s of serials) {
      const check = (10 - ((d.residue + s.residue) % 10)) % 10;
      const key = (at: [0 | 1 | 2, number][]): number => at.reduce((k, [from, i]) => k * 10 + (from === 0 ? d.digits[i]! : from === 1 ? s.digits[i]! : check), 0);
      const k = key(knownAt);
      const a = key(targetAt);
      let inner = joint.get(k);
      if (!inner) joint.set(k, (inner = new Map()));
      inner.set(a, (inner.get(a) ?? 0) + d.count * s.count);
    }
  }
  let bits = Infinity;
  for (const inner of joint.values()) {
    const counts = [...inner.values()];
    const total = counts.reduce((x, y) => x + y, 0);
    bits = Math.min(bits, Math.log2(total / Math.max(...counts)));
  }
  return bits;
}

/** Every PESEL of one birth date (its six digits) and sex: serials 7–9 × the five digits 10 of that parity. */
function acquaintancePesels(dateDigits: number[], sex: 0 | 1): number[][] {
  const rows: number[][] = [];
  for (let s = 0; s < 1000; s++) {
    for (let d10 = sex; d10 < 10; d10 += 2) {
      const digits = [...dateDigits, ...[...String(s).padStart(3, '0')].map(Number), d10];
      const sum = digits.reduce((a, d, i) => a + WEIGHTS[i]! * d, 0);
      digits.push((10 - (sum % 10)) % 10);
      rows.push(digits);
    }
  }
  return rows;
}

/** −log2 of the largest share one value of the `asked` digits takes among `rows`. */
function bruteShare(rows: number[][], asked: number[]): number {
  const counts = new Map<number, number>();
  for (const row of rows) {
    const key = asked.reduce((k, p) => k * 10 + row[p - 1]!, 0);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return Math.log2(rows.length / Math.max(...counts.values()));
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SafecallError);
    return (error as SafecallError).code;
  }
  throw new Error('expected a throw');
}

const D = 182_621; // days from 1800-01-01 to 2299-12-31

describe('challengeStrength: worked values from DESIGN.md', () => {
  it("asking 5, 8, 9 of an acquaintance is log2(100) ≈ 6.64 bits", () => {
    expect(challengeStrength([5, 8, 9])).toBeCloseTo(Math.log2(100), 12);
    expect(challengeStrength([5, 8, 9], 'acquaintance')).toBeCloseTo(6.644, 3);
  });

  it('asking 7, 8, 9 of an acquaintance is log2(1000) ≈ 9.97 bits', () => {
    expect(challengeStrength([7, 8, 9])).toBeCloseTo(Math.log2(1000), 12);
    expect(challengeStrength([7, 8, 9], 'acquaintance')).toBeCloseTo(9.966, 3);
  });
});

describe('challengeStrength: acquaintance (knows birth date and sex)', () => {
  it.each([
    [[1, 2, 3, 4, 5, 6], 1],
    [[7], 10],
    [[10], 5],
    [[11], 10],
    [[10, 11], 50],
    [[9, 10, 11], 500],
    [[7, 8, 11], 1000],
    [[7, 8, 9, 10], 5000],
    [[7, 8, 9, 11], 5000], // digit 11 is then in 1-1 correspondence with digit 10
    [[7, 8, 9, 10, 11], 5000], // digit 11 adds nothing once 7–10 are asked
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 5000],
  ])('%j → log2(%d)', (positions, guesses) => {
    expect(challengeStrength(positions)).toBeCloseTo(Math.log2(guesses), 12);
  });

  it('matches a brute force over the 5,000 serials for every subset of 7–11, every date residue and both sexes', () => {
    // one real birth date for each weighted residue of digits 1–6
    const byResidue = new Map<number, number[]>();
    for (const date of allDates()) if (!byResidue.has(date.residue)) byResidue.set(date.residue, date.digits);
    expect([...byResidue.keys()].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const populations = [...byResidue.values()].flatMap((digits) => [acquaintancePesels(digits, 0), acquaintancePesels(digits, 1)]);
    for (const asked of subsets(SERIAL_AND_CHECK)) {
      const ours = challengeStrength(asked);
      for (const rows of populations) {
        // the value must not depend on which birth date or sex the attacker knows
        expect(bruteShare(rows, asked), `${asked} for ${rows[0]!.slice(0, 6).join('')}, digit 10 parity ${rows[0]![9]! % 2}`).toBeCloseTo(ours, 12);
      }
      // birth-date positions are known: adding them changes nothing
      expect(challengeStrength([...asked, 3, 5].sort((a, b) => a - b))).toBeCloseTo(ours, 12);
    }
  });
});

describe('challengeStrength: stranger (knows nothing)', () => {
  it('every single position matches a direct count over all dates and serials', () => {
    for (const p of ALL) expect(challengeStrength([p], 'stranger'), `position ${p}`).toBeCloseTo(bruteKnown([], [p]), 12);
  });

  it('single date positions match a plain digit count over the 182,621 dates', () => {
    const dates = allDates();
    expect(dates).toHaveLength(D);
    for (let p = 1; p <= 6; p++) {
      const counts = new Array<number>(10).fill(0);
      for (const date of dates) counts[date.digits[p - 1]!]!++;
      expect(challengeStrength([p], 'stranger')).toBeCloseTo(Math.log2(D / Math.max(...counts)), 12);
    }
  });

  it.each([[[1, 2]], [[3, 4]], [[5, 6]], [[4, 11]], [[6, 11]], [[7, 11]], [[10, 11]], [[2, 8]], [[1, 2, 3]], [[5, 6, 11]], [[9, 10, 11]], [[3, 9, 11]]])(
    '%j matches the brute force',
    (asked) => {
      expect(challengeStrength(asked, 'stranger')).toBeCloseTo(bruteKnown([], asked), 12);
    },
  );

  it.each([
    [[7, 8, 9], Math.log2(1000)],
    [[11], Math.log2(10)],
    [[7, 8, 9, 10], Math.log2(10_000)],
    [[1, 2, 3, 4, 5, 6], Math.log2(D)], // every date string is distinct
    [ALL, Math.log2(D * 10_000)], // the whole number: every valid PESEL equally likely
  ])('%j', (asked, bits) => {
    expect(challengeStrength(asked, 'stranger')).toBeCloseTo(bits, 12);
  });

  it('asking 7–11 is log2(10^4) plus what the most common date residue leaves to guess', () => {
    const counts = new Array<number>(10).fill(0);
    for (const date of allDates()) counts[date.residue]!++;
    const expected = Math.log2(10_000) + Math.log2(D / Math.max(...counts));
    expect(challengeStrength(SERIAL_AND_CHECK, 'stranger')).toBeCloseTo(expected, 12);
    // the check digit is not a free log2(10): the date residues are not uniform
    expect(challengeStrength(SERIAL_AND_CHECK, 'stranger')).toBeLessThan(Math.log2(100_000) - 1e-6);
  });

  it('equals { known: [] }', () => {
    for (const asked of [...combinations(ALL, 1), ...combinations(ALL, 2)]) {
      expect(challengeStrength(asked, { known: [] })).toBe(challengeStrength(asked, 'stranger'));
    }
  });
});

describe('challengeStrength: { known } (attacker knows the digits at those positions)', () => {
  it.each([
    [[5, 8], [6, 9, 11]],
    [[11], [1]],
    [[11], [10]],
    [[7, 8, 9, 10], [11]],
    [[1, 2, 3, 4, 5, 6], [11]],
    [[1, 2, 3, 4, 5], [6, 11]],
    [[3, 11], [4, 10]],
    [[4, 7, 8, 11], [5]],
    [[7, 8, 9, 10, 11], [1]],
    [[5], [6]],
  ])('known %j, asked %j matches the brute force', (known, asked) => {
    expect(challengeStrength(asked, { known })).toBeCloseTo(bruteKnown(known, asked), 12);
  });

  it('asked positions the attacker knows count 0', () => {
    expect(challengeStrength([5, 8], { known: [5, 8] })).toBe(0);
    expect(challengeStrength([5, 8, 9], { known: [5, 8] })).toBeCloseTo(Math.log2(10), 12);
    expect(challengeStrength([5, 8, 9], { known: [5, 8] })).toBe(challengeStrength([9], { known: [5, 8] }));
  });

  it('knowing the birth date but not the sex leaves digit 10 at log2(10), not log2(5)', () => {
    expect(challengeStrength([10], { known: [1, 2, 3, 4, 5, 6] })).toBeCloseTo(Math.log2(10), 12);
    expect(challengeStrength([10], 'acquaintance')).toBeCloseTo(Math.log2(5), 12);
  });

  it('a known check digit ties the serial to the date: 7–10 drop to log2(1000)', () => {
    expect(challengeStrength([7, 8, 9, 10], { known: [1, 2, 3, 4, 5, 6] })).toBeCloseTo(Math.log2(10_000), 12);
    expect(challengeStrength([7, 8, 9, 10], { known: [1, 2, 3, 4, 5, 6, 11] })).toBeCloseTo(Math.log2(1000), 12);
  });

  it('accepts repeated known positions', () => {
    expect(challengeStrength([9], { known: [8, 8] })).toBe(challengeStrength([9], { known: [8] }));
  });
});

describe('challengeStrength: arguments', () => {
  it('is 0 for no positions under every model', () => {
    for (const threat of ['stranger', 'acquaintance', { known: [1] }] as ThreatModel[]) expect(challengeStrength([], threat)).toBe(0);
  });

  it('defaults to the acquaintance model', () => {
    for (const asked of combinations(ALL, 3)) expect(challengeStrength(asked)).toBe(challengeStrength(asked, 'acquaintance'));
  });

  it('does not depend on the order of positions', () => {
    expect(challengeStrength([9, 5, 11], 'stranger')).toBe(challengeStrength([5, 9, 11], 'stranger'));
  });

  it.each([[[0]], [[12]], [[1.5]], [[Number.NaN]], [[1, 1]], [['3']], [null], ['789']])('rejects positions %j with INVALID_ARGUMENT', (positions) => {
    expect(codeOf(() => challengeStrength(positions as number[]))).toBe('INVALID_ARGUMENT');
  });

  it.each([['friend'], [null], [{}], [{ known: [0] }], [{ known: '5' }], [{ known: [11.5] }]])('rejects threat %j with INVALID_ARGUMENT', (threat) => {
    expect(codeOf(() => challengeStrength([7], threat as ThreatModel))).toBe('INVALID_ARGUMENT');
  });
});

describe('challengeStrength: properties', () => {
  const threatArb: fc.Arbitrary<ThreatModel> = fc.oneof(
    fc.constantFrom<ThreatModel>('stranger', 'acquaintance'),
    fc.uniqueArray(fc.integer({ min: 1, max: 11 }), { maxLength: 3 }).map((known) => ({ known })),
  );
  const askedArb = fc.uniqueArray(fc.integer({ min: 1, max: 11 }), { maxLength: 5 });

  it('adding a position never lowers the strength', () => {
    fc.assert(
      fc.property(askedArb, fc.integer({ min: 1, max: 11 }), threatArb, (asked, extra, threat) => {
        fc.pre(!asked.includes(extra));
        expect(challengeStrength([...asked, extra], threat)).toBeGreaterThanOrEqual(challengeStrength(asked, threat) - 1e-9);
      }),
      { numRuns: 150 },
    );
  });

  it('never exceeds the entropy of the unknown part', () => {
    // values each unknown digit can take; digit 5 (tens of the day) is 0–3
    const range = (p: number, threat: ThreatModel): number => (p === 5 ? 4 : p === 10 && threat === 'acquaintance' ? 5 : 10);
    fc.assert(
      fc.property(askedArb, threatArb, (asked, threat) => {
        const known = threat === 'stranger' ? [] : threat === 'acquaintance' ? [1, 2, 3, 4, 5, 6] : threat.known;
        const unknown = asked.filter((p) => !known.includes(p));
        const bits = challengeStrength(asked, threat);
        expect(bits).toBeGreaterThanOrEqual(0);
        expect(bits).toBeLessThanOrEqual(unknown.reduce((s, p) => s + Math.log2(range(p, threat)), 0) + 1e-9);
        // and log2 of the number of PESELs consistent with the attacker's knowledge
        expect(bits).toBeLessThanOrEqual(Math.log2(threat === 'acquaintance' ? 5000 : D * 10_000) + 1e-9);
        expect(unknown.length === 0).toBe(bits === 0);
      }),
      { numRuns: 150 },
    );
  });

  it('asked positions inside { known } change nothing', () => {
    fc.assert(
      fc.property(askedArb, fc.uniqueArray(fc.integer({ min: 1, max: 11 }), { maxLength: 3 }), (asked, known) => {
        const rest = asked.filter((p) => !known.includes(p));
        expect(challengeStrength(asked, { known })).toBe(challengeStrength(rest, { known }));
      }),
      { numRuns: 100 },
    );
  });
});
