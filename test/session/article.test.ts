import { describe, expect, it } from 'vitest';
import { answerDigit, JAN_PESEL, loadScript, startCall } from './helpers.js';

/**
 * The dialogue of the source article ("Poproszę pana PESEL", BOK 3-4/2021),
 * step by step, on the fraud-alert script. Seed 7 makes the challenge the
 * article's own positions: 5, 8 and 9.
 */
describe('the source article dialogue (fraud-alert, Polish)', () => {
  it('introduces, checks caller ID and place, asks 3 digits, verifies mutually and hands off', async () => {
    const script = loadScript('fraud-alert');
    const { session, audit, notices } = startCall(script, { seed: 7 });

    // "Dzień dobry, Anna Zielińska, Bank Komercyjny..." — who calls, from where, and why, first.
    expect(session.prompt.step).toBe('introduce');
    expect(session.prompt.say).toContain('Anna Zielińska');
    expect(session.prompt.say).toContain('Bank Komercyjny');
    expect(session.prompt.say).toContain('podejrzane');
    expect(session.prompt.say).toContain('Nigdy nie poproszę o cały numer PESEL');
    session.send({ type: 'CONFIRM' });

    // "...czy ja rozmawiam z Panem Janem Kowalskim?" — "Tak, to ja..."
    expect(session.prompt.step).toBe('confirm-person');
    expect(session.prompt.say).toBe('Czy to pan Jan Kowalski?');
    session.send({ type: 'CONFIRM' });

    // "...z numeru, który powinien wyświetlić się panu jako numer banku. Proszę sprawdzić" — "tak, potwierdzam"
    expect(session.prompt.step).toBe('caller-id');
    expect(session.prompt.say).toContain('+48 22 500 60 70');
    expect(session.prompt.say).toContain('„Bank-kredyty”');
    session.send({ type: 'CONFIRM' });

    // "...muszę zadać panu 3 pytania weryfikujące, z których jedno dotyczy pańskiego numeru PESEL.
    // Czy znajduje się pan w bezpiecznym otoczeniu?" — "proszę poczekać, przejdę nieco na bok..."
    expect(session.prompt.step).toBe('safe-place');
    expect(session.prompt.say).toContain('3 pytania weryfikacyjne — jedno z nich dotyczy numeru PESEL');
    session.send({ type: 'HOLD' });
    expect(session.prompt.step).toBe('on-hold');
    session.send({ type: 'RESUME' });
    // "...tak, już jestem w raczej bezpiecznym miejscu"
    expect(session.prompt.step).toBe('safe-place');
    session.send({ type: 'CONFIRM' });

    // "Poproszę o podanie kilku cyfr z pańskiego numeru PESEL, tak żeby nie musiał pan podawać całego numeru."
    expect(session.prompt.step).toBe('pesel-digit');
    expect(session.prompt.say).toBe('Poproszę teraz o 3 wybrane cyfry numeru PESEL — nie o cały numer. Proszę podać piątą cyfrę numeru PESEL.');
    expect(notices).toContainEqual({ type: 'recording', recording: 'pause' });
    // "5. cyfra to?" — "1"
    expect(answerDigit(session)).toBe(5);
    // "8. cyfra to?" — "3"
    expect(session.prompt.say).toBe('Proszę podać ósmą cyfrę numeru PESEL.');
    expect(answerDigit(session)).toBe(8);
    // "a 9.?" — "8"
    expect(session.prompt.say).toBe('Proszę podać dziewiątą cyfrę numeru PESEL.');
    expect(answerDigit(session)).toBe(9);
    expect(session.prompt.step).toBe('verifying');
    expect(session.prompt.actions.map((a) => a.event)).toEqual(['HANG_UP']);
    await session.settled();

    // "zgadza się..." — then the customer checks the bank back.
    expect(session.prompt.step).toBe('mutual');
    expect(session.prompt.say).toContain('Dziękuję, to się zgadza.');
    expect(session.prompt.input).toEqual({ kind: 'positions', max: 2, suggested: [7, 10, 11] });
    expect(session.prompt.revealed).toBeUndefined();

    // "To teraz proszę podać mi 3 ostatnie numery mojego peselu" — but the 9th is one the
    // customer just said: the engine reveals only 10 and 11 and tells the agent why.
    session.send({ type: 'CUSTOMER_ASKS_DIGITS', positions: [9, 10, 11] });
    await session.settled();
    expect(session.prompt.step).toBe('reveal');
    expect(session.prompt.revealed).toEqual([
      { position: 10, digit: JAN_PESEL[9] },
      { position: 11, digit: JAN_PESEL[10] },
    ]);
    expect(session.prompt.say).toBe(
      'Dziewiątą cyfrę podał Pan sam — jej powtórzenie niczego nie dowodzi. Dziesiąta cyfra to 3 i jedenasta cyfra to 4. Czy się zgadza?',
    );
    // "Zgadza się" — "ja też potwierdzam."
    session.send({ type: 'CONFIRM' });

    // The other two of the "3 questions".
    expect(session.prompt.step).toBe('question');
    session.send({ type: 'ANSWER', questionId: 'last-transfer-amount', value: '1250' });
    await session.settled();
    session.send({ type: 'ANSWER', questionId: 'account-opened-year', value: '2009' });
    await session.settled();

    // "Przedstawię teraz panu pozycje, które nas niepokoją."
    expect(session.done).toBe(true);
    expect(session.outcome).toEqual({ kind: 'verified' });
    expect(session.prompt.step).toBe('handoff');

    expect(audit.map((e) => e.type)).toEqual(
      expect.arrayContaining(['challenge-issued', 'challenge-passed', 'mutual-requested', 'digits-revealed', 'mutual-result', 'outcome']),
    );
    expect(audit.find((e) => e.type === 'mutual-requested')?.data).toEqual({
      requested: [9, 10, 11],
      allowed: [10, 11],
      refused: [{ position: 9, reason: 'said' }],
    });
    // The recording was paused around the spoken digits and around the reveal, and resumed after each.
    expect(notices.filter((n) => n.type === 'recording').map((n) => (n as { recording: string }).recording)).toEqual(['pause', 'resume', 'pause', 'resume']);
  });
});
