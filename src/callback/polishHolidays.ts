import { addDays, format } from 'date-fns';
import { SafecallError } from '../core/errors.js';
import { calendarDay, parseCalendarDay } from './calendarDay.js';
import { easterSunday } from './easterSunday.js';

/**
 * A Polish statutory public holiday (a day free from work).
 *
 * @example
 * ```ts
 * const holiday: PolishHoliday = { date: '2026-06-04', name: 'Boże Ciało', nameEn: 'Corpus Christi' };
 * ```
 */
export interface PolishHoliday {
  /** Calendar date, `YYYY-MM-DD`. */
  date: string;
  /** Polish name, e.g. `'Boże Ciało'`. */
  name: string;
  /** English name, e.g. `'Corpus Christi'`. */
  nameEn: string;
}

const cache = new Map<number, readonly Readonly<PolishHoliday>[]>();

/**
 * The first year the current list of holidays applies to (3 May restored in 1990).
 *
 * @example
 * ```ts
 * polishHolidays(FIRST_HOLIDAY_YEAR).length; // 12
 * ```
 */
export const FIRST_HOLIDAY_YEAR = 1990;
/**
 * The last year handled (four-digit years).
 *
 * @example
 * ```ts
 * polishHolidays(LAST_HOLIDAY_YEAR).length; // 14
 * ```
 */
export const LAST_HOLIDAY_YEAR = 9999;

/**
 * Polish public holidays of `year`, sorted by date, computed from the
 * statutory rules in force since 1990 (ustawa o dniach wolnych od pracy):
 * 1 January, 6 January (from 2011), Easter Sunday and Monday, 1 May, 3 May,
 * Pentecost (Easter + 49 days), Corpus Christi (Easter + 60 days), 15 August,
 * 1 November, 11 November, 24 December (from 2025), 25 and 26 December.
 * Easter comes from {@link easterSunday}. Throws
 * `SafecallError('INVALID_ARGUMENT')` for a year before 1990 or after 9999.
 *
 * @example
 * ```ts
 * polishHolidays(2026).find((h) => h.nameEn === 'Corpus Christi');
 * // { date: '2026-06-04', name: 'Boże Ciało', nameEn: 'Corpus Christi' }
 * ```
 */
export function polishHolidays(year: number): PolishHoliday[] {
  return holidaysOf(year).map((holiday) => ({ ...holiday }));
}

/**
 * The memoised, frozen list for a year (shared by {@link isPolishHoliday}).
 *
 * @example
 * ```ts
 * holidaysOf(2026)[0]; // { date: '2026-01-01', name: 'Nowy Rok', nameEn: "New Year's Day" } (frozen)
 * ```
 */
export function holidaysOf(year: number): readonly Readonly<PolishHoliday>[] {
  if (!Number.isInteger(year) || year < FIRST_HOLIDAY_YEAR || year > LAST_HOLIDAY_YEAR) {
    throw new SafecallError(
      'INVALID_ARGUMENT',
      `Polish public holidays are computed for the years ${FIRST_HOLIDAY_YEAR}–${LAST_HOLIDAY_YEAR} (the current statutory list dates from 1990)`,
    );
  }
  const cached = cache.get(year);
  if (cached) return cached;

  const easter = parseCalendarDay(easterSunday(year))!;
  const fromEaster = (days: number) => format(addDays(easter, days), 'yyyy-MM-dd');
  const fixed = (month: number, day: number) => format(calendarDay(year, month, day), 'yyyy-MM-dd');

  const list: PolishHoliday[] = [
    { date: fixed(1, 1), name: 'Nowy Rok', nameEn: "New Year's Day" },
    ...(year >= 2011 ? [{ date: fixed(1, 6), name: 'Święto Trzech Króli', nameEn: 'Epiphany' }] : []),
    { date: fromEaster(0), name: 'Wielkanoc', nameEn: 'Easter Sunday' },
    { date: fromEaster(1), name: 'Poniedziałek Wielkanocny', nameEn: 'Easter Monday' },
    { date: fixed(5, 1), name: 'Święto Pracy', nameEn: 'Labour Day' },
    { date: fixed(5, 3), name: 'Święto Konstytucji 3 Maja', nameEn: 'Constitution Day' },
    { date: fromEaster(49), name: 'Zielone Świątki', nameEn: 'Pentecost' },
    { date: fromEaster(60), name: 'Boże Ciało', nameEn: 'Corpus Christi' },
    { date: fixed(8, 15), name: 'Wniebowzięcie Najświętszej Maryi Panny', nameEn: 'Assumption of Mary' },
    { date: fixed(11, 1), name: 'Wszystkich Świętych', nameEn: "All Saints' Day" },
    { date: fixed(11, 11), name: 'Narodowe Święto Niepodległości', nameEn: 'Independence Day' },
    ...(year >= 2025 ? [{ date: fixed(12, 24), name: 'Wigilia Bożego Narodzenia', nameEn: 'Christmas Eve' }] : []),
    { date: fixed(12, 25), name: 'Boże Narodzenie', nameEn: 'Christmas Day' },
    { date: fixed(12, 26), name: 'Drugi dzień Bożego Narodzenia', nameEn: 'Second Day of Christmas' },
  ];
  const frozen = Object.freeze(list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((h) => Object.freeze(h)));
  cache.set(year, frozen);
  return frozen;
}
