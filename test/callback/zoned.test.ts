import { describe, expect, it } from 'vitest';
import { dayOf, minuteOfWallDay, parseDateTime, resolveWallTime, toInstant, wallOf, weekdayOf } from '../../src/callback/zoned.js';
import { zoneOffsets } from '../../src/callback/zoneOffsets.js';

/** The wall key of a wall time: epoch ms with those UTC fields. */
const wall = (date: string, hour: number, minute: number): number => Date.parse(`${date}T00:00:00Z`) + (hour * 60 + minute) * 60_000;

describe('resolveWallTime (whatever the host zone)', () => {
  it.each<[string, number, string, ReturnType<typeof resolveWallTime>]>([
    ['a normal time', wall('2026-11-24', 10, 0), 'Europe/Warsaw', { kind: 'exact', instant: Date.parse('2026-11-24T09:00:00Z') }],
    ['the skipped hour', wall('2026-03-29', 2, 30), 'Europe/Warsaw', { kind: 'nonexistent', gapEnd: Date.parse('2026-03-29T01:00:00Z') }],
    ['the skipped hour at its start', wall('2026-03-29', 2, 0), 'Europe/Warsaw', { kind: 'nonexistent', gapEnd: Date.parse('2026-03-29T01:00:00Z') }],
    ['right before the gap', wall('2026-03-29', 1, 59), 'Europe/Warsaw', { kind: 'exact', instant: Date.parse('2026-03-29T00:59:00Z') }],
    ['right after the gap', wall('2026-03-29', 3, 0), 'Europe/Warsaw', { kind: 'exact', instant: Date.parse('2026-03-29T01:00:00Z') }],
    [
      'the repeated hour',
      wall('2026-10-25', 2, 30),
      'Europe/Warsaw',
      { kind: 'ambiguous', instant: Date.parse('2026-10-25T00:30:00Z'), later: Date.parse('2026-10-25T01:30:00Z') },
    ],
    [
      'the repeated hour at its start',
      wall('2026-10-25', 2, 0),
      'Europe/Warsaw',
      { kind: 'ambiguous', instant: Date.parse('2026-10-25T00:00:00Z'), later: Date.parse('2026-10-25T01:00:00Z') },
    ],
    ['after the repeated hour', wall('2026-10-25', 3, 0), 'Europe/Warsaw', { kind: 'exact', instant: Date.parse('2026-10-25T02:00:00Z') }],
    ['New York skipped hour', wall('2026-03-08', 2, 15), 'America/New_York', { kind: 'nonexistent', gapEnd: Date.parse('2026-03-08T07:00:00Z') }],
    ['Lord Howe half-hour gap', wall('2026-10-04', 2, 15), 'Australia/Lord_Howe', { kind: 'nonexistent', gapEnd: Date.parse('2026-10-03T15:30:00Z') }],
    [
      'Lord Howe half-hour overlap',
      wall('2026-04-05', 1, 45),
      'Australia/Lord_Howe',
      { kind: 'ambiguous', instant: Date.parse('2026-04-04T14:45:00Z'), later: Date.parse('2026-04-04T15:15:00Z') },
    ],
    ['a zone without DST', wall('2026-11-24', 9, 0), 'Asia/Kathmandu', { kind: 'exact', instant: Date.parse('2026-11-24T03:15:00Z') }],
  ])('%s', (_name, input, timeZone, expected) => {
    expect(resolveWallTime(input, zoneOffsets(timeZone))).toEqual(expected);
  });

  it('wall keys read the zone, not the host: day, minute and weekday', () => {
    const warsaw = zoneOffsets('Europe/Warsaw');
    for (const instant of ['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z']) {
      const key = wallOf(Date.parse(instant), warsaw);
      expect(key).toBe(wall('2026-10-25', 2, 30));
      expect(minuteOfWallDay(key)).toBe(150);
      expect(weekdayOf(dayOf(key))).toBe(0); // Sunday
    }
    expect(weekdayOf(dayOf(wall('2026-11-24', 23, 59)))).toBe(2); // Tuesday
    expect(weekdayOf(dayOf(wall('1970-01-01', 0, 0)))).toBe(4); // Thursday
  });
});

describe('parseDateTime / toInstant', () => {
  it('tells instants from wall times', () => {
    expect(parseDateTime('2026-11-24T10:00')).toEqual({ kind: 'local', wall: wall('2026-11-24', 10, 0) });
    expect(parseDateTime('2026-11-24T10:00:05.5')).toEqual({ kind: 'local', wall: wall('2026-11-24', 10, 0) + 5_500 });
    expect(parseDateTime('2026-11-24T10:00+01:00')).toEqual({ kind: 'instant', instant: Date.parse('2026-11-24T09:00:00Z') });
    expect(parseDateTime('2026-11-24T09:00:00.000Z')).toEqual({ kind: 'instant', instant: Date.parse('2026-11-24T09:00:00Z') });
    expect(parseDateTime('2028-02-29T10:00')).toEqual({ kind: 'local', wall: wall('2028-02-29', 10, 0) });
  });

  it.each(['2026-02-29T10:00Z', '2026-02-29T10:00', '2026-11-31T10:00', '2026-11-24T10:00:60Z', '2026-11-24T24:00', '2026-W48-2T10:00', '20261124T1000', '2026-11-24'])(
    'rejects %j',
    (value) => {
      expect(parseDateTime(value)).toBeUndefined();
    },
  );

  it('toInstant accepts Date, finite numbers and instants only', () => {
    expect(toInstant(new Date(5))).toBe(5);
    expect(toInstant(5)).toBe(5);
    expect(toInstant('1970-01-01T00:00:00.005Z')).toBe(5);
    for (const bad of [new Date(Number.NaN), Number.POSITIVE_INFINITY, '2026-11-24T10:00', 'now', null, undefined, {}]) {
      expect(toInstant(bad)).toBeUndefined();
    }
  });
});
