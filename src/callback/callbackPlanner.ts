import type { CallbackPlanner, CallbackSlot } from '../model/callback.js';
import type { Locale } from '../model/locale.js';
import { decideTime } from './decideTime.js';
import { callbackReference } from './reference.js';
import { parseCallbackRequest } from './request.js';
import { allowedWindow, checkedNow, slotContext, toIso, type SlotContext } from './slots.js';
import { spokenAt } from './spoken.js';
import { checkedCount, closingMarginMs, suggestSlots, type CallbackSuggestionOptions } from './suggestions.js';

/** How many slots a refusal offers instead. */
const REFUSAL_SUGGESTIONS = 3;

/**
 * Callback planning for a session (the model's `CallbackPlanner` port), on
 * the script's already parsed policy — nothing is validated again per call,
 * since it runs on every render of a callback prompt:
 * - `suggest(policy, now, locale, count)`: up to `count` slots `{ at, spoken }`
 *   an agent would offer, as {@link nextCallbackSlots} picks them (today's
 *   first free slot and one at least an hour later, then one a day; none in
 *   the last `closingMarginMinutes` before closing);
 * - `window(policy, now)`: `{ earliest, latest }` allowed instants for a
 *   picker, or `undefined` when nothing is allowed within the horizon;
 * - `plan(request, policy, now, locale, random)`: `{ ok: true, callback: { at,
 *   spoken, reference } }` (the reference from {@link callbackReference}), or
 *   `{ ok: false, reason, suggestions }` with the same suggestions as
 *   `suggest(…, 3)`. Rules as in {@link planCallback}. A malformed request
 *   (e.g. `at: '24.11.2026'`) throws `SafecallError('INVALID_CALLBACK')`.
 *
 * `now` is epoch ms (the session's clock); times are said in the policy's
 * zone whatever the host's. `closingMarginMinutes` outside 0–720 →
 * `SafecallError('INVALID_ARGUMENT')`.
 *
 * @example
 * ```ts
 * const planner = callbackPlanner();
 * const now = Date.parse('2026-11-25T09:02:00Z'); // Wednesday 10:02 in Warsaw
 * planner.suggest(script.callback, now, 'pl', 3).map((slot) => slot.spoken);
 * // ['dziś o 10:10', 'dziś o 11:10', 'jutro o 8:00']
 * planner.plan({ inMinutes: 15 }, script.callback, now, 'pl', crypto);
 * // { ok: true, callback: { at: '2026-11-25T09:20:00.000Z', spoken: 'dziś o 10:20', reference: 'K7M-4PX' } }
 * ```
 */
export function callbackPlanner(options?: CallbackSuggestionOptions): CallbackPlanner {
  const marginMs = closingMarginMs(options);
  const offer = (ctx: SlotContext, locale: Locale, count: number): CallbackSlot[] =>
    suggestSlots(ctx, count, marginMs).map((at) => ({ at: toIso(at), spoken: spokenAt(at, ctx.now, locale, ctx.zone) }));
  return {
    suggest(policy, now, locale, count) {
      return offer(slotContext(policy, checkedNow(now)), locale, checkedCount(count));
    },
    window(policy, now) {
      return allowedWindow(slotContext(policy, checkedNow(now)));
    },
    plan(request, policy, now, locale, random) {
      const ask = parseCallbackRequest(request);
      const ctx = slotContext(policy, checkedNow(now));
      const decision = decideTime(ask, ctx);
      if (!decision.ok) return { ok: false, reason: decision.reason, suggestions: offer(ctx, locale, REFUSAL_SUGGESTIONS) };
      return { ok: true, callback: { at: toIso(decision.at), spoken: spokenAt(decision.at, ctx.now, locale, ctx.zone), reference: callbackReference(random) } };
    },
  };
}
