/**
 * The slot engine behind the callback planner, planCallback,
 * nextCallbackSlots and callbackWindow: which instants are allowed, and
 * searching forwards/backwards for them. Internal to the callback module.
 *
 * An instant is *allowed* when it is
 * - on the slot grid: wall-clock minute a multiple of `slotMinutes`, seconds 0;
 * - at or after `now + minDelayMinutes` (exact, not rounded);
 * - at or before the horizon: the same wall time `maxDays` calendar days later;
 * - on an open day: that weekday has hours, and it is not a Polish public
 *   holiday when `closedOnHolidays`;
 * - within that day's hours: `from <= wall time < to` (half-open; `to` closes).
 *
 * Everything is decided on the wall clock of the policy's zone, so a DST day
 * still has 08:00–20:00 wall-time hours.
 */
import { SafecallError } from '../core/errors.js';
import { minutesOfDay, type CallbackPolicy, type CallbackWeekday } from '../model/callbackPolicy.js';
import type { CallbackWindow } from '../model/callback.js';
import { isPolishHolidayDay } from './isPolishHoliday.js';
import { DAY_MS, MINUTE_MS, dayOf, instantOfWallTime, minuteOfWallDay, toInstant, wallOf, weekdayOf } from './zoned.js';
import { zoneOffsets, type ZoneOffsets } from './zoneOffsets.js';

/**
 * Why an instant is not allowed.
 *
 * @example
 * ```ts
 * const why: SlotRejection = 'outside-hours';
 * ```
 */
export type SlotRejection = 'too-soon' | 'beyond-horizon' | 'closed-day' | 'outside-hours';

/**
 * Opening hours of a day in minutes of the wall day (`to` may be 1440).
 *
 * @example
 * ```ts
 * const weekday: OpenHours = { from: 480, to: 1200 }; // 08:00–20:00
 * ```
 */
export interface OpenHours {
  from: number;
  to: number;
}

/**
 * A policy compiled for searching, and the bounds derived from `now`.
 *
 * @example
 * ```ts
 * const ctx: SlotContext = slotContext(script.callback, clock.now());
 * ```
 */
export interface SlotContext {
  zone: ZoneOffsets;
  /** By weekday, 0 = Sunday; `null` = closed. */
  hours: readonly (OpenHours | null)[];
  closedOnHolidays: boolean;
  now: number;
  /** now + minDelayMinutes (epoch ms). */
  earliest: number;
  /** now + maxDays calendar days, same wall time (epoch ms). */
  horizonEnd: number;
  slotMs: number;
}

const WEEKDAY_KEYS: readonly CallbackWeekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** `now` is accepted from 1990 (the holiday rules) to the year 9000 (room for the horizon). */
const MIN_NOW = Date.UTC(1990, 0, 2);
const MAX_NOW = Date.UTC(9000, 0, 1);

/**
 * `now` as epoch ms within the supported range, or `SafecallError('INVALID_CALLBACK')`.
 *
 * @example
 * ```ts
 * checkedNow('2026-11-24T09:00:00Z'); // 1_795_510_800_000
 * ```
 */
export function checkedNow(now: unknown): number {
  const instant = toInstant(now);
  if (instant === undefined || instant < MIN_NOW || instant >= MAX_NOW) {
    throw new SafecallError(
      'INVALID_CALLBACK',
      'now must be a valid Date, epoch milliseconds or an ISO date-time with Z or an offset, between 1990 and 9000',
    );
  }
  return instant;
}

/**
 * The search context of a parsed policy at `now` (epoch ms, already checked).
 * The policy is not validated again: it comes from a validated script.
 *
 * @example
 * ```ts
 * slotContext(parseCallbackPolicy({}), Date.parse('2026-11-24T09:00:00Z')).horizonEnd; // 8 December, 10:00 in Warsaw
 * ```
 */
