import { parseOrThrow } from '../core/validate.js';
import { callbackPolicySchema, type CallbackPolicy } from '../model/callbackPolicy.js';

/**
 * Validates a callback policy with the model's `callbackPolicySchema` and
 * fills in the defaults (`undefined` = `{}`). Throws
 * `SafecallError('INVALID_CALLBACK')` listing every problem with its path.
 * A script's `callback` is already parsed: pass it to the planner as it is.
 *
 * @example
 * ```ts
 * parseCallbackPolicy({}).timeZone; // 'Europe/Warsaw'
 * parseCallbackPolicy({ slotMinutes: 7 }); // throws SafecallError, code 'INVALID_CALLBACK'
 * ```
 */
export function parseCallbackPolicy(input: unknown): CallbackPolicy {
  return parseOrThrow(callbackPolicySchema, input === undefined ? {} : input, 'INVALID_CALLBACK', 'Invalid callback policy');
}
