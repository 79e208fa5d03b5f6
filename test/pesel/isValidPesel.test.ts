import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidPesel } from '../../src/pesel/isValidPesel.js';
import { buildPesel, checkDigit, dateDigits } from './helpers.js';

const withCheck = (first10: string): string => first10 + String(checkDigit(first10));

describe('isValidPesel', () => {
  it.each([
    ['1800s (+80)', buildPesel(1800, 1, 1, 0, 'male')],
    ['1899-12-31', buildPesel(1899, 12, 31, 123, 'female')],
    ['1900s (+0)', buildPesel(1900, 1, 1, 999, 'male')],
    ['1985-03-14', buildPesel(1985, 3, 14, 456, 'female')],
    ['2000s (+20)', buildPesel(2000, 1, 1, 1, 'male')],
    ['2099-12-31', buildPesel(2099, 12, 31, 42, 'female')],
    ['2100s (+40)', buildPesel(2100, 6, 30, 7, 'male')],
    ['2200s (+60)', buildPesel(2200, 7, 31, 500, 'female')],
    ['2299-12-31', buildPesel(2299, 12, 31, 500, 'male')],
    ['29 Feb 2000 (leap: divisible by 400)', buildPesel(2000, 2, 29, 0, 'female')],
    ['29 Feb 1896', buildPesel(1896, 2, 29, 0, 'female')],
    ['29 Feb 2024', buildPesel(2024, 2, 29, 0, 'female')],
    ['29 Feb 2204', buildPesel(2204, 2, 29, 0, 'male')],
    ['30 Apr', buildPesel(1999, 4, 30, 0, 'male')],
    ['known-good literal', '02270803624'],
    ['literal 44051401359 (1944-05-14)', '44051401359'],
  ])('accepts %s', (_, pesel) => {
    expect(isValidPesel(pesel)).toBe(true);
  });

  it.each([
    ['29 Feb 1900 (century, not leap)', withCheck('000229' + '1234')],
    ['29 Feb 2100', withCheck('004229' + '1234')],
    ['29 Feb 1800', withCheck('008229' + '1234')],
    ['29 Feb 2200', withCheck('006229' + '1234')],
    ['29 Feb 2023', withCheck('232229' + '1234')],
    ['30 Feb 2000', withCheck('002230' + '1234')],
    ['31 Apr', withCheck('850431' + '1234')],
    ['31 Jun', withCheck('850631' + '1234')],
    ['31 Sep', withCheck('850931' + '1234')],
    ['31 Nov', withCheck('851131' + '1234')],
    ['32 Jan', withCheck('850132' + '1234')],
    ['month 00', withCheck('850015' + '1234')],
    ['month 13', withCheck('851315' + '1234')],
    ['month 20 (2000s month 0)', withCheck('852015' + '1234')],
    ['month 33 (2000s month 13)', withCheck('853315' + '1234')],
    ['month 93 (1800s month 13)', withCheck('859315' + '1234')],
    ['month 99', withCheck('859915' + '1234')],
    ['day 00', withCheck('850100' + '1234')],
  ])('rejects an impossible date: %s', (_, pesel) => {
    expect(pesel).toMatch(/^\d{11}$/);
    expect(isValidPesel(pesel)).toBe(false);
  });

  it('accepts exactly the month fields 01–12, 21–32, 41–52, 61–72, 81–92', () => {
    for (let field = 0; field < 100; field++) {
      const pesel = withCheck(`85${String(field).padStart(2, '0')}15` + '1234');
      const expected = field % 20 >= 1 && field % 20 <= 12;
      expect(isValidPesel(pesel), `month field ${field}`).toBe(expected);
    }
  });

  it('accepts the last day of every month of every century, and rejects the day after', () => {
    for (let year = 1800; year < 2300; year++) {
      for (let month = 1; month <= 12; month++) {
        // day 0 of the next month is the last day of this one
        const lastDate = new Date(0);
        lastDate.setUTCFullYear(year, month, 0);
        const days = lastDate.getUTCDate();
        const base = dateDigits(year, month, 1).slice(0, 4);
        expect(isValidPesel(withCheck(`${base}${String(days).padStart(2, '0')}5555`)), `${year}-${month}-${days}`).toBe(true);
        expect(isValidPesel(withCheck(`${base}${String(days + 1).padStart(2, '0')}5555`)), `${year}-${month}-${days + 1}`).toBe(false);
      }
    }
  });

  it('rejects a wrong check digit at every position (each digit changed)', () => {
    const valid = buildPesel(1985, 3, 14, 456, 'female');
    for (let i = 0; i < 11; i++) {
      for (let delta = 1; delta <= 9; delta++) {
        const digit = (Number(valid[i]) + delta) % 10;
        const changed = valid.slice(0, i) + String(digit) + valid.slice(i + 1);
        expect(isValidPesel(changed), `position ${i + 1} → ${digit}`).toBe(false);
      }
    }
  });

  it('rejects every other check digit', () => {
    const first10 = '8503140456';
    const good = checkDigit(first10);
    for (let c = 0; c < 10; c++) expect(isValidPesel(first10 + String(c))).toBe(c === good);
  });

  it.each([
    ['empty', ''],
    ['10 digits', '8503140456'],
    ['12 digits', '850314045670'],
    ['leading space', ` ${'02270803624'}`],
    ['trailing space', '02270803624 '],
    ['trailing newline', '02270803624\n'],
    ['inner space', '022708 03624'],
    ['dash', '022708-3624'],
    ['letter', '0227080362a'],
    ['plus sign', '+2270803624'],
    ['full-width digits', '０２２７０８０３６２４'],
    ['Arabic-Indic digits', '٠٢٢٧٠٨٠٣٦٢٤'],
    ['one full-width digit', '0227080362４'],
  ])('rejects malformed string: %s', (_, value) => {
    expect(isValidPesel(value)).toBe(false);
  });

  it.each([
    ['number', 2270803624],
    ['bigint', 2270803624n],
    ['null', null],
    ['undefined', undefined],
    ['array of digits', [...'02270803624']],
    ['String object', new String('02270803624')],
    ['object with toString', { toString: () => '02270803624' }],
  ])('returns false, never throws, for a non-string: %s', (_, value) => {
    expect(() => isValidPesel(value)).not.toThrow();
    expect(isValidPesel(value)).toBe(false);
  });

  it('never throws for any input', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(typeof isValidPesel(value)).toBe('boolean');
      }),
    );
  });

  it('random 11-digit strings: valid exactly when the check digit and date work out', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{11}$/), (value) => {
        const first10 = value.slice(0, 10);
        const field = Number(value.slice(2, 4));
        const month = field % 20;
        const year = [1900, 2000, 2100, 2200, 1800][Math.floor(field / 20)]! + Number(value.slice(0, 2));
        const day = Number(value.slice(4, 6));
        const probe = new Date(0);
        probe.setUTCFullYear(year, month - 1, day);
        const realDate = month >= 1 && month <= 12 && day >= 1 && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
        expect(isValidPesel(value)).toBe(realDate && Number(value[10]) === checkDigit(first10));
      }),
      { numRuns: 2000 },
    );
  });
});
