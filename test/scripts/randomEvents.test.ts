import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callbackPlanner } from '../../src/callback/index.js';
import { createCallSession, isSafecallError, type AuditEvent, type CallScript, type CallSession, type SessionEventInput } from '../../src/index.js';
import { seededRandom, SIMULATION_START, simulatedClock, simulationService } from '../../src/testing/index.js';
import { exampleScript } from './checkScript.js';

/*
 * Random event sequences against the real verification service, in-process:
 * whatever a desktop sends — valid events, events that do not fit the step,
 * malformed objects, xstate's own events — the session throws nothing but a
 * SafecallError, changes nothing when it refuses an event, never lets a digit
 * or an answer into its snapshot or audit trail, and ends verified only when
 * the service's own status says so.
 */

const PESEL = '85031583834';
const ANSWERS: Record<string, string> = { 'account-opened-year': '2009', 'home-city': 'Zakopane-7731', 'advisor-meeting-city': 'Sopot-1188' };
const SECRET = /"(digit|digits|value|answer)":|:"\d"|"\d{11}"|Zakopane|Sopot|2009/;

/** A step of the property: an event as sent, the right answer to what is asked, or silence. */
type Move = { kind: 'send'; event: unknown } | { kind: 'right' } | { kind: 'wait'; seconds: number };

const position = fc.integer({ min: 1, max: 11 });
const valid: fc.Arbitrary<SessionEventInput> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ type: 'CONFIRM' as const }) },
  fc.constantFrom<SessionEventInput>({ type: 'DENY' }, { type: 'HOLD' }, { type: 'RESUME' }, { type: 'DONT_KNOW' }, { type: 'RETRY' }, { type: 'HANG_UP' }, { type: 'CUSTOMER_WILL_CALL_BACK' }),
  fc.record({ type: fc.constant('REQUEST_CALLBACK' as const), inMinutes: fc.integer({ min: 0, max: 3000 }) }),
  fc.record({ type: fc.constant('ANSWER_DIGIT' as const), position, digit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), via: fc.constantFrom('voice' as const, 'keypad' as const) }),
  fc.record({ type: fc.constant('ANSWER' as const), questionId: fc.constantFrom('account-opened-year', 'home-city', 'advisor-meeting-city', 'other'), value: fc.string({ maxLength: 12 }) }),
  fc.record({ type: fc.constant('CUSTOMER_ASKS_DIGITS' as const), positions: fc.uniqueArray(position, { minLength: 1, maxLength: 4 }) }),
);
const invalid: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.record({ type: fc.constantFrom('ANSWER_DIGIT', 'CUSTOMER_ASKS_DIGITS', 'REQUEST_CALLBACK'), position: fc.integer(), digit: fc.string(), positions: fc.array(fc.integer()) }),
  fc.constantFrom(
    { type: 'safecall.restored' },
    { type: 'xstate.done.actor.checkDigits', output: { passed: { pesel: true, questions: [] } } },
    { type: 'xstate.done.actor.closeCall', output: { outcome: { kind: 'verified' } } },
    { type: 'CONFIRM', extra: true },
  ),
);
/** Events that neither end the call nor fail an attempt on their own. */
const harmless: fc.Arbitrary<SessionEventInput> = fc.oneof(
  fc.constantFrom<SessionEventInput>({ type: 'HOLD' }, { type: 'RESUME' }, { type: 'RETRY' }, { type: 'CONFIRM' }),
  fc.record({ type: fc.constant('CUSTOMER_ASKS_DIGITS' as const), positions: fc.uniqueArray(position, { minLength: 1, maxLength: 4 }) }),
);
/** A customer who knows the answers, among a desktop's noise: most calls get to the end of verification. */
const cooperative: fc.Arbitrary<Move> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Move>({ kind: 'right' }) },
  { weight: 2, arbitrary: harmless.map((event): Move => ({ kind: 'send', event })) },
  { weight: 2, arbitrary: invalid.map((event): Move => ({ kind: 'send', event })) },
);
const move: fc.Arbitrary<Move> = fc.oneof(
  { weight: 6, arbitrary: valid.map((event): Move => ({ kind: 'send', event })) },
  { weight: 4, arbitrary: fc.constant<Move>({ kind: 'right' }) },
  { weight: 2, arbitrary: invalid.map((event): Move => ({ kind: 'send', event })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 200 }).map((seconds): Move => ({ kind: 'wait', seconds })) },
);

