import { SafecallError } from '../core/errors.js';
import { isTimeZone } from '../core/timeZone.js';
import type { Locale } from '../model/locale.js';
import { spokenAt } from './spoken.js';
import { toInstant } from './zoned.js';
import { zoneOffsets } from './zoneOffsets.js';

/**
 * Options of {@link describeCallback}.
 *
 * @example
 * ```ts
 * const options: DescribeCallbackOptions = { timeZone: script.callback.timeZone };
 * ```
 */
export interface DescribeCallbackOptions {
  /** IANA zone the time is said in; default `'Europe/Warsaw'` (use the policy's `timeZone`). */
  timeZone?: string;
}

/**
 * How the agent says a callback time to the customer, in the given zone
 * (default Europe/Warsaw) whatever the time zone of the machine:
 * - Polish: `'dziś o 16:45'`, `'jutro o 8:00'`, otherwise
 *   `'w poniedziałek 24 listopada o 10:00'` (`'we wtorek 1 grudnia o 8:00'`,
 *   `'w sobotę 28 listopada o 10:00'`, …);
 * - English: `'today at 16:45'`, `'tomorrow at 8:00'`, otherwise
 *   `'on Monday 24 November at 10:00'`.
 *
 * No commas, as DESIGN §3 writes them. Hours have no leading zero, minutes
 * always two digits; the year is added when it differs from `now`'s
 * (`'w poniedziałek 4 stycznia 2027 o 10:00'`). Weekday and month names come
 * from date-fns' `pl` and `enGB` locales (the Polish weekday in the
 * accusative). Invalid arguments → `SafecallError('INVALID_ARGUMENT')`.
 *
 * @example
 * ```ts
 * describeCallback('2026-11-24T15:45:00Z', 'pl', '2026-11-24T09:00:00Z'); // 'dziś o 16:45'
 * describeCallback('2026-11-30T09:00:00Z', 'en', '2026-11-24T09:00:00Z'); // 'on Monday 30 November at 10:00'
 * ```
 */
export function describeCallback(at: Date | number | string, locale: Locale, now: Date | number | string, options?: DescribeCallbackOptions): string {
  const atInstant = toInstant(at);
  const nowInstant = toInstant(now);
  if (atInstant === undefined) throw new SafecallError('INVALID_ARGUMENT', 'at must be a valid Date, epoch milliseconds or an ISO date-time with Z or an offset');
  if (nowInstant === undefined) throw new SafecallError('INVALID_ARGUMENT', 'now must be a valid Date, epoch milliseconds or an ISO date-time with Z or an offset');
  if (locale !== 'pl' && locale !== 'en') throw new SafecallError('INVALID_ARGUMENT', "locale must be 'pl' or 'en'");
  const timeZone = options?.timeZone ?? 'Europe/Warsaw';
  if (!isTimeZone(timeZone)) throw new SafecallError('INVALID_ARGUMENT', 'timeZone must be an IANA time zone');
  return spokenAt(atInstant, nowInstant, locale, zoneOffsets(timeZone));
}
