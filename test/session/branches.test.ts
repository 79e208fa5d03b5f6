import { describe, expect, it } from 'vitest';
import { actionEvent } from 'safecall-pl';
import {
  answer,
  askedPosition,
  bound,
  confirmUntil,
  createService,
  dataOf,
  fraudAlert,
  giveDigits,
  JAN_PESEL,
  loanOffer,
  recordingSignals,
  say,
  startCall,
  statusOf,
  stepsEntered,
  types,
  variant,
  vipSubstitute,
  wrongPesel,
  type Call,
} from './helpers.js';

const WRONG = wrongPesel(JAN_PESEL);

/** The closing line says no phone number: no run of 6 or more digits, spaces and dashes allowed between them. */
const PHONE_NUMBER = /\d(?:[\s-]*\d){5,}/;

async function toSafePlace(call: Call) {
  await confirmUntil(call.session, 'safe-place');
}

describe('who answers', () => {
  it('the wrong person: the call ends at once, nothing about the matter is said, the service records it', async () => {
    const call = startCall(fraudAlert);
    const { session, audit } = call;
    await say(session, { type: 'DENY' });
    expect(session.done).toBe(true);
    expect(session.outcome).toEqual({ kind: 'wrong-person' });
    expect(session.prompt.step).toBe('closing');
    expect(session.prompt.actions).toEqual([]);
    expect(session.prompt.progress).toEqual({ index: 9, total: 9 });
    // Nothing of the purpose was said to whoever picked up.
    expect(stepsEntered(audit)).toEqual([]);
    expect(types(audit)).toEqual(['call-started', 'outcome']);
    expect(dataOf(audit, 'outcome')).toEqual([{ kind: 'wrong-person' }]);
    expect((await statusOf(call)).outcome).toEqual({ kind: 'wrong-person' });
    expect(call.server.lookups()).toBe(0);
  });

  it('caller ID does not match: the customer will call back, and the closing reads out no phone number', async () => {
    const call = startCall(fraudAlert);
    const { session, audit } = call;
    await confirmUntil(session, 'caller-id');
    await say(session, { type: 'DENY' });
    expect(session.outcome).toEqual({ kind: 'customer-will-call-back', reason: 'caller-id-mismatch' });
    expect(session.prompt.step).toBe('closing');
    expect(session.prompt.outcome).toEqual(session.outcome);
    // The caller may be the fraudster: the customer dials a number they already know.
    expect(session.prompt.say).not.toMatch(PHONE_NUMBER);
    expect(session.prompt.say).not.toContain(fraudAlert.institution.officialNumber);
    expect(session.prompt.note ?? '').not.toMatch(PHONE_NUMBER);
    expect(session.prompt.progress).toEqual({ index: 9, total: 9 });
    expect(stepsEntered(audit)).toEqual(['purpose', 'caller-id']);
    expect(recordingSignals(call.notices)).toEqual([]);
    expect(dataOf(audit, 'outcome')).toEqual([{ kind: 'customer-will-call-back', reason: 'caller-id-mismatch' }]);
    expect((await statusOf(call)).outcome).toEqual({ kind: 'customer-will-call-back', reason: 'caller-id-mismatch' });
  });
});