export function slotContext(policy: CallbackPolicy, now: number): SlotContext {
  const zone = zoneOffsets(policy.timeZone);
  return {
    zone,
    hours: WEEKDAY_KEYS.map((key) => {
      const hours = policy.hours[key];
      return hours ? { from: minutesOfDay(hours.from), to: minutesOfDay(hours.to) } : null;
    }),
    closedOnHolidays: policy.closedOnHolidays,
    now,
    earliest: now + policy.minDelayMinutes * MINUTE_MS,
    horizonEnd: instantOfWallTime(wallOf(now, zone) + policy.maxDays * DAY_MS, zone, 'earliest'),
    slotMs: policy.slotMinutes * MINUTE_MS,
  };
}

/**
 * Opening hours of a wall day, or `null` if closed (weekday or holiday).
 *
 * @example
 * ```ts
 * hoursOn(Date.UTC(2026, 10, 28) / DAY_MS, ctx); // { from: 540, to: 900 } (a Saturday)
 * ```
 */
export function hoursOn(day: number, ctx: SlotContext): OpenHours | null {
  const hours = ctx.hours[weekdayOf(day)] ?? null;
  if (hours && ctx.closedOnHolidays && isPolishHolidayDay(day)) return null;
  return hours;
}

/**
 * The instant of a wall day's minute (1440 = the next midnight) in the policy's zone.
 *
 * @example
 * ```ts
 * instantOfDayMinute(Date.UTC(2026, 2, 29) / DAY_MS, 150, ctx, 'earliest'); // 02:30 does not exist: 03:00 CEST
 * ```
 */
export function instantOfDayMinute(day: number, minute: number, ctx: SlotContext, prefer: 'earliest' | 'latest'): number {
  return instantOfWallTime(day * DAY_MS + minute * MINUTE_MS, ctx.zone, prefer);
}

/** Rounding needs one step, two when a DST transition is not a multiple of the slot. */
const MAX_GRID_STEPS = 8;

/** Time since the last grid line, read on the wall clock (slots divide the hour, so the wall key's own remainder is it). */
function pastGrid(instant: number, ctx: SlotContext): number {
  return wallOf(instant, ctx.zone) % ctx.slotMs;
}

/**
 * The first instant at or after `instant` on the wall-clock grid. The loop
 * re-checks the wall clock, so a transition that is not a multiple of the
 * slot (Australia/Lord_Howe's 30 minutes) still lands on the grid.
 *
 * @example
 * ```ts
 * ceilToGrid(Date.parse('2026-11-24T09:02:30Z'), ctx); // 09:05Z on a 5-minute grid
 * ```
 */
export function ceilToGrid(instant: number, ctx: SlotContext): number {
  let current = instant;
  for (let step = 0; step < MAX_GRID_STEPS; step++) {
    const past = pastGrid(current, ctx);
    if (past === 0) return current;
    current += ctx.slotMs - past;
  }
  throw new Error('safecall: the slot grid does not converge in this time zone');
}

/**
 * The last instant at or before `instant` on the wall-clock grid.
 *
 * @example
 * ```ts
 * floorToGrid(Date.parse('2026-11-24T09:04:59Z'), ctx); // 09:00Z on a 5-minute grid
 * ```
 */
export function floorToGrid(instant: number, ctx: SlotContext): number {
  let current = instant;
  for (let step = 0; step < MAX_GRID_STEPS; step++) {
    const past = pastGrid(current, ctx);
    if (past === 0) return current;
    current -= past;
  }
  throw new Error('safecall: the slot grid does not converge in this time zone');
}

/**
 * Why `instant` is not allowed, or `undefined` if it is. Checked in this
 * order: too-soon, beyond-horizon, closed-day, outside-hours (an off-grid
 * instant counts as outside hours; planning rounds before asking).
 *
 * @example
 * ```ts
 * rejectionOf(Date.parse('2026-11-29T11:00:00Z'), ctx); // 'closed-day' (a Sunday)
 * ```
 */
