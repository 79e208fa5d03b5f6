/**
 * The words for a callback time, shared by describeCallback and the planner.
 * Internal to the callback module.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { pl } from 'date-fns/locale/pl';
import type { Locale } from '../model/locale.js';
import { DAY_MS, dayOf, minuteOfWallDay, wallOf, weekdayOf, yearOfDay } from './zoned.js';
import type { ZoneOffsets } from './zoneOffsets.js';

/**
 * "on <weekday>" in Polish: the accusative with "w"/"we". date-fns' `pl`
 * locale only has the nominative (`niedziela`, `środa`, …), so this is spelled out.
 */
const PL_ON_WEEKDAY = ['w niedzielę', 'w poniedziałek', 'we wtorek', 'w środę', 'w czwartek', 'w piątek', 'w sobotę'] as const;

// Formatting one date with date-fns costs about 10 µs (a TZDate and a locale
// pass), more than planning itself; the same few days are said over and over.
const MAX_DAY_PHRASES = 4096;
const dayPhrases = new Map<string, string>();

/** "w poniedziałek 24 listopada" / "Monday 24 November" (+ the year when asked), from date-fns' `pl` and `enGB`. */
function dayPhrase(day: number, locale: Locale, withYear: boolean): string {
  const key = `${locale}${withYear ? 'y' : ''}${day}`;
  let phrase = dayPhrases.get(key);
  if (phrase === undefined) {
    const date = new TZDate(day * DAY_MS, 'UTC'); // the wall day itself, read the same on every host
    phrase =
      locale === 'pl'
        ? `${PL_ON_WEEKDAY[weekdayOf(day)]} ${format(date, withYear ? 'd MMMM yyyy' : 'd MMMM', { locale: pl })}`
        : format(date, withYear ? 'EEEE d MMMM yyyy' : 'EEEE d MMMM', { locale: enGB });
    if (dayPhrases.size >= MAX_DAY_PHRASES) dayPhrases.clear();
    dayPhrases.set(key, phrase);
  }
  return phrase;
}

/**
 * How the agent says `at` (epoch ms) to the customer at `now`, on the zone's
 * wall clock: "dziś o 16:45", "jutro o 8:00", "w poniedziałek 24 listopada o
 * 10:00" (the year only when it is not `now`'s); in English "today at 16:45",
 * "tomorrow at 8:00", "on Monday 24 November at 10:00".
 *
 * @example
 * ```ts
 * spokenAt(Date.parse('2026-11-25T07:00:00Z'), Date.parse('2026-11-24T09:00:00Z'), 'pl', zoneOffsets('Europe/Warsaw')); // 'jutro o 8:00'
 * ```
 */
export function spokenAt(at: number, now: number, locale: Locale, zone: ZoneOffsets): string {
  const wall = wallOf(at, zone);
  const day = dayOf(wall);
  const today = dayOf(wallOf(now, zone));
  const minute = minuteOfWallDay(wall);
  // "H:mm" of a wall minute: hours without a leading zero, as said.
  const time = `${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, '0')}`;
  if (day === today) return locale === 'pl' ? `dziś o ${time}` : `today at ${time}`;
  if (day === today + 1) return locale === 'pl' ? `jutro o ${time}` : `tomorrow at ${time}`;
  const date = dayPhrase(day, locale, yearOfDay(day) !== yearOfDay(today));
  return locale === 'pl' ? `${date} o ${time}` : `on ${date} at ${time}`;
}
