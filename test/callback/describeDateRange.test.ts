import { describe, expect, it } from 'vitest';
import { describeDateRange } from '../../src/callback/index.js';

describe('describeDateRange', () => {
  it.each([
    ['2026-11-24', '2026-11-28', 'od 24 do 28 listopada 2026', 'from 24 to 28 November 2026'],
    ['2026-11-30', '2026-12-04', 'od 30 listopada do 4 grudnia 2026', 'from 30 November to 4 December 2026'],
    ['2026-12-30', '2027-01-03', 'od 30 grudnia 2026 do 3 stycznia 2027', 'from 30 December 2026 to 3 January 2027'],
    ['2026-11-24', '2026-11-24', '24 listopada 2026', '24 November 2026'],
  ])('%s … %s → %j / %j', (from, to, polish, english) => {
    expect(describeDateRange(from, to, 'pl')).toBe(polish);
    expect(describeDateRange(from, to, 'en')).toBe(english);
  });

  it.each<[string, string]>([
    ['2026-11-28', '2026-11-24'],
    ['2026-11-31', '2026-12-04'],
    ['2026-11-24', 'next week'],
  ])('rejects %s … %s with INVALID_ARGUMENT', (from, to) => {
    expect(() => describeDateRange(from, to, 'pl')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
