import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafecallError, OUTCOME_KINDS, type CallSession, type SessionEventInput } from '../../src/index.js';
import { simulatedClock } from '../../src/testing/index.js';
import { ANSWERS, JAN_PESEL, loadScript, MONDAY_AFTERNOON, startCall } from './helpers.js';

type Action =
  | { kind: 'send'; event: unknown }
  | { kind: 'right-digit' }
  | { kind: 'wrong-digit' }
  | { kind: 'right-answer' }
  | { kind: 'wait'; ms: number };

const position = fc.integer({ min: 0, max: 12 });
const event: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('CONFIRM', 'DENY', 'HOLD', 'RESUME', 'DONT_KNOW', 'RETRY', 'CUSTOMER_WILL_CALL_BACK').map((type) => ({ type })),
  fc.record({ type: fc.constant('ANSWER_DIGIT'), position, digit: fc.constantFrom('0', '5', '9', 'x', '12'), via: fc.constantFrom('voice', 'keypad') }),
  fc.record({ type: fc.constant('ANSWER'), questionId: fc.constantFrom('last-transfer-amount', 'account-opened-year', 'advisor-meeting-city', 'nope'), value: fc.string({ maxLength: 8 }) }),
  fc.record({ type: fc.constant('CUSTOMER_ASKS_DIGITS'), positions: fc.array(position, { maxLength: 5 }) }),
  fc.oneof(
    fc.record({ type: fc.constant('REQUEST_CALLBACK'), inMinutes: fc.integer({ min: -5, max: 30_000 }) }),
    fc.record({ type: fc.constant('REQUEST_CALLBACK'), at: fc.constantFrom('2026-11-23T16:00', '2026-11-29T12:00', '2026-11-23T13:30:00Z', 'tomorrow', '2026-13-45T99:99', 'next monday at 10') }),
  ),
  fc.constantFrom(null, 42, 'CONFIRM', { type: 'safecall.restored' }, { type: 'xstate.done.actor.checkDigits', output: { ok: true } }, {}),
);
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: event.map((e) => ({ kind: 'send' as const, event: e })) },
  { weight: 4, arbitrary: fc.constant({ kind: 'right-digit' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'wrong-digit' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'right-answer' as const }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((ms) => ({ kind: 'wait' as const, ms })) },
);

function toEvent(session: CallSession, a: Action): unknown {
  if (a.kind === 'send') return a.event;
  const input = session.prompt.input;
  if ((a.kind === 'right-digit' || a.kind === 'wrong-digit') && input?.kind === 'digit') {
    const right = JAN_PESEL[input.position - 1]!;
    return { type: 'ANSWER_DIGIT', position: input.position, digit: a.kind === 'right-digit' ? right : String((Number(right) + 1) % 10) };
  }
  if (a.kind === 'right-answer' && input?.kind === 'answer') return { type: 'ANSWER', questionId: input.questionId, value: ANSWERS[input.questionId] };
  return { type: 'CONFIRM' };
}

describe.each(['fraud-alert', 'loan-offer', 'vip-substitute'])('random event sequences against %s', (name) => {
  const script = loadScript(name);

  it('throw nothing but SafecallError, never reveal before a pass, and always end with an outcome after HANG_UP', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 40 }), fc.integer({ min: 1, max: 1000 }), async (actions, seed) => {
        const clock = simulatedClock(MONDAY_AFTERNOON);
        const { session, audit } = startCall(script, { clock, seed });
        for (const a of actions) {
          if (a.kind === 'wait') {
            clock.advance(a.ms);
          } else {
            try {
              session.send(toEvent(session, a) as SessionEventInput);
            } catch (error) {
              if (!isSafecallError(error)) throw error;
              expect(['INVALID_EVENT', 'EVENT_NOT_ALLOWED']).toContain(error.code);
            }
          }
          await session.settled();
          if (session.prompt.revealed) {
            const passed = audit.findIndex((e) => e.type === 'challenge-passed');
            const revealed = audit.findIndex((e) => e.type === 'digits-revealed');
            expect(passed).toBeGreaterThanOrEqual(0);
            expect(passed).toBeLessThan(revealed);
            for (const { position } of session.prompt.revealed) {
              expect(session.snapshot().context.said).not.toContain(position);
              if (!script.mutual.allowBirthDate) expect(position).toBeGreaterThan(6);
            }
            expect(session.prompt.revealed.length).toBeLessThanOrEqual(script.mutual.maxPositions);
          }
          const failed = audit.filter((e) => e.type === 'challenge-failed').length;
          expect(failed).toBeLessThanOrEqual(script.pesel.attempts);
        }
        if (!session.done) session.send({ type: 'HANG_UP' });
        expect(session.done).toBe(true);
        expect(OUTCOME_KINDS).toContain(session.outcome?.kind);
        expect(audit.at(-1)?.type).toBe('outcome');
        expect(audit.filter((e) => e.type === 'outcome')).toHaveLength(1);
      }),
      { numRuns: 150 },
    );
  });
});
