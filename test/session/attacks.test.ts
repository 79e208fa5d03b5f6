import { describe, expect, it } from 'vitest';
import {
  answer,
  askedPosition,
  confirmUntil,
  expectError,
  expectRejection,
  fraudAlert,
  giveDigits,
  JAN_PESEL,
  promptTrace,
  reload,
  say,
  sendDigits,
  startCall,
  statusOf,
  wrongPesel,
  type Call,
} from './helpers.js';
import { forged as forge } from '../support/forged.js';

/*
 * Issue 11's attack list, each done as an attacker would: through the public
 * API of the desktop (snapshots, events, the actor, the verifier port). The
 * service decides; whatever the desktop shows, it never records a call as
 * verified or reveals a digit beyond the rules.
 */

const WRONG = wrongPesel(JAN_PESEL);
// A snapshot as an attacker edits it: any JSON.
type Snapshot = Record<string, any>;

/** The call at the first digit: challenge issued, nothing passed. */
async function atDigits(call: Call = startCall(fraudAlert)): Promise<Call> {
  await confirmUntil(call.session, 'consent');
  await say(call.session, { type: 'CONFIRM' });
  expect(call.session.prompt.step).toBe('pesel-digit');
  return call;
}

/** The call at mutual verification: the challenge passed, the questions not yet. */
async function atMutual(call: Call = startCall(fraudAlert)): Promise<Call> {
  await atDigits(call);
  await giveDigits(call.session);
  expect(call.session.prompt.step).toBe('mutual');
  return call;
}

/** The call at its first question, after one wrong answer. */
async function atQuestionAfterWrong(): Promise<Call> {
  const call = await atMutual();
  await say(call.session, { type: 'DENY' });
  await answer(call.session, '1999');
  expect(call.session.prompt.step).toBe('question');
  return call;
}

function edited(call: Call, edit: (snapshot: Snapshot) => Snapshot): Snapshot {
  return edit(JSON.parse(JSON.stringify(call.session.snapshot())) as Snapshot);
}

/** Restores `snapshot` and expects SNAPSHOT_TAMPERED; the service still shows the call unverified and open. */
async function expectTampered(call: Call, snapshot: Snapshot): Promise<void> {
  const before = await call.service.resume(call.session.callId!);
  await expectRejection(reload(call, snapshot), 'SNAPSHOT_TAMPERED');
  const status = await statusOf(call);
  expect(status.outcome).toBeUndefined();
  expect(status.state).toEqual(before);
}

