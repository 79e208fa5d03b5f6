import { getMonth, getYear, isAfter, isSameDay } from 'date-fns';
import { SafecallError } from '../core/errors.js';
import type { Locale } from '../model/locale.js';
import { calendarDayArgument, formatDay } from './describeDate.js';

/**
 * A range of calendar days (both ends included) as said in a prompt, with the
 * month and year only where they differ:
 * - `'od 24 do 28 listopada 2026'` / `'from 24 to 28 November 2026'`;
 * - `'od 30 listopada do 4 grudnia 2026'` / `'from 30 November to 4 December 2026'`;
 * - `'od 30 grudnia 2026 do 3 stycznia 2027'` / `'from 30 December 2026 to 3 January 2027'`.
 *
 * A one-day range (`from === to`) is said as {@link describeDate} says it.
 * Malformed dates, `from` after `to`, or an unknown locale →
 * `SafecallError('INVALID_ARGUMENT')`.
 *
 * @example
 * ```ts
 * describeDateRange('2026-11-30', '2026-12-04', 'pl'); // 'od 30 listopada do 4 grudnia 2026'
 * ```
 */
export function describeDateRange(from: string, to: string, locale: Locale): string {
  const start = calendarDayArgument(from, 'from');
  const end = calendarDayArgument(to, 'to');
  if (isAfter(start, end)) throw new SafecallError('INVALID_ARGUMENT', 'from must not be after to');
  if (isSameDay(start, end)) return formatDay(start, 'd MMMM yyyy', locale);
  const startPattern = getYear(start) !== getYear(end) ? 'd MMMM yyyy' : getMonth(start) !== getMonth(end) ? 'd MMMM' : 'd';
  const first = formatDay(start, startPattern, locale);
  const last = formatDay(end, 'd MMMM yyyy', locale);
  return locale === 'pl' ? `od ${first} do ${last}` : `from ${first} to ${last}`;
}
