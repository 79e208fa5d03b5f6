import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafecallError, type SessionEventInput } from 'safecall-pl';
import { ANSWERS, flush, fraudAlert, JAN_PESEL, loanOffer, startCall, vipSubstitute } from './helpers.js';

/*
 * A scripted desktop sending anything in any order — right and wrong digits,
 * answers, forged xstate events, callbacks, silence — against the real
 * service. Whatever it does: only typed errors, digits shown only as the rules
 * allow, and the desktop's outcome is the one the service recorded.
 */

type Action = { kind: 'send'; event: unknown } | { kind: 'right-digit' } | { kind: 'wrong-digit' } | { kind: 'right-answer' } | { kind: 'ask-allowed' } | { kind: 'wait'; ms: number };

const position = fc.integer({ min: 0, max: 12 });
const event: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('CONFIRM', 'DENY', 'HOLD', 'RESUME', 'DONT_KNOW', 'RETRY', 'CUSTOMER_WILL_CALL_BACK').map((type) => ({ type })),
  fc.record({ type: fc.constant('ANSWER_DIGIT'), position, digit: fc.constantFrom('0', '5', '9', 'x', '12'), via: fc.constantFrom('voice', 'keypad') }),
  fc.record({ type: fc.constant('ANSWER'), questionId: fc.constantFrom('account-opened-year', 'home-city', 'advisor-meeting-city', 'nope'), value: fc.string({ maxLength: 8 }) }),
  fc.record({ type: fc.constant('CUSTOMER_ASKS_DIGITS'), positions: fc.uniqueArray(position, { maxLength: 4 }) }),
  fc.record({ type: fc.constant('REQUEST_CALLBACK'), inMinutes: fc.integer({ min: -5, max: 30_000 }) }),
  fc.record({ type: fc.constant('REQUEST_CALLBACK'), at: fc.constantFrom('2026-11-23T16:00', '2026-11-29T12:00', 'tomorrow') }),
  fc.constantFrom(null, 42, { type: 'safecall.restored' }, { type: 'xstate.done.actor.checkDigits', output: { ok: true } }, { type: 'xstate.done.actor.closeCall', output: {} }, {}),
);
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 2, arbitrary: event.map((e) => ({ kind: 'send' as const, event: e })) },
  { weight: 4, arbitrary: fc.constant({ kind: 'send' as const, event: { type: 'CONFIRM' } }) },
  { weight: 6, arbitrary: fc.constant({ kind: 'right-digit' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'wrong-digit' as const }) },
  { weight: 4, arbitrary: fc.constant({ kind: 'right-answer' as const }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'ask-allowed' as const }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((ms) => ({ kind: 'wait' as const, ms })) },
);

describe.each([fraudAlert, loanOffer, vipSubstitute])('random desktops against $id', (script) => {
  it('throw only typed errors, reveal only what the rules allow, and end with the outcome the service recorded', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 20, maxLength: 45 }), async (actions) => {
        const call = startCall(script);
        const { session, audit, service, clock } = call;
        for (const a of actions) {
          if (a.kind === 'wait') {
            clock.advance(a.ms);
          } else {
            const input = session.prompt.input;
            let sent: unknown = a.kind === 'send' ? a.event : { type: 'CONFIRM' };
            if ((a.kind === 'right-digit' || a.kind === 'wrong-digit') && input?.kind === 'digit') {
              const right = JAN_PESEL[input.position - 1]!;
              sent = { type: 'ANSWER_DIGIT', position: input.position, digit: a.kind === 'right-digit' ? right : String((Number(right) + 1) % 10) };
            } else if (a.kind === 'right-answer' && input?.kind === 'answer') {
              sent = { type: 'ANSWER', questionId: input.questionId, value: ANSWERS[input.questionId] };
            } else if (a.kind === 'ask-allowed' && input?.kind === 'positions' && input.allowed.length) {
              sent = { type: 'CUSTOMER_ASKS_DIGITS', positions: input.allowed.slice(0, input.max) };
            }
            try {
              session.send(sent as SessionEventInput);
            } catch (error) {
              if (!isSafecallError(error)) throw error;
              expect(['INVALID_EVENT', 'EVENT_NOT_ALLOWED']).toContain(error.code);
            }
          }
          await session.settled();
          const revealed = session.prompt.revealed;
          if (revealed) {
            expect(session.prompt.step).toBe('reveal');
            const state = await service.resume(session.callId!);
            expect(state.passed.pesel).toBe(true);
            expect(revealed.length).toBeLessThanOrEqual(script.mutual.maxPositions);
            for (const { position, digit } of revealed) {
              expect(state.challenge ?? []).not.toContain(position);
              if (!script.mutual.allowBirthDate) expect(position).toBeGreaterThan(6);
              expect(digit).toBe(JAN_PESEL[position - 1]);
            }
          } else {
            expect(session.prompt.step).not.toBe('reveal');
          }
        }
        if (!session.done) session.send({ type: 'HANG_UP' });
        await session.settled();
        await flush();
        expect(session.done).toBe(true);
        expect(audit.filter((e) => e.type === 'outcome')).toHaveLength(1);
        expect(audit.at(-1)?.type).toBe('outcome');
        const callId = session.callId ?? call.server.events.find((e) => e.type === 'call-opened')?.callId;
        if (callId) {
          const status = await service.status(callId);
          expect(status.state.failures.pesel).toBeLessThanOrEqual(script.pesel.attempts);
          // The desktop says verified exactly when the service recorded it.
          expect(session.outcome?.kind === 'verified').toBe(status.outcome?.kind === 'verified');
          if (status.outcome) expect(status.outcome).toEqual(session.outcome);
        }
      }),
      { numRuns: 60 },
    );
  });
});
