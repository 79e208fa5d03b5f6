/**
 * Wall-clock time in an IANA zone. Internal helpers of the callback module:
 * every conversion between an instant and the wall time of a zone goes
 * through here, on top of {@link zoneOffsets}.
 *
 * A wall time is held as a *wall key*: the epoch milliseconds whose UTC
 * fields are the wall fields (10:00 on 24 November 2026 in any zone is
 * `Date.UTC(2026, 10, 24, 10)`). Wall days are then exactly `DAY_MS` long, so
 * day arithmetic on them is plain addition, and no `Date` has to be built on
 * the hot path; the host's time zone is never consulted.
 */
import { isExists, parseISO } from 'date-fns';
import type { ZoneOffsets } from './zoneOffsets.js';

/**
 * A minute in ms.
 *
 * @example
 * ```ts
 * now + 15 * MINUTE_MS;
 * ```
 */
export const MINUTE_MS = 60_000;

/**
 * A wall day in ms (wall days of a wall key are always this long).
 *
 * @example
 * ```ts
 * dayOf(wall) * DAY_MS; // the wall key of that day's midnight
 * ```
 */
export const DAY_MS = 86_400_000;

/**
 * The wall key of `instant` (epoch ms) in the zone.
 *
 * @example
 * ```ts
 * wallOf(Date.parse('2026-11-24T09:00:00Z'), zoneOffsets('Europe/Warsaw')) === Date.UTC(2026, 10, 24, 10); // true
 * ```
 */
export function wallOf(instant: number, zone: ZoneOffsets): number {
  return instant + zone.offsetMs(instant);
}

/**
 * The wall day of a wall key: days since 1970-01-01 on the zone's calendar.
 *
 * @example
 * ```ts
 * dayOf(Date.UTC(1970, 0, 2, 10)); // 1
 * ```
 */
export function dayOf(wall: number): number {
  return Math.floor(wall / DAY_MS);
}

/**
 * Minutes since the wall day's midnight (0–1439).
 *
 * @example
 * ```ts
 * minuteOfWallDay(Date.UTC(2026, 10, 24, 10, 30)); // 630
 * ```
 */
export function minuteOfWallDay(wall: number): number {
  return Math.floor((wall - dayOf(wall) * DAY_MS) / MINUTE_MS);
}

/**
 * The calendar year of a wall day (a UTC getter: the day number is already on the zone's calendar).
 *
 * @example
 * ```ts
 * yearOfDay(Date.UTC(2027, 0, 1) / DAY_MS); // 2027
 * ```
 */
export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/**
 * The weekday of a wall day: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday).
 *
 * @example
 * ```ts
 * weekdayOf(0); // 4
 * ```
 */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * How a wall time maps to instants in a zone:
 * - `exact`: exactly one instant;
 * - `ambiguous`: twice (the repeated hour when the clocks go back) — `instant`
 *   is the earlier occurrence, `later` the other one;
 * - `nonexistent`: never (the hour skipped when the clocks go forward) —
 *   `gapEnd` is the first instant after the gap (e.g. 03:00 CEST on the last
 *   Sunday of March in Europe/Warsaw).
 *
 * @example
 * ```ts
 * const skipped: WallTimeResolution = { kind: 'nonexistent', gapEnd: Date.parse('2026-03-29T01:00:00Z') };
 * ```
 */
export type WallTimeResolution =
  | { kind: 'exact'; instant: number }
  | { kind: 'ambiguous'; instant: number; later: number }
  | { kind: 'nonexistent'; gapEnd: number };

/**
 * Resolves a wall key in a zone to instant(s). The instants a wall time can
 * stand for lie within ±14 h of it, and offsets change at most once in two
 * days, so the offsets a day before and a day after are the only candidates.
 *
 * @example
 * ```ts
 * resolveWallTime(Date.UTC(2026, 9, 25, 2, 30), zoneOffsets('Europe/Warsaw'));
 * // { kind: 'ambiguous', instant: 00:30Z (CEST), later: 01:30Z (CET) }
 * ```
 */
