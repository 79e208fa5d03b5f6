import { describe, expect, it } from 'vitest';
import { createCallSession, restoreCallSession, type CallSession, type PromptStep, type SessionNotice } from 'safecall-pl';
import {
  AGENT,
  answer,
  confirmUntil,
  CUSTOMER,
  expectError,
  expectRejection,
  fraudAlert,
  giveDigits,
  JAN_PESEL,
  loanOffer,
  promptTrace,
  reload,
  say,
  sendDigits,
  startCall,
  statusOf,
  type Call,
} from './helpers.js';
import { forged } from '../support/forged.js';

/** Everything a bad event must leave as it was. */
function state(call: Call) {
  return [promptTrace(call.session), JSON.stringify(call.session.snapshot()), call.audit.length, call.notices.length, call.session.done];
}

async function atDigits(call: Call = startCall(fraudAlert)): Promise<Call> {
  await confirmUntil(call.session, 'consent');
  await say(call.session, { type: 'CONFIRM' });
  return call;
}

describe('bad events: INVALID_EVENT, nothing changed, nothing echoed', () => {
  const SECRET_ANSWER = 'Kraków-ul-Długa-7';
  it.each<[string, unknown, string[]]>([
    ['the whole PESEL as a digit', { type: 'ANSWER_DIGIT', position: 5, digit: JAN_PESEL }, [JAN_PESEL]],
    ['two digits', { type: 'ANSWER_DIGIT', position: 5, digit: '13' }, ['13']],
    ['a letter', { type: 'ANSWER_DIGIT', position: 5, digit: 'x' }, []],
    ['a digit as a number', { type: 'ANSWER_DIGIT', position: 5, digit: 1 }, []],
    ['position 0', { type: 'ANSWER_DIGIT', position: 0, digit: '8' }, []],
    ['position 12', { type: 'ANSWER_DIGIT', position: 12, digit: '8' }, []],
    ['another channel', { type: 'ANSWER_DIGIT', position: 5, digit: '1', via: 'sms' }, []],
    ['a PESEL in an extra field', { type: 'ANSWER_DIGIT', position: 5, digit: '1', pesel: JAN_PESEL }, [JAN_PESEL]],
    ['an answer that is too long', { type: 'ANSWER', questionId: 'home-city', value: SECRET_ANSWER.repeat(20) }, [SECRET_ANSWER]],
    ['an answer as a number', { type: 'ANSWER', questionId: 'account-opened-year', value: 2009 }, ['2009']],
    ['an answer with an extra field', { type: 'ANSWER', questionId: 'home-city', value: 'x', expected: SECRET_ANSWER }, [SECRET_ANSWER]],
    ['no positions', { type: 'CUSTOMER_ASKS_DIGITS', positions: [] }, []],
    ['a repeated position', { type: 'CUSTOMER_ASKS_DIGITS', positions: [10, 10] }, []],
    ['both inMinutes and at', { type: 'REQUEST_CALLBACK', inMinutes: 15, at: '2026-11-23T15:00' }, []],
    ['negative minutes', { type: 'REQUEST_CALLBACK', inMinutes: -5 }, []],
    ['an unknown type', { type: 'SAY_PESEL', pesel: JAN_PESEL }, [JAN_PESEL]],
    ['an extra field on CONFIRM', { type: 'CONFIRM', extra: true }, []],
    ['null', null, []],
    ['a bare string', 'CONFIRM', []],
    ['an array', [{ type: 'CONFIRM' }], []],
  ])('%s', async (_name, event, secrets) => {
    const call = await atDigits();
    call.session.send({ type: 'ANSWER_DIGIT', position: 5, digit: '1' });
    const before = state(call);
    const error = expectError(() => call.session.send(forged(event)), 'INVALID_EVENT');
    expect(call.session.can(forged(event))).toBe(false);
    const told = JSON.stringify({ message: error.message, issues: error.issues });
    for (const secret of secrets) expect(told).not.toContain(secret);
    expect(error.issues?.length).toBeGreaterThan(0);
    expect(state(call)).toEqual(before);
    // The attempt in progress is intact.
    await giveDigits(call.session);
    expect(call.session.prompt.step).toBe('mutual');
  });

  it('a malformed callback time is INVALID_EVENT and does not echo it', async () => {
    const call = startCall(fraudAlert);
    await confirmUntil(call.session, 'safe-place');
    await say(call.session, { type: 'DENY' });
    const before = state(call);
    const error = expectError(() => call.session.send({ type: 'REQUEST_CALLBACK', at: 'jutro koło 85031583834' }), 'INVALID_EVENT');
    expect(JSON.stringify({ message: error.message, issues: error.issues })).not.toContain('85031583834');
    expect(state(call)).toEqual(before);
  });
});

