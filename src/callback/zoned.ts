/**
 * Wall-clock time in an IANA time zone, on top of `@date-fns/tz`. Internal
 * helpers of the callback module: every conversion between an instant and the
 * wall time of a zone goes through here.
 */
import { TZDate, tzOffset, tzScan } from '@date-fns/tz';
import { addHours, addMinutes, parseISO } from 'date-fns';
import type { CalendarDate } from './calendarDate.js';
import { addCalendarDays, isRealDate } from './calendarDate.js';

/** A wall-clock date and time (no zone). `month` is 1–12. */
export interface WallTime extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** The wall time of an instant in a zone, with the weekday (0 = Sunday … 6 = Saturday). */
export interface ZonedWallTime extends WallTime {
  weekday: number;
}

/** Whether `timeZone` is an IANA time zone this runtime knows (tried, not pattern-matched). */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    return false;
  }
  return !Number.isNaN(tzOffset(timeZone, new Date(0)));
}

/** The wall time of `instant` (epoch ms) in `timeZone`, independent of the host's zone. */
export function wallTimeOf(instant: number, timeZone: string): ZonedWallTime {
  const d = new TZDate(instant, timeZone);
  return {
    year: d.getFullYear(),
    month: d.getMonth() + 1,
    day: d.getDate(),
    hour: d.getHours(),
    minute: d.getMinutes(),
    second: d.getSeconds(),
    millisecond: d.getMilliseconds(),
    weekday: d.getDay(),
  };
}

function sameWallTime(a: WallTime, b: WallTime): boolean {
  return (
    a.year === b.year &&
    a.month === b.month &&
    a.day === b.day &&
    a.hour === b.hour &&
    a.minute === b.minute &&
    a.second === b.second &&
    a.millisecond === b.millisecond
  );
}

/**
 * How a wall time maps to instants in a zone:
 * - `exact`: exactly one instant;
 * - `ambiguous`: twice (the repeated hour when clocks go back) — `instant` is
 *   the earlier occurrence, `later` the other one;
 * - `nonexistent`: never (the hour skipped when clocks go forward) — `gapEnd`
 *   is the first instant after the gap (e.g. 03:00 CEST on the last Sunday of
 *   March in Europe/Warsaw).
 */
export type WallTimeResolution =
  | { kind: 'exact'; instant: number }
  | { kind: 'ambiguous'; instant: number; later: number }
  | { kind: 'nonexistent'; gapEnd: number };

/**
 * Resolves a wall time in `timeZone` to instant(s).
 *
 * `new TZDate(y, m, d, h, min, zone)` moves a skipped wall time forward, but
 * which occurrence of a repeated wall time it returns depends on the host's
 * time zone, so both cases are settled here from the zone's transitions
 * (`tzScan`), the same way on every machine.
 */
export function resolveWallTime(wall: WallTime, timeZone: string): WallTimeResolution {
  const guess = new TZDate(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond, timeZone);
  const matches = (instant: number) => sameWallTime(wallTimeOf(instant, timeZone), wall);
  const before = addHours(guess, -36);
  const after = addHours(guess, 36);
  if (matches(+guess) && tzOffset(timeZone, before) === tzOffset(timeZone, after)) {
    return { kind: 'exact', instant: +guess };
  }
  const changes = tzScan(timeZone, { start: before, end: after });
  const candidates = new Set<number>();
  if (matches(+guess)) candidates.add(+guess);
  for (const { change } of changes) {
    for (const shifted of [addMinutes(guess, change), addMinutes(guess, -change)]) {
      if (matches(+shifted)) candidates.add(+shifted);
    }
  }
  const instants = [...candidates].sort((a, b) => a - b);
  const first = instants[0];
  const last = instants[instants.length - 1];
  if (first === undefined || last === undefined) {
    // The gap ends at the forward transition nearest to the requested time.
    let gapEnd = +guess;
    let distance = Infinity;
    for (const { date, change } of changes) {
      if (change > 0 && Math.abs(+date - +guess) < distance) {
        distance = Math.abs(+date - +guess);
        gapEnd = exactTransition(timeZone, +date);
      }
    }
    return { kind: 'nonexistent', gapEnd };
  }
  return first === last ? { kind: 'exact', instant: first } : { kind: 'ambiguous', instant: first, later: last };
}