describe('a safe place', () => {
  it('not safe → the customer steps aside → comes back: the short question, then the digits', async () => {
    const call = startCall(fraudAlert);
    const { session, audit } = call;
    await toSafePlace(call);
    const full = session.prompt.say;
    await say(session, { type: 'DENY' });
    expect(session.prompt.step).toBe('not-safe');
    expect(session.prompt.progress).toEqual({ index: 4, total: 9 });
    expect(session.prompt.actions.map((a) => a.event)).toEqual(expect.arrayContaining(['HOLD', 'REQUEST_CALLBACK', 'CUSTOMER_WILL_CALL_BACK', 'HANG_UP']));
    expect(session.prompt.input?.kind).toBe('callback-time');
    await say(session, { type: 'HOLD' });
    expect(session.prompt.step).toBe('on-hold');
    await say(session, { type: 'RESUME' });
    expect(session.prompt.step).toBe('safe-place');
    expect(session.prompt.say).not.toBe(full);
    expect(session.prompt.say.length).toBeLessThan(full.length / 2);
    await say(session, { type: 'CONFIRM' });
    expect(session.prompt.step).toBe('consent');
    expect(dataOf(audit, 'safe-place')).toEqual([{ safe: false }, { safe: true }]);
    expect(types(audit).filter((t) => t === 'hold' || t === 'resume')).toEqual(['hold', 'resume']);
    expect(stepsEntered(audit)).toEqual(['purpose', 'caller-id', 'safe-place', 'not-safe', 'on-hold', 'consent']);
    await say(session, { type: 'CONFIRM' });
    expect(session.prompt.step).toBe('pesel-digit');
  });

  it('consent to the digits declined → not safe → the customer will call the official number', async () => {
    const call = startCall(fraudAlert);
    const { session, audit } = call;
    await confirmUntil(session, 'consent');
    await say(session, { type: 'DENY' });
    expect(session.prompt.step).toBe('not-safe');
    expect(dataOf(audit, 'consent')).toEqual([{ given: false }]);
    expect(recordingSignals(call.notices)).toEqual([]);
    await say(session, { type: 'CUSTOMER_WILL_CALL_BACK' });
    expect(session.outcome).toEqual({ kind: 'customer-will-call-back', reason: 'customer-request' });
    expect(session.prompt.step).toBe('closing');
    // Here the official number is what the customer needs.
    expect(session.prompt.say).toContain(fraudAlert.institution.officialNumber);
    const status = await statusOf(call);
    expect(status.outcome).toEqual({ kind: 'customer-will-call-back', reason: 'customer-request' });
    expect(status.state.failures.pesel).toBe(0);
    expect(call.server.lookups()).toBe(0);
  });

  it('a callback slot offered on the not-safe step is picked: callback-scheduled with the spoken time and a reference', async () => {
    const call = startCall(fraudAlert);
    const { session, audit } = call;
    await toSafePlace(call);
    await say(session, { type: 'DENY' });
    const slots = session.prompt.actions.filter((a) => a.event === 'REQUEST_CALLBACK');
    expect(slots.length).toBeGreaterThan(0);
    const slot = slots[0]!;
    const input = session.prompt.input;
    if (input?.kind !== 'callback-time') throw new Error('no callback input');
    expect(input.suggestions.length).toBeGreaterThan(0);
    await say(session, actionEvent(slot));
    expect(session.done).toBe(true);
    const outcome = session.outcome;
    if (outcome?.kind !== 'callback-scheduled') throw new Error(`outcome ${JSON.stringify(outcome)}`);
    expect(outcome.callback.at).toBe(input.suggestions[0]!.at);
    expect(outcome.callback.spoken).toBe(input.suggestions[0]!.spoken);
    expect(outcome.callback.spoken).toMatch(/^dziś o \d{1,2}:\d{2}$/);
    expect(outcome.callback.reference).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    expect(session.prompt.step).toBe('closing');
    expect(session.prompt.say).toContain(outcome.callback.spoken);
    expect(session.prompt.say).toContain(outcome.callback.reference);
    expect(dataOf(audit, 'callback-planned')).toEqual([{ at: outcome.callback.at, reference: outcome.callback.reference }]);
    expect(dataOf(audit, 'outcome')).toEqual([{ kind: 'callback-scheduled' }]);
    expect((await statusOf(call)).outcome).toEqual(outcome);
  });

  it('"call me back in 15 minutes": the exact instant, said as the agent says it', async () => {
    const call = startCall(fraudAlert);
    const { session } = call;
    await toSafePlace(call);
    await say(session, { type: 'DENY' });
    await say(session, { type: 'REQUEST_CALLBACK', inMinutes: 15 });
    // Monday 14:00 in Warsaw + 15 minutes.
    expect(session.outcome).toMatchObject({ kind: 'callback-scheduled', callback: { at: '2026-11-23T13:15:00.000Z', spoken: 'dziś o 14:15' } });
    expect((await statusOf(call)).outcome).toEqual(session.outcome);
  });

  it('a public holiday is refused as a closed day', async () => {
    // Tuesday 10 November 2026; the 11th is Independence Day.
    const server = createService([fraudAlert]);
    server.clock.advance(Date.parse('2026-11-10T13:00:00Z') - server.clock.now());
    const call = startCall(fraudAlert, { server });
    await toSafePlace(call);
    await say(call.session, { type: 'DENY' });
    await say(call.session, { type: 'REQUEST_CALLBACK', at: '2026-11-11T12:00' });
    expect(call.session.prompt.step).toBe('callback');
    expect(dataOf(call.audit, 'callback-refused')).toEqual([{ reason: 'closed-day' }]);
  });

  it('a callback may be asked for at the very start, before anything is verified', async () => {
    const call = startCall(fraudAlert);
    await say(call.session, { type: 'REQUEST_CALLBACK', inMinutes: 60 });
    expect(call.session.outcome).toMatchObject({ kind: 'callback-scheduled', callback: { spoken: 'dziś o 15:00' } });
    expect((await statusOf(call)).outcome?.kind).toBe('callback-scheduled');
  });

  it('a callback time outside business hours is refused: the callback step gives the reason and the nearest slots', async () => {
    // Saturday 28 November 2026, 14:50 in Warsaw: Saturday hours end at 15:00.
    const server = createService([fraudAlert]);
    server.clock.advance(Date.parse('2026-11-28T13:50:00Z') - server.clock.now());
    const call = startCall(fraudAlert, { server });
    const { session, audit } = call;
    await toSafePlace(call);
    await say(session, { type: 'DENY' });
    await say(session, { type: 'REQUEST_CALLBACK', inMinutes: 30 });
    expect(session.done).toBe(false);
    expect(session.prompt.step).toBe('callback');
    expect(dataOf(audit, 'callback-refused')).toEqual([{ reason: 'outside-hours' }]);
    const slots = session.prompt.actions.filter((a) => a.event === 'REQUEST_CALLBACK');
    expect(slots.length).toBeGreaterThan(0);
    const input = session.prompt.input;
    if (input?.kind !== 'callback-time') throw new Error('no callback input');
    // Nothing earlier than Monday 8:00 (Saturday closes at 15:00, Sunday is closed).
    for (const suggestion of input.suggestions) expect(Date.parse(suggestion.at)).toBeGreaterThanOrEqual(Date.parse('2026-11-30T07:00:00Z'));
    await say(session, actionEvent(slots[0]!));
    expect(session.outcome).toMatchObject({ kind: 'callback-scheduled', callback: { at: input.suggestions[0]!.at } });
    expect((await statusOf(call)).outcome?.kind).toBe('callback-scheduled');
  });
});

