import { describe, expect, it } from 'vitest';
import { createCallSession, type CallSnapshotInput, type Verifier } from 'safecall-pl';
import {
  answer,
  askedPosition,
  bound,
  confirmUntil,
  createService,
  dataOf,
  expectRejection,
  flush,
  fraudAlert,
  giveDigits,
  JAN_PESEL,
  loanOffer,
  recordingSignals,
  reload,
  say,
  sendDigits,
  startCall,
  statusOf,
  types,
  variant,
  wrongPesel,
  type Call,
} from './helpers.js';

/*
 * A desktop reload: `session.snapshot()` kept in sessionStorage, the page
 * reloaded, `restoreCallSession` against the same service. The service's
 * state wins; a reload never gives a second chance and never loses a counted
 * attempt either.
 */

async function atDigits(call: Call = startCall(fraudAlert)): Promise<Call> {
  await confirmUntil(call.session, 'consent');
  await say(call.session, { type: 'CONFIRM' });
  return call;
}

describe('reload in the middle of the challenge', () => {
  it('resumes on the same positions with the same attempt count; the unfinished attempt restarts at its first position', async () => {
    const call = await atDigits();
    call.session.send({ type: 'ANSWER_DIGIT', position: 5, digit: '1' });
    call.session.send({ type: 'ANSWER_DIGIT', position: 8, digit: '3' });
    expect(askedPosition(call.session)).toBe(9);

    const restored = await reload(call);
    const { session, audit, notices } = restored;
    // The digits lived only in the old page's memory: the attempt starts again, same positions.
    expect(session.prompt.step).toBe('pesel-digit');
    expect(askedPosition(session)).toBe(5);
    expect(session.callId).toBe(call.session.callId);
    expect(session.snapshot()).toMatchObject({ state: 'pesel.digits.asking', claims: { challenge: [5, 8, 9], attemptsLeft: 2 } });
    expect(session.snapshot().context?.failures ?? 0).toBe(0);
    // The softphone must pause the recording again.
    expect(session.recording).toBe('paused');
    expect(dataOf(audit, 'call-started')).toEqual([{ agentId: 'agent-17', locale: 'pl', restored: true }]);
    expect(await call.service.resume(session.callId!)).toMatchObject({ failures: { pesel: 0 }, attemptsLeft: 2 });
    expect(call.server.lookups()).toBe(0);

    expect(await giveDigits(session)).toEqual([5, 8, 9]);
    expect(session.prompt.step).toBe('mutual');
    expect(recordingSignals(notices)).toContain('resume');
    expect(call.server.lookups()).toBe(1);
    expect(types(audit)).toContain('challenge-passed');
  });

  it('after a wrong attempt: attempt 2 of 2 after the reload too, and a wrong answer ends the call', async () => {
    const call = await atDigits();
    await giveDigits(call.session, wrongPesel());
    call.session.send({ type: 'ANSWER_DIGIT', position: 5, digit: '1' });
    const restored = await reload(call);
    const { session } = restored;
    expect(askedPosition(session)).toBe(5);
    expect(session.snapshot()).toMatchObject({ context: { failures: 1 }, claims: { attemptsLeft: 1 } });
    await giveDigits(session, wrongPesel());
    expect(session.outcome).toEqual({ kind: 'failed', reason: 'challenge-failed' });
    expect((await statusOf(restored)).state.failures.pesel).toBe(2);
  });

  it('reload before the service was needed: the call opens once and goes on', async () => {
    const call = startCall(fraudAlert);
    await say(call.session, { type: 'CONFIRM' });
    await say(call.session, { type: 'CONFIRM' });
    const restored = await reload(call);
    expect(restored.session.prompt.step).toBe('caller-id');
    await confirmUntil(restored.session, 'consent');
    await say(restored.session, { type: 'CONFIRM' });
    expect(await giveDigits(restored.session)).toEqual([5, 8, 9]);
    expect(restored.session.prompt.step).toBe('mutual');
  });
});

