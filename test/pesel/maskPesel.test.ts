import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskPesel } from '../../src/pesel/maskPesel.js';
import { SafecallError } from '../../src/core/errors.js';
import { forged } from '../support/forged.js';

const PESEL = '44051401359';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SafecallError);
    return (error as SafecallError).code;
  }
  throw new Error('expected a throw');
}

describe('maskPesel', () => {
  it('hides every digit by default', () => {
    expect(maskPesel(PESEL)).toBe('***********');
    expect(maskPesel(PESEL, {})).toBe('***********');
    expect(maskPesel(PESEL, { reveal: [] })).toBe('***********');
  });

  it('reveals exactly the requested 1-based positions', () => {
    expect(maskPesel(PESEL, { reveal: [5, 8] })).toBe('****1**1***');
    expect(maskPesel(PESEL, { reveal: [1] })).toBe('4**********');
    expect(maskPesel(PESEL, { reveal: [11] })).toBe('**********9');
    expect(maskPesel(PESEL, { reveal: [9, 10, 11] })).toBe('********359');
    expect(maskPesel(PESEL, { reveal: [11, 1, 1] })).toBe('4*********9');
  });

  it('does not require a valid check digit or date', () => {
    expect(maskPesel('99999999999', { reveal: [2] })).toBe('*9*********');
  });

  it.each([['4405140135'], ['440514013590'], [' 4405140135'], ['4405140135x'], ['４４０５１４０１３５９'], [''], [44051401359]])(
    'throws INVALID_PESEL for %s',
    (value) => {
      expect(codeOf(() => maskPesel(value as string, { reveal: [1] }))).toBe('INVALID_PESEL');
    },
  );

  it.each([[[0]], [[12]], [[1.5]], [[-1]], [[Number.NaN]], [['3']], ['5']])('throws INVALID_ARGUMENT for reveal %j', (reveal) => {
    expect(codeOf(() => maskPesel(PESEL, { reveal: reveal as number[] }))).toBe('INVALID_ARGUMENT');
  });

  it('throws INVALID_ARGUMENT for non-object options', () => {
    expect(codeOf(() => maskPesel(PESEL, forged(null)))).toBe('INVALID_ARGUMENT');
  });

  it('error messages never contain the value', () => {
    for (const value of ['4405140135', '4405140135x9', '44051401359 ']) {
      expect(() => maskPesel(value)).toThrow(SafecallError);
      expect(() => maskPesel(value)).not.toThrow(/440|135/);
    }
  });

  it('property: shows the digit at revealed positions and * elsewhere', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{11}$/), fc.uniqueArray(fc.integer({ min: 1, max: 11 })), (value, reveal) => {
        const masked = maskPesel(value, { reveal });
        expect(masked).toHaveLength(11);
        for (let p = 1; p <= 11; p++) expect(masked[p - 1]).toBe(reveal.includes(p) ? value[p - 1] : '*');
      }),
    );
  });
});