describe('the PESEL challenge', () => {
  it('wrong digits twice: the same positions again, then failed; a new call for the same customer gets the same positions', async () => {
    const call = startCall(fraudAlert);
    const { session, audit, server } = call;
    await confirmUntil(session, 'consent');
    await say(session, { type: 'CONFIRM' });
    const first = await giveDigits(session, WRONG);
    expect(first).toEqual([5, 8, 9]);
    // "Spróbujmy jeszcze raz — zapytam o te same cyfry." Never which digit was wrong.
    expect(session.prompt.step).toBe('pesel-digit');
    expect(askedPosition(session)).toBe(5);
    expect(session.prompt.say).toMatch(/te same cyfry/);
    expect(session.recording).toBe('paused');
    const second = await giveDigits(session, WRONG);
    expect(second).toEqual(first);
    expect(session.outcome).toEqual({ kind: 'failed', reason: 'challenge-failed' });
    expect(session.prompt.step).toBe('closing');
    expect(recordingSignals(call.notices)).toEqual(['pause', 'resume']);
    expect(dataOf(audit, 'challenge-issued')).toEqual([
      { positions: [5, 8, 9], strengthBits: 6.64, attempt: 1, reissued: false },
      { positions: [5, 8, 9], strengthBits: 6.64, attempt: 2, reissued: false },
    ]);
    expect(dataOf(audit, 'challenge-failed')).toEqual([
      { attempt: 1, cause: 'wrong', attemptsLeft: 1 },
      { attempt: 2, cause: 'wrong', attemptsLeft: 0 },
    ]);
    const status = await statusOf(call);
    expect(status.outcome).toEqual({ kind: 'failed', reason: 'challenge-failed' });
    expect(status.state).toMatchObject({ attemptsLeft: 0, failures: { pesel: 2 }, passed: { pesel: false } });
    expect(server.lookups()).toBe(2);

    // The customer calls again (or the fraudster does): no challenge shopping.
    const next = startCall(fraudAlert, { server, id: 'session-2' });
    await confirmUntil(next.session, 'consent');
    await say(next.session, { type: 'CONFIRM' });
    expect(askedPosition(next.session)).toBe(5);
    expect(dataOf(next.audit, 'challenge-issued')).toMatchObject([{ positions: [5, 8, 9], attempt: 1, reissued: true }]);
    expect(await giveDigits(next.session)).toEqual([5, 8, 9]);
    expect(next.session.prompt.step).toBe('mutual');
  });

  it('"I don\'t know" counts as a wrong attempt on the service, and the attempt restarts at its first position', async () => {
    const call = startCall(fraudAlert);
    const { session, audit } = call;
    await confirmUntil(session, 'consent');
    await say(session, { type: 'CONFIRM' });
    session.send({ type: 'ANSWER_DIGIT', position: 5, digit: '1' });
    await say(session, { type: 'DONT_KNOW' });
    expect(session.prompt.step).toBe('pesel-digit');
    expect(askedPosition(session)).toBe(5);
    expect(dataOf(audit, 'challenge-failed')).toEqual([{ attempt: 1, cause: 'dont-know', attemptsLeft: 1 }]);
    const status = await call.service.resume(session.callId!);
    expect(status).toMatchObject({ attemptsLeft: 1, failures: { pesel: 1 } });
    await say(session, { type: 'DONT_KNOW' });
    expect(session.outcome).toEqual({ kind: 'failed', reason: 'challenge-failed' });
    expect((await statusOf(call)).state.failures.pesel).toBe(2);
  });

  it('silence past answerTimeoutSeconds counts as a wrong attempt on the service', async () => {
    const call = startCall(fraudAlert);
    const { session, audit, clock } = call;
    await confirmUntil(session, 'consent');
    await say(session, { type: 'CONFIRM' });
    session.send({ type: 'ANSWER_DIGIT', position: 5, digit: '1' });
    // Each answer restarts the clock: just under the limit nothing happens.
    clock.advance(fraudAlert.pesel.answerTimeoutSeconds * 1000 - 1);
    await session.settled();
    expect(askedPosition(session)).toBe(8);
    expect(dataOf(audit, 'challenge-failed')).toEqual([]);
    clock.advance(1);
    await session.settled();
    expect(askedPosition(session)).toBe(5);
    expect(dataOf(audit, 'challenge-failed')).toEqual([{ attempt: 1, cause: 'timeout', attemptsLeft: 1 }]);
    expect(await call.service.resume(session.callId!)).toMatchObject({ attemptsLeft: 1, failures: { pesel: 1 } });
    clock.advance(fraudAlert.pesel.answerTimeoutSeconds * 1000);
    await session.settled();
    expect(session.outcome).toEqual({ kind: 'failed', reason: 'challenge-failed' });
    expect((await statusOf(call)).state.failures.pesel).toBe(2);
  });

  it('a customer locked out by earlier failures: the new call ends locked at the PESEL step, with no lookup', async () => {
    const server = createService([fraudAlert]);
    // Call 1: two wrong attempts (failed). Call 2: a third failure in 24 h locks the customer.
    const first = startCall(fraudAlert, { server });
    await confirmUntil(first.session, 'consent');
    await say(first.session, { type: 'CONFIRM' });
    await giveDigits(first.session, WRONG);
    await giveDigits(first.session, WRONG);
    expect(first.session.outcome).toEqual({ kind: 'failed', reason: 'challenge-failed' });
    const second = startCall(fraudAlert, { server, id: 'session-2' });
    await confirmUntil(second.session, 'consent');
    await say(second.session, { type: 'CONFIRM' });
    await giveDigits(second.session, WRONG);
    expect(second.session.outcome).toEqual({ kind: 'locked' });
    expect(dataOf(second.audit, 'outcome')).toEqual([{ kind: 'locked' }]);
    expect(server.lookups()).toBe(3);

    // Call 3, later the same afternoon: nothing is asked, nothing is looked up.
    server.clock.advance(10 * 60_000);
    const third = startCall(fraudAlert, { server, id: 'session-3' });
    await toSafePlace(third);
    await say(third.session, { type: 'CONFIRM' });
    expect(third.session.outcome).toEqual({ kind: 'locked' });
    expect(third.session.prompt.step).toBe('closing');
    expect(third.session.prompt.progress.index).toBe(9);
    expect(types(third.audit)).not.toContain('challenge-issued');
    expect(types(third.audit)).not.toContain('digit-given');
    expect(stepsEntered(third.audit)).toEqual(['purpose', 'caller-id', 'safe-place']);
    expect(recordingSignals(third.notices)).toEqual([]);
    expect(dataOf(third.audit, 'outcome')).toEqual([{ kind: 'locked' }]);
    const status = await statusOf(third);
    expect(status.outcome).toEqual({ kind: 'locked' });
    expect(status.state.locked).toBeDefined();
    expect(status.state.failures.pesel).toBe(0);
    expect(server.lookups()).toBe(3);
  });
});

