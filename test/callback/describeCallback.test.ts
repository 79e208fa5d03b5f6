import { format } from 'date-fns';
import { pl } from 'date-fns/locale/pl';
import { describe, expect, it } from 'vitest';
import { describeCallback } from '../../src/callback/index.js';
import { HOST_OFFSETS, runInTimeZone } from './helpers.js';

// Tuesday 24 November 2026, 10:00 in Warsaw (CET)
const NOW = '2026-11-24T09:00:00Z';

/** [at, now, Polish, English] — all in Europe/Warsaw. */
const EXAMPLES: [string, string, string, string][] = [
  ['2026-11-24T15:45:00Z', NOW, 'dziś o 16:45', 'today at 16:45'],
  ['2026-11-24T09:05:00Z', NOW, 'dziś o 10:05', 'today at 10:05'],
  ['2026-11-25T07:00:00Z', NOW, 'jutro o 8:00', 'tomorrow at 8:00'],
  ['2026-11-25T18:55:00Z', NOW, 'jutro o 19:55', 'tomorrow at 19:55'],
  ['2026-11-30T09:00:00Z', NOW, 'w poniedziałek 30 listopada o 10:00', 'on Monday 30 November at 10:00'],
  ['2026-12-01T07:00:00Z', NOW, 'we wtorek 1 grudnia o 8:00', 'on Tuesday 1 December at 8:00'],
  ['2026-11-26T07:30:00Z', NOW, 'w czwartek 26 listopada o 8:30', 'on Thursday 26 November at 8:30'],
  ['2026-11-27T12:05:00Z', NOW, 'w piątek 27 listopada o 13:05', 'on Friday 27 November at 13:05'],
  ['2026-11-28T08:00:00Z', NOW, 'w sobotę 28 listopada o 9:00', 'on Saturday 28 November at 9:00'],
  ['2026-11-29T11:00:00Z', NOW, 'w niedzielę 29 listopada o 12:00', 'on Sunday 29 November at 12:00'],
  ['2026-12-02T09:00:00Z', NOW, 'w środę 2 grudnia o 10:00', 'on Wednesday 2 December at 10:00'],
  // DESIGN §3 and issue 14, word for word (no commas)
  ['2025-11-24T09:00:00Z', '2025-11-20T09:00:00Z', 'w poniedziałek 24 listopada o 10:00', 'on Monday 24 November at 10:00'],
  ['2026-11-28T09:00:00Z', NOW, 'w sobotę 28 listopada o 10:00', 'on Saturday 28 November at 10:00'],
  // seconds are not said
  ['2026-11-24T15:45:59.999Z', NOW, 'dziś o 16:45', 'today at 16:45'],
  // another year: the year is said
  ['2027-01-04T09:00:00Z', NOW, 'w poniedziałek 4 stycznia 2027 o 10:00', 'on Monday 4 January 2027 at 10:00'],
  ['2027-01-01T07:00:00Z', '2026-12-31T12:00:00Z', 'jutro o 8:00', 'tomorrow at 8:00'],
  // days are Warsaw days: 23:30Z is already tomorrow 00:30 in Warsaw
  ['2026-11-24T23:30:00Z', '2026-11-24T22:30:00Z', 'jutro o 0:30', 'tomorrow at 0:30'],
  ['2026-11-24T22:30:00Z', '2026-11-24T21:30:00Z', 'dziś o 23:30', 'today at 23:30'],
  // across the DST changes (the nights are 23 and 25 hours long)
  ['2026-03-29T06:00:00Z', '2026-03-28T22:00:00Z', 'jutro o 8:00', 'tomorrow at 8:00'],
  ['2026-03-29T01:30:00Z', '2026-03-29T00:30:00Z', 'dziś o 3:30', 'today at 3:30'],
  ['2026-10-25T01:30:00Z', '2026-10-25T00:30:00Z', 'dziś o 2:30', 'today at 2:30'],
  ['2026-10-26T07:00:00Z', '2026-10-24T21:30:00Z', 'w poniedziałek 26 października o 8:00', 'on Monday 26 October at 8:00'],
];

