import { OUTCOME_KINDS, type OutcomeKind, type StepId } from '../model/index.js';
import { adheres } from './adherence.js';
import { DurationHistogram } from './histogram.js';
import type { CallStats } from './summary.js';

/**
 * What is known of a call in progress.
 *
 * @example
 * ```ts
 * const call: OpenCall = { agentId: 'a-17', scriptKey: 'fraud-alert@3', startedAt: Date.now(), steps: ['introduce'], reached: false, exhausted: false, safeAsked: false, unsafe: false, mutualOffered: false, mutualUsed: false, mismatch: false };
 * ```
 */
export interface OpenCall {
  agentId: string;
  scriptKey: string;
  /** Epoch ms of the first `call-started`; null when the input began with a restored start. */
  startedAt: number | null;
  /** Main steps entered, consecutive repeats collapsed. */
  steps: StepId[];
  reached: boolean;
  /** A `challenge-exhausted` event sent the call on to the questions. */
  exhausted: boolean;
  safeAsked: boolean;
  unsafe: boolean;
  mutualOffered: boolean;
  mutualUsed: boolean;
  mismatch: boolean;
}

/** `"<scriptKey>\0<steps>\0<verified>\0<exhausted>"`: one key per distinct step sequence, so memory stays bounded by distinct sequences. */
function sequenceKey(call: OpenCall, verified: boolean): string {
  return `${call.scriptKey}\0${call.steps.join(',')}\0${verified ? 1 : 0}\0${call.exhausted ? 1 : 0}`;
}

/**
 * A step sequence seen, with how many calls took it.
 *
 * @example
 * ```ts
 * const seen: Sequence = { scriptKey: 'loan-offer@1', steps: ['introduce'], verified: false, exhausted: false, calls: 3 };
 * ```
 */
export interface Sequence {
  scriptKey: string;
  steps: StepId[];
  verified: boolean;
  exhausted: boolean;
  calls: number;
}

/**
 * Decodes a key made by `sequenceKey`.
 *
 * @example
 * ```ts
 * for (const [key, calls] of stats.sequences) console.log(decodeSequence(key, calls).steps);
 * ```
 */
export function decodeSequence(key: string, calls: number): Sequence {
  const [scriptKey = '', steps = '', verified, exhausted] = key.split('\0');
  return { scriptKey, steps: steps ? (steps.split(',') as StepId[]) : [], verified: verified === '1', exhausted: exhausted === '1', calls };
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
  readonly outcomes = Object.fromEntries(OUTCOME_KINDS.map((kind) => [kind, 0])) as Record<OutcomeKind, number>;
  reached = 0;
  verified = 0;
  readonly ttv = new DurationHistogram();
  safeAsked = 0;
  unsafe = 0;
  mutualOffered = 0;
  mutualUsed = 0;
  mismatches = 0;
  /** Adherence is judged at the end, once the expected order is known: until then, the sequences seen and their counts. */
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
    const key = sequenceKey(call, verified);
    this.sequences.set(key, (this.sequences.get(key) ?? 0) + 1);
  }

  toJSON(expected: (scriptKey: string) => readonly StepId[] | null, unfinished: number): CallStats {
    const rate = (count: number, of: number) => (of > 0 ? count / of : null);
    let checked = 0;
    let adherent = 0;
    for (const [key, count] of this.sequences) {
      const sequence = decodeSequence(key, count);
      const order = expected(sequence.scriptKey);
      if (!order) continue;
      checked += count;
      if (adheres(sequence.steps, order, sequence)) adherent += count;
    }
    return {
      calls: this.calls,
      unfinished,
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