describe('an exhausted challenge', () => {
  /** A passed call that spoke 5, 8, 9 and revealed 10, 11: a listener of it knows the whole number. */
  async function spokenEverything(server: ReturnType<typeof createService>) {
    const call = startCall(fraudAlert, { server, id: 'session-0' });
    await confirmUntil(call.session, 'consent');
    await say(call.session, { type: 'CONFIRM' });
    await giveDigits(call.session);
    await say(call.session, { type: 'CUSTOMER_ASKS_DIGITS', positions: [10, 11] });
    expect(call.session.prompt.step).toBe('reveal');
    await say(call.session, { type: 'HANG_UP' });
    return call;
  }

  it("whenExhausted 'end': the customer is asked to call the official number (challenge-exhausted)", async () => {
    const server = createService([fraudAlert]);
    await spokenEverything(server);
    const before = server.lookups();
    server.clock.advance(60 * 60_000);
    const call = startCall(fraudAlert, { server });
    const { session, audit } = call;
    await toSafePlace(call);
    await say(session, { type: 'CONFIRM' });
    expect(session.outcome).toEqual({ kind: 'customer-will-call-back', reason: 'challenge-exhausted' });
    expect(session.prompt.step).toBe('closing');
    expect(session.prompt.say).toContain(fraudAlert.institution.officialNumber);
    expect(dataOf(audit, 'challenge-exhausted')).toEqual([{ then: 'end' }]);
    expect(types(audit)).not.toContain('challenge-issued');
    expect(recordingSignals(call.notices)).toEqual([]);
    const status = await statusOf(call);
    expect(status.state.challenge).toBeNull();
    expect(status.outcome).toEqual({ kind: 'customer-will-call-back', reason: 'challenge-exhausted' });
    expect(server.lookups()).toBe(before);
    // Nor would the service record such a call as verified, whatever a desktop claims.
    const opened = await server.service.open({ customerRef: 'cust-jan', script: { id: 'fraud-alert', version: 4 }, agentId: 'agent-17' });
    expect(opened.challenge).toBeNull();
    await expect(server.service.close(opened.callId, { kind: 'verified' })).rejects.toMatchObject({ code: 'VERIFICATION_REFUSED' });
  });

  it("whenExhausted 'questions': verified on the questions alone — consent, digits and mutual skipped", async () => {
    const questionsOnly = variant('fraud-alert', { version: 5, pesel: { whenExhausted: 'questions' } });
    const server = createService([fraudAlert, questionsOnly]);
    await spokenEverything(server);
    server.clock.advance(60 * 60_000);
    const call = startCall(questionsOnly, { server });
    const { session, audit } = call;
    await toSafePlace(call);
    await say(session, { type: 'CONFIRM' });
    expect(session.prompt.step).toBe('question');
    expect(session.prompt.progress).toEqual({ index: 8, total: 9 });
    expect(dataOf(audit, 'challenge-exhausted')).toEqual([{ then: 'questions' }]);
    await answer(session);
    await answer(session);
    expect(session.outcome).toEqual({ kind: 'verified' });
    expect(stepsEntered(audit)).toEqual(['purpose', 'caller-id', 'safe-place', 'question']);
    expect(types(audit)).not.toContain('consent');
    expect(types(audit)).not.toContain('challenge-issued');
    expect(types(audit)).not.toContain('mutual-requested');
    expect(recordingSignals(call.notices)).toEqual([]);
    const status = await statusOf(call);
    expect(status.outcome).toEqual({ kind: 'verified' });
    expect(status.state).toMatchObject({ challenge: null, passed: { pesel: false, questions: ['account-opened-year', 'home-city'] } });
  });
});

