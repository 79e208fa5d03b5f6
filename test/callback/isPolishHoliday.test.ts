import { describe, expect, it } from 'vitest';
import { isPolishHoliday, polishHolidays } from '../../src/callback/index.js';

describe('isPolishHoliday', () => {
  it.each([
    ['2026-06-04', true], // Corpus Christi
    ['2026-04-06', true], // Easter Monday
    ['2026-05-24', true], // Pentecost (a Sunday)
    ['2026-11-11', true],
    ['2025-12-24', true],
    ['2024-12-24', false],
    ['2010-01-06', false],
    ['2011-01-06', true],
    ['2026-04-07', false],
    ['2026-11-24', false],
  ])('%s → %s', (date, expected) => {
    expect(isPolishHoliday(date)).toBe(expected);
  });

  it('agrees with polishHolidays for every day of 2024–2030', () => {
    for (let year = 2024; year <= 2030; year++) {
      const holidays = new Set(polishHolidays(year).map((h) => h.date));
      for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
        const date = new Date(t).toISOString().slice(0, 10);
        expect(isPolishHoliday(date)).toBe(holidays.has(date));
      }
    }
  });

  it.each(['2026-02-30', '2026-13-01', '26-11-24', '2026-11-24T00:00', '', '1989-01-01'])('rejects %j with INVALID_ARGUMENT', (date) => {
    expect(() => isPolishHoliday(date)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
