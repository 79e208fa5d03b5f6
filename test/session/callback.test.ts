import { describe, expect, it } from 'vitest';
import { actionEvent } from '../../src/index.js';
import { fixedClock } from '../../src/testing/index.js';
import { loadScript, startCall } from './helpers.js';

const fraudAlert = loadScript('fraud-alert');

function toNotSafe(clockIso: string) {
  const harness = startCall(fraudAlert, { clock: fixedClock(clockIso) });
  const { session } = harness;
  session.send({ type: 'CONFIRM' });
  session.send({ type: 'CONFIRM' });
  session.send({ type: 'CONFIRM' });
  session.send({ type: 'DENY' });
  return harness;
}

describe('callbacks from a call', () => {
  it('"not safe — call me back in 15 minutes" plans the exact instant and the sentence the agent says', () => {
    // Monday 23 November 2026, 14:00 in Warsaw.
    const { session, audit } = toNotSafe('2026-11-23T13:00:00Z');
    expect(session.prompt.step).toBe('not-safe');
    expect(session.prompt.say).toBe(
      'Rozumiem. Możemy poczekać, aż przejdzie Pan w spokojne miejsce, albo zadzwonię później, na przykład dziś o 14:05. Może też Pan sam zadzwonić na numer +48 22 500 60 70.',
    );
    session.send({ type: 'REQUEST_CALLBACK', inMinutes: 15 });
    expect(session.done).toBe(true);
    const outcome = session.outcome;
    expect(outcome?.kind).toBe('callback-scheduled');
    if (outcome?.kind !== 'callback-scheduled') return;
    expect(outcome.callback.at).toBe('2026-11-23T13:15:00.000Z');
    expect(outcome.callback.spoken).toBe('dziś o 14:15');
    expect(outcome.callback.reference).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{3}$/);
    expect(session.prompt.say).toBe(
      `Zadzwonimy dziś o 14:15 z tego samego numeru, +48 22 500 60 70. Numer referencyjny to ${outcome.callback.reference} — może go Pan podać, dzwoniąc do nas. Do usłyszenia.`,
    );
    expect(audit.find((e) => e.type === 'callback-planned')?.data).toEqual({ at: '2026-11-23T13:15:00.000Z', reference: outcome.callback.reference });
  });

  it('offers the nearest slots as buttons that send a complete event', () => {
    const { session } = toNotSafe('2026-11-23T13:00:00Z');
    const slotButtons = session.prompt.actions.filter((a) => a.event === 'REQUEST_CALLBACK');
    expect(slotButtons.length).toBeGreaterThan(0);
    expect(slotButtons[0]!.label).toBe('Oddzwonić dziś o 14:05');
    const input = session.prompt.input;
    expect(input?.kind).toBe('callback-time');
    const button = slotButtons[0]!;
    session.send(actionEvent(button));
    expect(session.outcome).toMatchObject({ kind: 'callback-scheduled', callback: { spoken: 'dziś o 14:05' } });
  });

  it('a time outside business hours is refused with the nearest allowed slots, and a slot can then be chosen', () => {
    // Saturday 28 November 2026, 14:50 in Warsaw: Saturday hours end at 15:00.
    const { session, audit } = toNotSafe('2026-11-28T13:50:00Z');
    session.send({ type: 'REQUEST_CALLBACK', inMinutes: 30 });
    expect(session.done).toBe(false);
    expect(session.prompt.step).toBe('callback');
    expect(session.prompt.say).toMatch(/^Niestety nie możemy wtedy zadzwonić: to poza naszymi godzinami pracy\. Najbliższe możliwe terminy to /);
    expect(session.prompt.say).toContain('w poniedziałek, 30 listopada, o 8:00');
    expect(audit.find((e) => e.type === 'callback-refused')?.data).toEqual({ reason: 'outside-hours' });
    const monday = session.prompt.actions.find((a) => a.label.includes('w poniedziałek'));
    expect(monday?.event).toBe('REQUEST_CALLBACK');
    session.send(actionEvent(monday!));
    expect(session.outcome).toMatchObject({ kind: 'callback-scheduled', callback: { at: '2026-11-30T07:00:00.000Z', spoken: 'w poniedziałek, 30 listopada, o 8:00' } });
  });

  it('a Sunday or a public holiday is refused as a closed day', () => {
    // Wednesday 11 November 2026 is Independence Day; the request is for noon that day.
    const { session } = toNotSafe('2026-11-10T13:00:00Z');
    session.send({ type: 'REQUEST_CALLBACK', at: '2026-11-11T12:00' });
    expect(session.prompt.step).toBe('callback');
    expect(session.prompt.say).toContain('tego dnia nie pracujemy');
  });

  it('with no time given, the first free slot is planned', () => {
    const { session } = toNotSafe('2026-11-23T13:00:00Z');
    session.send({ type: 'REQUEST_CALLBACK' });
    expect(session.outcome).toMatchObject({ kind: 'callback-scheduled', callback: { at: '2026-11-23T13:05:00.000Z' } });
  });

  it('a customer may ask for a callback at other steps too, e.g. during the introduction', () => {
    const { session } = startCall(fraudAlert);
    session.send({ type: 'REQUEST_CALLBACK', inMinutes: 60 });
    expect(session.outcome).toMatchObject({ kind: 'callback-scheduled', callback: { spoken: 'dziś o 15:00' } });
  });
});
