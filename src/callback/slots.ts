/**
 * The slot engine behind planCallback, nextCallbackSlots and callbackWindow:
 * which instants are allowed, and searching forwards/backwards for them.
 * Internal to the callback module.
 *
 * An instant is *allowed* when it is
 * - on the slot grid: wall-clock minute a multiple of `slotMinutes`, seconds 0;
 * - at or after `now + minDelayMinutes` (exact, not rounded);
 * - at or before the horizon: the same wall time `maxDays` calendar days later;
 * - on an open day: that weekday has hours, and it is not a Polish public
 *   holiday when `closedOnHolidays`;
 * - within that day's hours: `from <= wall time < to` (half-open; `to` closes).
 *
 * Everything is decided on the wall clock of the policy's zone via
 * `@date-fns/tz`, so a DST day still has 08:00–20:00 wall-time hours.
 */
import { addMilliseconds, addMinutes } from 'date-fns';
import { SafecallError } from '../core/errors.js';
import { addCalendarDays, formatCalendarDate, type CalendarDate } from './calendarDate.js';
import { isPolishHoliday } from './isPolishHoliday.js';
import { minutesOfDay, parseCallbackPolicy, type CallbackPolicy, type CallbackWeekday } from './policy.js';
import { instantOfDayMinute, instantOfWallTime, toInstant, wallTimeOf, type ZonedWallTime } from './zoned.js';

/** Why an instant is not allowed. */
export type SlotRejection = 'too-soon' | 'beyond-horizon' | 'closed-day' | 'outside-hours';

