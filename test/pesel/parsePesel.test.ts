import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePesel } from '../../src/pesel/parsePesel.js';
import { isValidPesel } from '../../src/pesel/isValidPesel.js';
import { SafecallError } from '../../src/core/errors.js';
import { buildPesel, checkDigit } from './helpers.js';
import { forged } from '../support/forged.js';

function utc(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

function errorOf(fn: () => unknown): SafecallError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SafecallError);
    return error as SafecallError;
  }
  throw new Error('expected a throw');
}

/** Every substring of `value` made of 3+ consecutive characters. */
function runsOf(value: string, min = 3): string[] {
  const out: string[] = [];
  for (let i = 0; i < value.length; i++) for (let j = i + min; j <= value.length; j++) out.push(value.slice(i, j));
  return out;
}

// a valid (date, serial, sex) drawn over the whole 1800–2299 range
const birthArb = fc
  .record({
    date: fc.date({ min: utc(1800, 1, 1), max: utc(2299, 12, 31), noInvalidDate: true }),
    serial: fc.integer({ min: 0, max: 999 }),
    sex: fc.constantFrom('female' as const, 'male' as const),
    sexDigit: fc.integer({ min: 0, max: 4 }),
  })
  .map(({ date, serial, sex, sexDigit }) => {
    const day = utc(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    return { day, sex, pesel: buildPesel(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), serial, sex, sexDigit) };
  });

describe('parsePesel', () => {
  it.each([
    ['44051401359', utc(1944, 5, 14), 'male'],
    ['02270803624', utc(2002, 7, 8), 'female'],
    [buildPesel(1800, 1, 1, 0, 'male'), utc(1800, 1, 1), 'male'],
    [buildPesel(1899, 12, 31, 0, 'female'), utc(1899, 12, 31), 'female'],
    [buildPesel(1900, 3, 1, 0, 'male'), utc(1900, 3, 1), 'male'],
    [buildPesel(2000, 2, 29, 0, 'female'), utc(2000, 2, 29), 'female'],
    [buildPesel(2150, 11, 30, 0, 'male'), utc(2150, 11, 30), 'male'],
    [buildPesel(2299, 12, 31, 0, 'female'), utc(2299, 12, 31), 'female'],
  ])('%s → %s, %s', (pesel, birthDate, sex) => {
    expect(parsePesel(pesel)).toEqual({ birthDate, sex });
  });

  it('returns UTC midnight', () => {
    const { birthDate } = parsePesel('44051401359');
    expect(birthDate.toISOString()).toBe('1944-05-14T00:00:00.000Z');
  });

  it('reads the sex from the parity of digit 10', () => {
    for (let d10 = 0; d10 < 10; d10++) {
      const first10 = `850314045${d10}`;
      expect(parsePesel(first10 + String(checkDigit(first10))).sex).toBe(d10 % 2 === 0 ? 'female' : 'male');
    }
  });

  it.each([
    ['length', '8503140456', /11 characters/],
    ['length', '850314045600', /11 characters/],
    ['length', '', /11 characters/],
    ['characters', '8503140456a', /digits/],
    ['characters', '85031404 60', /digits/],
    ['characters', '０２２７０８０３６２４', /digits/],
    ['checksum', '44051401358', /check digit/],
    ['date', `${'8502300456'}${checkDigit('8502300456')}`, /birth date/],
    ['date', `${'8513140456'}${checkDigit('8513140456')}`, /birth date/],
  ])('throws INVALID_PESEL naming the reason (%s) for %s', (_, value, reason) => {
    const error = errorOf(() => parsePesel(value));
    expect(error.code).toBe('INVALID_PESEL');
    expect(error.message).toMatch(reason);
  });

  it('throws INVALID_PESEL for a non-string', () => {
    for (const value of [44051401359, null, undefined, {}, ['44051401359']]) {
      const error = errorOf(() => parsePesel(forged(value)));
      expect(error.code).toBe('INVALID_PESEL');
    }
  });

  it('property: any valid (date, serial, sex) builds a PESEL that validates and parses back', () => {
    fc.assert(
      fc.property(birthArb, ({ day, sex, pesel }) => {
        expect(isValidPesel(pesel)).toBe(true);
        expect(parsePesel(pesel)).toEqual({ birthDate: day, sex });
      }),
      { numRuns: 1000 },
    );
  });

  it('property: changing one digit makes a PESEL invalid or changes what it parses to', () => {
    fc.assert(
      fc.property(birthArb, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), ({ pesel }, index, delta) => {
        const changed = pesel.slice(0, index) + String((Number(pesel[index]) + delta) % 10) + pesel.slice(index + 1);
        if (!isValidPesel(changed)) {
          expect(() => parsePesel(changed)).toThrow(SafecallError);
          return;
        }
        expect(parsePesel(changed)).not.toEqual(parsePesel(pesel));
      }),
      { numRuns: 2000 },
    );
  });

  it('property: error messages never contain the input or any 3-digit run of it', () => {
    const invalid = fc.oneof(
      fc.stringMatching(/^[0-9]{11}$/).filter((v) => !isValidPesel(v)),
      fc.stringMatching(/^[0-9]{3,20}$/).filter((v) => v.length !== 11),
      fc.stringMatching(/^[0-9]{5}[a-z ][0-9]{5}$/),
    );
    fc.assert(
      fc.property(invalid, (value) => {
        const error = errorOf(() => parsePesel(value));
        expect(error.code).toBe('INVALID_PESEL');
        for (const run of runsOf(value)) {
          if (/^[0-9]+$/.test(run)) expect(error.message).not.toContain(run);
        }
        expect(error.message).not.toContain(value);
      }),
      { numRuns: 2000 },
    );
  });
});
