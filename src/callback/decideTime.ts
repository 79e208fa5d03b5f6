import { SafecallError } from '../core/errors.js';
import type { CallbackRefusal } from '../model/outcome.js';
import type { CallbackRequest } from './request.js';
import { ceilToGrid, nextAllowed, rejectionOf, type SlotContext } from './slots.js';
import { MINUTE_MS, parseDateTime, resolveWallTime } from './zoned.js';

/**
 * The instant planned for a request, or why not.
 *
 * @example
 * ```ts
 * const decision: TimeDecision = { ok: false, reason: 'closed-day' };
 * ```
 */
export type TimeDecision = { ok: true; at: number } | { ok: false; reason: CallbackRefusal };

/**
 * Decides a validated request (see {@link planCallback} for the rules): the
 * requested time rounded up to the grid, or the reason it is refused. A time
 * is never moved to another slot.
 *
 * @example
 * ```ts
 * decideTime({ inMinutes: 15 }, slotContext(policy, Date.parse('2026-11-24T09:02:30Z')));
 * // { ok: true, at: Date.parse('2026-11-24T09:20:00Z') }
 * ```
 */
export function decideTime(request: CallbackRequest, ctx: SlotContext): TimeDecision {
  if ('earliestAfterMinutes' in request) {
    const at = nextAllowed(Math.max(ctx.now + request.earliestAfterMinutes * MINUTE_MS, ctx.earliest), ctx);
    return at === undefined ? { ok: false, reason: 'beyond-horizon' } : { ok: true, at };
  }
  let requested: number;
  if ('inMinutes' in request) {
    requested = ctx.now + request.inMinutes * MINUTE_MS;
  } else {
    const dateTime = parseDateTime(request.at);
    if (!dateTime) throw new SafecallError('INVALID_CALLBACK', 'Invalid callback request: at: invalid format (date-time)');
    if (dateTime.kind === 'instant') {
      requested = dateTime.instant;
    } else {
      const resolved = resolveWallTime(dateTime.wall, ctx.zone);
      if (resolved.kind === 'nonexistent') return { ok: false, reason: 'nonexistent-time' };
      requested = resolved.instant; // the earlier occurrence when ambiguous
    }
  }
  const at = ceilToGrid(requested, ctx);
  const reason = rejectionOf(at, ctx);
  return reason === undefined ? { ok: true, at } : { ok: false, reason };
}