describe('events that do not fit the step: EVENT_NOT_ALLOWED, the snapshot unchanged', () => {
  it.each<[string, (call: Call) => Promise<void>, Parameters<CallSession['send']>[0]]>([
    ['DENY on the purpose', (c) => say(c.session, { type: 'CONFIRM' }), { type: 'DENY' }],
    ['a digit before the consent', (c) => confirmUntil(c.session, 'consent'), { type: 'ANSWER_DIGIT', position: 5, digit: '1' }],
    ['RESUME without a hold', (c) => confirmUntil(c.session, 'safe-place'), { type: 'RESUME' }],
    ['RETRY without an error', (c) => confirmUntil(c.session, 'safe-place'), { type: 'RETRY' }],
    ['asking for digits at the digits', async (c) => void (await atDigits(c)), { type: 'CUSTOMER_ASKS_DIGITS', positions: [10, 11] }],
    ['an answer at the digits', async (c) => void (await atDigits(c)), { type: 'ANSWER', questionId: 'home-city', value: 'Kraków' }],
    [
      'an answer to the next question',
      async (c) => {
        await atDigits(c);
        await giveDigits(c.session);
        await say(c.session, { type: 'DENY' });
      },
      { type: 'ANSWER', questionId: 'home-city', value: 'Kraków' },
    ],
    ['anything after the end', (c) => say(c.session, { type: 'HANG_UP' }), { type: 'HANG_UP' }],
  ])('%s', async (_name, reach, event) => {
    const call = startCall(fraudAlert);
    await reach(call);
    const before = state(call);
    expect(call.session.can(event)).toBe(false);
    const error = expectError(() => call.session.send(event), 'EVENT_NOT_ALLOWED');
    expect(error.message).toContain(event.type);
    expect(state(call)).toEqual(before);
  });

  it('HANG_UP is accepted while the service is being asked; the call ends abandoned', async () => {
    const call = await atDigits();
    sendDigits(call.session);
    expect(call.session.pending).toBe(true);
    expect(call.session.can({ type: 'HANG_UP' })).toBe(true);
    call.session.send({ type: 'HANG_UP' });
    await call.session.settled();
    expect(call.session.outcome).toEqual({ kind: 'abandoned', reason: 'hang-up' });
  });
});

describe('session dependencies', () => {
  it('a Polish script without customer.form is INVALID_ARGUMENT (no "Pan/Pani" read aloud)', () => {
    const { service } = startCall(loanOffer);
    const error = expectError(
      () => createCallSession(fraudAlert, { agent: AGENT, customer: { name: 'Jan Kowalski', ref: 'cust-jan' }, verifier: service }),
      'INVALID_ARGUMENT',
    );
    expect(error.issues?.map((issue) => issue.path)).toContainEqual(['customer', 'form']);
    // An English script needs no form of address.
    expect(() => createCallSession(loanOffer, { agent: AGENT, customer: { name: 'Jan Kowalski', ref: 'cust-jan' }, verifier: service })).not.toThrow();
  });

  it('restoring with deps that lack customer.form is INVALID_ARGUMENT too', async () => {
    const call = startCall(fraudAlert);
    await say(call.session, { type: 'CONFIRM' });
    const snapshot = call.session.snapshot();
    await expectRejection(restoreCallSession(fraudAlert, snapshot, { agent: AGENT, customer: { name: 'Jan Kowalski', ref: 'cust-jan' }, verifier: call.service }), 'INVALID_ARGUMENT');
  });

  it.each<[string, Record<string, unknown>]>([
    ['an empty agent name', { agent: { ...AGENT, name: '  ' } }],
    ['no customer ref', { customer: { ...CUSTOMER, ref: '' } }],
    ['a verifier without close', { verifier: { open: async () => ({}), resume: async () => ({}) } }],
    ['a clock without timers', { clock: { now: () => 0 } }],
    ['an audit sink that is not a function', { audit: 'console' }],
  ])('%s is INVALID_ARGUMENT', (_name, change) => {
    const { service } = startCall(fraudAlert);
    expectError(() => createCallSession(fraudAlert, forged({ agent: AGENT, customer: CUSTOMER, verifier: service, ...change })), 'INVALID_ARGUMENT');
  });

  it('a script not made by defineScript is INVALID_ARGUMENT', () => {
    const { service } = startCall(fraudAlert);
    expectError(() => createCallSession(forged({ ...fraudAlert }), { agent: AGENT, customer: CUSTOMER, verifier: service }), 'INVALID_ARGUMENT');
  });
});

describe('callbacks without a planner', () => {
  it('REQUEST_CALLBACK is refused and not offered; the customer can still call the official number', async () => {
    const call = startCall(fraudAlert, { callbacks: false });
    const { session } = call;
    expect(session.can({ type: 'REQUEST_CALLBACK', inMinutes: 30 })).toBe(false);
    await confirmUntil(session, 'safe-place');
    await say(session, { type: 'DENY' });
    expect(session.prompt.step).toBe('not-safe');
    expect(session.prompt.actions.map((a) => a.event)).not.toContain('REQUEST_CALLBACK');
    expect(session.prompt.input).toBeUndefined();
    const before = state(call);
    expect(session.can({ type: 'REQUEST_CALLBACK' })).toBe(false);
    expectError(() => session.send({ type: 'REQUEST_CALLBACK', inMinutes: 30 }), 'EVENT_NOT_ALLOWED');
    expect(state(call)).toEqual(before);
    await say(session, { type: 'CUSTOMER_WILL_CALL_BACK' });
    expect(session.outcome).toEqual({ kind: 'customer-will-call-back', reason: 'customer-request' });
  });
});