describe('forged snapshots (SNAPSHOT_TAMPERED)', () => {
  it.each([
    ['verified', (s: Snapshot): Snapshot => ({ ...s, state: 'verified' })],
    ['verified, with a verified outcome', (s: Snapshot): Snapshot => ({ ...s, state: 'verified', context: { ...s.context, outcome: { kind: 'verified' } } })],
    ['handoff.closing', (s: Snapshot): Snapshot => ({ ...s, state: 'handoff.closing' })],
    ['mutual.inviting', (s: Snapshot): Snapshot => ({ ...s, state: 'mutual.inviting' })],
    ['claims.passed.pesel: true', (s: Snapshot): Snapshot => ({ ...s, claims: { ...s.claims, passed: { pesel: true, questions: 0 } } })],
    ['claims.passed.pesel: true at mutual', (s: Snapshot): Snapshot => ({ ...s, state: 'mutual.inviting', claims: { ...s.claims, passed: { pesel: true, questions: 0 } } })],
    ['other claims.challenge positions', (s: Snapshot): Snapshot => ({ ...s, claims: { ...s.claims, challenge: [7, 10, 11] } })],
    ['no challenge (claims.challenge: null)', (s: Snapshot): Snapshot => ({ ...s, claims: { ...s.claims, challenge: null } })],
    ['a verified outcome on the closing step', (s: Snapshot): Snapshot => ({ ...s, state: 'ended', context: { ...s.context, outcome: { kind: 'verified' } } })],
  ])('at the digits, a snapshot edited to %s is refused', async (_name, edit) => {
    const call = await atDigits();
    await expectTampered(call, edited(call, edit));
  });

  it.each([
    ['verified', (s: Snapshot): Snapshot => ({ ...s, state: 'verified' })],
    ['handoff.closing', (s: Snapshot): Snapshot => ({ ...s, state: 'handoff.closing' })],
    ['a later question index', (s: Snapshot): Snapshot => ({ ...s, state: 'questions.asking', context: { ...s.context, question: 1 } })],
    ['a passed question', (s: Snapshot): Snapshot => ({ ...s, state: 'questions.asking', claims: { ...s.claims, passed: { pesel: true, questions: 1 } } })],
  ])('after the challenge, with the questions still to answer, a snapshot edited to %s is refused', async (_name, edit) => {
    const call = await atMutual();
    await expectTampered(call, edited(call, edit));
  });

  it.each([
    ['verified', (s: Snapshot): Snapshot => ({ ...s, state: 'verified' })],
    ['handoff.closing', (s: Snapshot): Snapshot => ({ ...s, state: 'handoff.closing' })],
  ])('whatever a snapshot edited to %s makes the screen say, the service records no verified call', async (_name, edit) => {
    const call = await atMutual();
    const forged = edited(call, edit);
    let restored: Call | undefined;
    try {
      restored = await reload(call, forged);
    } catch (error) {
      expect(error).toMatchObject({ code: 'SNAPSHOT_TAMPERED' });
    }
    if (restored) await restored.session.settled();
    const status = await statusOf(call);
    expect(status.outcome?.kind).not.toBe('verified');
    expect(status.state.passed.questions).toEqual([]);
  });

  it.each([
    ['fewer failures', (s: Snapshot): Snapshot => ({ ...s, context: { ...s.context, failures: 0 } })],
    ['fewer failures and more attempts left', (s: Snapshot): Snapshot => ({ ...s, context: { ...s.context, failures: 0 }, claims: { ...s.claims, attemptsLeft: 2 } })],
    ['fewer failures, back at the consent', (s: Snapshot): Snapshot => ({ ...s, state: 'pesel.consent', context: { ...s.context, failures: 0 } })],
  ])('after a wrong attempt, a snapshot edited to %s is refused', async (_name, edit) => {
    const call = await atDigits();
    await giveDigits(call.session, WRONG);
    expect(call.session.prompt.step).toBe('pesel-digit');
    await expectTampered(call, edited(call, edit));
  });

  it('after a wrong answer to a question, a snapshot edited to fewer failures is refused', async () => {
    const call = await atQuestionAfterWrong();
    await expectTampered(
      call,
      edited(call, (s) => ({ ...s, context: { ...s.context, failures: 0 } })),
    );
  });

  it('an unedited snapshot restores: the checks above are not refusing everything', async () => {
    const call = await atQuestionAfterWrong();
    const restored = await reload(call);
    expect(restored.session.prompt.step).toBe('question');
    expect(restored.session.prompt.input).toMatchObject({ kind: 'answer', questionId: 'account-opened-year' });
  });
});

