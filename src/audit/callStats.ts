import type { StepId } from '../model/index.js';
import { OUTCOME_KINDS, type OutcomeKind } from '../model/index.js';
import { DurationHistogram } from './histogram.js';
import type { CallStats } from './summary.js';

/**
 * What is known of a call in progress.
 *
 * @example
 * ```ts
 * const call: OpenCall = { agentId: 'a-17', scriptKey: 'fraud-alert@3', startedAt: Date.now(), steps: ['introduce'], reached: false, safeAsked: false, unsafe: false, mutualOffered: false, mutualUsed: false, mismatch: false };
 * ```
 */
export interface OpenCall {
  agentId: string;
  scriptKey: string;
  startedAt: number | null;
  steps: StepId[];
  reached: boolean;
  safeAsked: boolean;
  unsafe: boolean;
  mutualOffered: boolean;
  mutualUsed: boolean;
  mismatch: boolean;
}

/**
 * The numbers of one group of calls (all, one agent's, one script version's), added to as calls end.
 *
 * @example
 * ```ts
 * const stats = new Stats();
 * stats.add(call, 'verified', Date.now());
 * stats.toJSON(() => null).calls; // 1
 * ```
 */
export class Stats {
  calls = 0;
  unfinished = 0;
  readonly outcomes = Object.fromEntries(OUTCOME_KINDS.map((kind) => [kind, 0])) as Record<OutcomeKind, number>;
  reached = 0;
  verified = 0;
  readonly ttv = new DurationHistogram();
  safeAsked = 0;
  unsafe = 0;
  mutualOffered = 0;
  mutualUsed = 0;
  mismatches = 0;
  /** `scriptKey \0 steps \0 verified?` → calls: adherence is judged at the end, once the expected order is known. */
  readonly sequences = new Map<string, number>();

  add(call: OpenCall, kind: OutcomeKind, at: number): void {
    this.calls++;
    this.outcomes[kind]++;
    const verified = kind === 'verified';
    if (call.reached) this.reached++;
    if (verified && call.reached) this.verified++;
    if (verified && call.startedAt !== null) this.ttv.add(at - call.startedAt);
    if (call.safeAsked) this.safeAsked++;
    if (call.unsafe) this.unsafe++;
    if (call.mutualOffered) this.mutualOffered++;
    if (call.mutualUsed) this.mutualUsed++;
    if (call.mismatch) this.mismatches++;
    const key = `${call.scriptKey}\0${call.steps.join(',')}\0${verified ? 1 : 0}`;
    this.sequences.set(key, (this.sequences.get(key) ?? 0) + 1);
  }

  toJSON(expected: (scriptKey: string) => readonly StepId[] | null): CallStats {
    const rate = (count: number, of: number) => (of > 0 ? count / of : null);
    let checked = 0;
    let adherent = 0;
    for (const [key, count] of this.sequences) {
      const [scriptKey, steps, verified] = key.split('\0') as [string, string, string];
      const order = expected(scriptKey);
      if (!order) continue;
      checked += count;
      if (adheres(steps ? (steps.split(',') as StepId[]) : [], order, verified === '1')) adherent += count;
    }
    return {
      calls: this.calls,
      unfinished: this.unfinished,
      outcomes: Object.fromEntries(OUTCOME_KINDS.map((kind) => [kind, { count: this.outcomes[kind], rate: rate(this.outcomes[kind], this.calls) }])) as CallStats['outcomes'],
      verification: { reached: this.reached, verified: this.verified, passRate: rate(this.verified, this.reached) },
      timeToVerify: { count: this.ttv.count, medianMs: this.ttv.quantile(0.5), p90Ms: this.ttv.quantile(0.9) },
      safePlace: { asked: this.safeAsked, unsafe: this.unsafe, unsafeRate: rate(this.unsafe, this.safeAsked) },
      callback: { count: this.outcomes['callback-scheduled'], rate: rate(this.outcomes['callback-scheduled'], this.calls) },
      mutual: { offered: this.mutualOffered, used: this.mutualUsed, useRate: rate(this.mutualUsed, this.mutualOffered), mismatches: this.mismatches },
      adherence: { checked, adherent, rate: rate(adherent, checked) },
    };
  }
}

/** Verified: exactly the expected steps. Ended early: a prefix of them (nothing skipped or out of order). */
function adheres(steps: readonly StepId[], expected: readonly StepId[], verified: boolean): boolean {
  if (verified ? steps.length !== expected.length : steps.length > expected.length) return false;
  return steps.every((step, i) => step === expected[i]);
}
