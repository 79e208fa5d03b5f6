import { format } from 'date-fns';
import { SafecallError } from '../core/errors.js';
import { calendarDay } from './calendarDay.js';

/**
 * Western (Gregorian) Easter Sunday of `year` as `YYYY-MM-DD`, by the
 * anonymous Gregorian algorithm (Meeus/Jones/Butcher). Valid for any
 * Gregorian year; throws `SafecallError('INVALID_ARGUMENT')` outside 1583–9999.
 *
 * @example
 * ```ts
 * easterSunday(2026); // '2026-04-05'
 * ```
 */
export function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new SafecallError('INVALID_ARGUMENT', 'year must be an integer between 1583 and 9999');
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return format(calendarDay(year, month, day), 'yyyy-MM-dd');
}
