import type { CallbackRefusal } from '../model/outcome.js';
import { decideTime } from './decideTime.js';
import { parseCallbackPolicy } from './policy.js';
import type { CallbackPolicyInput } from '../model/callbackPolicy.js';
import { parseCallbackRequest, type CallbackRequest } from './request.js';
import { checkedNow, slotContext, toIso } from './slots.js';
import { closingMarginMs, suggestSlots, type CallbackSuggestionOptions } from './suggestions.js';

/**
 * The outcome of {@link planCallback}: the exact instant (ISO, UTC `Z`, on
 * the slot grid), or a refusal with up to 3 instants to offer instead (the
 * ones {@link nextCallbackSlots} gives; empty only if nothing at all is
 * allowed within the horizon).
 *
 * @example
 * ```ts
 * const plan: CallbackPlan = { ok: false, reason: 'closed-day', suggestions: ['2026-11-30T07:00:00.000Z'] };
 * ```
 */
export type CallbackPlan = { ok: true; at: string } | { ok: false; reason: CallbackRefusal; suggestions: string[] };

/**
 * Plans a callback for what the customer asked, inside the policy's business
 * hours, or refuses with the reason and the slots an agent would offer
 * instead — a time is never silently moved. Validates every argument; a
 * session plans through {@link callbackPlanner}, which takes the script's
 * parsed policy as it is and says the times.
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
 * Refusals: `'too-soon'` (before now + `minDelayMinutes`), `'outside-hours'`,
 * `'closed-day'` (a closed weekday or a Polish public holiday),
 * `'beyond-horizon'` (after now + `maxDays`), `'nonexistent-time'`. The
 * suggestions are the nearest slots from now, as {@link nextCallbackSlots}
 * picks them (`options.closingMarginMinutes` as there).
 *
 * Malformed request, policy or `now` → `SafecallError('INVALID_CALLBACK')`.
 *
 * @example
 * ```ts
 * // Friday 24 April 2026, 19:58 in Warsaw; the customer says "call me in 15 minutes"
 * planCallback({ inMinutes: 15 }, {}, '2026-04-24T17:58:00Z');
 * // { ok: false, reason: 'outside-hours',
 * //   suggestions: ['2026-04-25T07:00:00.000Z', '2026-04-27T06:00:00.000Z', '2026-04-28T06:00:00.000Z'] }
 * //   (Saturday 9:00, Monday 8:00, Tuesday 8:00)
 * planCallback({ earliestAfterMinutes: 0 }, {}, '2026-04-24T17:58:00Z');
 * // { ok: true, at: '2026-04-25T07:00:00.000Z' } (Saturday 9:00)
 * ```
 */
export function planCallback(
  request: CallbackRequest,
  policy: CallbackPolicyInput | undefined,
  now: Date | number | string,
  options?: CallbackSuggestionOptions,
): CallbackPlan {
  const parsed = parseCallbackRequest(request);
  const ctx = slotContext(parseCallbackPolicy(policy), checkedNow(now));
  const marginMs = closingMarginMs(options);
  const decision = decideTime(parsed, ctx);
  if (decision.ok) return { ok: true, at: toIso(decision.at) };
  return { ok: false, reason: decision.reason, suggestions: suggestSlots(ctx, 3, marginMs).map(toIso) };
}
