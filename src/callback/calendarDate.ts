/**
 * Calendar dates (`YYYY-MM-DD`) without any time zone: a day in the
 * proleptic Gregorian calendar. Internal helpers of the callback module.
 *
 * The arithmetic here is on calendar days only (`Date.UTC` is used as a
 * plain day counter), never on time-zone offsets.
 */

/** A calendar day. `month` is 1–12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `'2026-11-24'` → `{ year: 2026, month: 11, day: 24 }`, or `undefined` if malformed or not a real day. */
export function parseCalendarDate(value: unknown): CalendarDate | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DATE_RE.exec(value);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealDate(date) ? date : undefined;
}

/** Whether the fields name a day that exists (e.g. not 30 February). */
export function isRealDate({ year, month, day }: CalendarDate): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const utc = new Date(Date.UTC(2000, month - 1, day));
  utc.setUTCFullYear(year);
  return utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
}

/** `{ year: 2026, month: 11, day: 24 }` → `'2026-11-24'`. */
export function formatCalendarDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The calendar day `days` days after (or before, if negative) `date`. */
export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  const utc = new Date(Date.UTC(2000, date.month - 1, date.day));
  utc.setUTCFullYear(date.year);
  utc.setUTCDate(utc.getUTCDate() + days);
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}
