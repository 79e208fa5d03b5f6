import { SafecallError } from '../core/errors.js';
import type { CallbackPolicyInput } from './policy.js';
import { createSlotContext, nextAllowed, previousAllowed, toIso } from './slots.js';

/** The range a date-time picker should offer: the first and last allowed slots (ISO instants, UTC `Z`). */
export interface CallbackWindow {
  earliest: string;
  latest: string;
}

/**
 * The earliest and latest allowed callback instants from `now` (for a
 * date-time picker; every choice still goes through {@link planCallback},
 * since closed days and hours lie in between). Throws
 * `SafecallError('INVALID_CALLBACK')` for a malformed policy or `now`, and
 * when nothing at all is allowed within the horizon (check with
 * {@link nextCallbackSlots} first if that can happen).
 *
 * @example
 * ```ts
 * callbackWindow({}, '2026-11-25T09:02:00Z');
 * // { earliest: '2026-11-25T09:10:00.000Z', latest: '2026-12-09T09:00:00.000Z' }
 * ```
 */
export function callbackWindow(policy: CallbackPolicyInput, now: Date | number | string): CallbackWindow {
  const ctx = createSlotContext(policy, now);
  const earliest = nextAllowed(ctx.earliest, ctx);
  const latest = previousAllowed(ctx.horizonEnd, ctx);
  if (earliest === undefined || latest === undefined) {
    throw new SafecallError('INVALID_CALLBACK', 'the callback policy allows no time within its horizon');
  }
  return { earliest: toIso(earliest), latest: toIso(latest) };
}
