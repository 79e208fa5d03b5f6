/**
 * Budget (issue 6): `JSON.stringify(session.snapshot())` stays within 2 KB for
 * every example script at every step of a full call, and in the detours that
 * put the most into the context (a wrong attempt, a refused callback with its
 * suggested slots).
 */
import { describe, expect, it } from 'vitest';
import { createCallSession, statePath, type CallSession, type Verifier } from '../../src/index.js';
import { fixedClock, seededRandom } from '../../src/testing/index.js';
import { BUDGETS } from '../../bench/bundle.js';
import { depsFor, exampleScripts, instantVerifier, playVerifiedCall } from '../../bench/fixtures.js';

// Saturday 28 November 2026, 14:50 in Warsaw: a callback in 30 minutes is after hours.
const SATURDAY_LATE = '2026-11-28T13:50:00Z';
const scripts = Object.entries(exampleScripts());

function sizeOf(session: CallSession): { state: string; bytes: number } {
  return { state: statePath(session.actor.getSnapshot().value), bytes: JSON.stringify(session.snapshot()).length };
}

describe('snapshot size budget', () => {
  it.each(scripts)('%s: every step of a full verified call stays within 2 KB', async (_name, script) => {
    const sizes: { state: string; bytes: number }[] = [];
    const session = createCallSession(script, depsFor(1, { clock: fixedClock(SATURDAY_LATE), random: seededRandom(3) }));
    await playVerifiedCall(session, (s) => sizes.push(sizeOf(s)));
    expect(session.outcome).toEqual({ kind: 'verified' });
    expect(sizes.length).toBeGreaterThan(5);
    for (const size of sizes) expect(size.bytes, `snapshot at ${size.state}`).toBeLessThanOrEqual(BUDGETS.snapshotJson);
  });

  it.each(scripts)('%s: a wrong first attempt, then a refused callback with suggestions, stay within 2 KB', async (_name, script) => {
    let first = true;
    const verifier: Verifier = {
      ...instantVerifier,
      checkDigits: () => {
        const ok = !first;
        first = false;
        return Promise.resolve(ok);
      },
    };
    const session = createCallSession(script, depsFor(2, { clock: fixedClock(SATURDAY_LATE), random: seededRandom(4), verifier }));
    const sizes: { state: string; bytes: number }[] = [sizeOf(session)];
    const inPesel = () => statePath(session.actor.getSnapshot().value).startsWith('pesel.');
    while (!inPesel()) {
      session.send({ type: 'CONFIRM' });
      sizes.push(sizeOf(session));
    }
    for (const position of session.snapshot().context.challenge!.positions) {
      session.send({ type: 'ANSWER_DIGIT', position, digit: '0' });
      sizes.push(sizeOf(session));
    }
    await session.settled();
    sizes.push(sizeOf(session));
    expect(session.snapshot().context).toMatchObject({ failures: 1, lastFailure: 'wrong' });
    session.send({ type: 'REQUEST_CALLBACK', inMinutes: 30 });
    sizes.push(sizeOf(session));
    expect(sizes.map((s) => s.state)).toContain('callback');
    expect(session.snapshot().context.refusal?.suggestions.length).toBeGreaterThan(0);
    for (const size of sizes) expect(size.bytes, `snapshot at ${size.state}`).toBeLessThanOrEqual(BUDGETS.snapshotJson);
  });
});
