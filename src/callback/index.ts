/**
 * Callbacks: planning a callback inside business hours in the policy's time
 * zone (Europe/Warsaw by default; Sundays and Polish public holidays closed,
 * DST-correct), offering the slots an agent would offer, and saying them
 * right. `callbackPlanner()` is the model's `CallbackPlanner` port for a
 * session; the other functions validate their arguments and serve desktops
 * and back ends directly. Knows nothing of sessions; runs in browsers (no
 * `node:*`).
 */
export {
  callbackPolicySchema,
  type CallbackPolicy,
  type CallbackPolicyInput,
  type CallbackWeekday,
  type CallbackDayHours,
} from '../model/callbackPolicy.js';
export type { CallbackRefusal } from '../model/outcome.js';
export type { CallbackSlot, CallbackWindow, CallbackAsk, CallbackPlanner } from '../model/callback.js';
export { parseCallbackPolicy } from './policy.js';
export { callbackRequestSchema, parseCallbackRequest, type CallbackRequest } from './request.js';
export { callbackPlanner } from './callbackPlanner.js';
export { CLOSING_MARGIN_MINUTES, type CallbackSuggestionOptions } from './suggestions.js';
export { planCallback, type CallbackPlan } from './planCallback.js';
export { nextCallbackSlots } from './nextCallbackSlots.js';
export { callbackWindow } from './callbackWindow.js';
export { polishHolidays, type PolishHoliday } from './polishHolidays.js';
export { isPolishHoliday } from './isPolishHoliday.js';
export { easterSunday } from './easterSunday.js';
export { describeCallback, type DescribeCallbackOptions } from './describeCallback.js';
export { describeDate } from './describeDate.js';
export { describeDateRange } from './describeDateRange.js';
export { callbackReference, CALLBACK_REFERENCE_ALPHABET } from './reference.js';
