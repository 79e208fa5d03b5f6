import type { StepId } from '../model/index.js';
import type { OutcomeKind } from '../model/index.js';

/**
 * A count and its share of the calls it is a rate of (`null` when there were none).
 *
 * @example
 * ```ts
 * summary.outcomes.verified; // { count: 760, rate: 0.76 }
 * ```
 */
export interface Rate {
  count: number;
  rate: number | null;
}

/**
 * Quality numbers for a set of calls — all calls, one agent's, or one script
 * version's. Rates are shares in [0, 1], `null` when their denominator is 0.
 *
 * @example
 * ```ts
 * const { verification, timeToVerify } = summarizeCalls(events);
 * console.log(verification.passRate, timeToVerify.medianMs);
 * ```
 */
export interface CallStats {
  /** Calls that ended (have an `outcome` event). Every rate below is over these. */
  calls: number;
  /** Calls started with no outcome in the events: still running, or the log was cut. */
  unfinished: number;
  /** Per outcome kind: count and share of `calls`. */
  outcomes: Record<OutcomeKind, Rate>;
  /**
   * `reached`: calls that got to the first knowledge check (a PESEL challenge
   * issued, or a script question asked); `verified`: those that ended verified;
   * `passRate` = verified ÷ reached.
   */
  verification: { reached: number; verified: number; passRate: number | null };
  /** From `call-started` to the `verified` outcome, over verified calls; nearest-rank, whole seconds. */
  timeToVerify: { count: number; medianMs: number | null; p90Ms: number | null };
  /** `asked`: calls that answered the safe-place question; `unsafe`: those that said at least once they were not safe. */
  safePlace: { asked: number; unsafe: number; unsafeRate: number | null };
  /** Calls that ended with a scheduled callback, as a share of `calls`. */
  callback: Rate;
  /**
   * `offered`: calls that reached the mutual-verification step; `used`: those
   * where the agent read digits back (`digits-revealed`); `mismatches`: calls
   * where the customer said the digits did not match.
   */
  mutual: { offered: number; used: number; useRate: number | null; mismatches: number };
  /**
   * Script adherence over calls whose script version has a known main-step
   * order (`step-entered` events; `handoff` is not counted, the `verified`
   * outcome is the handoff): a verified call adheres when it went through
   * exactly those steps in that order; a call that ended early, when its
   * steps are the start of that order (nothing skipped, nothing out of
   * order). A call with a `challenge-exhausted` event whose `then` is
   * `questions` is checked against the order without `consent`,
   * `pesel-digit` and `mutual`, which it legitimately skips.
   */
  adherence: { checked: number; adherent: number; rate: number | null };
}

/**
 * {@link CallStats} of one script version, with the step order adherence was checked against.
 *
 * @example
 * ```ts
 * summary.byScript['fraud-alert@3']?.expectedSteps; // ['introduce', 'confirm-person', ...]
 * ```
 */
export interface ScriptVersionStats extends CallStats {
  scriptId: string;
  version: number;
  /** The main steps in order (without `handoff`), or null when unknown (no script given and no verified call seen). */
  expectedSteps: StepId[] | null;
  /** `'script'`: from a script passed in `options.scripts`; `'observed'`: the most common order of verified calls. */
  expectedFrom: 'script' | 'observed' | null;
}

/**
 * The calls that ended on one day (UTC date of the outcome): what the
 * report's rates-over-time chart draws.
 *
 * @example
 * ```ts
 * const day: DayStats = summary.byDay['2026-11-23']!;
 * const unsafeRate = day.safeAsked ? day.unsafe / day.safeAsked : null;
 * ```
 */
export interface DayStats {
  calls: number;
  verified: number;
  safeAsked: number;
  unsafe: number;
  callbacks: number;
}

/**
 * What {@link summarizeCalls} returns: the numbers for all calls, and the
 * same numbers per agent (`agentId` of `call-started`) and per script version
 * (`"<scriptId>@<version>"`).
 *
 * @example
 * ```ts
 * const summary = summarizeCalls(events);
 * summary.byAgent['a-17']?.verification.passRate;
 * summary.byScript['fraud-alert@3']?.adherence.rate;
 * ```
 */
export interface CallSummary extends CallStats {
  /** Events read. */
  events: number;
  /** Events of calls whose `call-started` was not in the input (the log began mid-call); not counted. */
  orphanEvents: number;
  byAgent: Record<string, CallStats>;
  byScript: Record<string, ScriptVersionStats>;
  /** Per UTC day (`YYYY-MM-DD`) of the outcome, in date order. */
  byDay: Record<string, DayStats>;
  /** Time to verify of every verified call, counted per whole second, in ascending order. */
  timeToVerifyHistogram: { seconds: number; calls: number }[];
}
