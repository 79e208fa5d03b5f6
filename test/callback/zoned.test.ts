import { describe, expect, it } from 'vitest';
import { parseDateTime, resolveWallTime, toInstant, wallTimeOf, type WallTime } from '../../src/callback/zoned.js';

const wall = (date: string, hour: number, minute: number): WallTime => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day, hour, minute, second: 0, millisecond: 0 };
};

describe('resolveWallTime (whatever the host zone)', () => {
  it.each<[string, WallTime, string, ReturnType<typeof resolveWallTime>]>([
    ['a normal time', wall('2026-11-24', 10, 0), 'Europe/Warsaw', { kind: 'exact', instant: Date.parse('2026-11-24T09:00:00Z') }],
    ['the skipped hour', wall('2026-03-29', 2, 30), 'Europe/Warsaw', { kind: 'nonexistent', gapEnd: Date.parse('2026-03-29T01:00:00Z') }],
    ['the skipped hour at its start', wall('2026-03-29', 2, 0), 'Europe/Warsaw', { kind: 'nonexistent', gapEnd: Date.parse('2026-03-29T01:00:00Z') }],
    ['right after the gap', wall('2026-03-29', 3, 0), 'Europe/Warsaw', { kind: 'exact', instant: Date.parse('2026-03-29T01:00:00Z') }],
    [
      'the repeated hour',
      wall('2026-10-25', 2, 30),
      'Europe/Warsaw',
      { kind: 'ambiguous', instant: Date.parse('2026-10-25T00:30:00Z'), later: Date.parse('2026-10-25T01:30:00Z') },
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
  ])('%s', (_name, input, timeZone, expected) => {
    expect(resolveWallTime(input, timeZone)).toEqual(expected);
  });

  it('wallTimeOf reads the zone, not the host', () => {
    expect(wallTimeOf(Date.parse('2026-10-25T00:30:00Z'), 'Europe/Warsaw')).toMatchObject({ hour: 2, minute: 30, weekday: 0 });
    expect(wallTimeOf(Date.parse('2026-10-25T01:30:00Z'), 'Europe/Warsaw')).toMatchObject({ hour: 2, minute: 30, weekday: 0 });
  });
});

describe('parseDateTime / toInstant', () => {
  it('tells instants from wall times', () => {
    expect(parseDateTime('2026-11-24T10:00')).toEqual({ kind: 'local', wall: wall('2026-11-24', 10, 0) });
    expect(parseDateTime('2026-11-24T10:00:05.5')).toEqual({ kind: 'local', wall: { ...wall('2026-11-24', 10, 0), second: 5, millisecond: 500 } });
    expect(parseDateTime('2026-11-24T10:00+01:00')).toEqual({ kind: 'instant', instant: Date.parse('2026-11-24T09:00:00Z') });
    expect(parseDateTime('2026-11-24T09:00:00.000Z')).toEqual({ kind: 'instant', instant: Date.parse('2026-11-24T09:00:00Z') });
    expect(parseDateTime('2026-02-29T10:00Z')).toBeUndefined();
    expect(parseDateTime('2026-11-24T10:00:60Z')).toBeUndefined();
  });

  it('toInstant accepts Date, finite numbers and instants only', () => {
    expect(toInstant(new Date(5))).toBe(5);
    expect(toInstant(5)).toBe(5);
    expect(toInstant('1970-01-01T00:00:00.005Z')).toBe(5);
    for (const bad of [new Date(Number.NaN), Number.POSITIVE_INFINITY, '2026-11-24T10:00', 'now', null, undefined, {}]) {
      expect(toInstant(bad)).toBeUndefined();
    }
  });
});
