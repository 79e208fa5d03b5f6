import { addMinutes } from 'date-fns';
import { parseCallbackRequest, type CallbackRequest } from './request.js';
import type { CallbackPolicyInput } from './policy.js';
import {
  ceilToGrid,
  createSlotContext,
  firstSlotOfDay,
  firstSlotOfNextOpenDay,
  nextAllowed,
  previousAllowed,
  rejectionOf,
  spreadSlots,
  toIso,
  type SlotContext,
} from './slots.js';
import { parseDateTime, resolveWallTime } from './zoned.js';

/**
 * Why a requested callback time was refused:
 * - `'too-soon'`: before now + `minDelayMinutes` (or in the past);
 * - `'outside-hours'`: an open day, but outside `[from, to)` wall time;
 * - `'closed-day'`: a closed weekday (Sunday by default) or a Polish public holiday;
 * - `'beyond-horizon'`: after now + `maxDays` (for `earliestAfterMinutes`:
 *   no allowed slot before the horizon);
 * - `'nonexistent-time'`: a wall time skipped by the spring-forward DST change
 *   (02:30 on the last Sunday of March in Europe/Warsaw).
 *
 * @example
 * ```ts
 * const plan = planCallback({ at: '2026-03-29T02:30' }, {}, '2026-03-27T10:00:00Z');
 * if (!plan.ok) plan.reason; // 'nonexistent-time'
 * ```
 */
export type CallbackRefusal = 'too-soon' | 'outside-hours' | 'closed-day' | 'beyond-horizon' | 'nonexistent-time';

/**
 * The outcome of {@link planCallback}: the exact instant (ISO, UTC `Z`, on
 * the slot grid), or a refusal with up to 3 allowed instants to suggest
 * instead (sorted, distinct; empty only if nothing at all is allowed within
 * the horizon).
 */
export type CallbackPlan =
  | { ok: true; at: string }
  | { ok: false; reason: CallbackRefusal; suggestions: string[] };

/**
 * Plans a callback for what the customer asked, inside the policy's business
 * hours, or refuses with the reason and the nearest allowed instants — a time
 * is never silently moved.
 *
 * - `{ inMinutes: n }`: now + n minutes (elapsed time, so "in 60 minutes" is
 *   60 real minutes across a DST change), rounded up to the slot grid;
 * - `{ at }`: an ISO instant, or a wall time without offset read in the
 *   policy's zone, rounded up to the grid. A wall time repeated when clocks go
 *   back means its earlier occurrence; one skipped when clocks go forward is
 *   refused as `'nonexistent-time'`;
 * - `{ earliestAfterMinutes: n }`: the first allowed slot at or after
 *   now + max(n, minDelayMinutes); refused (`'beyond-horizon'`) only when there
 *   is none before the horizon.
 *
 * Suggestions around a refused instant r: the latest allowed slot before r,
 * the earliest at or after r, and the next open day's first slot; when there
 * is nothing allowed before r: the earliest slot, one an hour later that day,
 * and the next open day's first; when there is nothing after r: the first and
 * the last slot of the last open day.
 *
 * Malformed request, policy or `now` → `SafecallError('INVALID_CALLBACK')`.
 *
 * @example
 * ```ts
 * // Friday 24 April 2026, 19:58 in Warsaw; the customer says "call me in 15 minutes"
 * planCallback({ inMinutes: 15 }, {}, '2026-04-24T17:58:00Z');
 * // { ok: false, reason: 'outside-hours',
 * //   suggestions: ['2026-04-25T07:00:00.000Z', '2026-04-25T08:00:00.000Z', '2026-04-27T06:00:00.000Z'] }
 * //   (Saturday 9:00 and 10:00, Monday 8:00)
 * planCallback({ earliestAfterMinutes: 0 }, {}, '2026-04-24T17:58:00Z');
 * // { ok: true, at: '2026-04-25T07:00:00.000Z' } (Saturday 9:00)
 * ```
 */
export function planCallback(request: CallbackRequest, policy: CallbackPolicyInput, now: Date | number | string): CallbackPlan {
  const parsed = parseCallbackRequest(request);
  const ctx = createSlotContext(policy, now);

  if ('earliestAfterMinutes' in parsed) {
    const start = +addMinutes(ctx.now, Math.max(parsed.earliestAfterMinutes, ctx.policy.minDelayMinutes));
    const at = nextAllowed(start, ctx);
    return at === undefined ? refuse('beyond-horizon', ceilToGrid(start, ctx), ctx) : { ok: true, at: toIso(at) };
  }

  let requested: number;
  if ('inMinutes' in parsed) {
    requested = +addMinutes(ctx.now, parsed.inMinutes);
  } else {
    const dateTime = parseDateTime(parsed.at)!;
    if (dateTime.kind === 'instant') {
      requested = dateTime.instant;
    } else {
      const resolved = resolveWallTime(dateTime.wall, ctx.timeZone);
      if (resolved.kind === 'nonexistent') return refuse('nonexistent-time', ceilToGrid(resolved.gapEnd, ctx), ctx);
      requested = resolved.instant; // the earlier occurrence when ambiguous
    }
  }
  const at = ceilToGrid(requested, ctx);
  const rejection = rejectionOf(at, ctx);
  return rejection === undefined ? { ok: true, at: toIso(at) } : refuse(rejection, at, ctx);
}

function refuse(reason: CallbackRefusal, around: number, ctx: SlotContext): CallbackPlan {
  return { ok: false, reason, suggestions: suggestionsAround(around, ctx).map(toIso) };
}

/** Up to 3 allowed instants near `around` (see {@link planCallback}). */
function suggestionsAround(around: number, ctx: SlotContext): number[] {
  const before = previousAllowed(around - 1, ctx);
  const after = nextAllowed(around, ctx);
  let candidates: (number | undefined)[];
  if (after === undefined) {
    candidates = before === undefined ? [] : [firstSlotOfDay(before, ctx), before];
  } else if (before === undefined) {
    candidates = spreadSlots(after, 3, ctx);
  } else {
    candidates = [before, after, firstSlotOfNextOpenDay(after, ctx)];
  }
  return [...new Set(candidates.filter((slot): slot is number => slot !== undefined))].sort((a, b) => a - b);
}