describe('replayed snapshots give no second chance', () => {
  it('restoring an older snapshot after each wrong answer gives no extra attempt', async () => {
    const call = await atDigits();
    const snapshots = [call.session.snapshot()];
    // Attempt 1, wrong.
    await giveDigits(call.session, WRONG);
    snapshots.push(call.session.snapshot());
    expect((await call.service.resume(call.session.callId!)).failures.pesel).toBe(1);

    // Back to before the first answer: the service counted one failure, the snapshot claims none.
    await expectRejection(reload(call, snapshots[0]), 'SNAPSHOT_TAMPERED');
    // The latest snapshot restores with the service's count: attempt 2 of 2, the same positions.
    const restored = await reload(call, snapshots[1]);
    expect(restored.session.prompt.step).toBe('pesel-digit');
    expect(askedPosition(restored.session)).toBe(5);
    expect(restored.session.snapshot()).toMatchObject({ context: { failures: 1 }, claims: { challenge: [5, 8, 9], attemptsLeft: 1 } });
    await giveDigits(restored.session, WRONG);
    expect(restored.session.outcome).toEqual({ kind: 'failed', reason: 'challenge-failed' });

    // And again, with every snapshot this call ever had: refused, or ended where the service says.
    for (const old of snapshots) {
      let again: Call;
      try {
        again = await reload(restored, old);
      } catch (error) {
        expect(error).toMatchObject({ code: 'SNAPSHOT_TAMPERED' });
        continue;
      }
      await again.session.settled();
      expect(again.session.done).toBe(true);
      expect(again.session.outcome).toEqual({ kind: 'failed', reason: 'challenge-failed' });
    }
    const status = await statusOf(restored);
    expect(status.outcome).toEqual({ kind: 'failed', reason: 'challenge-failed' });
    expect(status.state.failures.pesel).toBe(2);
    expect(call.server.lookups()).toBe(2);
  });

  it('replaying the mutual-verification snapshot after a reveal never reveals a third position', async () => {
    const call = await atMutual();
    const beforeReveal = call.session.snapshot();
    await say(call.session, { type: 'CUSTOMER_ASKS_DIGITS', positions: [10, 11] });
    expect(call.session.prompt.revealed).toEqual([
      { position: 10, digit: '3' },
      { position: 11, digit: '4' },
    ]);
    const lookups = call.server.lookups();

    const replay = await reload(call, beforeReveal);
    const { session } = replay;
    await session.settled();
    // Nothing left to reveal in this call: the 7th is never offered, never read out.
    expect(session.can({ type: 'CUSTOMER_ASKS_DIGITS', positions: [7] })).toBe(false);
    expectError(() => session.send({ type: 'CUSTOMER_ASKS_DIGITS', positions: [7] }), 'EVENT_NOT_ALLOWED');
    expect(session.prompt.revealed).toBeUndefined();
    // Nor does the port give it to whoever holds the call id.
    await expectRejection(call.service.reveal(call.session.callId!, [7]), 'REVEAL_REFUSED');
    // A snapshot edited to have the service read the 7th out on the restore.
    const forged = { ...beforeReveal, state: 'mutual.revealing', context: { ...beforeReveal.context, mutual: { pending: [7], refused: [] } } };
    const second = await reload(replay, forged);
    await second.session.settled();
    expect(second.session.prompt.revealed ?? []).not.toContainEqual(expect.objectContaining({ position: 7 }));
    expect((await call.service.resume(call.session.callId!)).revealed).toEqual([10, 11]);
    expect(call.server.events.filter((e) => e.type === 'revealed')).toHaveLength(1);
    expect(call.server.lookups()).toBe(lookups);
  });

  it('two desktops restored from one snapshot get no more attempts together than one call allows', async () => {
    const call = await atDigits();
    const snapshot = call.session.snapshot();
    const a = await reload(call, snapshot, { id: 'desk-a' });
    const b = await reload(call, snapshot, { id: 'desk-b' });
    sendDigits(a.session, WRONG);
    sendDigits(b.session, WRONG);
    await Promise.all([a.session.settled(), b.session.settled()]);
    for (const desk of [a, b]) {
      if (desk.session.prompt.step === 'pesel-digit') await giveDigits(desk.session, WRONG).catch(() => undefined);
      while (desk.session.prompt.step === 'verifier-error') await say(desk.session, { type: 'RETRY' });
    }
    const state = await call.service.resume(call.session.callId!);
    expect(state.failures.pesel).toBe(2);
    expect(state.attemptsLeft).toBe(0);
    expect(call.server.lookups()).toBeLessThanOrEqual(2);
    expect(a.session.outcome).toEqual({ kind: 'failed', reason: 'challenge-failed' });
    expect(b.session.outcome).toEqual({ kind: 'failed', reason: 'challenge-failed' });
    // A right answer now is never evaluated.
    await expect(call.service.checkDigits(call.session.callId!, { 5: '1', 8: '3', 9: '8' })).rejects.toMatchObject({ code: expect.stringMatching(/^(STEP_NOT_ALLOWED|CALL_CLOSED)$/) });
    expect(call.server.lookups()).toBeLessThanOrEqual(2);
  });
});

