/**
 * Callbacks: planning a callback inside business hours in the policy's time
 * zone (Europe/Warsaw by default; Sundays and Polish public holidays closed,
 * DST-correct), and saying it right. Knows nothing of sessions; runs in
 * browsers (no `node:*`).
 */
export {
  callbackPolicySchema,
  parseCallbackPolicy,
  type CallbackPolicy,
  type CallbackPolicyInput,
  type CallbackWeekday,
  type CallbackDayHours,
} from './policy.js';
export { callbackRequestSchema, parseCallbackRequest, type CallbackRequest } from './request.js';
export { planCallback, type CallbackPlan, type CallbackRefusal } from './planCallback.js';
export { nextCallbackSlots } from './nextCallbackSlots.js';
export { callbackWindow, type CallbackWindow } from './callbackWindow.js';
export { polishHolidays, type PolishHoliday } from './polishHolidays.js';
export { isPolishHoliday } from './isPolishHoliday.js';
export { easterSunday } from './easterSunday.js';
export { describeCallback, type CallbackLocale, type DescribeCallbackOptions } from './describeCallback.js';
export { describeDate } from './describeDate.js';
export { describeDateRange } from './describeDateRange.js';
export { callbackReference, CALLBACK_REFERENCE_ALPHABET } from './reference.js';
