/**
 * Time for a call session: the current instant for audit events and callback
 * planning, and timers for per-question timeouts. Structurally compatible with
 * xstate's `Clock`, so the session hands it straight to `createActor`.
 *
 * `safecall/testing` has `fixedClock(iso)` (time stands still, timers never
 * fire) and `simulatedClock(iso)` (time moves with `advance(ms)`).
 *
 * @example
 * ```ts
 * const clock: Clock = systemClock;
 * clock.now(); // epoch milliseconds
 * ```
 */
export interface Clock {
  /** Current instant in epoch milliseconds. */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock: `Date.now()` and the host's timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};
