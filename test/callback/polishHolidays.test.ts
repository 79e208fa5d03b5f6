import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { easterSunday, polishHolidays } from '../../src/callback/index.js';
import { isSafecallError } from '../../src/core/errors.js';

const dateOf = (year: number, nameEn: string) => polishHolidays(year).find((h) => h.nameEn === nameEn)?.date;

describe('polishHolidays', () => {
  // Easter Sunday, Easter Monday, Pentecost (+49), Corpus Christi (+60)
  it.each([
    [2024, '2024-03-31', '2024-04-01', '2024-05-19', '2024-05-30'],
    [2025, '2025-04-20', '2025-04-21', '2025-06-08', '2025-06-19'],
    [2026, '2026-04-05', '2026-04-06', '2026-05-24', '2026-06-04'],
    [2027, '2027-03-28', '2027-03-29', '2027-05-16', '2027-05-27'],
    [2028, '2028-04-16', '2028-04-17', '2028-06-04', '2028-06-15'],
    [2029, '2029-04-01', '2029-04-02', '2029-05-20', '2029-05-31'],
    [2030, '2030-04-21', '2030-04-22', '2030-06-09', '2030-06-20'],
  ])('%i: Easter %s, Easter Monday %s, Pentecost %s, Corpus Christi %s', (year, easter, monday, pentecost, corpusChristi) => {
    expect(dateOf(year, 'Easter Sunday')).toBe(easter);
    expect(dateOf(year, 'Easter Monday')).toBe(monday);
    expect(dateOf(year, 'Pentecost')).toBe(pentecost);
    expect(dateOf(year, 'Corpus Christi')).toBe(corpusChristi);
  });

  it.each([2024, 2025, 2026, 2027, 2028, 2029, 2030])('%i has the fixed-date holidays', (year) => {
    const dates = polishHolidays(year).map((h) => h.date);
    for (const md of ['01-01', '01-06', '05-01', '05-03', '08-15', '11-01', '11-11', '12-25', '12-26']) {
      expect(dates).toContain(`${year}-${md}`);
    }
  });

  it('24 December is a holiday from 2025 on, not before', () => {
    expect(polishHolidays(2024).map((h) => h.date)).not.toContain('2024-12-24');
    for (const year of [2025, 2026, 2027, 2028, 2029, 2030]) {
      expect(dateOf(year, 'Christmas Eve')).toBe(`${year}-12-24`);
    }
    expect(polishHolidays(2024)).toHaveLength(13);
    expect(polishHolidays(2025)).toHaveLength(14);
  });

  it('6 January is a holiday from 2011 on, not before', () => {
    expect(polishHolidays(2010).map((h) => h.date)).not.toContain('2010-01-06');
    expect(dateOf(2011, 'Epiphany')).toBe('2011-01-06');
    expect(polishHolidays(1990)).toHaveLength(12);
  });

  it('lists the whole of 2026 sorted, with Polish and English names', () => {
    expect(polishHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Nowy Rok', nameEn: "New Year's Day" },
      { date: '2026-01-06', name: 'Święto Trzech Króli', nameEn: 'Epiphany' },
      { date: '2026-04-05', name: 'Wielkanoc', nameEn: 'Easter Sunday' },
      { date: '2026-04-06', name: 'Poniedziałek Wielkanocny', nameEn: 'Easter Monday' },
      { date: '2026-05-01', name: 'Święto Pracy', nameEn: 'Labour Day' },
      { date: '2026-05-03', name: 'Święto Konstytucji 3 Maja', nameEn: 'Constitution Day' },
      { date: '2026-05-24', name: 'Zielone Świątki', nameEn: 'Pentecost' },
      { date: '2026-06-04', name: 'Boże Ciało', nameEn: 'Corpus Christi' },
      { date: '2026-08-15', name: 'Wniebowzięcie Najświętszej Maryi Panny', nameEn: 'Assumption of Mary' },
      { date: '2026-11-01', name: 'Wszystkich Świętych', nameEn: "All Saints' Day" },
      { date: '2026-11-11', name: 'Narodowe Święto Niepodległości', nameEn: 'Independence Day' },
      { date: '2026-12-24', name: 'Wigilia Bożego Narodzenia', nameEn: 'Christmas Eve' },
      { date: '2026-12-25', name: 'Boże Narodzenie', nameEn: 'Christmas Day' },
      { date: '2026-12-26', name: 'Drugi dzień Bożego Narodzenia', nameEn: 'Second Day of Christmas' },
    ]);
  });

  it('is sorted and distinct for every year 1990–2100', () => {
    for (let year = 1990; year <= 2100; year++) {
      const dates = polishHolidays(year).map((h) => h.date);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
      expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
    }
  });

  it('returns copies: mutating the result does not change the memoised list', () => {
    const first = polishHolidays(2026);
    first[0]!.date = '2026-01-02';
    first.pop();
    expect(polishHolidays(2026)[0]!.date).toBe('2026-01-01');
    expect(polishHolidays(2026)).toHaveLength(14);
  });

  it.each([1989, 1900, 10_000, 2026.5, Number.NaN])('rejects year %s with INVALID_ARGUMENT', (year) => {
    expect(() => polishHolidays(year)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('easterSunday', () => {
  it.each([
    [1990, '1990-04-15'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('is always a Sunday between 22 March and 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const date = easterSunday(year);
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        const utc = new Date(Date.UTC(2000, m - 1, d));
        utc.setUTCFullYear(y);
        expect(utc.getUTCDay()).toBe(0);
        expect(date.slice(5) >= '03-22' && date.slice(5) <= '04-25').toBe(true);
      }),
    );
  });

  it('rejects years outside the Gregorian range it supports', () => {
    expect(() => easterSunday(1582)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    try {
      easterSunday(1.5);
    } catch (error) {
      expect(isSafecallError(error, 'INVALID_ARGUMENT')).toBe(true);
    }
  });
});