describe('reload while a check is in flight (state pesel.digits.checking)', () => {
  /** A verifier that passes the check on to the service and loses the answer (the page reloads before it arrives). */
  const reachesServiceOnly = (service: Verifier): Verifier => ({
    ...bound(service),
    checkDigits: (callId, answers) => {
      void service.checkDigits(callId, answers);
      return new Promise<never>(() => undefined);
    },
  });
  /** A verifier whose check never reaches the service. */
  const neverReaches = (service: Verifier): Verifier => ({ ...bound(service), checkDigits: () => new Promise<never>(() => undefined) });

  async function inFlight(verifier: (service: Verifier) => Verifier, pesel: string): Promise<{ call: Call; snapshot: CallSnapshotInput }> {
    const call = await atDigits(startCall(fraudAlert, { verifier }));
    sendDigits(call.session, pesel);
    await flush();
    const snapshot = call.session.snapshot();
    expect(snapshot.state).toBe('pesel.digits.checking');
    return { call, snapshot };
  }

  it('the right digits reached the service: the pass is read back, not sent again', async () => {
    const { call, snapshot } = await inFlight(reachesServiceOnly, JAN_PESEL);
    expect(call.server.lookups()).toBe(1);
    const restored = await reload(call, snapshot);
    await restored.session.settled();
    expect(restored.session.prompt.step).toBe('mutual');
    expect(dataOf(restored.audit, 'challenge-passed')).toEqual([{ attempt: 1 }]);
    expect(call.server.lookups()).toBe(1);
    expect(await call.service.resume(snapshot.callId!)).toMatchObject({ passed: { pesel: true }, failures: { pesel: 0 } });
  });

  it('wrong digits reached the service: the failure is read back and counted once — attempt 2 is asked', async () => {
    const { call, snapshot } = await inFlight(reachesServiceOnly, wrongPesel());
    const restored = await reload(call, snapshot);
    await restored.session.settled();
    expect(restored.session.done).toBe(false);
    expect(restored.session.prompt.step).toBe('pesel-digit');
    expect(askedPosition(restored.session)).toBe(5);
    expect(dataOf(restored.audit, 'challenge-failed')).toEqual([{ attempt: 1, cause: 'wrong', attemptsLeft: 1 }]);
    expect(await call.service.resume(snapshot.callId!)).toMatchObject({ failures: { pesel: 1 }, attemptsLeft: 1 });
  });

  it('the check never reached the service: nothing is counted, the attempt restarts at its first position', async () => {
    const { call, snapshot } = await inFlight(neverReaches, JAN_PESEL);
    const restored = await reload(call, snapshot);
    await restored.session.settled();
    expect(restored.session.prompt.step).toBe('pesel-digit');
    expect(askedPosition(restored.session)).toBe(5);
    expect(types(restored.audit)).not.toContain('challenge-failed');
    expect(await call.service.resume(snapshot.callId!)).toMatchObject({ failures: { pesel: 0 }, attemptsLeft: 2 });
    expect(await giveDigits(restored.session)).toEqual([5, 8, 9]);
    expect(restored.session.prompt.step).toBe('mutual');
  });
});

describe('reload while an answer to a question is in flight (state questions.checking)', () => {
  it('a wrong answer that reached the service is read back and counted once', async () => {
    const call = await atDigits(
      startCall(fraudAlert, {
        verifier: (service) => ({
          ...bound(service),
          checkAnswer: (callId, questionId, value) => {
            void service.checkAnswer(callId, questionId, value);
            return new Promise<never>(() => undefined);
          },
        }),
      }),
    );
    await giveDigits(call.session);
    await say(call.session, { type: 'DENY' });
    call.session.send({ type: 'ANSWER', questionId: 'account-opened-year', value: '1999' });
    await flush();
    const snapshot = call.session.snapshot();
    expect(snapshot.state).toBe('questions.checking');
    expect((await call.service.resume(snapshot.callId!)).failures.questions['account-opened-year']).toBe(1);
    const restored = await reload(call, snapshot);
    await restored.session.settled();
    expect(restored.session.prompt.step).toBe('question');
    expect(restored.session.prompt.input).toMatchObject({ kind: 'answer', questionId: 'account-opened-year' });
    expect(dataOf(restored.audit, 'question-failed')).toEqual([{ questionId: 'account-opened-year', attempt: 1, cause: 'wrong', attemptsLeft: 1 }]);
    expect((await call.service.resume(snapshot.callId!)).failures.questions['account-opened-year']).toBe(1);
    await answer(restored.session);
    expect(restored.session.prompt.input).toMatchObject({ kind: 'answer', questionId: 'home-city' });
  });
});

