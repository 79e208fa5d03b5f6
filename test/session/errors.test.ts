import { describe, expect, it } from 'vitest';
import { createCallSession, isSafecallError, SafecallError, type Verifier } from '../../src/index.js';
import { simulatedClock } from '../../src/testing/index.js';
import { answerChallenge, answerDigit, JAN_PESEL, loadScript, MONDAY_AFTERNOON, passOpening, peselVerifier, promptTrace, startCall } from './helpers.js';

const fraudAlert = loadScript('fraud-alert');

function expectError(fn: () => unknown, code: string, message?: RegExp): SafecallError {
  try {
    fn();
  } catch (error) {
    expect(isSafecallError(error)).toBe(true);
    expect((error as SafecallError).code).toBe(code);
    if (message) expect((error as SafecallError).message).toMatch(message);
    return error as SafecallError;
  }
  throw new Error('expected a SafecallError');
}

describe('bad events change nothing', () => {
  it.each([
    [{ type: 'ANSWER_DIGIT', position: 5, digit: '12' }],
    [{ type: 'ANSWER_DIGIT', position: 0, digit: '1' }],
    [{ type: 'ANSWER_DIGIT', position: 12, digit: '1' }],
    [{ type: 'CUSTOMER_ASKS_DIGITS', positions: [] }],
    [{ type: 'CUSTOMER_ASKS_DIGITS', positions: [10, 10] }],
    [{ type: 'REQUEST_CALLBACK', inMinutes: 15, at: '2026-11-23T15:00' }],
    [{ type: 'CONFIRM', extra: true }],
    [{ type: 'SAY_PESEL' }],
    [null],
    ['CONFIRM'],
  ])('%j is INVALID_EVENT', (event) => {
    const { session, audit } = startCall(fraudAlert);
    const before = [promptTrace(session), JSON.stringify(session.snapshot()), audit.length];
    expectError(() => session.send(event as never), 'INVALID_EVENT');
    expect([promptTrace(session), JSON.stringify(session.snapshot()), audit.length]).toEqual(before);
  });

  it('an invalid event message never echoes what was sent', () => {
    const { session } = startCall(fraudAlert);
    const error = expectError(() => session.send({ type: 'ANSWER_DIGIT', position: 5, digit: '85031583834' } as never), 'INVALID_EVENT');
    expect(error.message).not.toContain('85031583834');
    expect(error.issues?.[0]?.path).toEqual(['digit']);
  });

  it('an event that does not fit the step is EVENT_NOT_ALLOWED and changes nothing', () => {
    const { session, audit } = startCall(fraudAlert);
    const before = [promptTrace(session), JSON.stringify(session.snapshot()), audit.length];
    expectError(() => session.send({ type: 'DENY' }), 'EVENT_NOT_ALLOWED', /DENY is not allowed at step "introduce"/);
    expectError(() => session.send({ type: 'ANSWER_DIGIT', position: 5, digit: '1' }), 'EVENT_NOT_ALLOWED');
    expect([promptTrace(session), JSON.stringify(session.snapshot()), audit.length]).toEqual(before);
    expect(session.can({ type: 'DENY' })).toBe(false);
    expect(session.can({ type: 'CONFIRM' })).toBe(true);
  });

  it('a digit for another position than the one asked is refused', () => {
    const { session } = startCall(fraudAlert);
    passOpening(session);
    const asked = (session.prompt.input as { position: number }).position;
    const other = asked === 11 ? 10 : 11;
    expectError(() => session.send({ type: 'ANSWER_DIGIT', position: other, digit: '1' }), 'EVENT_NOT_ALLOWED', new RegExp(`expected the digit at position ${asked}`));
    expect(session.prompt.input).toEqual({ kind: 'digit', position: asked });
  });

  it('answers are rejected, not queued, while the verifier is pending', async () => {
    const { session } = startCall(fraudAlert);
    passOpening(session);
    while (session.prompt.step === 'pesel-digit') answerDigit(session);
    expect(session.pending).toBe(true);
    expect(session.prompt.pending).toBe(true);
    expectError(() => session.send({ type: 'CONFIRM' }), 'EVENT_NOT_ALLOWED', /waiting for the verifier/);
    expectError(() => session.send({ type: 'DONT_KNOW' }), 'EVENT_NOT_ALLOWED');
    await session.settled();
    expect(session.prompt.step).toBe('mutual');
  });

  it('nothing is accepted once the call has ended', () => {
    const { session } = startCall(fraudAlert);
    session.send({ type: 'HANG_UP' });
    expectError(() => session.send({ type: 'HANG_UP' }), 'EVENT_NOT_ALLOWED', /the call has ended \(abandoned\)/);
  });

  it('bad dependencies are INVALID_ARGUMENT', () => {
    const verifier = peselVerifier();
    expectError(() => createCallSession(fraudAlert, { agent: { name: '', id: 'a' }, customer: { name: 'Jan', ref: 'c' }, verifier }), 'INVALID_ARGUMENT', /agent\.name/);
    expectError(() => createCallSession(fraudAlert, { agent: { name: 'A', id: 'a' }, customer: { name: 'Jan', ref: 'c' }, verifier: {} as Verifier }), 'INVALID_ARGUMENT', /verifier/);
    expectError(() => createCallSession({ id: 'x' } as never, { agent: { name: 'A', id: 'a' }, customer: { name: 'Jan', ref: 'c' }, verifier }), 'INVALID_ARGUMENT', /defineScript/);
  });
});