export function rejectionOf(instant: number, ctx: SlotContext): SlotRejection | undefined {
  if (instant < ctx.earliest) return 'too-soon';
  if (instant > ctx.horizonEnd) return 'beyond-horizon';
  const wall = wallOf(instant, ctx.zone);
  const hours = hoursOn(dayOf(wall), ctx);
  if (!hours) return 'closed-day';
  const minute = minuteOfWallDay(wall);
  if (wall % ctx.slotMs !== 0 || minute < hours.from || minute >= hours.to) return 'outside-hours';
  return undefined;
}

/**
 * The first allowed instant at or after `instant`, or `undefined` if none before the horizon.
 *
 * @example
 * ```ts
 * nextAllowed(Date.parse('2026-11-24T19:30:00Z'), ctx); // Wednesday 8:00 (07:00Z)
 * ```
 */
export function nextAllowed(instant: number, ctx: SlotContext): number | undefined {
  let current = ceilToGrid(Math.max(instant, ctx.earliest), ctx);
  for (;;) {
    if (current > ctx.horizonEnd) return undefined;
    const wall = wallOf(current, ctx.zone);
    const day = dayOf(wall);
    const hours = hoursOn(day, ctx);
    const minute = minuteOfWallDay(wall);
    if (hours && minute >= hours.from && minute < hours.to) return current;
    const jump = hours && minute < hours.from ? instantOfDayMinute(day, hours.from, ctx, 'earliest') : instantOfDayMinute(day + 1, 0, ctx, 'earliest');
    const next = ceilToGrid(jump, ctx);
    current = next > current ? next : ceilToGrid(current + 1, ctx);
  }
}

/**
 * The last allowed instant at or before `instant`, or `undefined` if none from the earliest bound.
 *
 * @example
 * ```ts
 * previousAllowed(Date.parse('2026-11-24T19:30:00Z'), ctx); // Tuesday 19:55 (18:55Z)
 * ```
 */
export function previousAllowed(instant: number, ctx: SlotContext): number | undefined {
  let current = floorToGrid(Math.min(instant, ctx.horizonEnd), ctx);
  for (;;) {
    if (current < ctx.earliest) return undefined;
    const wall = wallOf(current, ctx.zone);
    const day = dayOf(wall);
    const hours = hoursOn(day, ctx);
    const minute = minuteOfWallDay(wall);
    if (hours && minute >= hours.from && minute < hours.to) return current;
    const jump =
      hours && minute >= hours.to ? instantOfDayMinute(day, hours.to, ctx, 'latest') - 1 : instantOfDayMinute(day, 0, ctx, 'earliest') - 1;
    const previous = floorToGrid(jump, ctx);
    current = previous < current ? previous : floorToGrid(current - 1, ctx);
  }
}

/**
 * The first and the last allowed instants, or `undefined` when nothing is allowed within the horizon.
 *
 * @example
 * ```ts
 * allowedWindow(slotContext(policy, Date.parse('2026-11-25T09:02:00Z')));
 * // { earliest: '2026-11-25T09:10:00.000Z', latest: '2026-12-09T09:00:00.000Z' }
 * ```
 */
export function allowedWindow(ctx: SlotContext): CallbackWindow | undefined {
  const earliest = nextAllowed(ctx.earliest, ctx);
  const latest = previousAllowed(ctx.horizonEnd, ctx);
  return earliest === undefined || latest === undefined ? undefined : { earliest: toIso(earliest), latest: toIso(latest) };
}

/**
 * The wall day (in the policy's zone) of an instant, as days since 1970-01-01.
 *
 * @example
 * ```ts
 * dayOfInstant(Date.parse('2026-11-24T23:30:00Z'), ctx) * DAY_MS; // Date.UTC(2026, 10, 25): already Wednesday in Warsaw
 * ```
 */
export function dayOfInstant(instant: number, ctx: SlotContext): number {
  return dayOf(wallOf(instant, ctx.zone));
}

/**
 * Epoch ms → ISO, UTC `Z`.
 *
 * @example
 * ```ts
 * toIso(Date.UTC(2026, 10, 24, 9)); // '2026-11-24T09:00:00.000Z'
 * ```
 */
export function toIso(instant: number): string {
  return new Date(instant).toISOString();
}
