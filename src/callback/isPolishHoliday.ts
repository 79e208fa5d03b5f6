import { getYear } from 'date-fns';
import { SafecallError } from '../core/errors.js';
import { parseCalendarDay } from './calendarDay.js';
import { holidaysOf } from './polishHolidays.js';
import { DAY_MS, yearOfDay } from './zoned.js';

const dateSets = new Map<number, ReadonlySet<string>>();
const daySets = new Map<number, ReadonlySet<number>>();

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
  const day = parseCalendarDay(date);
  if (!day) throw new SafecallError('INVALID_ARGUMENT', 'date must be a real calendar day written YYYY-MM-DD');
  const year = getYear(day);
  let dates = dateSets.get(year);
  if (!dates) {
    dates = new Set(holidaysOf(year).map((holiday) => holiday.date));
    dateSets.set(year, dates);
  }
  return dates.has(date);
}

/**
 * {@link isPolishHoliday} for a wall day of the slot engine (days since
 * 1970-01-01): the engine asks for every day it looks at, so no string is
 * built or parsed here.
 *
 * @example
 * ```ts
 * isPolishHolidayDay(Date.UTC(2026, 10, 11) / DAY_MS); // true (11 November)
 * ```
 */
export function isPolishHolidayDay(day: number): boolean {
  const year = yearOfDay(day);
  let days = daySets.get(year);
  if (!days) {
    days = new Set(holidaysOf(year).map((holiday) => Math.floor(+parseCalendarDay(holiday.date)! / DAY_MS)));
    daySets.set(year, days);
  }
  return days.has(day);
}
