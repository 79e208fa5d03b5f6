import { describe, expect, it } from 'vitest';
import { verifyAttestation } from 'safecall-pl/server';
import { answer, dataOf, fraudAlert, JAN_PESEL, KEY, recordingSignals, say, startCall, statusOf, stepsEntered, types } from './helpers.js';

/*
 * The dialogue of the source article ("Poproszę pana PESEL", BOK 3-4/2021) on
 * the fraud-alert script, against the real verification service. With the
 * service's randomness seeded at 7 the challenge is the article's own: the
 * 5th, 8th and 9th digits. The customer then asks for "the last three": the
 * 9th he said himself, so he hears the 10th and 11th.
 */
describe("the article's call (fraud-alert, Polish)", () => {
  it('confirms the person, checks caller ID and place, asks 5, 8, 9, verifies mutually, answers both questions: verified on the service', async () => {
    const call = startCall(fraudAlert);
    const { session, audit, notices, server } = call;
    const progress = () => session.prompt.progress;

    // "Dzień dobry, tu Anna Zielińska, Bank Komercyjny. Czy rozmawiam z Panem Janem Kowalskim?"
    expect(session.prompt.step).toBe('introduce');
    expect(progress()).toEqual({ index: 1, total: 9 });
    expect(session.prompt.actions.map((a) => a.event)).toEqual(['CONFIRM', 'DENY', 'HANG_UP']);
    await say(session, { type: 'CONFIRM' });

    // Only now the purpose; the details wait for verification (a ready reply for "Jakie to transakcje?").
    expect(session.prompt.step).toBe('purpose');
    expect(progress()).toEqual({ index: 2, total: 9 });
    await say(session, { type: 'CONFIRM' });
    expect(session.prompt.step).toBe('caller-id');
    expect(session.prompt.reply).toBeDefined();
    await say(session, { type: 'CONFIRM' });
    expect(session.prompt.step).toBe('safe-place');
    expect(session.prompt.actions.map((a) => a.event)).toContain('HOLD');
    await say(session, { type: 'CONFIRM' });

    // "Poproszę o kilka cyfr Pana numeru PESEL — nie o cały numer. Możemy zaczynać?"
    expect(session.prompt.step).toBe('consent');
    expect(progress()).toEqual({ index: 5, total: 9 });
    expect(session.callId).toBeDefined();
    expect(recordingSignals(notices)).toEqual([]);
    session.send({ type: 'CONFIRM' });

    // "Piąta cyfra?" "A ósma?" "A dziewiąta?" — the recording is paused while digits are spoken.
    expect(recordingSignals(notices)).toEqual(['pause']);
    expect(session.recording).toBe('paused');
    const asked: number[] = [];
    while (session.prompt.step === 'pesel-digit') {
      expect(session.prompt.input?.kind).toBe('digit');
      expect(progress()).toEqual({ index: 6, total: 9 });
      const position = (session.prompt.input as { position: number }).position;
      asked.push(position);
      session.send({ type: 'ANSWER_DIGIT', position, digit: JAN_PESEL[position - 1]! });
    }
    expect(asked).toEqual([5, 8, 9]);
    // The digits are checked together, by the service: nothing to press until it answers.
    expect(session.prompt.step).toBe('verifying');
    expect(session.pending).toBe(true);
    expect(session.prompt.actions.map((a) => a.event)).toEqual(['HANG_UP']);
    await session.settled();
    expect(recordingSignals(notices)).toEqual(['pause', 'resume']);

    // "Teraz może Pan sprawdzić, czy naprawdę dzwoni bank..."
    expect(session.prompt.step).toBe('mutual');
    expect(progress()).toEqual({ index: 7, total: 9 });
    expect(session.prompt.input).toMatchObject({ kind: 'positions', max: 2, allowed: [7, 10, 11] });
    expect(session.prompt.revealed).toBeUndefined();

    // "To proszę mi podać trzy ostatnie cyfry" — the 9th he said himself: only 10 and 11 are read out.
    await say(session, { type: 'CUSTOMER_ASKS_DIGITS', positions: [9, 10, 11] });
    expect(session.prompt.step).toBe('reveal');
    expect(session.prompt.revealed).toEqual([
      { position: 10, digit: '3' },
      { position: 11, digit: '4' },
    ]);
    expect(session.recording).toBe('paused');
    await say(session, { type: 'CONFIRM' });
    expect(session.prompt.revealed).toBeUndefined();

    // The other two of the "three questions".
    expect(session.prompt.step).toBe('question');
    expect(progress()).toEqual({ index: 8, total: 9 });
    expect(session.prompt.input).toMatchObject({ kind: 'answer', questionId: 'account-opened-year' });
    await answer(session);
    expect(session.prompt.input).toMatchObject({ kind: 'answer', questionId: 'home-city' });
    await answer(session, '  krakow ');

    // "Przejdźmy teraz do sprawy, w której dzwonię."
    expect(session.done).toBe(true);
    expect(session.outcome).toEqual({ kind: 'verified' });
    expect(session.prompt.step).toBe('handoff');
    expect(progress()).toEqual({ index: 9, total: 9 });
    expect(session.prompt.actions).toEqual([]);
    expect(notices.at(-1)).toEqual({ type: 'done', outcome: { kind: 'verified' } });
    expect(recordingSignals(notices)).toEqual(['pause', 'resume', 'pause', 'resume']);

    // The audit trail shows the script was followed, in order.
    expect(stepsEntered(audit)).toEqual(['purpose', 'caller-id', 'safe-place', 'consent', 'pesel-digit', 'mutual', 'question']);
    expect(types(audit).filter((t) => t !== 'step-entered' && t !== 'recording')).toEqual([
      'call-started',
      'safe-place',
      'consent',
      'challenge-issued',
      'digit-given',
      'digit-given',
      'digit-given',
      'challenge-passed',
      'mutual-requested',
      'digits-revealed',
      'mutual-result',
      'question-passed',
      'question-passed',
      'outcome',
    ]);
    expect(dataOf(audit, 'challenge-issued')).toEqual([{ positions: [5, 8, 9], strengthBits: 6.64, attempt: 1, reissued: false }]);
    expect(dataOf(audit, 'digit-given')).toEqual([5, 8, 9].map((position) => ({ position, via: 'voice' })));
    expect(dataOf(audit, 'challenge-passed')).toEqual([{ attempt: 1 }]);
    expect(dataOf(audit, 'mutual-requested')).toEqual([{ requested: [9, 10, 11], allowed: [10, 11], refused: [{ position: 9, reason: 'said' }] }]);
    // 5, 8, 9 said and 10, 11 read out: with the check digit the whole number was on the line (DESIGN §3 figures).
    expect(dataOf(audit, 'digits-revealed')).toEqual([{ positions: [10, 11], bitsLeft: 0 }]);
    expect(dataOf(audit, 'mutual-result')).toEqual([{ matches: true }]);
    expect(dataOf(audit, 'question-passed')).toEqual([
      { questionId: 'account-opened-year', attempt: 1 },
      { questionId: 'home-city', attempt: 1 },
    ]);
    expect(dataOf(audit, 'outcome')).toEqual([{ kind: 'verified' }]);
    expect(audit.every((e) => e.sessionId === 'session-1' && e.scriptId === 'fraud-alert' && e.scriptVersion === 4)).toBe(true);

    // The service, not the desktop, recorded the call as verified: a back end checks it there.
    const status = await statusOf(call);
    expect(status.outcome).toEqual({ kind: 'verified' });
    expect(status.customerRef).toBe('cust-jan');
    expect(status.script).toEqual({ id: 'fraud-alert', version: 4 });
    expect(status.state).toMatchObject({ challenge: [5, 8, 9], passed: { pesel: true, questions: ['account-opened-year', 'home-city'] }, revealed: [10, 11], failures: { pesel: 0 } });
    // One lookup for the check, one for the reveal: nothing else touched the PESEL.
    expect(server.lookups()).toBe(2);
    const attestation = await verifyAttestation(await call.service.attestation(session.callId!), KEY);
    expect(attestation).toMatchObject({ callId: session.callId, customerRef: 'cust-jan', outcome: { kind: 'verified' } });
  });

  it('the customer who steps aside hears the short question when back, and the call goes on', async () => {
    const call = startCall(fraudAlert);
    const { session, audit } = call;
    for (let i = 0; i < 3; i++) await say(session, { type: 'CONFIRM' });
    const full = session.prompt.say;
    // "Proszę poczekać, przejdę na bok…"
    await say(session, { type: 'HOLD' });
    expect(session.prompt.step).toBe('on-hold');
    expect(session.prompt.actions.map((a) => a.event)).toContain('RESUME');
    expect(session.prompt.progress).toEqual({ index: 4, total: 9 });
    await say(session, { type: 'RESUME' });
    // "Dziękuję. Czy teraz nikt nie usłyszy Pana odpowiedzi?" — not the whole speech again.
    expect(session.prompt.step).toBe('safe-place');
    expect(session.prompt.say).not.toBe(full);
    expect(session.prompt.say.length).toBeLessThan(full.length);
    await say(session, { type: 'CONFIRM' });
    expect(session.prompt.step).toBe('consent');
    expect(types(audit)).toEqual(expect.arrayContaining(['hold', 'resume']));
    expect(stepsEntered(audit)).toEqual(['purpose', 'caller-id', 'safe-place', 'on-hold', 'consent']);
    expect(dataOf(audit, 'safe-place')).toEqual([{ safe: true }]);
  });
});