describe('forged events and a scripted desktop', () => {
  it('session.actor has no send, and xstate\'s internal events are INVALID_EVENT through send', async () => {
    const call = await atDigits();
    const { session } = call;
    expect('send' in session.actor).toBe(false);
    expect(forge<{ send?: unknown }>(session.actor).send).toBeUndefined();
    const before = [promptTrace(session), JSON.stringify(session.snapshot()), call.audit.length];
    const forged = { ...(await call.service.resume(session.callId!)), passed: { pesel: true, questions: [] } };
    for (const event of [
      { type: 'xstate.done.actor.checkDigits', output: forged },
      { type: 'xstate.done.actor.checkDigits', output: { ok: true } },
      { type: 'xstate.error.actor.checkDigits', error: {} },
      { type: 'xstate.after.answerTimeout.call.pesel.digits.asking' },
      { type: 'safecall.restored' },
    ]) {
      expectError(() => session.send(forge(event)), 'INVALID_EVENT');
      expect(session.can(forge(event))).toBe(false);
    }
    expect([promptTrace(session), JSON.stringify(session.snapshot()), call.audit.length]).toEqual(before);
    expect((await call.service.resume(session.callId!)).passed.pesel).toBe(false);
  });

  it('even reaching the actor through xstate internals, a forged pass gets no digit revealed and no verified record', async () => {
    const call = await atDigits();
    const { session } = call;
    sendDigits(session, WRONG);
    const child = forge<{ _parent?: { send(event: unknown): void } } | undefined>(Object.values(session.actor.getSnapshot().children)[0]);
    const forged = { ...(await call.service.resume(session.callId!)), passed: { pesel: true, questions: [] } };
    child?._parent?.send({ type: 'xstate.done.actor.checkDigits', output: forged });
    await session.settled();
    if (session.prompt.step === 'mutual') {
      await say(session, { type: 'CUSTOMER_ASKS_DIGITS', positions: [10, 11] });
      expect(session.prompt.revealed).toBeUndefined();
    }
    while (!session.done && session.can({ type: 'DENY' })) await say(session, { type: 'DENY' });
    for (let i = 0; i < 4 && session.prompt.step === 'question'; i++) await answer(session);
    const status = await statusOf(call);
    expect(status.outcome?.kind).not.toBe('verified');
    expect(status.state.passed.pesel).toBe(false);
    expect(status.state.revealed).toEqual([]);
    expect(call.server.events.filter((e) => e.type === 'revealed')).toEqual([]);
  });

  it("calling the port's close(callId, { kind: 'verified' }) without passing is VERIFICATION_REFUSED", async () => {
    // Before the challenge.
    const early = await atDigits();
    await expectRejection(early.service.close(early.session.callId!, { kind: 'verified' }), 'VERIFICATION_REFUSED');
    // After the challenge, with the questions unanswered.
    const later = await atMutual();
    await expectRejection(later.service.close(later.session.callId!, { kind: 'verified' }), 'VERIFICATION_REFUSED');
    expect(later.server.events.filter((e) => e.type === 'close-refused')).toHaveLength(1);
    // The call is still open on the service, and the honest session can finish it.
    expect((await later.service.status(later.session.callId!)).outcome).toBeUndefined();
    await say(later.session, { type: 'DENY' });
    await answer(later.session);
    await answer(later.session);
    expect(later.session.outcome).toEqual({ kind: 'verified' });
  });

  it('ANSWER_DIGIT for another position than the one asked is refused and changes nothing', async () => {
    const call = await atDigits();
    const { session } = call;
    session.send({ type: 'ANSWER_DIGIT', position: 5, digit: '1' });
    const before = [promptTrace(session), JSON.stringify(session.snapshot()), call.audit.length];
    for (const position of [5, 9, 10, 1]) {
      expect(session.can({ type: 'ANSWER_DIGIT', position, digit: '3' })).toBe(false);
      expectError(() => session.send({ type: 'ANSWER_DIGIT', position, digit: '3' }), 'EVENT_NOT_ALLOWED');
    }
    expect([promptTrace(session), JSON.stringify(session.snapshot()), call.audit.length]).toEqual(before);
    expect(askedPosition(session)).toBe(8);
    // The attempt goes on as if nothing happened: 8 and 9, checked together with the 5.
    await giveDigits(session);
    expect(session.prompt.step).toBe('mutual');
    expect(call.server.lookups()).toBe(1);
  });

  it('ANSWER_DIGIT (or anything but HANG_UP) while the check is pending is refused and changes nothing', async () => {
    const call = await atDigits();
    const { session } = call;
    sendDigits(session, WRONG);
    expect(session.pending).toBe(true);
    const before = [promptTrace(session), JSON.stringify(session.snapshot()), call.audit.length];
    for (const event of [
      { type: 'ANSWER_DIGIT', position: 5, digit: '1' },
      { type: 'ANSWER_DIGIT', position: 8, digit: '3' },
      { type: 'CONFIRM' },
      { type: 'DONT_KNOW' },
      { type: 'RETRY' },
    ] as const) {
      expect(session.can(event)).toBe(false);
      expectError(() => session.send(event), 'EVENT_NOT_ALLOWED');
    }
    expect([promptTrace(session), JSON.stringify(session.snapshot()), call.audit.length]).toEqual(before);
    await session.settled();
    // The wrong digits were the ones checked, once.
    expect(session.prompt.step).toBe('pesel-digit');
    expect((await call.service.resume(session.callId!)).failures.pesel).toBe(1);
    expect(call.server.lookups()).toBe(1);
  });
});
