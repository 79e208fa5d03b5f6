import type { AuditEvent, OutcomeKind, StepId } from '../../src/model/index.js';
import { generateCalls, type FixtureOptions } from '../support/auditFixtures.js';

export const T0 = Date.parse('2026-11-23T13:00:00.000Z');

/** Options of {@link call}: the steps a hand-made call entered, in order, and what happened in them. */
export interface CallShape {
  agent?: string;
  script?: string;
  version?: number;
  steps?: StepId[];
  unsafe?: boolean;
  safe?: boolean;
  reveal?: boolean;
  mismatch?: boolean;
  exhausted?: boolean;
  outcome?: OutcomeKind;
  seconds?: number;
  restored?: boolean;
}

/** A hand-made call: `call-started`, then each step entered (with the events a step implies), then its outcome. */
export function call(sessionId: string, o: CallShape): AuditEvent[] {
  const envelope = (step: StepId, second: number) => ({ at: new Date(T0 + second * 1000).toISOString(), sessionId, scriptId: o.script ?? 'fraud-alert', scriptVersion: o.version ?? 4, step });
  const events: AuditEvent[] = [{ ...envelope('introduce', 0), type: 'call-started', data: { agentId: o.agent ?? 'a1', locale: 'pl', restored: o.restored ?? false } }];
  let t = 1;
  for (const step of o.steps ?? []) {
    events.push({ ...envelope(step, t++), type: 'step-entered', data: {} });
    if (step === 'safe-place' && o.unsafe) events.push({ ...envelope(step, t++), type: 'safe-place', data: { safe: false } });
    if (step === 'safe-place' && o.safe) events.push({ ...envelope(step, t++), type: 'safe-place', data: { safe: true } });
    if (step === 'pesel-digit') events.push({ ...envelope(step, t++), type: 'challenge-issued', data: { positions: [5, 8, 9], strengthBits: 6.6, attempt: 1, reissued: false } });
    if (step === 'question' && o.exhausted) events.push({ ...envelope(step, t++), type: 'challenge-exhausted', data: { then: 'questions' } });
    if (step === 'mutual' && o.reveal) {
      events.push({ ...envelope('reveal', t++), type: 'digits-revealed', data: { positions: [10, 11], bitsLeft: 0 } });
      events.push({ ...envelope('reveal', t++), type: 'mutual-result', data: { matches: !o.mismatch } });
    }
  }
  if (o.outcome) {
    const at = o.seconds ?? t;
    const data = o.outcome === 'failed' ? { kind: o.outcome, reason: 'challenge-failed' } : { kind: o.outcome };
    events.push({ ...envelope(o.outcome === 'verified' ? 'handoff' : 'closing', at), type: 'outcome', data });
  }
  return events;
}

/** Generated calls (see test/support/auditFixtures.ts), one event array per call. */
export function generated(options: Partial<FixtureOptions> & { calls: number }): AuditEvent[][] {
  return [...generateCalls({ seed: 1, ...options })].map((c) => c.events);
}

/** Lines as jsonlAuditSink writes them. */
export const lines = (events: readonly AuditEvent[]) => events.map((e) => `${JSON.stringify(e)}\n`).join('');
