import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createCallSession, defineScript, type CallSession } from '../../src/index.js';
import { createVerificationService, memoryStore } from '../../src/server/index.js';
import { connectKeypad, type KeypadEvent, type KeypadSource } from '../../src/session/keypad.js';
import { seededRandom } from '../../src/testing/seeded-random.js';
import { ROOT } from './build.js';

const PESEL = '85031583834';
const script = defineScript(JSON.parse(readFileSync(join(ROOT, 'examples/scripts/fraud-alert.json'), 'utf8')));

/** A softphone stand-in: `press` emits a key to every subscriber. */
function fakePhone() {
  const listeners = new Set<(digit: string) => void>();
  const unsubscribed = vi.fn();
  const source: KeypadSource = {
    subscribe(onDigit) {
      listeners.add(onDigit);
      return () => {
        unsubscribed();
        listeners.delete(onDigit);
      };
    },
  };
  return { source, unsubscribed, press: (key: string) => listeners.forEach((l) => l(key)) };
}

function newCall(): CallSession {
  const service = createVerificationService({
    store: memoryStore(),
    scripts: [script],
    attestationKey: 'keypad-test-attestation-key-0123456789',
    random: seededRandom(7),
    customers: { pesel: () => PESEL, answer: () => undefined },
  });
  return createCallSession(script, { agent: { name: 'Anna Zielińska', id: 'a-1' }, customer: { name: 'Jan Kowalski', ref: 'c-1', form: 'pan' }, verifier: service });
}

async function toDigits(session: CallSession): Promise<void> {
  for (let i = 0; i < 5 && session.prompt.step !== 'pesel-digit'; i++) {
    await session.settled();
    session.send({ type: 'CONFIRM' });
  }
  await session.settled();
  expect(session.prompt.step).toBe('pesel-digit');
}

describe('connectKeypad', () => {
  it('answers each digit prompt with the key, via keypad, and reports only the position', async () => {
    const session = newCall();
    const phone = fakePhone();
    const events: KeypadEvent[] = [];
    const sent = vi.spyOn(session, 'send');
    connectKeypad(session, phone.source, { onKey: (event) => events.push(event) });

    await toDigits(session);
    expect(session.recording).toBe('paused');
    for (const position of [5, 8, 9]) {
      expect(session.prompt.input).toEqual({ kind: 'digit', position });
      phone.press(PESEL[position - 1]!);
    }
    expect(sent.mock.calls.filter(([event]) => event.type === 'ANSWER_DIGIT').map(([event]) => event)).toEqual([
      { type: 'ANSWER_DIGIT', position: 5, digit: '1', via: 'keypad' },
      { type: 'ANSWER_DIGIT', position: 8, digit: '3', via: 'keypad' },
      { type: 'ANSWER_DIGIT', position: 9, digit: '8', via: 'keypad' },
    ]);
    expect(events).toEqual([
      { kind: 'accepted', position: 5 },
      { kind: 'accepted', position: 8 },
      { kind: 'accepted', position: 9 },
    ]);
    await session.settled();
    expect(session.prompt.step).toBe('mutual');
  });

  it('drops keys when no digit is expected, while the service is asked, for * and #, and after the end', async () => {
    const session = newCall();
    const phone = fakePhone();
    const events: KeypadEvent[] = [];
    connectKeypad(session, phone.source, { onKey: (event) => events.push(event) });

    phone.press('4'); // the greeting: nothing is asked
    await toDigits(session);
    phone.press('*');
    phone.press('#');
    phone.press('12');
    phone.press('1');
    phone.press('3');
    phone.press('8');
    expect(session.pending).toBe(true);
    phone.press('7'); // the check is in flight
    await session.settled();
    session.send({ type: 'HANG_UP' });
    await session.settled();
    phone.press('2');
    expect(events).toEqual([
      { kind: 'dropped', reason: 'not-expected' },
      { kind: 'dropped', reason: 'not-a-digit' },
      { kind: 'dropped', reason: 'not-a-digit' },
      { kind: 'dropped', reason: 'not-a-digit' },
      { kind: 'accepted', position: 5 },
      { kind: 'accepted', position: 8 },
      { kind: 'accepted', position: 9 },
      { kind: 'dropped', reason: 'not-expected' },
      { kind: 'dropped', reason: 'ended' },
    ]);
    expect(session.outcome).toEqual({ kind: 'abandoned', reason: 'hang-up' });
  });

  it('never hands the digit to the desktop', async () => {
    const session = newCall();
    const phone = fakePhone();
    const seen: unknown[] = [];
    connectKeypad(session, phone.source, { onKey: (...args) => seen.push(args) });
    await toDigits(session);
    phone.press('1');
    expect(JSON.stringify(seen)).toBe('[[{"kind":"accepted","position":5}]]');
  });

  it('disconnects once, and ignores keys afterwards', async () => {
    const session = newCall();
    const phone = fakePhone();
    const onKey = vi.fn();
    const disconnect = connectKeypad(session, phone.source, { onKey });
    await toDigits(session);
    disconnect();
    disconnect();
    expect(phone.unsubscribed).toHaveBeenCalledTimes(1);
    phone.press('1');
    expect(onKey).not.toHaveBeenCalled();
    expect(session.prompt.input).toEqual({ kind: 'digit', position: 5 });
  });

  it('keeps answering when the feedback callback throws', async () => {
    const session = newCall();
    const phone = fakePhone();
    connectKeypad(session, phone.source, {
      onKey: () => {
        throw new Error('render failed');
      },
    });
    await toDigits(session);
    expect(() => phone.press('1')).not.toThrow();
    expect(session.prompt.input).toEqual({ kind: 'digit', position: 8 });
  });

  it('validates its arguments', () => {
    const session = newCall();
    const phone = fakePhone();
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return (error as { code?: string }).code;
      }
      return undefined;
    };
    expect(code(() => connectKeypad({} as CallSession, phone.source))).toBe('INVALID_ARGUMENT');
    expect(code(() => connectKeypad(session, {} as KeypadSource))).toBe('INVALID_ARGUMENT');
    // A JavaScript caller's source whose subscribe returns nothing to unsubscribe with.
    const nothing: unknown = undefined;
    const noUnsubscribe = { subscribe: (_onDigit: (digit: string) => void) => nothing };
    expect(code(() => connectKeypad(session, noUnsubscribe as KeypadSource))).toBe('INVALID_ARGUMENT');
    session.stop();
  });
});