describe('the other questions', () => {
  async function toQuestions(call: Call) {
    await confirmUntil(call.session, 'consent');
    await say(call.session, { type: 'CONFIRM' });
    await giveDigits(call.session);
    await say(call.session, { type: 'DENY' });
    expect(call.session.prompt.step).toBe('question');
  }

  it('a wrong answer is asked again; a second one fails the call (question-failed), the answer never in the trail', async () => {
    const call = startCall(fraudAlert);
    const { session, audit } = call;
    await toQuestions(call);
    await answer(session, '1999');
    expect(session.prompt.step).toBe('question');
    expect(session.prompt.input).toMatchObject({ kind: 'answer', questionId: 'account-opened-year' });
    await say(session, { type: 'DONT_KNOW' });
    expect(session.outcome).toEqual({ kind: 'failed', reason: 'question-failed' });
    expect(dataOf(audit, 'question-failed')).toEqual([
      { questionId: 'account-opened-year', attempt: 1, cause: 'wrong', attemptsLeft: 1 },
      { questionId: 'account-opened-year', attempt: 2, cause: 'dont-know', attemptsLeft: 0 },
    ]);
    expect(JSON.stringify(audit)).not.toContain('1999');
    const status = await statusOf(call);
    expect(status.outcome).toEqual({ kind: 'failed', reason: 'question-failed' });
    expect(status.state.failures.questions['account-opened-year']).toBe(2);
    expect(status.state.passed).toEqual({ pesel: true, questions: [] });
  });

  it('a question passed after one wrong answer: the next question starts afresh', async () => {
    const call = startCall(fraudAlert);
    const { session, audit } = call;
    await toQuestions(call);
    await answer(session, '2010');
    await answer(session);
    expect(session.prompt.input).toMatchObject({ kind: 'answer', questionId: 'home-city' });
    expect(session.prompt.say).not.toMatch(/jeszcze raz/);
    await answer(session);
    expect(session.outcome).toEqual({ kind: 'verified' });
    expect(dataOf(audit, 'question-passed')).toEqual([
      { questionId: 'account-opened-year', attempt: 2 },
      { questionId: 'home-city', attempt: 1 },
    ]);
    expect((await statusOf(call)).outcome).toEqual({ kind: 'verified' });
  });

  it('silence at a question counts as a wrong attempt on the service', async () => {
    const call = startCall(fraudAlert);
    const { session, audit, clock } = call;
    await toQuestions(call);
    clock.advance(fraudAlert.pesel.answerTimeoutSeconds * 1000);
    await session.settled();
    expect(dataOf(audit, 'question-failed')).toEqual([{ questionId: 'account-opened-year', attempt: 1, cause: 'timeout', attemptsLeft: 1 }]);
    expect((await call.service.resume(session.callId!)).failures.questions['account-opened-year']).toBe(1);
  });
});

