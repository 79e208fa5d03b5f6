/**
 * Calendar days (`yyyy-MM-dd`) as date-fns dates pinned to UTC midnight, so
 * that date-fns reads and formats the day itself whatever the host's time
 * zone. Internal helpers of the callback module.
 */
import { TZDate } from '@date-fns/tz';
import { isExists } from 'date-fns';

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The calendar day `year`-`month`-`day` (`month` 1–12), at UTC midnight.
 *
 * @example
 * ```ts
 * format(calendarDay(2026, 11, 24), 'yyyy-MM-dd'); // '2026-11-24' on every host
 * ```
 */
export function calendarDay(year: number, month: number, day: number): TZDate {
  return new TZDate(Date.UTC(year, month - 1, day), 'UTC');
}

/**
 * `'2026-11-24'` → that day, or `undefined` if malformed or not a real day.
 * Strict on the shape (date-fns' `parse` also takes `'26-11-24'` and
 * `'2026-1-5'`, and costs 50 µs); date-fns' `isExists` decides the day.
 *
 * @example
 * ```ts
 * parseCalendarDay('2028-02-29'); // 29 February 2028, UTC midnight
 * parseCalendarDay('2026-02-29'); // undefined
 * ```
 */
export function parseCalendarDay(value: unknown): TZDate | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DAY_RE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isExists(year, month - 1, day) ? calendarDay(year, month, day) : undefined;
}
