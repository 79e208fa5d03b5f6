import type { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { pl } from 'date-fns/locale/pl';
import { SafecallError } from '../core/errors.js';
import type { Locale } from '../model/locale.js';
import { parseCalendarDay } from './calendarDay.js';

/**
 * Parses a `YYYY-MM-DD` argument or throws `SafecallError('INVALID_ARGUMENT')` naming it.
 *
 * @example
 * ```ts
 * calendarDayArgument('2026-11-24', 'from'); // 24 November 2026, UTC midnight
 * ```
 */
export function calendarDayArgument(value: unknown, name: string): TZDate {
  const day = parseCalendarDay(value);
  if (!day) throw new SafecallError('INVALID_ARGUMENT', `${name} must be a real calendar day written YYYY-MM-DD`);
  return day;
}

/**
 * Formats a calendar day with a date-fns pattern in a prompt locale (`pl` or `enGB` month names).
 *
 * @example
 * ```ts
 * formatDay(calendarDay(2026, 11, 24), 'd MMMM', 'pl'); // '24 listopada'
 * ```
 */
export function formatDay(day: TZDate, pattern: string, locale: Locale): string {
  if (locale !== 'pl' && locale !== 'en') throw new SafecallError('INVALID_ARGUMENT', "locale must be 'pl' or 'en'");
  return format(day, pattern, { locale: locale === 'pl' ? pl : enGB });
}

/**
 * A calendar day as said in a prompt: `'24 listopada 2026'` / `'24 November 2026'`
 * (month names from date-fns' `pl` and `enGB` locales; the Polish month is in
 * the genitive). No time zone is involved. Malformed date or locale →
 * `SafecallError('INVALID_ARGUMENT')`.
 *
 * @example
 * ```ts
 * describeDate('2026-11-24', 'pl'); // '24 listopada 2026'
 * describeDate('2026-11-24', 'en'); // '24 November 2026'
 * ```
 */
export function describeDate(date: string, locale: Locale): string {
  return formatDay(calendarDayArgument(date, 'date'), 'd MMMM yyyy', locale);
}
