import type { Locale } from '../model/index.js';

// Built once per locale and reused: an Intl.DateTimeFormat costs more to build
// than a whole prompt render. Calendar days are read at UTC midnight in UTC,
// so the host's time zone can never shift a day.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, withYear: boolean): Intl.DateTimeFormat {
  const key = `${locale}${withYear ? '+y' : ''}`;
  let format = formatters.get(key);
  if (format === undefined) {
    // 'pl' puts the month in the genitive after a day ("23 listopada"); 'en-GB' says "23 November".
    format = new Intl.DateTimeFormat(locale === 'pl' ? 'pl' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      ...(withYear ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    });
    formatters.set(key, format);
  }
  return format;
}

/** A `YYYY-MM-DD` day (validated by the script schema) as its UTC-midnight instant and parts. */
function parts(date: string): { at: number; year: number; month: number; day: number } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return { at: Date.UTC(year, month - 1, day), year, month, day };
}

/**
 * A calendar day as said in a prompt: "18 listopada" / "18 November"
 * (`withYear`: "18 listopada 2026").
 *
 * @example
 * ```ts
 * sayDay('2026-11-18', 'pl'); // '18 listopada'
 * ```
 */
export function sayDay(date: string, locale: Locale, withYear = false): string {
  return formatter(locale, withYear).format(parts(date).at);
}

/**
 * A range of calendar days, both ends included, without the preposition:
 * "23–27 listopada", "30 listopada – 4 grudnia", "30 grudnia 2026 – 3 stycznia
 * 2027"; in English "23 to 27 November", "30 November to 4 December". The year
 * is said only when the range spans two years. A one-day range is that day.
 *
 * @example
 * ```ts
 * sayDayRange('2026-11-23', '2026-11-27', 'pl'); // '23–27 listopada'
 * sayDayRange('2026-11-23', '2026-11-27', 'en'); // '23 to 27 November'
 * ```
 */
export function sayDayRange(from: string, to: string, locale: Locale): string {
  if (from === to) return sayDay(from, locale);
  const start = parts(from);
  const end = parts(to);
  const crossesYear = start.year !== end.year;
  const sameMonth = !crossesYear && start.month === end.month;
  const last = sayDay(to, locale, crossesYear);
  const first = sameMonth ? String(start.day) : sayDay(from, locale, crossesYear);
  if (locale === 'en') return `${first} to ${last}`;
  // Polish typography: an unspaced en dash between numbers, a spaced one between phrases.
  return sameMonth ? `${first}–${last}` : `${first} – ${last}`;
}
