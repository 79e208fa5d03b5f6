import { describe, expect, it } from 'vitest';
import { defineScript, type Verifier } from '../../src/index.js';
import { simulatedClock } from '../../src/testing/index.js';
import { ANSWERS, answerChallenge, answerDigit, JAN_PESEL, loadScript, MONDAY_AFTERNOON, passOpening, peselVerifier, scriptJson, startCall, wrongDigit } from './helpers.js';

const fraudAlert = loadScript('fraud-alert');

describe('branches of a call', () => {
  it('wrong person: ends without saying anything about the matter', () => {
    const { session } = startCall(fraudAlert);
    session.send({ type: 'CONFIRM' });
    session.send({ type: 'DENY' });
    expect(session.outcome).toEqual({ kind: 'wrong-person' });
    expect(session.prompt.step).toBe('closing');
    expect(session.prompt.say).toBe('Przepraszam za pomyłkę. Do widzenia.');
    expect(session.prompt.actions).toEqual([]);
  });

  it('caller ID does not match: the customer is told to call the number on the card, never one dictated in the call', () => {
    const { session } = startCall(fraudAlert);
    session.send({ type: 'CONFIRM' });
    session.send({ type: 'CONFIRM' });
    session.send({ type: 'DENY' });
    expect(session.outcome).toEqual({ kind: 'customer-will-call-back', reason: 'caller-id-mismatch' });
    expect(session.prompt.say).toContain('numer z Pana karty lub umowy');
    expect(session.prompt.say).toContain('nigdy na numer podany w rozmowie');
    // The agent must not dictate a number: the official number is not read out here.
    expect(session.prompt.say).not.toContain(fraudAlert.institution.officialNumber);
  });

  it('not in a safe place: the customer will call back on the official number', () => {
    const { session } = startCall(fraudAlert);
    session.send({ type: 'CONFIRM' });
    session.send({ type: 'CONFIRM' });
    session.send({ type: 'CONFIRM' });
    session.send({ type: 'DENY' });
    expect(session.prompt.step).toBe('not-safe');
    expect(session.prompt.input?.kind).toBe('callback-time');
    session.send({ type: 'CUSTOMER_WILL_CALL_BACK' });
    expect(session.outcome).toEqual({ kind: 'customer-will-call-back', reason: 'customer-request' });
    expect(session.prompt.say).toContain('+48 22 500 60 70');
  });

  it('not in a safe place, steps aside and comes back: the safe-place question is asked again', () => {
    const { session, audit } = startCall(fraudAlert);
    session.send({ type: 'CONFIRM' });
    session.send({ type: 'CONFIRM' });
    session.send({ type: 'CONFIRM' });
    session.send({ type: 'DENY' });
    session.send({ type: 'HOLD' });
    expect(session.prompt.step).toBe('on-hold');
    session.send({ type: 'RESUME' });
    expect(session.prompt.step).toBe('safe-place');
    session.send({ type: 'CONFIRM' });
    expect(session.prompt.step).toBe('pesel-digit');
    expect(audit.filter((e) => e.type === 'safe-place').map((e) => e.data)).toEqual([{ safe: false }, { safe: true }]);
    expect(audit.filter((e) => e.type === 'hold' || e.type === 'resume').map((e) => e.type)).toEqual(['hold', 'resume']);
  });

  it('a wrong answer retries the same positions without saying which digit was wrong, then fails', async () => {
    const { session, audit } = startCall(fraudAlert);
    passOpening(session);
    const first: number[] = [];
    while (session.prompt.step === 'pesel-digit') {
      const position = (session.prompt.input as { position: number }).position;
      first.push(position);
      session.send({ type: 'ANSWER_DIGIT', position, digit: position === first[0] ? wrongDigit(JAN_PESEL, position) : JAN_PESEL[position - 1]! });
    }
    await session.settled();
    const step = (): string => session.prompt.step;
    expect(step()).toBe('pesel-digit');
    expect(session.prompt.say).toMatch(/^Niestety, odpowiedzi się nie zgadzają\. Spróbujmy jeszcze raz, te same pozycje\./);
    expect(session.prompt.note).toContain('Próba 2 z 2');
    // Same positions, in the same order.
    const second: number[] = [];
    while (step() === 'pesel-digit') {
      const position = (session.prompt.input as { position: number }).position;
      second.push(position);
      session.send({ type: 'ANSWER_DIGIT', position, digit: wrongDigit(JAN_PESEL, position) });
    }
    expect(second).toEqual(first);
    await session.settled();
    expect(session.outcome).toEqual({ kind: 'failed', reason: 'challenge-failed' });
    expect(session.prompt.note).toBe('Nie mów klientowi, która odpowiedź była błędna.');
    const issued = audit.filter((e) => e.type === 'challenge-issued').map((e) => (e.data as { positions: number[] }).positions);
    expect(issued).toEqual([first, first]);
    expect(audit.filter((e) => e.type === 'challenge-failed').map((e) => e.data)).toEqual([
      { attempt: 1, cause: 'wrong', attemptsLeft: 1 },
      { attempt: 2, cause: 'wrong', attemptsLeft: 0 },
    ]);
  });

  it('the verifier locks the customer out: locked, whatever attempts are left', async () => {
    const verifier: Verifier = { ...peselVerifier(), checkDigits: async () => ({ ok: false, locked: true }) };
    const { session } = startCall(fraudAlert, { verifier });
    passOpening(session);
    await answerChallenge(session);
    expect(session.outcome).toEqual({ kind: 'locked' });
  });

  it('"I don\'t know" counts as a wrong attempt and restarts the same positions', () => {
    const { session, audit } = startCall(fraudAlert);
    passOpening(session);
    const position = answerDigit(session);
    session.send({ type: 'DONT_KNOW' });
    expect(session.prompt.step).toBe('pesel-digit');
    expect(session.prompt.input).toEqual({ kind: 'digit', position });
    expect(session.prompt.say).toMatch(/^Nic nie szkodzi, spróbujmy jeszcze raz od początku, te same pozycje\./);
    session.send({ type: 'DONT_KNOW' });
    expect(session.outcome).toEqual({ kind: 'failed', reason: 'challenge-failed' });
    expect(audit.filter((e) => e.type === 'challenge-failed').map((e) => (e.data as { cause: string }).cause)).toEqual(['dont-know', 'dont-know']);
  });

  it('silence past the per-question timeout counts as a wrong attempt', () => {
    const clock = simulatedClock(MONDAY_AFTERNOON);
    const { session, audit } = startCall(fraudAlert, { clock });
    passOpening(session);
    const position = answerDigit(session);
    clock.advance(119_000);
    expect(session.prompt.step).toBe('pesel-digit');
    expect(audit.some((e) => e.type === 'challenge-failed')).toBe(false);
    clock.advance(1_000);
    expect(session.prompt.input).toEqual({ kind: 'digit', position });
    expect(session.prompt.say).toMatch(/^Nie dotarła do mnie odpowiedź\./);
    expect(audit.filter((e) => e.type === 'challenge-failed').map((e) => e.data)).toEqual([{ attempt: 1, cause: 'timeout', attemptsLeft: 1 }]);
    clock.advance(120_000);
    expect(session.outcome).toEqual({ kind: 'failed', reason: 'challenge-failed' });
  });

  it('each answer restarts the per-question timeout', () => {
    const clock = simulatedClock(MONDAY_AFTERNOON);
    const { session } = startCall(fraudAlert, { clock });
    passOpening(session);
    clock.advance(100_000);
    answerDigit(session);
    clock.advance(100_000);
    answerDigit(session);
    expect(session.prompt.note).toContain('Próba 1 z 2');
  });

  it('HANG_UP at any step ends the call as abandoned', async () => {
    const steps: string[] = [];
    for (let k = 0; k < 12; k++) {
      const { session, audit } = startCall(fraudAlert);
      const plan = [
        () => session.send({ type: 'CONFIRM' }),
        () => session.send({ type: 'CONFIRM' }),
        () => session.send({ type: 'CONFIRM' }),
        () => session.send({ type: 'CONFIRM' }),
        () => answerDigit(session),
        () => answerDigit(session),
        () => answerDigit(session),
        () => session.settled(),
        () => session.send({ type: 'CUSTOMER_ASKS_DIGITS', positions: [10, 11] }),
        () => session.settled(),
        () => session.send({ type: 'CONFIRM' }),
      ];
      for (const step of plan.slice(0, k)) await step();
      steps.push(session.prompt.step);
      session.send({ type: 'HANG_UP' });
      expect(session.done).toBe(true);
      expect(session.outcome).toEqual({ kind: 'abandoned', reason: 'hang-up' });
      expect(audit.at(-1)).toMatchObject({ type: 'outcome', data: { kind: 'abandoned', reason: 'hang-up' } });
    }
    expect(new Set(steps)).toEqual(new Set(['introduce', 'confirm-person', 'caller-id', 'safe-place', 'pesel-digit', 'verifying', 'mutual', 'reveal', 'question']));
  });

  it('a customer who doubts the VIP substitute is sent to the official number', async () => {
    const script = loadScript('vip-substitute');
    const { session } = startCall(script);
    expect(session.prompt.say).not.toContain('osobistym opiekunem');
    passOpening(session);
    await answerChallenge(session);
    session.send({ type: 'ANSWER', questionId: 'advisor-meeting-city', value: 'krakow' });
    await session.settled();
    expect(session.prompt.step).toBe('mutual');
    session.send({ type: 'DENY' });
    expect(session.prompt.step).toBe('vip-substitute');
    expect(session.prompt.say).toBe(
      'Dzwonię w zastępstwie Pana opiekuna, Katarzyna Wiśniewska, w dniach od 23 do 27 listopada 2026. Informowaliśmy o tym w e-mailu z 18 listopada 2026. Czy możemy kontynuować?',
    );
    session.send({ type: 'DENY' });
    expect(session.outcome).toEqual({ kind: 'customer-will-call-back', reason: 'vip-doubt' });
  });

  it('a VIP customer who accepts the substitute is verified', async () => {
    const { session } = startCall(loadScript('vip-substitute'));
    passOpening(session);
    await answerChallenge(session);
    session.send({ type: 'ANSWER', questionId: 'advisor-meeting-city', value: ' KRAKÓW ' });
    await session.settled();
    session.send({ type: 'CUSTOMER_ASKS_DIGITS', positions: [7] });
    await session.settled();
    session.send({ type: 'CONFIRM' });
    session.send({ type: 'CONFIRM' });
    expect(session.outcome).toEqual({ kind: 'verified' });
  });

  it('a wrong answer to a question is asked again, then fails the call', async () => {
    const { session, audit } = startCall(loadScript('vip-substitute'));
    passOpening(session);
    await answerChallenge(session);
    session.send({ type: 'ANSWER', questionId: 'advisor-meeting-city', value: 'Gdańsk' });
    await session.settled();
    expect(session.prompt.step).toBe('question');
    expect(session.prompt.say).toBe('Ta odpowiedź się nie zgadza. Spróbujmy jeszcze raz: W którym mieście odbyło się ostatnie spotkanie z opiekunem?');
    session.send({ type: 'DONT_KNOW' });
    expect(session.outcome).toEqual({ kind: 'failed', reason: 'question-failed' });
    expect(audit.filter((e) => e.type === 'question-failed').map((e) => e.data)).toEqual([
      { questionId: 'advisor-meeting-city', attempt: 1, cause: 'wrong', attemptsLeft: 1 },
      { questionId: 'advisor-meeting-city', attempt: 2, cause: 'dont-know', attemptsLeft: 0 },
    ]);
    expect(JSON.stringify(audit)).not.toContain('Gdańsk');
  });

  it('a script without mutual verification and with two positions (loan-offer, English)', async () => {
    const { session } = startCall(loadScript('loan-offer'));
    expect(session.prompt.say).toMatch(/^Hello, this is Anna Zielińska from Bank Komercyjny\./);
    passOpening(session);
    expect(session.prompt.say).toMatch(/^I will now ask for 2 digits of your PESEL number — never the whole number\. Please tell me the \w+ digit/);
    const positions = await answerChallenge(session);
    expect(positions).toHaveLength(2);
    expect(session.outcome).toEqual({ kind: 'verified' });
    expect(session.prompt.say).toBe('Thank you, you are verified. Let me tell you about the loan you asked about.');
  });

  it('a keypad script does not pause the recording for digits', async () => {
    const script = defineScript({ ...scriptJson('loan-offer'), id: 'keypad', pesel: { count: 2, minStrengthBits: 6, channel: 'keypad' } });
    const { session, notices } = startCall(script);
    passOpening(session);
    expect(session.prompt.say).toContain("on your phone's keypad");
    expect(session.recording).toBe('active');
    while (session.prompt.step === 'pesel-digit') answerDigit(session, JAN_PESEL, 'keypad');
    await session.settled();
    expect(session.outcome).toEqual({ kind: 'verified' });
    expect(notices.some((n) => n.type === 'recording')).toBe(false);
  });
});

