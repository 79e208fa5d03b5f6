import { describe, expect, it } from 'vitest';
import { defineScript, isSafecallError, restoreCallSession, type CallSession, type CallSessionDeps } from '../../src/index.js';
import { fixedClock, seededRandom } from '../../src/testing/index.js';
import { answerDigit, JAN_PESEL, loadScript, MONDAY_AFTERNOON, peselVerifier, promptTrace, scriptJson, startCall, wrongDigit } from './helpers.js';

const fraudAlert = loadScript('fraud-alert');

type Turn = (session: CallSession) => unknown;

/** The article's call, turn by turn, as the desktop would send it. */
const fullCall: Turn[] = [
  (s) => s.send({ type: 'CONFIRM' }),
  (s) => s.send({ type: 'CONFIRM' }),
  (s) => s.send({ type: 'CONFIRM' }),
  (s) => s.send({ type: 'HOLD' }),
  (s) => s.send({ type: 'RESUME' }),
  (s) => s.send({ type: 'CONFIRM' }),
  (s) => answerDigit(s),
  (s) => answerDigit(s),
  (s) => answerDigit(s),
  (s) => s.send({ type: 'CUSTOMER_ASKS_DIGITS', positions: [9, 10, 11] }),
  (s) => s.send({ type: 'CONFIRM' }),
  (s) => s.send({ type: 'ANSWER', questionId: 'last-transfer-amount', value: '1250' }),
  (s) => s.send({ type: 'ANSWER', questionId: 'account-opened-year', value: '2009' }),
];

async function play(session: CallSession, turns: Turn[], trace: string[]): Promise<void> {
  for (const turn of turns) {
    await turn(session);
    await session.settled();
    trace.push(promptTrace(session));
  }
}

function depsFor(verifier = peselVerifier()): Partial<CallSessionDeps> & Pick<CallSessionDeps, 'agent' | 'customer' | 'verifier'> {
  return {
    agent: { name: 'Anna Zielińska', id: 'agent-17' },
    customer: { name: 'Jan Kowalski', ref: 'cust-4411', form: 'pan' },
    verifier,
    clock: fixedClock(MONDAY_AFTERNOON),
    random: seededRandom(99),
  };
}

