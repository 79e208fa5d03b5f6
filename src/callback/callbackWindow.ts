import { SafecallError } from '../core/errors.js';
import type { CallbackPolicyInput } from '../model/callbackPolicy.js';
import type { CallbackWindow } from '../model/callback.js';
import { parseCallbackPolicy } from './policy.js';
import { allowedWindow, checkedNow, slotContext } from './slots.js';

/**
 * The earliest and latest allowed callback instants from `now` (ISO, UTC
 * `Z`), for a date-time picker; every choice still goes through
 * {@link planCallback}, since closed days and hours lie in between. Throws
 * `SafecallError('INVALID_CALLBACK')` for a malformed policy or `now`, and
 * when nothing at all is allowed within the horizon (the planner's `window`
 * returns `undefined` instead).
 *
 * @example
 * ```ts
 * callbackWindow({}, '2026-11-25T09:02:00Z');
 * // { earliest: '2026-11-25T09:10:00.000Z', latest: '2026-12-09T09:00:00.000Z' }
 * ```
 */
export function callbackWindow(policy: CallbackPolicyInput | undefined, now: Date | number | string): CallbackWindow {
  const window = allowedWindow(slotContext(parseCallbackPolicy(policy), checkedNow(now)));
  if (!window) throw new SafecallError('INVALID_CALLBACK', 'the callback policy allows no time within its horizon');
  return window;
}