describe('a VIP substitute', () => {
  it('introduces themselves before any verification question, then the call is verified', async () => {
    const call = startCall(vipSubstitute);
    const { session, audit } = call;
    await say(session, { type: 'CONFIRM' });
    expect(session.prompt.step).toBe('vip-substitute');
    expect(session.prompt.progress.index).toBe(2);
    // "Zastępuję Pani opiekunkę w dniach 23–27 listopada. … — pisaliśmy o tym w e-mailu z 18 listopada."
    expect(session.prompt.say).toContain('Katarzyna Wiśniewska');
    expect(session.prompt.say).toContain('Anna Zielińska');
    expect(session.prompt.say).toContain('18 listopada');
    await confirmUntil(session, 'consent');
    await say(session, { type: 'CONFIRM' });
    await giveDigits(session);
    expect(session.prompt.step).toBe('question');
    await answer(session, 'KRAKÓW');
    // Mutual verification comes after the questions in this script.
    expect(session.prompt.step).toBe('mutual');
    const allowed = (session.prompt.input as { allowed: number[] }).allowed;
    await say(session, { type: 'CUSTOMER_ASKS_DIGITS', positions: [allowed[0]!] });
    expect(session.prompt.step).toBe('reveal');
    await say(session, { type: 'CONFIRM' });
    expect(session.outcome).toEqual({ kind: 'verified' });
    const entered = stepsEntered(audit);
    expect(entered).toEqual(['vip-substitute', 'purpose', 'caller-id', 'safe-place', 'consent', 'pesel-digit', 'question', 'mutual']);
    expect((await statusOf(call)).outcome).toEqual({ kind: 'verified' });
  });

  it('a customer who doubts the substitute is sent to the official channel before giving any digit', async () => {
    const call = startCall(vipSubstitute);
    const { session, audit } = call;
    await say(session, { type: 'CONFIRM' });
    await say(session, { type: 'DENY' });
    expect(session.outcome).toEqual({ kind: 'customer-will-call-back', reason: 'vip-doubt' });
    expect(session.prompt.say).not.toMatch(PHONE_NUMBER);
    expect(types(audit)).not.toContain('digit-given');
    expect((await statusOf(call)).outcome).toEqual({ kind: 'customer-will-call-back', reason: 'vip-doubt' });
    expect(call.server.lookups()).toBe(0);
  });
});

