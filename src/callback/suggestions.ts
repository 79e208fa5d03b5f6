import { SafecallError } from '../core/errors.js';
import { ceilToGrid, dayOfInstant, hoursOn, instantOfDayMinute, nextAllowed, type SlotContext } from './slots.js';
import { MINUTE_MS } from './zoned.js';

/**
 * Minutes a suggested callback leaves before the line closes, by default: an
 * agent does not offer 19:55 when the line closes at 20:00 (the call would be
 * cut short). Only suggestions keep this margin; a time the customer asks for
 * is planned up to the last slot.
 *
 * @example
 * ```ts
 * callbackPlanner({ closingMarginMinutes: CLOSING_MARGIN_MINUTES }); // the default
 * ```
 */
export const CLOSING_MARGIN_MINUTES = 30;

/**
 * Options of the suggestions ({@link callbackPlanner}, {@link nextCallbackSlots}, {@link planCallback}).
 *
 * @example
 * ```ts
 * const options: CallbackSuggestionOptions = { closingMarginMinutes: 15 };
 * ```
 */
export interface CallbackSuggestionOptions {
  /** A suggestion starts at least this long before closing (0–720; default {@link CLOSING_MARGIN_MINUTES}). */
  closingMarginMinutes?: number;
}

/**
 * The margin of the options in ms (default {@link CLOSING_MARGIN_MINUTES}), or `SafecallError('INVALID_ARGUMENT')`.
 *
 * @example
 * ```ts
 * closingMarginMs(undefined); // 1_800_000
 * ```
 */
export function closingMarginMs(options: CallbackSuggestionOptions | undefined): number {
  const minutes = options?.closingMarginMinutes ?? CLOSING_MARGIN_MINUTES;
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 720) {
    throw new SafecallError('INVALID_ARGUMENT', 'closingMarginMinutes must be an integer between 0 and 720');
  }
  return minutes * MINUTE_MS;
}

/** Spacing of the two slots offered today. */
const LATER_TODAY_MS = 60 * MINUTE_MS;

/**
 * The first allowed slot at or after `instant` that a person would offer: at
 * least `marginMs` before its day's closing time, or its day's opening slot
 * when the day is open for less than the margin.
 */
function nextOffered(instant: number, ctx: SlotContext, marginMs: number): number | undefined {
  let from = instant;
  for (;;) {
    const slot = nextAllowed(from, ctx);
    if (slot === undefined) return undefined;
    const day = dayOfInstant(slot, ctx);
    const hours = hoursOn(day, ctx)!; // an allowed slot lies in open hours
    const closing = instantOfDayMinute(day, hours.to, ctx, 'latest');
    const opening = ceilToGrid(instantOfDayMinute(day, hours.from, ctx, 'earliest'), ctx);
    if (slot <= Math.max(closing - marginMs, opening)) return slot;
    from = instantOfDayMinute(day + 1, 0, ctx, 'earliest');
  }
}

/**
 * Up to `count` slots as an agent offers them, nearest first: today the
 * first free slot and one at least an hour later (if today has room), then
 * the first slot of each following open day, one a day. No slot in the last
 * `marginMs` before closing. If the margin leaves nothing although the line
 * is open within the horizon, the first allowed slot (better than none).
 *
 * @example
 * ```ts
 * // Tuesday 24 November 2026, 19:40 in Warsaw: Wednesday, Thursday and Friday 8:00
 * suggestSlots(slotContext(policy, Date.parse('2026-11-24T18:40:00Z')), 3, 30 * 60_000).map(toIso);
 * // ['2026-11-25T07:00:00.000Z', '2026-11-26T07:00:00.000Z', '2026-11-27T07:00:00.000Z']
 * ```
 */
export function suggestSlots(ctx: SlotContext, count: number, marginMs: number): number[] {
  const first = nextOffered(ctx.earliest, ctx, marginMs) ?? nextAllowed(ctx.earliest, ctx);
  if (first === undefined) return [];
  const slots = [first];
  let day = dayOfInstant(first, ctx);
  if (slots.length < count && day === dayOfInstant(ctx.now, ctx)) {
    const later = nextOffered(first + LATER_TODAY_MS, ctx, marginMs);
    if (later !== undefined && dayOfInstant(later, ctx) === day) slots.push(later);
  }
  while (slots.length < count) {
    const next = nextOffered(instantOfDayMinute(day + 1, 0, ctx, 'earliest'), ctx, marginMs);
    if (next === undefined) break;
    slots.push(next);
    day = dayOfInstant(next, ctx);
  }
  return slots;
}

/**
 * `count` as an integer 1–50, or `SafecallError('INVALID_ARGUMENT')`.
 *
 * @example
 * ```ts
 * checkedCount(3); // 3
 * ```
 */
export function checkedCount(count: number): number {
  if (!Number.isInteger(count) || count < 1 || count > 50) {
    throw new SafecallError('INVALID_ARGUMENT', 'count must be an integer between 1 and 50');
  }
  return count;
}