describe('snapshot and restore', () => {
  it('restoring at every step of a full call gives the same prompts and outcome as an uninterrupted call', async () => {
    const reference = startCall(fraudAlert, { seed: 7 });
    const expected: string[] = [promptTrace(reference.session)];
    await play(reference.session, fullCall, expected);
    expect(reference.session.outcome).toEqual({ kind: 'verified' });

    for (let k = 0; k <= fullCall.length; k++) {
      const verifier = peselVerifier();
      const { session } = startCall(fraudAlert, { seed: 7, verifier });
      const before: string[] = [];
      await play(session, fullCall.slice(0, k), before);
      const saved = JSON.parse(JSON.stringify(session.snapshot())) as unknown;
      session.stop();

      const restored = restoreCallSession(fraudAlert, saved, depsFor(verifier));
      await restored.settled();
      // Digits of an unfinished attempt lived only in memory: the same attempt
      // restarts at its first position and the customer repeats them.
      while (promptTrace(restored) !== expected[k] && restored.prompt.step === 'pesel-digit') {
        answerDigit(restored);
        await restored.settled();
      }
      expect(promptTrace(restored), `restored after turn ${k}`).toBe(expected[k]);
      const after: string[] = [];
      await play(restored, fullCall.slice(k), after);
      expect(after, `continued after turn ${k}`).toEqual(expected.slice(k + 1));
      expect(restored.outcome).toEqual({ kind: 'verified' });
    }
  });

  it('a restore after a failed attempt grants no new attempt and no new positions', async () => {
    const { session } = startCall(fraudAlert);
    for (let i = 0; i < 4; i++) session.send({ type: 'CONFIRM' });
    const positions = session.snapshot().context.challenge!.positions;
    for (const position of positions) session.send({ type: 'ANSWER_DIGIT', position, digit: wrongDigit(JAN_PESEL, position) });
    await session.settled();
    expect(session.prompt.note).toContain('Próba 2 z 2');

    const restored = restoreCallSession(fraudAlert, JSON.parse(JSON.stringify(session.snapshot())), depsFor());
    expect(restored.prompt.step).toBe('pesel-digit');
    expect(restored.prompt.note).toContain('Próba 2 z 2');
    expect(restored.snapshot().context.challenge!.positions).toEqual(positions);
    expect(restored.prompt.input).toEqual({ kind: 'digit', position: positions[0] });
    for (const position of positions) restored.send({ type: 'ANSWER_DIGIT', position, digit: wrongDigit(JAN_PESEL, position) });
    await restored.settled();
    expect(restored.outcome).toEqual({ kind: 'failed', reason: 'challenge-failed' });
  });

  it('restoring the same snapshot twice gives no second chance either', async () => {
    const { session } = startCall(fraudAlert);
    for (let i = 0; i < 4; i++) session.send({ type: 'CONFIRM' });
    session.send({ type: 'DONT_KNOW' });
    const saved = JSON.stringify(session.snapshot());
    for (let i = 0; i < 2; i++) {
      const restored = restoreCallSession(fraudAlert, JSON.parse(saved), depsFor());
      restored.send({ type: 'DONT_KNOW' });
      expect(restored.outcome).toEqual({ kind: 'failed', reason: 'challenge-failed' });
    }
  });

  it('a snapshot holds no digit, no answer and no name', async () => {
    const { session } = startCall(fraudAlert);
    const snapshots: string[] = [];
    for (const turn of fullCall) {
      await turn(session);
      await session.settled();
      snapshots.push(JSON.stringify(session.snapshot()));
    }
    for (const json of snapshots) {
      expect(json).not.toContain('1250');
      expect(json).not.toContain('2009');
      expect(json).not.toContain('Kowalski');
      expect(json).not.toMatch(/"digit"/);
      expect(json.length).toBeLessThan(2048);
    }
  });

  it('a snapshot from another script version is refused unless migrated', () => {
    const { session } = startCall(fraudAlert);
    session.send({ type: 'CONFIRM' });
    const saved = session.snapshot();
    const v4 = defineScript({ ...scriptJson('fraud-alert'), version: 4 });
    try {
      restoreCallSession(v4, saved, depsFor());
      expect.unreachable();
    } catch (error) {
      expect(isSafecallError(error, 'SNAPSHOT_MISMATCH')).toBe(true);
      expect((error as Error).message).toContain('"fraud-alert" v3, not "fraud-alert" v4');
    }
    const migrated = restoreCallSession(v4, saved, depsFor(), { migrate: (s) => ({ ...s, script: { id: 'fraud-alert', version: 4 } }) });
    expect(migrated.prompt.step).toBe('confirm-person');
    expect(() => restoreCallSession(v4, saved, depsFor(), { migrate: (s) => s })).toThrow(/migrate returned a snapshot for "fraud-alert" v3/);
  });

  it('a malformed snapshot or one naming a state the script lacks is INVALID_SNAPSHOT', () => {
    const { session } = startCall(fraudAlert);
    const saved = session.snapshot();
    for (const bad of [null, {}, { ...saved, format: 2 }, { ...saved, state: 'nowhere' }, { ...saved, state: 'pesel' }, { ...saved, context: { ...saved.context, failures: 7 } }]) {
      expect(() => restoreCallSession(fraudAlert, bad, depsFor())).toThrow(expect.objectContaining({ code: 'INVALID_SNAPSHOT' }));
    }
    const loan = loadScript('loan-offer');
    expect(() => restoreCallSession(loan, { ...saved, script: { id: 'loan-offer', version: 1 }, state: 'mutual.inviting' }, depsFor())).toThrow(
      expect.objectContaining({ code: 'INVALID_SNAPSHOT' }),
    );
  });

  it('a restored call in the middle of a reveal asks the verifier again for the same positions only', async () => {
    const { session } = startCall(fraudAlert, { seed: 7 });
    for (const turn of fullCall.slice(0, 10)) {
      await turn(session);
      await session.settled();
    }
    expect(session.prompt.step).toBe('reveal');
    const revealed = session.prompt.revealed;
    const asked: number[][] = [];
    const verifier = peselVerifier();
    const spy = { ...verifier, revealDigits: async (_ref: string, positions: number[]) => (asked.push(positions), JAN_PESEL_DIGITS(positions)) };
    const restored = restoreCallSession(fraudAlert, session.snapshot(), depsFor(spy));
    await restored.settled();
    expect(asked).toEqual([[10, 11]]);
    expect(restored.prompt.revealed).toEqual(revealed);
    expect(restored.recording).toBe('paused');
  });
});

function JAN_PESEL_DIGITS(positions: number[]): Record<number, string> {
  return Object.fromEntries(positions.map((p) => [p, JAN_PESEL[p - 1]!]));
}