describe('mutual verification rules (DESIGN.md §4.2)', () => {
  async function atMutual() {
    const harness = startCall(fraudAlert);
    passOpening(harness.session);
    await answerChallenge(harness.session);
    expect(harness.session.prompt.step).toBe('mutual');
    return harness;
  }

  it('steers away from the birth date and the positions the customer said', async () => {
    const { session } = await atMutual();
    session.send({ type: 'CUSTOMER_ASKS_DIGITS', positions: [1, 5] });
    expect(session.prompt.step).toBe('mutual');
    expect(session.prompt.revealed).toBeUndefined();
    expect(session.prompt.say).toBe(
      'Piątą cyfrę podał Pan sam — jej powtórzenie niczego nie dowodzi. Pierwsze sześć cyfr to data urodzenia, którą może znać ktoś obcy. Proszę wybrać inne pozycje spośród pozycji 7, 10 i 11.',
    );
  });

  it('never reveals more than the script allows', async () => {
    const { session, audit } = await atMutual();
    session.send({ type: 'CUSTOMER_ASKS_DIGITS', positions: [7, 10, 11] });
    expect(session.prompt.step).toBe('mutual');
    expect(session.prompt.say).toBe('Mogę podać najwyżej 2 cyfry. Proszę wybrać najwyżej 2 spośród pozycji 7, 10 i 11.');
    expect(audit.some((e) => e.type === 'digits-revealed')).toBe(false);
  });

  it('a mismatch ends the call and flags possible fraud or a data problem', async () => {
    const { session, audit } = await atMutual();
    session.send({ type: 'CUSTOMER_ASKS_DIGITS', positions: [10, 11] });
    await session.settled();
    session.send({ type: 'DENY' });
    expect(session.outcome).toEqual({ kind: 'failed', reason: 'mutual-mismatch' });
    expect(session.prompt.note).toContain('możliwe oszustwo lub błąd w danych');
    expect(audit.find((e) => e.type === 'mutual-result')?.data).toEqual({ matches: false });
  });

  it('the customer may decline to check', async () => {
    const { session, audit } = await atMutual();
    session.send({ type: 'DENY' });
    expect(session.prompt.step).toBe('question');
    expect(audit.some((e) => e.type === 'mutual-declined')).toBe(true);
  });

  it('the reveal only shows allowed digits, and only on the reveal step', async () => {
    const { session } = await atMutual();
    session.send({ type: 'CUSTOMER_ASKS_DIGITS', positions: [11] });
    expect(session.prompt.revealed).toBeUndefined();
    await session.settled();
    expect(session.prompt.revealed).toEqual([{ position: 11, digit: JAN_PESEL[10] }]);
    session.send({ type: 'CONFIRM' });
    expect(session.prompt.revealed).toBeUndefined();
    expect(ANSWERS['last-transfer-amount']).toBeDefined();
  });
});
