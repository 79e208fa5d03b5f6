import { SimulatedClock } from 'xstate';
import type { Clock } from '../index.js';

function parseInstant(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new TypeError(`not an ISO instant: ${iso}`);
  return ms;
}

/**
 * A clock that stands still at `iso`; its timers never fire. For tests where
 * time does not matter but must be deterministic.
 *
 * @example
 * ```ts
 * createCallSession(script, { ...deps, clock: fixedClock('2026-11-23T14:00:00+01:00') });
 * ```
 */
export function fixedClock(iso: string): Clock {
  const now = parseInstant(iso);
  return { now: () => now, setTimeout: () => undefined, clearTimeout: () => undefined };
}

/**
 * A {@link Clock} that moves only when told to.
 *
 * @example
 * ```ts
 * const clock: SimulatedClockControl = simulatedClock(SIMULATION_START);
 * clock.advance(121_000);
 * ```
 */
export interface SimulatedClockControl extends Clock {
  /** Moves time forward by `ms`, firing every timer that falls due. */
  advance(ms: number): void;
}

/**
 * A clock that starts at `iso` and moves with `advance(ms)`, firing timers as
 * they fall due — per-question timeouts become testable without waiting.
 * Built on xstate's own `SimulatedClock`.
 *
 * @example
 * ```ts
 * const clock = simulatedClock('2026-11-23T14:00:00+01:00');
 * const session = createCallSession(script, { ...deps, clock });
 * clock.advance(2 * 60_000); // the customer stayed silent: a wrong attempt
 * ```
 */
export function simulatedClock(iso: string): SimulatedClockControl {
  const clock = new SimulatedClock();
  clock.set(parseInstant(iso));
  return {
    now: () => clock.now(),
    setTimeout: (fn, ms) => clock.setTimeout(fn, ms),
    clearTimeout: (handle) => clock.clearTimeout(handle as number),
    advance: (ms) => clock.increment(ms),
  };
}