/** A parsed policy and the bounds derived from `now`. */
export interface SlotContext {
  policy: CallbackPolicy;
  timeZone: string;
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

/** Validates `policy` and `now` (code `INVALID_CALLBACK`) and derives the bounds. */
export function createSlotContext(policyInput: unknown, nowInput: unknown): SlotContext {
  const policy = parseCallbackPolicy(policyInput);
  const now = toInstant(nowInput);
  if (now === undefined || now < MIN_NOW || now >= MAX_NOW) {
    throw new SafecallError(
      'INVALID_CALLBACK',
      'now must be a valid Date, epoch milliseconds or an ISO date-time with Z or an offset, between 1990 and 9000',
    );
  }
  const { timeZone } = policy;
  const wall = wallTimeOf(now, timeZone);
  const horizonDay = addCalendarDays(wall, policy.maxDays);
  return {
    policy,
    timeZone,
    now,
    earliest: +addMinutes(now, policy.minDelayMinutes),
    horizonEnd: instantOfWallTime({ ...wall, ...horizonDay }, timeZone, 'earliest'),
    slotMs: policy.slotMinutes * 60_000,
  };
}

/** Opening hours of the wall day in minutes of day, or `null` if closed (weekday or holiday). */
export function hoursOn(wall: ZonedWallTime, ctx: SlotContext): { from: number; to: number } | null {
  const hours = ctx.policy.hours[WEEKDAY_KEYS[wall.weekday]!];
  if (!hours) return null;
  if (ctx.policy.closedOnHolidays && isPolishHoliday(formatCalendarDate(wall))) return null;
  return { from: minutesOfDay(hours.from), to: minutesOfDay(hours.to) };
}

/** Rounding needs one step, two when a DST transition is not a multiple of the slot. */
const MAX_GRID_STEPS = 8;

function isOnGrid(wall: ZonedWallTime, ctx: SlotContext): boolean {
  return wall.minute % ctx.policy.slotMinutes === 0 && wall.second === 0 && wall.millisecond === 0;
}

/** Time since the last grid line, read on the wall clock. */
function pastGrid(wall: ZonedWallTime, ctx: SlotContext): number {
  return (wall.minute % ctx.policy.slotMinutes) * 60_000 + wall.second * 1000 + wall.millisecond;
}

/**
 * The first instant at or after `instant` on the wall-clock grid. The loop
 * re-checks the wall clock, so a transition that is not a multiple of the
 * slot (Australia/Lord_Howe's 30 minutes) still lands on the grid.
 */
export function ceilToGrid(instant: number, ctx: SlotContext): number {
  let current = instant;
  for (let step = 0; step < MAX_GRID_STEPS; step++) {
    const wall = wallTimeOf(current, ctx.timeZone);
    if (isOnGrid(wall, ctx)) return current;
    current = +addMilliseconds(current, ctx.slotMs - pastGrid(wall, ctx));
  }
  throw new Error('safecall: the slot grid does not converge in this time zone');
}

/** The last instant at or before `instant` on the wall-clock grid. */
export function floorToGrid(instant: number, ctx: SlotContext): number {
  let current = instant;
  for (let step = 0; step < MAX_GRID_STEPS; step++) {
    const wall = wallTimeOf(current, ctx.timeZone);
    if (isOnGrid(wall, ctx)) return current;
    current = +addMilliseconds(current, -pastGrid(wall, ctx));
  }
  throw new Error('safecall: the slot grid does not converge in this time zone');
}

/**
 * Why `instant` is not allowed, or `undefined` if it is. Checked in this
 * order: too-soon, beyond-horizon, closed-day, outside-hours (an off-grid
 * instant counts as outside hours; planCallback rounds before asking).
 */
export function rejectionOf(instant: number, ctx: SlotContext): SlotRejection | undefined {
  if (instant < ctx.earliest) return 'too-soon';
  if (instant > ctx.horizonEnd) return 'beyond-horizon';
  const wall = wallTimeOf(instant, ctx.timeZone);
  const hours = hoursOn(wall, ctx);
  if (!hours) return 'closed-day';
  const minute = wall.hour * 60 + wall.minute;
  if (!isOnGrid(wall, ctx) || minute < hours.from || minute >= hours.to) return 'outside-hours';
  return undefined;
}

/** Whether `instant` is an allowed callback time. */
export function isAllowed(instant: number, ctx: SlotContext): boolean {
  return rejectionOf(instant, ctx) === undefined;
}

/** The first allowed instant at or after `instant`, or `undefined` if none before the horizon. */
export function nextAllowed(instant: number, ctx: SlotContext): number | undefined {
  let current = ceilToGrid(Math.max(instant, ctx.earliest), ctx);
  for (;;) {
    if (current > ctx.horizonEnd) return undefined;
    const wall = wallTimeOf(current, ctx.timeZone);
    const hours = hoursOn(wall, ctx);
    const minute = wall.hour * 60 + wall.minute;
    if (hours && minute >= hours.from && minute < hours.to) return current;
    const jump =
      hours && minute < hours.from
        ? instantOfDayMinute(wall, hours.from, ctx.timeZone, 'earliest')
        : instantOfDayMinute(addCalendarDays(wall, 1), 0, ctx.timeZone, 'earliest');
    const next = ceilToGrid(jump, ctx);
    current = next > current ? next : ceilToGrid(current + 1, ctx);
  }
}

/** The last allowed instant at or before `instant`, or `undefined` if none from the earliest bound. */
export function previousAllowed(instant: number, ctx: SlotContext): number | undefined {
  let current = floorToGrid(Math.min(instant, ctx.horizonEnd), ctx);
  for (;;) {
    if (current < ctx.earliest) return undefined;
    const wall = wallTimeOf(current, ctx.timeZone);
    const hours = hoursOn(wall, ctx);
    const minute = wall.hour * 60 + wall.minute;
    if (hours && minute >= hours.from && minute < hours.to) return current;
    const jump =
      hours && minute >= hours.to
        ? instantOfDayMinute(wall, hours.to, ctx.timeZone, 'latest') - 1
        : instantOfDayMinute(wall, 0, ctx.timeZone, 'earliest') - 1;
    const previous = floorToGrid(jump, ctx);
    current = previous < current ? previous : floorToGrid(current - 1, ctx);
  }
}

/** The calendar day (in the policy's zone) of an instant. */
export function dayOf(instant: number, ctx: SlotContext): CalendarDate {
  const { year, month, day } = wallTimeOf(instant, ctx.timeZone);
  return { year, month, day };
}

/** The first allowed slot on a later day than `instant`'s day (in the zone). */
export function firstSlotOfNextOpenDay(instant: number, ctx: SlotContext): number | undefined {
  const nextMidnight = instantOfDayMinute(addCalendarDays(dayOf(instant, ctx), 1), 0, ctx.timeZone, 'earliest');
  return nextAllowed(nextMidnight, ctx);
}

/** The first allowed slot on `instant`'s day (in the zone). */
export function firstSlotOfDay(instant: number, ctx: SlotContext): number | undefined {
  const midnight = instantOfDayMinute(dayOf(instant, ctx), 0, ctx.timeZone, 'earliest');
  return nextAllowed(midnight, ctx);
}

function sameDay(a: number, b: number, ctx: SlotContext): boolean {
  return formatCalendarDate(dayOf(a, ctx)) === formatCalendarDate(dayOf(b, ctx));
}

/** Spacing between the two slots offered on one day. */
const SPREAD_MS = 60 * 60_000;

/**
 * Up to `count` allowed slots from `start`, spread to be useful to offer: the
 * first slot, the first slot at least an hour later on the same day (if
 * any), then the next open day's first slot, and so on (at most two a day).
 */
export function spreadSlots(start: number, count: number, ctx: SlotContext): number[] {
  const slots: number[] = [];
  let dayFirst = nextAllowed(start, ctx);
  while (dayFirst !== undefined && slots.length < count) {
    slots.push(dayFirst);
    if (slots.length < count) {
      const later = nextAllowed(dayFirst + SPREAD_MS, ctx);
      if (later !== undefined && sameDay(later, dayFirst, ctx)) slots.push(later);
    }
    dayFirst = firstSlotOfNextOpenDay(dayFirst, ctx);
  }
  return slots;
}

/** Epoch ms → `'2026-11-24T09:00:00.000Z'`. */
export function toIso(instant: number): string {
  return new Date(instant).toISOString();
}
