import { describe, expect, it } from 'vitest';
import { describeDate } from '../../src/callback/index.js';
import { HOST_OFFSETS, runInTimeZone } from './helpers.js';

const EXAMPLES: [string, string, string][] = [
  ['2026-11-24', '24 listopada 2026', '24 November 2026'],
  ['2027-01-04', '4 stycznia 2027', '4 January 2027'],
  ['2026-03-29', '29 marca 2026', '29 March 2026'],
  ['2028-02-29', '29 lutego 2028', '29 February 2028'],
  ['2026-05-01', '1 maja 2026', '1 May 2026'],
  ['2026-10-25', '25 października 2026', '25 October 2026'],
];

describe('describeDate', () => {
  it.each(EXAMPLES)('%s → %j / %j', (date, polish, english) => {
    expect(describeDate(date, 'pl')).toBe(polish);
    expect(describeDate(date, 'en')).toBe(english);
  });

  it.each(['2026-02-29', '2026-11-31', '24.11.2026', '2026-11-24T10:00', ''])('rejects %j with INVALID_ARGUMENT', (date) => {
    expect(() => describeDate(date, 'pl')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('rejects an unknown locale', () => {
    expect(() => describeDate('2026-11-24', 'de' as 'pl')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it.each(['Pacific/Kiritimati', 'America/New_York'] as const)('is the same with TZ=%s', (timeZone) => {
    const { hostOffset, result } = runInTimeZone<string[]>(timeZone, `return ${JSON.stringify(EXAMPLES.map((e) => e[0]))}.flatMap((d) => [m.describeDate(d, 'pl'), m.describeDate(d, 'en')]);`);
    expect(hostOffset).toBe(HOST_OFFSETS[timeZone]);
    expect(result).toEqual(EXAMPLES.flatMap(([, polish, english]) => [polish, english]));
  });
});
