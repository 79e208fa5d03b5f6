/**
 * Test helpers for the callback module (not a test file itself).
 * - `wallClock`: wall time of an instant in a zone via Intl (independent of the implementation);
 * - `oracleRejection`: the allowed-instant rules re-stated on top of it;
 * - `oracleOffered`: the suggestion rule (closing margin, opening slot) re-stated the same way;
 * - `runInTimeZone`: evaluates code in a child `node` with another `TZ`;
 * - `seededRandom`: a deterministic RandomSource.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isPolishHoliday, type CallbackPolicy } from '../../src/callback/index.js';
import type { RandomSource } from '../../src/core/random.js';

export interface WallClock {
  date: string;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
}

const formats = new Map<string, Intl.DateTimeFormat>();

export function wallClock(instant: number | string, timeZone = 'Europe/Warsaw'): WallClock {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formats.set(timeZone, format);
  }
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant;
  const parts = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, p.value]));
  const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  return {
    date: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    year,
    month,
    day,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: parts.weekday!.toLowerCase().slice(0, 3) as WallClock['weekday'],
  };
}

/** `'HH:mm'` of an instant in a zone. */
export function hhmm(instant: number | string, timeZone = 'Europe/Warsaw'): string {
  const w = wallClock(instant, timeZone);
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}

const toMinutes = (value: string) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));

/**
 * Why an instant is not an allowed callback time under `policy` (parsed) and `now`
 * (undefined if allowed) — written from the rules, not from the implementation.
 * The horizon is checked on the wall clock (same wall time `maxDays` days later),
 * plus an elapsed-time sanity bound.
 */
export function oracleRejection(instant: number, policy: CallbackPolicy, now: number): string | undefined {
  const wall = wallClock(instant, policy.timeZone);
  if (wall.minute % policy.slotMinutes !== 0 || wall.second !== 0 || wall.millisecond !== 0) return 'off-grid';
  if (instant < now + policy.minDelayMinutes * 60_000) return 'too-soon';
  const nowWall = wallClock(now, policy.timeZone);
  const horizonDate = new Date(Date.UTC(nowWall.year, nowWall.month - 1, nowWall.day + policy.maxDays));
  const wallKey = (w: { year: number; month: number; day: number; hour: number; minute: number; second: number }) =>
    Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const horizonKey = Date.UTC(horizonDate.getUTCFullYear(), horizonDate.getUTCMonth(), horizonDate.getUTCDate(), nowWall.hour, nowWall.minute, nowWall.second, nowWall.millisecond);
  if (wallKey(wall) > horizonKey) return 'beyond-horizon';
  if (instant - now > policy.maxDays * 86_400_000 + 3_600_000) return 'beyond-horizon (elapsed)';
  const hours = policy.hours[wall.weekday];
  if (!hours) return 'closed-day';
  if (policy.closedOnHolidays && isPolishHoliday(wall.date)) return 'closed-day';
  const minute = wall.hour * 60 + wall.minute;
  if (minute < toMinutes(hours.from) || minute >= toMinutes(hours.to)) return 'outside-hours';
  return undefined;
}

/**
 * Whether an allowed instant is one a person would offer: it starts at least
 * `marginMinutes` before its day's closing time, or it is its day's opening
 * slot — written from the rule, on the wall clock. `undefined` when a clock
 * change lies within the margin (the wall clock cannot tell; the examples
 * test those nights).
 */
export function oracleOffered(instant: number, policy: CallbackPolicy, marginMinutes = 30): boolean | undefined {
  const wall = wallClock(instant, policy.timeZone);
  const end = wallClock(instant + marginMinutes * 60_000, policy.timeZone);
  const previous = wallClock(instant - policy.slotMinutes * 60_000, policy.timeZone);
  const minute = wall.hour * 60 + wall.minute;
  const endMinute = end.date === wall.date ? end.hour * 60 + end.minute : end.hour * 60 + end.minute + 1440;
  const previousMinute = previous.date === wall.date ? previous.hour * 60 + previous.minute : previous.hour * 60 + previous.minute - 1440;
  if (endMinute - minute !== marginMinutes || minute - previousMinute !== policy.slotMinutes) return undefined;
  const hours = policy.hours[wall.weekday]!;
  return endMinute <= toMinutes(hours.to) || previousMinute < toMinutes(hours.from);
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const callbackIndex = pathToFileURL(fileURLToPath(new URL('../../src/callback/index.ts', import.meta.url))).href;

/**
 * Runs `body` (an async function body that gets the callback module as `m`
 * and returns something JSON-serialisable) in a child `node` process whose
 * `TZ` is `timeZone`. Returns the parsed result and the child's own UTC
 * offset on 15 January 2026 (`Date#getTimezoneOffset`), so a test can check
 * the child really ran in that zone.
 */
export function runInTimeZone<T>(timeZone: string, body: string): { hostOffset: number; result: T } {
  const code = `const m = await import(${JSON.stringify(callbackIndex)});
const result = await (async () => { ${body} })();
process.stdout.write(JSON.stringify({ tz: Intl.DateTimeFormat().resolvedOptions().timeZone, offset: new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset(), result }));`;
  const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: repoRoot,
    env: { ...process.env, TZ: timeZone },
    encoding: 'utf8',
  });
  const parsed = JSON.parse(output) as { tz: string; offset: number; result: T };
  return { hostOffset: parsed.offset, result: parsed.result };
}

/** Host time zones the TZ-independence tests run under. */
export const HOST_TIME_ZONES = ['UTC', 'America/New_York', 'Europe/Warsaw', 'Asia/Kolkata', 'Pacific/Kiritimati'] as const;

/** `Date#getTimezoneOffset()` on 15 January 2026 of each zone in {@link HOST_TIME_ZONES}. */
export const HOST_OFFSETS: Record<(typeof HOST_TIME_ZONES)[number], number> = {
  UTC: 0,
  'America/New_York': 300,
  'Europe/Warsaw': -60,
  'Asia/Kolkata': -330,
  'Pacific/Kiritimati': -840,
};

/** A deterministic RandomSource (xorshift32), for tests only. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0 || 0x9e3779b9;
  return {
    getRandomValues<T extends Uint32Array>(array: T): T {
      for (let i = 0; i < array.length; i++) {
        state ^= state << 13;
        state >>>= 0;
        state ^= state >>> 17;
        state ^= state << 5;
        state >>>= 0;
        array[i] = state;
      }
      return array;
    },
  };
}