/** The event a customer who knows the answers sends for the current prompt. */
function rightAnswer(session: CallSession): SessionEventInput {
  const input = session.prompt.input;
  if (input?.kind === 'digit') return { type: 'ANSWER_DIGIT', position: input.position, digit: PESEL[input.position - 1]! };
  if (input?.kind === 'answer') return { type: 'ANSWER', questionId: input.questionId, value: ANSWERS[input.questionId] ?? '' };
  if (input?.kind === 'positions') return { type: 'CUSTOMER_ASKS_DIGITS', positions: input.allowed.slice(0, Math.max(1, input.max)) };
  const step = session.prompt.step;
  if (step === 'verifier-error') return { type: 'RETRY' };
  if (step === 'on-hold') return { type: 'RESUME' };
  if (step === 'not-safe') return { type: 'HOLD' };
  return { type: 'CONFIRM' };
}

async function play(script: CallScript, moves: readonly Move[], seed: number): Promise<string | undefined> {
  const clock = simulatedClock(SIMULATION_START);
  const service = simulationService(script, { pesel: PESEL, answers: ANSWERS, seed, now: clock.now });
  const audit: AuditEvent[] = [];
  const session = createCallSession(script, {
    agent: { name: 'Anna Zielińska', id: 'agent-17', form: 'pani' },
    customer: { name: 'Jan Kowalski', ref: 'customer-sim', form: 'pan' },
    verifier: service,
    clock,
    random: seededRandom(seed),
    callbacks: callbackPlanner(),
    audit: (event) => void audit.push(event),
  });
  // Every call to the in-process service is an invoked child of the session: none left means all answered.
  const settle = () => session.settled();
  await settle();
  for (const step of moves) {
    if (session.done) break;
    if (step.kind === 'wait') {
      clock.advance(step.seconds * 1000);
      await settle();
      continue;
    }
    const event = step.kind === 'right' ? rightAnswer(session) : step.event;
    const actorBefore = session.actor.getSnapshot();
    const before = JSON.stringify(session.snapshot());
    try {
      // A deliberately untyped event: what a scripted or edited desktop could send.
      session.send(event as SessionEventInput);
    } catch (error) {
      expect(isSafecallError(error), String(error)).toBe(true);
      expect(session.actor.getSnapshot()).toBe(actorBefore);
      expect(JSON.stringify(session.snapshot())).toBe(before);
      continue;
    }
    await settle();
  }
  expect(SECRET.test(JSON.stringify(session.snapshot())), JSON.stringify(session.snapshot())).toBe(false);
  for (const event of audit) expect(SECRET.test(JSON.stringify(event)), JSON.stringify(event)).toBe(false);
  if (session.outcome?.kind === 'verified') {
    const status = await service.status(session.callId!);
    expect(status.outcome).toEqual({ kind: 'verified' });
  }
  session.stop();
  return session.outcome?.kind;
}

describe.each(['fraud-alert', 'vip-substitute'])('random events on %s', (name) => {
  const script = exampleScript(name);
  const property = (moves: fc.Arbitrary<Move[]>, outcomes: Set<string | undefined>) =>
    fc.asyncProperty(moves, fc.integer({ min: 1, max: 1000 }), async (list, seed) => {
      outcomes.add(await play(script, list, seed));
    });

  it('any events: throw nothing but SafecallError, change nothing when refused, leak nothing, verify only with the service', async () => {
    const outcomes = new Set<string | undefined>();
    await fc.assert(property(fc.array(move, { minLength: 1, maxLength: 40 }), outcomes), { numRuns: 60 });
    expect(outcomes.size).toBeGreaterThan(1);
  });

  it('a customer who knows the answers, among noise: the same, and calls do get verified', async () => {
    const outcomes = new Set<string | undefined>();
    await fc.assert(property(fc.array(cooperative, { minLength: 20, maxLength: 60 }), outcomes), { numRuns: 40 });
    // The runs reached verified calls: the last property is not vacuous.
    expect(outcomes).toContain('verified');
  });
});
