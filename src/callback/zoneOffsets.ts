import { SafecallError } from '../core/errors.js';
/**
 * UTC offsets of an IANA zone, read from `@date-fns/tz`'s `tzOffset` and
 * cached per UTC hour. Internal to the callback module.
 *
 * Why: `tzOffset` formats the instant with `Intl` on every call (about 1.3 µs
 * here), and `TZDate` calls it several times per date; the slot search reads
 * the wall clock hundreds of times per prompt. Offsets change a few times a
 * year, so an hour's offset is read once and a change inside an hour is
 * located to the millisecond once, which keeps the cache exact on both DST
 * switches (and on Lord Howe's half-hour ones).
 */
import { tzOffset } from '@date-fns/tz';

const HOUR_MS = 3_600_000;

/** An offset change inside one cached hour. */
interface HourWithChange {
  /** The first instant (epoch ms) with the new offset. */
  at: number;
  before: number;
  after: number;
}

/**
 * Offsets of one zone.
 *
 * @example
 * ```ts
 * zoneOffsets('Europe/Warsaw').offsetMs(Date.parse('2026-07-01T12:00:00Z')); // 7_200_000
 * ```
 */
export interface ZoneOffsets {
  readonly timeZone: string;
  /** Offset of the zone's wall clock from UTC at `instant` (epoch ms), in ms: `wall = instant + offsetMs(instant)`. */
  offsetMs(instant: number): number;
}

/** Enough for 20 years of hours: a long-running desktop never holds more. */
const MAX_HOURS = 175_000;
const MAX_ZONES = 64;
const zones = new Map<string, ZoneOffsets>();

/**
 * The memoised offsets of `timeZone` (an IANA zone already checked with
 * `isTimeZone`). Exact to the millisecond, whatever the host's time zone:
 * only `Intl` reads the zone.
 *
 * @example
 * ```ts
 * const warsaw = zoneOffsets('Europe/Warsaw');
 * warsaw.offsetMs(Date.parse('2026-03-29T00:59:59.999Z')); // 3_600_000 (CET)
 * warsaw.offsetMs(Date.parse('2026-03-29T01:00:00Z')); // 7_200_000 (CEST)
 * ```
 */
export function zoneOffsets(timeZone: string): ZoneOffsets {
  let zone = zones.get(timeZone);
  if (!zone) {
    if (zones.size >= MAX_ZONES) zones.clear();
    zone = hourlyOffsets(timeZone);
    zones.set(timeZone, zone);
  }
  return zone;
}

function hourlyOffsets(timeZone: string): ZoneOffsets {
  const hours = new Map<number, number | HourWithChange>();
  const read = (instant: number): number => {
    const minutes = tzOffset(timeZone, new Date(instant));
    if (Number.isNaN(minutes)) throw new SafecallError('UNSUPPORTED_RUNTIME', `no UTC offset for the time zone ${timeZone} in this runtime's Intl data`);
    return Math.round(minutes * 60_000);
  };
  const fill = (hour: number): number | HourWithChange => {
    const start = hour * HOUR_MS;
    const before = read(start);
    const after = read(start + HOUR_MS);
    let entry: number | HourWithChange = before;
    if (before !== after) {
      // Bisect to the first millisecond with the new offset (one change per hour at most: tzdb has no closer ones).
      let low = start;
      let high = start + HOUR_MS;
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (read(middle) === before) low = middle;
        else high = middle;
      }
      entry = { at: high, before, after };
    }
    if (hours.size >= MAX_HOURS) hours.clear();
    hours.set(hour, entry);
    return entry;
  };
  return {
    timeZone,
    offsetMs(instant: number): number {
      const hour = Math.floor(instant / HOUR_MS);
      const entry = hours.get(hour) ?? fill(hour);
      if (typeof entry === 'number') return entry;
      return instant < entry.at ? entry.before : entry.after;
    },
  };
}
