import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { pl } from 'date-fns/locale/pl';
import { SafecallError } from '../core/errors.js';
import { parseCalendarDate, type CalendarDate } from './calendarDate.js';
import type { CallbackLocale } from './describeCallback.js';

/** Parses a `YYYY-MM-DD` argument or throws `SafecallError('INVALID_ARGUMENT')`. */
export function calendarDateArgument(value: unknown, name: string): CalendarDate {
  const date = parseCalendarDate(value);
  if (!date) throw new SafecallError('INVALID_ARGUMENT', `${name} must be a real calendar day written YYYY-MM-DD`);
  return date;
}

/** Formats a calendar day with a date-fns pattern; the day is pinned to UTC so the host's zone cannot shift it. */
export function formatCalendarDay(date: CalendarDate, pattern: string, locale: CallbackLocale): string {
  if (locale !== 'pl' && locale !== 'en') throw new SafecallError('INVALID_ARGUMENT', "locale must be 'pl' or 'en'");
  const day = new TZDate(date.year, date.month - 1, date.day, 'UTC');
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
export function describeDate(date: string, locale: CallbackLocale): string {
  return formatCalendarDay(calendarDateArgument(date, 'date'), 'd MMMM yyyy', locale);
}