describe('digits on the keypad', () => {
  it("pesel.channel 'keypad' pauses the recording too (tones can be decoded) and records the channel", async () => {
    const keypad = variant('loan-offer', { id: 'loan-offer-keypad', pesel: { channel: 'keypad' } });
    const call = startCall(keypad);
    const { session, audit, notices } = call;
    await confirmUntil(session, 'consent');
    await say(session, { type: 'CONFIRM' });
    expect(session.prompt.step).toBe('pesel-digit');
    expect(session.recording).toBe('paused');
    expect(recordingSignals(notices)).toEqual(['pause']);
    const positions = await giveDigits(session, JAN_PESEL, 'keypad');
    expect(positions).toHaveLength(2);
    expect(recordingSignals(notices)).toEqual(['pause', 'resume']);
    expect(dataOf(audit, 'recording')).toEqual([{ recording: 'pause' }, { recording: 'resume' }]);
    expect(dataOf(audit, 'digit-given')).toEqual(positions.map((position) => ({ position, via: 'keypad' })));
    // loan-offer has no mutual verification and no questions: verified on the digits.
    expect(session.outcome).toEqual({ kind: 'verified' });
    expect((await statusOf(call)).outcome).toEqual({ kind: 'verified' });
  });

  it('loan-offer (English, two positions, no mutual check) verifies on the digits alone', async () => {
    const call = startCall(loanOffer);
    const { session, audit } = call;
    expect(session.prompt.say).toMatch(/Anna Zielińska/);
    await confirmUntil(session, 'consent');
    await say(session, { type: 'CONFIRM' });
    expect(await giveDigits(session)).toHaveLength(2);
    expect(session.outcome).toEqual({ kind: 'verified' });
    expect(types(audit)).not.toContain('mutual-requested');
    expect((await statusOf(call)).outcome).toEqual({ kind: 'verified' });
  });
});

describe('hanging up', () => {
  it('HANG_UP while the service is still opening the call: the service records the call as abandoned', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const call = startCall(fraudAlert, { verifier: (service) => ({ ...bound(service), open: async (request) => (await gate, service.open(request)) }) });
    const { session } = call;
    await confirmUntil(session, 'safe-place');
    session.send({ type: 'CONFIRM' });
    expect(session.prompt.step).toBe('verifying');
    expect(session.pending).toBe(true);
    expect(session.prompt.actions.map((a) => a.event)).toEqual(['HANG_UP']);
    session.send({ type: 'HANG_UP' });
    open();
    expect(session.outcome).toEqual({ kind: 'abandoned', reason: 'hang-up' });
    const status = await statusOf(call);
    expect(status.outcome).toEqual({ kind: 'abandoned', reason: 'hang-up' });
  });


  it('HANG_UP at the digits ends the call as abandoned on the service too, recording resumed', async () => {
    const call = startCall(fraudAlert);
    const { session } = call;
    await confirmUntil(session, 'consent');
    await say(session, { type: 'CONFIRM' });
    session.send({ type: 'ANSWER_DIGIT', position: 5, digit: '1' });
    await say(session, { type: 'HANG_UP' });
    expect(session.outcome).toEqual({ kind: 'abandoned', reason: 'hang-up' });
    expect(recordingSignals(call.notices)).toEqual(['pause', 'resume']);
    const status = await statusOf(call);
    expect(status.outcome).toEqual({ kind: 'abandoned', reason: 'hang-up' });
    expect(status.state.failures.pesel).toBe(0);
    expect(call.server.lookups()).toBe(0);
  });
});