/**
 * `tzScan` samples hourly from its start, so the `date` it reports is the
 * first sample after a change, up to an hour late. The exact instant (to the
 * minute) is found by bisecting the hour before it on `tzOffset`.
 */
function exactTransition(timeZone: string, sampledAfter: number): number {
  const newOffset = tzOffset(timeZone, new Date(sampledAfter));
  let before = +addHours(sampledAfter, -1); // still the old offset
  let after = sampledAfter;
  while (after - before > 60_000) {
    const middle = before + Math.floor((after - before) / 120_000) * 60_000;
    if (tzOffset(timeZone, new Date(middle)) === newOffset) after = middle;
    else before = middle;
  }
  return after;
}

/**
 * The instant a wall time stands for, choosing where the zone's rules leave a
 * choice: `'earliest'` takes the first occurrence of a repeated time,
 * `'latest'` the second; a skipped time becomes the end of the gap.
 */
export function instantOfWallTime(wall: WallTime, timeZone: string, prefer: 'earliest' | 'latest'): number {
  const resolved = resolveWallTime(wall, timeZone);
  switch (resolved.kind) {
    case 'exact':
      return resolved.instant;
    case 'ambiguous':
      return prefer === 'earliest' ? resolved.instant : resolved.later;
    case 'nonexistent':
      return resolved.gapEnd;
  }
}

/** The instant at `minuteOfDay` (0–1440; 1440 = the next day's midnight) of a calendar day in a zone. */
export function instantOfDayMinute(date: CalendarDate, minuteOfDay: number, timeZone: string, prefer: 'earliest' | 'latest'): number {
  const base = minuteOfDay >= 1440 ? addCalendarDays(date, 1) : date;
  const minutes = minuteOfDay % 1440;
  return instantOfWallTime(
    { ...base, hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 },
    timeZone,
    prefer,
  );
}

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,3}))?)?$/;

/**
 * A date-time string as the callback module accepts it:
 * - `instant`: ISO 8601 with `Z` or an offset (`'2026-11-24T09:00:00Z'`,
 *   `'2026-11-24T10:00+01:00'`);
 * - `local`: a wall time without offset (`'2026-11-24T10:00'`), to be read in
 *   a zone.
 */
export type ParsedDateTime = { kind: 'instant'; instant: number } | { kind: 'local'; wall: WallTime };

/** Parses a date-time string, or returns `undefined` if it is malformed or names a day that does not exist. */
export function parseDateTime(value: string): ParsedDateTime | undefined {
  if (INSTANT_RE.test(value)) {
    const date = { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)), day: Number(value.slice(8, 10)) };
    if (!isRealDate(date)) return undefined;
    const instant = +parseISO(value);
    return Number.isFinite(instant) ? { kind: 'instant', instant } : undefined;
  }
  const match = LOCAL_RE.exec(value);
  if (!match) return undefined;
  const wall: WallTime = {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4]),
    minute: Number(match[5]),
    second: Number(match[6] ?? 0),
    millisecond: Number((match[7] ?? '0').padEnd(3, '0')),
  };
  if (!isRealDate(wall)) return undefined;
  return { kind: 'local', wall };
}

/**
 * An instant given as a `Date`, epoch milliseconds or an ISO string with
 * `Z`/offset, as epoch milliseconds; `undefined` if invalid.
 */
export function toInstant(value: unknown): number | undefined {
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isFinite(time) ? time : undefined;
  }
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) <= 8.64e15 ? value : undefined;
  if (typeof value === 'string') {
    const parsed = parseDateTime(value);
    return parsed?.kind === 'instant' ? parsed.instant : undefined;
  }
  return undefined;
}
