import { SafecallError } from '../core/errors.js';
import { parseCalendarDate } from './calendarDate.js';
import { holidaysOf } from './polishHolidays.js';

const dateSets = new Map<number, ReadonlySet<string>>();

/**
 * Whether a calendar day (`YYYY-MM-DD`) is a Polish public holiday (see
 * {@link polishHolidays}). The set of dates is memoised per year. Throws
 * `SafecallError('INVALID_ARGUMENT')` for a malformed date or a year before 1990.
 *
 * @example
 * ```ts
 * isPolishHoliday('2026-06-04'); // true (Corpus Christi)
 * isPolishHoliday('2024-12-24'); // false (a holiday only from 2025)
 * ```
 */
export function isPolishHoliday(date: string): boolean {
  const parsed = parseCalendarDate(date);
  if (!parsed) throw new SafecallError('INVALID_ARGUMENT', 'date must be a real calendar day written YYYY-MM-DD');
  let dates = dateSets.get(parsed.year);
  if (!dates) {
    dates = new Set(holidaysOf(parsed.year).map((holiday) => holiday.date));
    dateSets.set(parsed.year, dates);
  }
  return dates.has(date);
}
