import { describe, expect, it } from 'vitest';
import { defineScript, type CallState } from '../../src/index.js';
import { isServiceAnswer, scriptPaths, type PathEvent, type ScriptPath } from '../../src/testing/index.js';
import {
  endsWithOutcome,
  failsClosed,
  noAttemptPastTheLimit,
  noSecretsInTrail,
  recordingPausedForDigits,
  revealsOnlyAfterPass,
  rules,
  sameChallengeEveryAttempt,
  verifiedOnlyByService,
} from './invariants.js';

// The checks in invariants.ts must be able to fail: each is shown a real path, tampered to break its rule.

const script = defineScript({
  id: 'small-mutual',
  version: 1,
  institution: { name: 'Bank Testowy', officialNumber: '+48 22 100 20 30', callerIdLabel: 'Bank-test' },
  purpose: { pl: 'w sprawie testu' },
  steps: { callerId: false, safePlace: false },
  pesel: { count: 2, minStrengthBits: 6, attempts: 2 },
  mutual: { when: 'after-pesel', maxPositions: 1 },
});
const paths = scriptPaths(script, { challenge: [8, 9] });
const find = (predicate: (path: ScriptPath) => boolean) => {
  const found = paths.find(predicate);
  if (!found) throw new Error('no such path');
  return found;
};
const revealedAndVerified = find((p) => p.outcome?.kind === 'verified' && p.steps.includes('reveal'));
const failedOnce = find((p) => p.outcome?.kind === 'verified' && p.events.some((e) => isServiceAnswer(e, 'checkDigits') && !e.output.passed.pesel));

/** The path with every service answer rewritten. */
function rewrite(path: ScriptPath, change: (output: CallState, event: PathEvent) => CallState): ScriptPath {
  const events = path.events.map((event) => (isServiceAnswer(event) ? { ...event, output: change(event.output, event) } : event));
  return { ...path, events };
}

describe('invariant checks catch violations', () => {
  it('hold for the paths they are shown untampered', () => {
    for (const path of [revealedAndVerified, failedOnce]) for (const check of Object.values(rules(script))) expect(check(path)).toEqual([]);
  });

  it('a path that never ends, or ends without its outcome recorded', () => {
    expect(endsWithOutcome({ ...revealedAndVerified, ended: false })).not.toEqual([]);
    expect(endsWithOutcome({ ...revealedAndVerified, outcome: null })).not.toEqual([]);
    expect(endsWithOutcome({ ...revealedAndVerified, audit: revealedAndVerified.audit.filter((a) => a.record.type !== 'outcome') })).not.toEqual([]);
  });

  it('verified without the service saying the challenge passed, or without its verified record', () => {
    const noPass = rewrite(revealedAndVerified, (output) => ({ ...output, passed: { ...output.passed, pesel: false } }));
    expect(verifiedOnlyByService(script, noPass).some((m) => m.includes('PESEL challenge passed'))).toBe(true);
    const notRecorded = rewrite(revealedAndVerified, (output, event) => (event.type === 'xstate.done.actor.closeCall' ? { ...output, outcome: undefined } : output));
    expect(verifiedOnlyByService(script, notRecorded)).toEqual(['verified, but the service never answered closeCall with verified']);
  });

  it('positions re-rolled after a failure, and digits checked before all were given', () => {
    let answered = 0;
    const rerolled = rewrite(failedOnce, (output) => (answered++ > 1 ? { ...output, challenge: [10, 11] } : output));
    expect(sameChallengeEveryAttempt(rerolled).some((m) => m.includes('changed the challenge'))).toBe(true);
    const first = failedOnce.events.findIndex((e) => e.type === 'ANSWER_DIGIT');
    const early: ScriptPath = { ...failedOnce, states: failedOnce.states.map((s, i) => (i === first + 1 ? 'pesel.digits.checking' : s)) };
    expect(sameChallengeEveryAttempt(early).some((m) => m.includes('checked after 1 of 2'))).toBe(true);
  });

  it('a reveal before the pass, or of a position the customer said', () => {
    const noPass = rewrite(revealedAndVerified, (output) => ({ ...output, passed: { ...output.passed, pesel: false } }));
    expect(revealsOnlyAfterPass(script, noPass).some((m) => m.includes('before'))).toBe(true);
    const saidBack = { ...revealedAndVerified, events: revealedAndVerified.events.map((e): PathEvent => (e.type === 'CUSTOMER_ASKS_DIGITS' ? { ...e, positions: [8] } : e)) };
    expect(revealsOnlyAfterPass(script, saidBack).some((m) => m.includes('which the customer said'))).toBe(true);
  });

  it('recording running while digits are asked', () => {
    const recorded: ScriptPath = { ...revealedAndVerified, recording: revealedAndVerified.recording.map(() => 'active') };
    expect(recordingPausedForDigits(recorded).length).toBeGreaterThan(1);
  });

  it('a digit taken after the service said no attempt is left', () => {
    const exhausted = rewrite(failedOnce, (output, event) => (event.type === 'xstate.done.actor.checkDigits' && !output.passed.pesel ? { ...output, attemptsLeft: 0 } : output));
    expect(noAttemptPastTheLimit(exhausted)).toContain('a digit taken after the service said no attempt is left');
  });

  it('a failed service call that lets the call go on', () => {
    const i = revealedAndVerified.events.findIndex((e) => e.type === 'xstate.done.actor.checkDigits');
    const failed: ScriptPath = { ...revealedAndVerified, events: revealedAndVerified.events.map((e, j) => (j === i ? { type: 'xstate.error.actor.checkDigits', error: { code: 'VERIFIER_UNAVAILABLE', retryable: true } } : e)) };
    expect(failsClosed(failed).some((m) => m.includes('failed service call'))).toBe(true);
  });

  it('a digit or an answer in the audit trail or an event', () => {
    // Extra fields, as a careless change would add them (not fresh literals, so the compiler lets them through).
    const data = { position: 8, via: 'voice' as const, digit: '3' };
    const leaky: ScriptPath = { ...revealedAndVerified, audit: [...revealedAndVerified.audit, { at: 1, step: 'pesel-digit', record: { type: 'digit-given', data } }] };
    expect(noSecretsInTrail(leaky)).toEqual(['audit record digit-given carries a digit or an answer']);
    const answer = { type: 'ANSWER' as const, questionId: 'city', value: 'Kraków' };
    expect(noSecretsInTrail({ ...revealedAndVerified, events: [answer] })).toEqual(['event ANSWER carries a digit or an answer']);
  });
});
