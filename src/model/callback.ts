import type { RandomSource } from '../core/random.js';
import type { CallbackPolicy } from './callbackPolicy.js';
import type { Locale } from './locale.js';
import type { CallbackRefusal, ScheduledCallback } from './outcome.js';

/**
 * A callback time the agent can offer: the instant and how to say it.
 *
 * @example
 * ```ts
 * const slot: CallbackSlot = { at: '2026-11-24T07:00:00.000Z', spoken: 'jutro o 8:00' };
 * ```
 */
export interface CallbackSlot {
  /** ISO instant (UTC). */
  at: string;
  /** As the agent says it, e.g. "jutro o 8:00". */
  spoken: string;
}

/**
 * The range a date-time picker should offer: the first and last allowed instants.
 *
 * @example
 * ```ts
 * const window: CallbackWindow = { earliest: '2026-11-25T09:10:00.000Z', latest: '2026-12-09T09:00:00.000Z' };
 * ```
 */
export interface CallbackWindow {
  earliest: string;
  latest: string;
}

/**
 * What the customer asked for: "in 15 minutes", "at 10:00 on Tuesday", or
 * "as soon as you can".
 *
 * @example
 * ```ts
 * const request: CallbackAsk = { inMinutes: 15 };
 * ```
 */
export type CallbackAsk = { inMinutes: number } | { at: string } | { earliestAfterMinutes: number };

/**
 * How a callback request was decided: the callback, or why not and what to offer instead.
 *
 * @example
 * ```ts
 * const decision: CallbackDecision = { ok: false, reason: 'outside-hours', suggestions: [] };
 * ```
 */
export type CallbackDecision = { ok: true; callback: ScheduledCallback } | { ok: false; reason: CallbackRefusal; suggestions: CallbackSlot[] };

/**
 * Callback planning as a session uses it. `callbackPlanner()` from
 * `safecall-pl/callback` implements it with date-fns and @date-fns/tz; a
 * session without one offers no callback times (the customer can still call
 * the official number back).
 *
 * @example
 * ```ts
 * import { callbackPlanner } from 'safecall-pl/callback';
 * const session = createCallSession(script, { ...deps, callbacks: callbackPlanner() });
 * ```
 */
export interface CallbackPlanner {
  /** Up to `count` slots a person would offer now, nearest first. */
  suggest(policy: CallbackPolicy, now: number, locale: Locale, count: number): CallbackSlot[];
  /** The first and last allowed instants from `now`, or `undefined` when nothing is allowed. */
  window(policy: CallbackPolicy, now: number): CallbackWindow | undefined;
  /** Decides a request; `random` draws the callback reference. Throws `INVALID_CALLBACK` for a malformed `at`. */
  plan(request: CallbackAsk, policy: CallbackPolicy, now: number, locale: Locale, random: RandomSource): CallbackDecision;
}