describe('the verifier fails closed', () => {
  function flaky(failures: number, how: 'throw' | 'nonsense' | 'hang'): Verifier {
    const real = peselVerifier();
    let calls = 0;
    return {
      ...real,
      checkDigits: async (ref, answers) => {
        calls += 1;
        if (calls <= failures) {
          if (how === 'throw') throw new Error('connection reset');
          if (how === 'nonsense') return 'yes' as never;
          return new Promise(() => undefined);
        }
        return real.checkDigits(ref, answers);
      },
    };
  }

  it('a throwing verifier leaves a retryable step; RETRY resends the same answers', async () => {
    const { session, audit } = startCall(fraudAlert, { verifier: flaky(1, 'throw') });
    passOpening(session);
    await answerChallenge(session);
    expect(session.prompt.step).toBe('verifier-error');
    expect(session.prompt.note).toContain('Nic nie zostało potwierdzone');
    expect(session.prompt.actions[0]).toEqual({ event: 'RETRY', label: 'Spróbuj ponownie' });
    expect(session.done).toBe(false);
    session.send({ type: 'RETRY' });
    await session.settled();
    expect(session.prompt.step).toBe('mutual');
    expect(audit.find((e) => e.type === 'verifier-error')?.data).toEqual({ task: 'digits', cause: 'error' });
  });

  it('a malformed verdict is an error, never a pass', async () => {
    const { session } = startCall(fraudAlert, { verifier: flaky(1, 'nonsense') });
    passOpening(session);
    await answerChallenge(session);
    expect(session.prompt.step).toBe('verifier-error');
  });

  it('a verifier that does not answer times out into the retryable step', async () => {
    const clock = simulatedClock(MONDAY_AFTERNOON);
    const { session, audit } = startCall(fraudAlert, { verifier: flaky(1, 'hang'), clock });
    passOpening(session);
    while (session.prompt.step === 'pesel-digit') answerDigit(session);
    clock.advance(10_000);
    expect(session.prompt.step).toBe('verifier-error');
    expect(audit.find((e) => e.type === 'verifier-error')?.data).toEqual({ task: 'digits', cause: 'timeout' });
    session.send({ type: 'RETRY' });
    await session.settled();
    expect(session.prompt.step).toBe('mutual');
  });

  it('after the script\'s limit of verifier failures the call fails as verifier-unavailable', async () => {
    const { session } = startCall(fraudAlert, { verifier: flaky(99, 'throw') });
    passOpening(session);
    await answerChallenge(session);
    session.send({ type: 'RETRY' });
    await session.settled();
    expect(session.prompt.step).toBe('verifier-error');
    session.send({ type: 'RETRY' });
    await session.settled();
    expect(session.outcome).toEqual({ kind: 'failed', reason: 'verifier-unavailable' });
  });

  it('a reveal the verifier refuses is never shown', async () => {
    const real = peselVerifier();
    const verifier: Verifier = { ...real, revealDigits: async () => ({ 10: JAN_PESEL[9]!, 11: JAN_PESEL[10]!, 1: JAN_PESEL[0]! }) };
    const { session } = startCall(fraudAlert, { verifier });
    passOpening(session);
    await answerChallenge(session);
    session.send({ type: 'CUSTOMER_ASKS_DIGITS', positions: [10, 11] });
    await session.settled();
    // The verifier returned an extra position: fail closed, reveal nothing.
    expect(session.prompt.step).toBe('verifier-error');
    expect(session.prompt.revealed).toBeUndefined();
  });

  it('a failing audit sink never changes the call', () => {
    const { session, notices } = startCall(fraudAlert, {
      audit: () => {
        throw new Error('disk full');
      },
    });
    session.send({ type: 'CONFIRM' });
    expect(session.prompt.step).toBe('confirm-person');
    expect(notices.some((n) => n.type === 'audit-error')).toBe(true);
  });
});
