import type { CallbackPolicyInput } from '../model/callbackPolicy.js';
import { parseCallbackPolicy } from './policy.js';
import { checkedNow, slotContext, toIso } from './slots.js';
import { checkedCount, closingMarginMs, suggestSlots, type CallbackSuggestionOptions } from './suggestions.js';

/**
 * Up to `count` callback slots (ISO instants, UTC `Z`) as an agent offers
 * them, nearest first: today the first free slot and one at least an hour
 * later (if today has room), then the first slot of each following open day,
 * one a day — never Tuesday 8:00 while Monday still has a free slot. No slot
 * starts in the last {@link CLOSING_MARGIN_MINUTES} (30) minutes before
 * closing (`options.closingMarginMinutes`), unless that leaves nothing at all.
 * Empty if nothing is allowed within the horizon. Malformed policy or `now` →
 * `SafecallError('INVALID_CALLBACK')`; a `count` outside 1–50 or a bad margin
 * → `SafecallError('INVALID_ARGUMENT')`.
 *
 * @example
 * ```ts
 * // Wednesday 25 November 2026, 10:02 in Warsaw
 * nextCallbackSlots({}, '2026-11-25T09:02:00Z');
 * // ['2026-11-25T09:10:00.000Z', '2026-11-25T10:10:00.000Z', '2026-11-26T07:00:00.000Z']
 * //  (today 10:10 and 11:10, tomorrow 8:00)
 * ```
 */
export function nextCallbackSlots(
  policy: CallbackPolicyInput | undefined,
  now: Date | number | string,
  count = 3,
  options?: CallbackSuggestionOptions,
): string[] {
  checkedCount(count);
  const marginMs = closingMarginMs(options);
  return suggestSlots(slotContext(parseCallbackPolicy(policy), checkedNow(now)), count, marginMs).map(toIso);
}