describe('reload on the reveal step', () => {
  it('asks the service again for the same positions only: the same digits, nothing new spoken', async () => {
    const call = await atDigits();
    await giveDigits(call.session);
    await say(call.session, { type: 'CUSTOMER_ASKS_DIGITS', positions: [9, 10, 11] });
    const shown = call.session.prompt.revealed;
    expect(shown).toEqual([
      { position: 10, digit: '3' },
      { position: 11, digit: '4' },
    ]);
    const asked: number[][] = [];
    const restored = await reload(call, call.session.snapshot(), {
      verifier: (service) => ({
        ...bound(service),
        reveal: (callId, positions) => {
          asked.push([...positions]);
          return service.reveal(callId, positions);
        },
      }),
    });
    const { session, notices } = restored;
    await session.settled();
    expect(asked).toEqual([[10, 11]]);
    expect(session.prompt.step).toBe('reveal');
    expect(session.prompt.revealed).toEqual(shown);
    expect(session.recording).toBe('paused');
    expect(recordingSignals(notices)).not.toContain('resume');
    // No new disclosure on the service: the same two positions, once.
    expect((await call.service.resume(session.callId!)).revealed).toEqual([10, 11]);
    expect(call.server.events.filter((e) => e.type === 'revealed')).toHaveLength(1);
    await say(session, { type: 'CONFIRM' });
    expect(session.prompt.step).toBe('question');
    await answer(session);
    await answer(session);
    expect(session.outcome).toEqual({ kind: 'verified' });
    expect((await statusOf(restored)).outcome).toEqual({ kind: 'verified' });
  });
});

describe('script versions', () => {
  const v5 = variant('fraud-alert', { version: 5 });

  it('a snapshot of another script version is SNAPSHOT_MISMATCH; with migrate the call continues', async () => {
    const server = createService([fraudAlert, v5]);
    const call = await atDigits(startCall(fraudAlert, { server }));
    call.session.send({ type: 'ANSWER_DIGIT', position: 5, digit: '1' });
    const snapshot = call.session.snapshot();
    const error = await expectRejection(reload(call, snapshot, { script: v5 }), 'SNAPSHOT_MISMATCH');
    expect(error.message).toMatch(/v4/);
    expect(error.message).toMatch(/v5/);
    // A migrate that does not move it to v5 is refused too.
    await expectRejection(reload(call, snapshot, { script: v5, migrate: (s) => s }), 'SNAPSHOT_MISMATCH');
    const migrated = await reload(call, snapshot, { script: v5, migrate: (s) => ({ ...s, script: { id: 'fraud-alert', version: 5 } }) });
    expect(migrated.session.script.version).toBe(5);
    expect(askedPosition(migrated.session)).toBe(5);
    expect(await giveDigits(migrated.session)).toEqual([5, 8, 9]);
    expect(migrated.session.prompt.step).toBe('mutual');
  });

  it("a snapshot of another script id is SNAPSHOT_MISMATCH", async () => {
    const call = startCall(fraudAlert);
    await say(call.session, { type: 'CONFIRM' });
    await expectRejection(reload(call, call.session.snapshot(), { script: loanOffer }), 'SNAPSHOT_MISMATCH');
  });
});

describe('malformed snapshots', () => {
  it.each<[string, (s: Record<string, unknown>) => unknown]>([
    ['null', () => null],
    ['an empty object', () => ({})],
    ['a string', (s) => JSON.stringify(s)],
    ['an older format', (s) => ({ ...s, format: 1 })],
    ['an unknown state', (s) => ({ ...s, state: 'nowhere' })],
    ['a state that is not a leaf', (s) => ({ ...s, state: 'pesel' })],
    ['a state path with other characters', (s) => ({ ...s, state: 'pesel.digits.asking;drop' })],
    ['an absurd failure count', (s) => ({ ...s, context: { ...(s['context'] as object), failures: 7000 } })],
    ['an unknown field', (s) => ({ ...s, pesel: JAN_PESEL })],
    ['a digit smuggled into the context', (s) => ({ ...s, context: { ...(s['context'] as object), digits: { 5: '1' } } })],
    ['a position out of range', (s) => ({ ...s, claims: { ...(s['claims'] as object), challenge: [5, 8, 12] } })],
  ])('%s → INVALID_SNAPSHOT', async (_name, edit) => {
    const call = await atDigits();
    const snapshot = JSON.parse(JSON.stringify(call.session.snapshot())) as Record<string, unknown>;
    await expectRejection(reload(call, edit(snapshot)), 'INVALID_SNAPSHOT');
    // Nothing changed on the service.
    expect(await call.service.resume(call.session.callId!)).toMatchObject({ failures: { pesel: 0 }, passed: { pesel: false } });
  });

  it('a step the script does not have → INVALID_SNAPSHOT', async () => {
    const call = startCall(loanOffer);
    await confirmUntil(call.session, 'consent');
    const snapshot = { ...call.session.snapshot(), state: 'mutual.inviting' };
    await expectRejection(reload(call, snapshot), 'INVALID_SNAPSHOT');
  });
});