describe('describeCallback', () => {
  it.each(EXAMPLES)('%s (now %s) → %j / %j', (at, now, polish, english) => {
    expect(describeCallback(at, 'pl', now)).toBe(polish);
    expect(describeCallback(at, 'en', now)).toBe(english);
  });

  it('takes Date, epoch milliseconds and ISO strings with an offset', () => {
    const at = Date.parse('2026-11-25T07:00:00Z');
    expect(describeCallback(new Date(at), 'pl', new Date(NOW))).toBe('jutro o 8:00');
    expect(describeCallback(at, 'pl', Date.parse(NOW))).toBe('jutro o 8:00');
    expect(describeCallback('2026-11-25T08:00:00+01:00', 'pl', NOW)).toBe('jutro o 8:00');
  });

  it('speaks in another zone when asked (use the policy time zone)', () => {
    // 13:00Z = 08:00 in New York, the same day as 09:00Z = 04:00
    expect(describeCallback('2026-11-24T13:00:00Z', 'en', NOW, { timeZone: 'America/New_York' })).toBe('today at 8:00');
    expect(describeCallback('2026-11-24T13:00:00Z', 'en', '2026-11-24T04:00:00Z', { timeZone: 'America/New_York' })).toBe('tomorrow at 8:00');
    expect(describeCallback('2026-11-24T13:00:00Z', 'en', '2026-11-24T04:00:00Z')).toBe('today at 14:00');
  });

  it('month names are date-fns pl genitive; weekdays are the accusative of date-fns pl nominative', () => {
    expect(format(new Date(2026, 10, 24, 12), 'd MMMM', { locale: pl })).toBe('24 listopada');
    const nominative = Array.from({ length: 7 }, (_, i) => format(new Date(2026, 10, 22 + i, 12), 'EEEE', { locale: pl }));
    expect(nominative).toEqual(['niedziela', 'poniedziałek', 'wtorek', 'środa', 'czwartek', 'piątek', 'sobota']);
    const spoken = Array.from({ length: 7 }, (_, i) =>
      describeCallback(new Date(Date.UTC(2026, 10, 29 + i, 9)), 'pl', NOW).replace(/ \d.*/, ''),
    );
    expect(spoken).toEqual(['w niedzielę', 'w poniedziałek', 'we wtorek', 'w środę', 'w czwartek', 'w piątek', 'w sobotę']);
  });

  it.each<[string, unknown[]]>([
    ['invalid at', ['tomorrow', 'pl', NOW]],
    ['at without offset', ['2026-11-25T08:00', 'pl', NOW]],
    ['invalid now', ['2026-11-25T07:00:00Z', 'pl', new Date('x')]],
    ['unknown locale', ['2026-11-25T07:00:00Z', 'de', NOW]],
    ['unknown zone', ['2026-11-25T07:00:00Z', 'pl', NOW, { timeZone: 'Europe/Atlantis' }]],
  ])('%s → INVALID_ARGUMENT', (_name, args) => {
    expect(() => (describeCallback as (...a: unknown[]) => string)(...args)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('describeCallback is independent of the machine time zone', () => {
  const expected = EXAMPLES.map(([at, now]) => [describeCallback(at, 'pl', now), describeCallback(at, 'en', now)]);

  it.each(['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Kiritimati'] as const)('TZ=%s gives the same sentences', (timeZone) => {
    const { hostOffset, result } = runInTimeZone<string[][]>(
      timeZone,
      `return ${JSON.stringify(EXAMPLES)}.map(([at, now]) => [m.describeCallback(at, 'pl', now), m.describeCallback(at, 'en', now)]);`,
    );
    expect(hostOffset).toBe(HOST_OFFSETS[timeZone]); // the child really ran in that zone
    expect(result).toEqual(expected);
    expect(result).toEqual(EXAMPLES.map(([, , polish, english]) => [polish, english]));
  });
});
