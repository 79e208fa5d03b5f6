import { tz } from '@date-fns/tz';
import { differenceInCalendarDays, format, getDay, getYear } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { pl } from 'date-fns/locale/pl';
import { SafecallError } from '../core/errors.js';
import { isTimeZone, toInstant } from './zoned.js';

/** Locales the callback sentences are written in. */
export type CallbackLocale = 'pl' | 'en';

/** Options of {@link describeCallback}. */
export interface DescribeCallbackOptions {
  /** IANA zone the time is said in; default `'Europe/Warsaw'` (use the policy's `timeZone`). */
  timeZone?: string;
}

/**
 * "on <weekday>" in Polish: the accusative with "w"/"we". date-fns' `pl`
 * locale only has the nominative (`niedziela`, `środa`, …), so this is spelled out.
 */
const PL_ON_WEEKDAY = ['w niedzielę', 'w poniedziałek', 'we wtorek', 'w środę', 'w czwartek', 'w piątek', 'w sobotę'] as const;

/**
 * How the agent says a callback time to the customer, in the given zone
 * (default Europe/Warsaw) whatever the time zone of the machine:
 * - Polish: `'dziś o 16:45'`, `'jutro o 8:00'`, otherwise
 *   `'w poniedziałek, 24 listopada, o 10:00'` (`'we wtorek'`, `'w środę'`, …);
 * - English: `'today at 16:45'`, `'tomorrow at 8:00'`, otherwise
 *   `'on Monday, 24 November, at 10:00'`.
 *
 * Hours have no leading zero, minutes always two digits; the year is added
 * when it differs from `now`'s (`'w poniedziałek, 4 stycznia 2027, o 10:00'`).
 * Weekday and month names come from date-fns' `pl` and `enGB` locales.
 * Invalid arguments → `SafecallError('INVALID_ARGUMENT')`.
 *
 * @example
 * ```ts
 * describeCallback('2026-11-24T15:45:00Z', 'pl', '2026-11-24T09:00:00Z'); // 'dziś o 16:45'
 * describeCallback('2026-11-30T09:00:00Z', 'en', '2026-11-24T09:00:00Z'); // 'on Monday, 30 November, at 10:00'
 * ```
 */
export function describeCallback(
  at: Date | number | string,
  locale: CallbackLocale,
  now: Date | number | string,
  options?: DescribeCallbackOptions,
): string {
  const atInstant = toInstant(at);
  const nowInstant = toInstant(now);
  if (atInstant === undefined) throw new SafecallError('INVALID_ARGUMENT', 'at must be a valid Date, epoch milliseconds or an ISO date-time with Z or an offset');
  if (nowInstant === undefined) throw new SafecallError('INVALID_ARGUMENT', 'now must be a valid Date, epoch milliseconds or an ISO date-time with Z or an offset');
  if (locale !== 'pl' && locale !== 'en') throw new SafecallError('INVALID_ARGUMENT', "locale must be 'pl' or 'en'");
  const timeZone = options?.timeZone ?? 'Europe/Warsaw';
  if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) throw new SafecallError('INVALID_ARGUMENT', 'timeZone must be an IANA time zone');

  const inZone = { in: tz(timeZone) };
  const time = format(atInstant, 'H:mm', inZone);
  const days = differenceInCalendarDays(atInstant, nowInstant, inZone);
  const sameYear = getYear(atInstant, inZone) === getYear(nowInstant, inZone);

  if (locale === 'pl') {
    if (days === 0) return `dziś o ${time}`;
    if (days === 1) return `jutro o ${time}`;
    const date = format(atInstant, sameYear ? 'd MMMM' : 'd MMMM yyyy', { ...inZone, locale: pl });
    return `${PL_ON_WEEKDAY[getDay(atInstant, inZone)]}, ${date}, o ${time}`;
  }
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  const date = format(atInstant, sameYear ? 'EEEE, d MMMM' : 'EEEE, d MMMM yyyy', { ...inZone, locale: enGB });
  return `on ${date}, at ${time}`;
}
