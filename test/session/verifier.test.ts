import { describe, expect, it } from 'vitest';
import { SafecallError } from 'safecall-pl';
import { answer, sendDigits, confirmUntil, dataOf, faulty, fraudAlert, giveDigits, hanging, JAN_PESEL, recordingSignals, say, startCall, statusOf, type FaultyVerifier, wrongPesel } from './helpers.js';

/*
 * DESIGN §4 rule 6: any error on the way fails closed — not verified,
 * retryable, nothing lost. The service sits behind a verifier that can be
 * switched off, or that loses an answer after the service acted on it.
 */
function flakyCall() {
  let verifier!: FaultyVerifier;
  const call = startCall(fraudAlert, { verifier: (service) => (verifier = faulty(service)) });
  return { ...call, verifier };
}

describe('the verification service is down', () => {
  it('a check that fails shows verifier-error with RETRY; once back, the call continues where it was', async () => {
    const call = flakyCall();
    const { session, audit, verifier, server } = call;
    await confirmUntil(session, 'consent');
    await say(session, { type: 'CONFIRM' });
    verifier.down = 1;
    await giveDigits(session);
    expect(session.prompt.step).toBe('verifier-error');
    expect(session.done).toBe(false);
    expect(session.pending).toBe(false);
    expect(session.prompt.actions.map((a) => a.event)).toContain('RETRY');
    expect(session.prompt.actions.map((a) => a.event)).not.toContain('CONFIRM');
    expect(session.prompt.progress).toEqual({ index: 6, total: 9 });
    expect(dataOf(audit, 'verifier-error')).toEqual([{ task: 'digits', cause: 'error' }]);
    // Nothing was evaluated: no lookup, no attempt counted.
    expect(server.lookups()).toBe(0);
    expect((await call.service.resume(session.callId!)).failures.pesel).toBe(0);

    await say(session, { type: 'RETRY' });
    // The session asks the service first whether the check counted, then resends the same digits.
    expect(verifier.calls.slice(-2)).toEqual(['resume', 'checkDigits']);
    expect(session.prompt.step).toBe('mutual');
    expect(dataOf(audit, 'challenge-passed')).toEqual([{ attempt: 1 }]);
    expect(server.lookups()).toBe(1);
    expect(recordingSignals(call.notices)).toEqual(['pause', 'resume']);
    const state = await call.service.resume(session.callId!);
    expect(state).toMatchObject({ passed: { pesel: true }, failures: { pesel: 0 }, attemptsLeft: 2 });
  });

  it('opening the call fails: verifier-error before the consent; RETRY opens it and the call goes on', async () => {
    let verifier!: FaultyVerifier;
    const call = startCall(fraudAlert, {
      verifier: (service) => {
        verifier = faulty(service);
        verifier.down = 1; // the open started with the session fails
        return verifier;
      },
    });
    const { session, audit, server } = call;
    await confirmUntil(session, 'safe-place');
    await say(session, { type: 'CONFIRM' });
    expect(session.prompt.step).toBe('verifier-error');
    expect(session.callId).toBeUndefined();
    expect(dataOf(audit, 'verifier-error')).toEqual([{ task: 'open', cause: 'error' }]);
    await say(session, { type: 'RETRY' });
    expect(session.prompt.step).toBe('consent');
    expect(verifier.calls).toEqual(['open', 'open']);
    expect(server.events.filter((e) => e.type === 'call-opened')).toHaveLength(1);
    await say(session, { type: 'CONFIRM' });
    expect(await giveDigits(session)).toEqual([5, 8, 9]);
    expect(session.prompt.step).toBe('mutual');
  });

  it('a wrong answer lost in flight is counted once: after RETRY the attempt count is what the service says', async () => {
    const call = flakyCall();
    const { session, audit, verifier, server } = call;
    await confirmUntil(session, 'consent');
    await say(session, { type: 'CONFIRM' });
    verifier.lose.add('checkDigits');
    await giveDigits(session, wrongPesel());
    expect(session.prompt.step).toBe('verifier-error');
    // The service did evaluate and count it.
    expect(server.lookups()).toBe(1);
    expect((await call.service.resume(session.callId!)).failures.pesel).toBe(1);

    await say(session, { type: 'RETRY' });
    // Re-read, not resent: the failure stays one.
    expect(verifier.calls.filter((c) => c === 'checkDigits')).toHaveLength(1);
    expect(server.lookups()).toBe(1);
    expect(session.prompt.step).toBe('pesel-digit');
    expect(session.prompt.input).toEqual({ kind: 'digit', position: 5 });
    expect(dataOf(audit, 'challenge-failed')).toEqual([{ attempt: 1, cause: 'wrong', attemptsLeft: 1 }]);
    const state = await call.service.resume(session.callId!);
    expect(state).toMatchObject({ failures: { pesel: 1 }, attemptsLeft: 1 });
    // The second (last) attempt is right: verified in the end.
    await giveDigits(session, JAN_PESEL);
    expect(session.prompt.step).toBe('mutual');
  });

  it('a right answer lost in flight is not sent twice: the pass is read back', async () => {
    const call = flakyCall();
    const { session, audit, verifier, server } = call;
    await confirmUntil(session, 'consent');
    await say(session, { type: 'CONFIRM' });
    verifier.lose.add('checkDigits');
    await giveDigits(session);
    expect(session.prompt.step).toBe('verifier-error');
    await say(session, { type: 'RETRY' });
    expect(session.prompt.step).toBe('mutual');
    expect(verifier.calls.filter((c) => c === 'checkDigits')).toHaveLength(1);
    expect(server.lookups()).toBe(1);
    expect(dataOf(audit, 'challenge-passed')).toEqual([{ attempt: 1 }]);
    expect(dataOf(audit, 'challenge-failed')).toEqual([]);
  });

  it('an answer to a question lost in flight is counted once', async () => {
    const call = flakyCall();
    const { session, audit, verifier } = call;
    await confirmUntil(session, 'consent');
    await say(session, { type: 'CONFIRM' });
    await giveDigits(session);
    await say(session, { type: 'DENY' });
    verifier.lose.add('checkAnswer');
    await answer(session, '1999');
    expect(session.prompt.step).toBe('verifier-error');
    await say(session, { type: 'RETRY' });
    expect(verifier.calls.filter((c) => c === 'checkAnswer')).toHaveLength(1);
    expect(session.prompt.step).toBe('question');
    expect(dataOf(audit, 'question-failed')).toEqual([{ questionId: 'account-opened-year', attempt: 1, cause: 'wrong', attemptsLeft: 1 }]);
    expect((await call.service.resume(session.callId!)).failures.questions['account-opened-year']).toBe(1);
  });

  it('a reveal that fails: verifier-error, RETRY reads out the same digits, disclosed once', async () => {
    const call = flakyCall();
    const { session, audit, verifier, server } = call;
    await confirmUntil(session, 'consent');
    await say(session, { type: 'CONFIRM' });
    await giveDigits(session);
    verifier.lose.add('reveal');
    await say(session, { type: 'CUSTOMER_ASKS_DIGITS', positions: [10, 11] });
    expect(session.prompt.step).toBe('verifier-error');
    expect(session.prompt.revealed).toBeUndefined();
    expect(dataOf(audit, 'verifier-error')).toEqual([{ task: 'reveal', cause: 'error' }]);
    await say(session, { type: 'RETRY' });
    expect(session.prompt.step).toBe('reveal');
    expect(session.prompt.revealed).toEqual([
      { position: 10, digit: '3' },
      { position: 11, digit: '4' },
    ]);
    expect((await call.service.resume(session.callId!)).revealed).toEqual([10, 11]);
    expect(server.events.filter((e) => e.type === 'revealed')).toHaveLength(1);
    expect(dataOf(audit, 'digits-revealed')).toHaveLength(1);
  });

  it('recording the verified outcome fails: verifier-error at the handoff, RETRY records it', async () => {
    const call = flakyCall();
    const { session, verifier } = call;
    await confirmUntil(session, 'consent');
    await say(session, { type: 'CONFIRM' });
    await giveDigits(session);
    await say(session, { type: 'DENY' });
    await answer(session);
    verifier.down = 1;
    await answer(session);
    expect(session.prompt.step).toBe('verifier-error');
    expect(session.done).toBe(false);
    expect(session.outcome).toBeUndefined();
    expect((await call.service.status(session.callId!)).outcome).toBeUndefined();
    await say(session, { type: 'RETRY' });
    expect(session.outcome).toEqual({ kind: 'verified' });
    expect((await statusOf(call)).outcome).toEqual({ kind: 'verified' });
  });

  it('a check that never answers times out (verifier.timeoutSeconds) into verifier-error, not a pass', async () => {
    const call = startCall(fraudAlert, { verifier: (service) => hanging(service, 'checkDigits') });
    const { session, clock, audit } = call;
    await confirmUntil(session, 'consent');
    await say(session, { type: 'CONFIRM' });
    sendDigits(session);
    expect(session.prompt.step).toBe('verifying');
    clock.advance(fraudAlert.verifier.timeoutSeconds * 1000);
    expect(session.prompt.step).toBe('verifier-error');
    expect(dataOf(audit, 'verifier-error')).toEqual([{ task: 'digits', cause: 'timeout' }]);
    expect(session.done).toBe(false);
  });

  it('after verifier.maxErrors failures in a row the call fails as verifier-unavailable, and the service shows it unverified', async () => {
    const call = flakyCall();
    const { session, audit, verifier } = call;
    await confirmUntil(session, 'consent');
    await say(session, { type: 'CONFIRM' });
    verifier.down = 100;
    await giveDigits(session);
    for (let i = 1; i < fraudAlert.verifier.maxErrors; i++) {
      expect(session.prompt.step).toBe('verifier-error');
      await say(session, { type: 'RETRY' });
    }
    expect(session.outcome).toEqual({ kind: 'failed', reason: 'verifier-unavailable' });
    expect(session.prompt.step).toBe('closing');
    expect(dataOf(audit, 'verifier-error').length).toBeGreaterThanOrEqual(fraudAlert.verifier.maxErrors);
    expect(dataOf(audit, 'outcome')).toEqual([{ kind: 'failed', reason: 'verifier-unavailable' }]);
    // The service never heard of a pass.
    verifier.down = 0;
    const status = await statusOf(call);
    expect(status.outcome).not.toEqual({ kind: 'verified' });
    expect(status.state.passed.pesel).toBe(false);
    expect(status.state.failures.pesel).toBe(0);
  });

  it('the service refusing to record "verified" ends the call failed, never verified', async () => {
    // A service that forgets the pass at the end (e.g. the customer got locked meanwhile).
    const call = startCall(fraudAlert, {
      verifier: (service) => ({
        ...faulty(service),
        close: async (callId, outcome) => {
          if (outcome.kind === 'verified') throw new SafecallError('VERIFICATION_REFUSED', 'the service does not show every required step passed');
          return service.close(callId, outcome);
        },
      }),
    });
    const { session } = call;
    await confirmUntil(session, 'consent');
    await say(session, { type: 'CONFIRM' });
    await giveDigits(session);
    await say(session, { type: 'DENY' });
    await answer(session);
    await answer(session);
    expect(session.outcome?.kind).toBe('failed');
    expect(session.prompt.step).toBe('closing');
    expect((await statusOf(call)).outcome?.kind).not.toBe('verified');
  });
});