describe('the API shape a desktop relies on', () => {
  /** What `useSyncExternalStore(subscribe, getSnapshot)` does: re-read on every notification. */
  function externalStore<T>(subscribe: (listener: () => void) => () => void, getSnapshot: () => T) {
    const seen: T[] = [getSnapshot()];
    const unsubscribe = subscribe(() => {
      const next = getSnapshot();
      if (!Object.is(next, seen.at(-1))) seen.push(next);
    });
    return { seen, unsubscribe };
  }

  it('send, can and subscribe work unbound (passed around as plain functions)', async () => {
    const call = startCall(fraudAlert);
    const { send, can, subscribe } = call.session;
    const store = externalStore<PromptStep>(subscribe, () => call.session.prompt);
    expect(can({ type: 'CONFIRM' })).toBe(true);
    expect(can({ type: 'DENY' })).toBe(true);
    expect(can({ type: 'RESUME' })).toBe(false);
    send({ type: 'CONFIRM' });
    send({ type: 'CONFIRM' });
    expect(store.seen.map((prompt) => prompt.step)).toEqual(['introduce', 'purpose', 'caller-id']);
    // getSnapshot is stable between changes (no render loop in React).
    expect(call.session.prompt).toBe(call.session.prompt);
    store.unsubscribe();
    send({ type: 'CONFIRM' });
    expect(store.seen).toHaveLength(3);
    expect(call.session.prompt.step).toBe('safe-place');
    const [fn] = [send];
    expect(() => fn.call(undefined, { type: 'DENY' })).not.toThrow();
    expect(call.session.prompt.step).toBe('not-safe');
  });

  it('can() has no side effects: asking about REQUEST_CALLBACK does not change the reference a later request gets', async () => {
    async function toNotSafe(probes: number) {
      const call = startCall(fraudAlert);
      await confirmUntil(call.session, 'safe-place');
      await say(call.session, { type: 'DENY' });
      const before = state(call);
      for (let i = 0; i < probes; i++) {
        expect(call.session.can({ type: 'REQUEST_CALLBACK', inMinutes: 30 })).toBe(true);
        expect(call.session.can({ type: 'REQUEST_CALLBACK' })).toBe(true);
      }
      expect(state(call)).toEqual(before);
      await say(call.session, { type: 'REQUEST_CALLBACK', inMinutes: 30 });
      return call.session.outcome;
    }
    const probed = await toNotSafe(25);
    const plain = await toNotSafe(0);
    expect(probed?.kind).toBe('callback-scheduled');
    expect(probed).toEqual(plain);
  });

  it('a throwing or rejecting audit sink never breaks the call; the failure is reported as a notice', async () => {
    let calls = 0;
    for (const sink of [
      () => {
        calls++;
        throw new Error('disk full');
      },
      async () => {
        calls++;
        throw new Error('queue down');
      },
    ]) {
      const call = startCall(fraudAlert, { audit: sink });
      const { session, notices } = call;
      await atDigits(call);
      await giveDigits(session);
      await say(session, { type: 'DENY' });
      await answer(session);
      await answer(session);
      expect(session.outcome).toEqual({ kind: 'verified' });
      await new Promise((resolve) => setImmediate(resolve));
      expect(notices.filter((n) => n.type === 'audit-error').length).toBeGreaterThan(5);
      expect((await statusOf(call)).outcome).toEqual({ kind: 'verified' });
    }
    expect(calls).toBeGreaterThan(10);
  });

  it('a throwing listener never breaks the call nor the other listeners', async () => {
    const call = startCall(fraudAlert);
    const { session } = call;
    session.subscribe(() => {
      throw new Error('render failed');
    });
    const later: SessionNotice[] = [];
    session.subscribe((notice) => later.push(notice));
    await atDigits(call);
    await giveDigits(session);
    expect(session.prompt.step).toBe('mutual');
    expect(later.filter((n) => n.type === 'recording').map((n) => (n as { recording: string }).recording)).toEqual(['pause', 'resume']);
    expect(later.filter((n) => n.type === 'prompt').length).toBeGreaterThan(3);
  });

  it('restored sessions have the same unbound API', async () => {
    const call = startCall(fraudAlert);
    await say(call.session, { type: 'CONFIRM' });
    const restored = await reload(call);
    const { send, can, subscribe } = restored.session;
    const seen: string[] = [];
    subscribe((notice) => notice.type === 'prompt' && seen.push(notice.prompt.step));
    expect(can({ type: 'CONFIRM' })).toBe(true);
    send({ type: 'CONFIRM' });
    expect(seen).toEqual(['caller-id']);
  });
});