export function resolveWallTime(wall: number, zone: ZoneOffsets): WallTimeResolution {
  const before = zone.offsetMs(wall - DAY_MS);
  const after = zone.offsetMs(wall + DAY_MS);
  const early = wall - Math.max(before, after);
  const late = wall - Math.min(before, after);
  const earlyFits = wallOf(early, zone) === wall;
  const lateFits = wallOf(late, zone) === wall;
  if (earlyFits && lateFits) return early === late ? { kind: 'exact', instant: early } : { kind: 'ambiguous', instant: early, later: late };
  if (earlyFits) return { kind: 'exact', instant: early };
  if (lateFits) return { kind: 'exact', instant: late };
  return { kind: 'nonexistent', gapEnd: firstInstantWithOffset(early, late, after, zone) };
}

/** The first instant in `(low, high]` whose offset is `offset` (`low` has the other one). */
function firstInstantWithOffset(low: number, high: number, offset: number, zone: ZoneOffsets): number {
  let lo = low;
  let hi = high;
  while (hi - lo > 1) {
    const middle = Math.floor((lo + hi) / 2);
    if (zone.offsetMs(middle) === offset) hi = middle;
    else lo = middle;
  }
  return hi;
}

/**
 * The instant a wall key stands for, choosing where the zone's rules leave a
 * choice: `'earliest'` takes the first occurrence of a repeated time,
 * `'latest'` the second; a skipped time becomes the end of the gap.
 *
 * @example
 * ```ts
 * instantOfWallTime(Date.UTC(2026, 9, 25, 2, 30), zoneOffsets('Europe/Warsaw'), 'latest'); // 01:30Z (CET)
 * ```
 */
export function instantOfWallTime(wall: number, zone: ZoneOffsets, prefer: 'earliest' | 'latest'): number {
  const resolved = resolveWallTime(wall, zone);
  switch (resolved.kind) {
    case 'exact':
      return resolved.instant;
    case 'ambiguous':
      return prefer === 'earliest' ? resolved.instant : resolved.later;
    case 'nonexistent':
      return resolved.gapEnd;
  }
}

const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,3}))?)?$/;

/**
 * A date-time string as the callback module accepts it:
 * - `instant`: ISO 8601 with `Z` or an offset (`'2026-11-24T09:00:00Z'`,
 *   `'2026-11-24T10:00+01:00'`);
 * - `local`: a wall time without offset (`'2026-11-24T10:00'`), as a wall
 *   key to be read in a zone.
 *
 * @example
 * ```ts
 * const local: ParsedDateTime = { kind: 'local', wall: Date.UTC(2026, 10, 24, 10) };
 * ```
 */
export type ParsedDateTime = { kind: 'instant'; instant: number } | { kind: 'local'; wall: number };

/**
 * Parses a date-time string, or returns `undefined` if it is malformed or
 * names a day that does not exist. The pattern is stricter than `parseISO`
 * (which also takes week dates, `24:00` and basic formats); date-fns decides
 * whether the day exists and reads the offset.
 *
 * @example
 * ```ts
 * parseDateTime('2026-11-24T10:00+01:00'); // { kind: 'instant', instant: Date.parse('2026-11-24T09:00:00Z') }
 * parseDateTime('2026-02-30T10:00'); // undefined
 * ```
 */
export function parseDateTime(value: string): ParsedDateTime | undefined {
  const instant = INSTANT_RE.exec(value);
  if (instant) {
    if (!isExists(Number(instant[1]), Number(instant[2]) - 1, Number(instant[3]))) return undefined;
    const at = +parseISO(value);
    return Number.isFinite(at) ? { kind: 'instant', instant: at } : undefined;
  }
  const local = LOCAL_RE.exec(value);
  if (!local) return undefined;
  const [year, month, day] = [Number(local[1]), Number(local[2]) - 1, Number(local[3])];
  if (!isExists(year, month, day)) return undefined;
  const wall = Date.UTC(year, month, day, Number(local[4]), Number(local[5]), Number(local[6] ?? 0), Number((local[7] ?? '0').padEnd(3, '0')));
  return { kind: 'local', wall };
}

/**
 * An instant given as a `Date`, epoch milliseconds or an ISO string with
 * `Z`/offset, as epoch milliseconds; `undefined` if invalid.
 *
 * @example
 * ```ts
 * toInstant('1970-01-01T00:00:00.005Z'); // 5
 * toInstant('2026-11-24T10:00'); // undefined (a wall time, not an instant)
 * ```
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