describe('a call the service has closed', () => {
  it('a snapshot taken after the call failed restores as ended, with the service\'s outcome', async () => {
    const call = await atDigits();
    await giveDigits(call.session, wrongPesel());
    await giveDigits(call.session, wrongPesel());
    await flush();
    const restored = await reload(call);
    expect(restored.session.done).toBe(true);
    expect(restored.session.outcome).toEqual({ kind: 'failed', reason: 'challenge-failed' });
    expect(restored.session.prompt.step).toBe('closing');
    expect(restored.session.prompt.actions).toEqual([]);
    expect(restored.session.can({ type: 'ANSWER_DIGIT', position: 5, digit: '1' })).toBe(false);
  });

  it('a snapshot taken after the call was verified restores as verified', async () => {
    const call = await atDigits();
    await giveDigits(call.session);
    await say(call.session, { type: 'DENY' });
    await answer(call.session);
    await answer(call.session);
    const restored = await reload(call);
    expect(restored.session.outcome).toEqual({ kind: 'verified' });
    expect(restored.session.prompt.step).toBe('handoff');
  });

  it('an older snapshot of a call closed since (another desktop hung up) ends with the service\'s outcome', async () => {
    const call = await atDigits();
    await giveDigits(call.session);
    const atMutual = call.session.snapshot();
    await say(call.session, { type: 'HANG_UP' });
    await flush();
    expect((await call.service.status(call.session.callId!)).outcome).toEqual({ kind: 'abandoned', reason: 'hang-up' });
    const restored = await reload(call, atMutual);
    await restored.session.settled();
    expect(restored.session.done).toBe(true);
    expect(restored.session.outcome).toEqual({ kind: 'abandoned', reason: 'hang-up' });
    expect(restored.session.prompt.step).toBe('closing');
    expect(restored.session.prompt.revealed).toBeUndefined();
    await expectRejection(call.service.reveal(call.session.callId!, [10, 11]), 'CALL_CLOSED');
  });
});

describe('snapshot budget', () => {
  it('every snapshot of the article call while it is ongoing is at most 400 bytes of JSON', async () => {
    // A session id as production makes it (128 random bits), not the tests' short one.
    const server = createService([fraudAlert]);
    const audit: unknown[] = [];
    const session = createCallSession(fraudAlert, {
      agent: { name: 'Anna Zielińska', id: 'agent-17', form: 'pani' },
      customer: { name: 'Jan Kowalski', ref: 'cust-jan', form: 'pan' },
      verifier: server.service,
      clock: server.clock,
      audit: (event) => void audit.push(event),
    });
    expect(session.id).toMatch(/^[0-9a-f]{32}$/);
    const sizes: Record<string, number> = {};
    const measure = () => {
      const json = JSON.stringify(session.snapshot());
      sizes[`${session.snapshot().state}#${Object.keys(sizes).length}`] = new TextEncoder().encode(json).length;
    };
    measure();
    for (const event of ['CONFIRM', 'CONFIRM', 'CONFIRM', 'HOLD', 'RESUME', 'CONFIRM', 'CONFIRM'] as const) {
      await say(session, { type: event });
      measure();
    }
    session.send({ type: 'ANSWER_DIGIT', position: 5, digit: '1' });
    measure();
    await giveDigits(session);
    measure();
    await say(session, { type: 'CUSTOMER_ASKS_DIGITS', positions: [9, 10, 11] });
    measure();
    await say(session, { type: 'CONFIRM' });
    measure();
    await answer(session, 'nie pamiętam');
    measure();
    await answer(session);
    measure();
    expect(session.done).toBe(false);
    const over = Object.entries(sizes).filter(([, size]) => size > 400);
    expect(over, JSON.stringify(sizes)).toEqual([]);
  });
});
