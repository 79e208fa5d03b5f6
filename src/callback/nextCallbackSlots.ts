import { SafecallError } from '../core/errors.js';
import type { CallbackPolicyInput } from './policy.js';
import { createSlotContext, spreadSlots, toIso } from './slots.js';

/**
 * The earliest `count` allowed callback slots (ISO instants, UTC `Z`), spread
 * so that they are worth offering: the first free slot, the first slot at
 * least an hour later the same day, then the next open day's first slot (and
 * so on, at most two a day). Empty if nothing is allowed within the horizon.
 * Malformed policy or `now` → `SafecallError('INVALID_CALLBACK')`; a `count`
 * outside 1–50 → `SafecallError('INVALID_ARGUMENT')`.
 *
 * @example
 * ```ts
 * // Wednesday 25 November 2026, 10:02 in Warsaw
 * nextCallbackSlots({}, '2026-11-25T09:02:00Z');
 * // ['2026-11-25T09:10:00.000Z', '2026-11-25T10:10:00.000Z', '2026-11-26T07:00:00.000Z']
 * ```
 */
export function nextCallbackSlots(policy: CallbackPolicyInput, now: Date | number | string, count = 3): string[] {
  if (!Number.isInteger(count) || count < 1 || count > 50) {
    throw new SafecallError('INVALID_ARGUMENT', 'count must be an integer between 1 and 50');
  }
  const ctx = createSlotContext(policy, now);
  return spreadSlots(ctx.earliest, count, ctx).map(toIso);
}
