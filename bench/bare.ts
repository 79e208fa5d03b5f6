/**
 * The baseline: the fraud-alert call flow as a bare xstate v5 machine written
 * by hand. Same states (incl. the detours a call may take), the same
 * transitions, the same `after` timeouts, and the same three invoked promise
 * actors calling the same in-memory verifier — but no validation, no prompts,
 * no audit, no vault, no snapshot bookkeeping. Context is what the flow needs
 * to run: which digit is next, which question, how many failures.
 */
import { assign, createActor, fromPromise, setup, type AnyActorRef } from 'xstate';
import { instantVerifier } from './fixtures.js';

interface BareContext {
  customerRef: string;
  positions: number[];
  answered: number;
  said: number[];
  failures: number;
  question: number;
  questions: number;
  pending: number[];
  revealed: number[];
}

type BareEvent =
  | { type: 'CONFIRM' }
  | { type: 'DENY' }
  | { type: 'HOLD' }
  | { type: 'RESUME' }
  | { type: 'DONT_KNOW' }
  | { type: 'RETRY' }
  | { type: 'HANG_UP' }
  | { type: 'CUSTOMER_WILL_CALL_BACK' }
  | { type: 'ANSWER_DIGIT'; position: number; digit: string }
  | { type: 'ANSWER'; questionId: string; value: string }
  | { type: 'CUSTOMER_ASKS_DIGITS'; positions: number[] };

const ANSWER_TIMEOUT = 120_000;
const VERIFIER_TIMEOUT = 10_000;
const ATTEMPTS = 2;

// The digits/answer are kept beside the actor, as any real implementation must.
const digitsOf = new WeakMap<object, Record<number, string>>();

const bareSetup = setup({
  types: { context: {} as BareContext, events: {} as BareEvent, input: {} as { customerRef: string; positions: number[]; questions: number } },
  actors: {
    checkDigits: fromPromise<boolean, { ref: string; answers: Record<number, string> }>(async ({ input }) => (await instantVerifier.checkDigits(input.ref, input.answers)) === true),
    revealDigits: fromPromise<Record<number, string>, { ref: string; positions: number[] }>(async ({ input }) => await instantVerifier.revealDigits(input.ref, input.positions)),
    checkAnswer: fromPromise<boolean, { ref: string; questionId: string; value: string }>(
      async ({ input }) => (await instantVerifier.checkAnswer(input.ref, input.questionId, input.value)) === true,
    ),
  },
});

export const bareMachine = bareSetup.createMachine({
  id: 'call',
  initial: 'introduce',
  context: ({ input }) => ({
    customerRef: input.customerRef,
    positions: input.positions,
    answered: 0,
    said: [],
    failures: 0,
    question: 0,
    questions: input.questions,
    pending: [],
    revealed: [],
  }),
  on: {
    HANG_UP: '.abandoned',
    CUSTOMER_WILL_CALL_BACK: '.willCallBack',
  },
  states: {
    introduce: { on: { CONFIRM: 'confirmPerson' } },
    confirmPerson: { on: { CONFIRM: 'callerId', DENY: 'wrongPerson' } },
    callerId: { on: { CONFIRM: 'safePlace', DENY: 'willCallBack' } },
    safePlace: {
      initial: 'asking',
      states: {
        asking: { on: { CONFIRM: '#call.pesel', DENY: 'notSafe', HOLD: 'onHold' } },
        notSafe: { on: { HOLD: 'onHold' } },
        onHold: { on: { RESUME: 'asking' } },
      },
    },
    pesel: {
      initial: 'asking',
      states: {
        asking: {
          after: { [ANSWER_TIMEOUT]: [{ guard: ({ context }) => context.failures + 1 >= ATTEMPTS, target: '#call.failed' }, { target: 'asking', reenter: true, actions: assign({ failures: ({ context }) => context.failures + 1, answered: 0 }) }] },
          on: {
            ANSWER_DIGIT: {
              guard: ({ context, event }) => context.positions[context.answered] === (event as { position: number }).position,
              target: 'asking',
              reenter: true,
              actions: assign({ answered: ({ context }) => context.answered + 1, said: ({ context, event }) => [...context.said, (event as { position: number }).position] }),
            },
            DONT_KNOW: [{ guard: ({ context }) => context.failures + 1 >= ATTEMPTS, target: '#call.failed' }, { target: 'asking', reenter: true, actions: assign({ failures: ({ context }) => context.failures + 1, answered: 0 }) }],
          },
          always: { guard: ({ context }) => context.answered >= context.positions.length, target: 'checking' },
        },
        checking: {
          invoke: {
            src: 'checkDigits',
            input: ({ context, self }) => ({ ref: context.customerRef, answers: digitsOf.get(self) ?? {} }),
            onDone: [
              { guard: ({ event }) => event.output, target: '#call.mutual', actions: assign({ failures: 0, answered: 0 }) },
              { guard: ({ context }) => context.failures + 1 >= ATTEMPTS, target: '#call.failed' },
              { target: 'asking', actions: assign({ failures: ({ context }) => context.failures + 1, answered: 0 }) },
            ],
            onError: 'error',
          },
          after: { [VERIFIER_TIMEOUT]: 'error' },
        },
        error: { on: { RETRY: 'checking' } },
      },
    },
    mutual: {
      initial: 'inviting',
      states: {
        inviting: {
          always: { guard: ({ context }) => context.revealed.length >= 2, target: '#call.questions' },
          on: {
            CUSTOMER_ASKS_DIGITS: { target: 'revealing', actions: assign({ pending: ({ event }) => (event as { positions: number[] }).positions }) },
            DENY: '#call.questions',
          },
        },
        revealing: {
          invoke: {
            src: 'revealDigits',
            input: ({ context }) => ({ ref: context.customerRef, positions: context.pending }),
            onDone: { target: 'revealed', actions: assign({ revealed: ({ context }) => context.pending, pending: [] }) },
            onError: 'error',
          },
          after: { [VERIFIER_TIMEOUT]: 'error' },
        },
        revealed: { on: { CONFIRM: '#call.questions', DENY: '#call.failed' } },
        error: { on: { RETRY: 'revealing' } },
      },
    },
    questions: {
      initial: 'asking',
      states: {
        asking: {
          after: { [ANSWER_TIMEOUT]: [{ guard: ({ context }) => context.failures + 1 >= ATTEMPTS, target: '#call.failed' }, { target: 'asking', reenter: true, actions: assign({ failures: ({ context }) => context.failures + 1 }) }] },
          on: {
            ANSWER: 'checking',
            DONT_KNOW: [{ guard: ({ context }) => context.failures + 1 >= ATTEMPTS, target: '#call.failed' }, { target: 'asking', reenter: true, actions: assign({ failures: ({ context }) => context.failures + 1 }) }],
          },
        },
        checking: {
          invoke: {
            src: 'checkAnswer',
            input: ({ context }) => ({ ref: context.customerRef, questionId: String(context.question), value: '' }),
            onDone: [
              { guard: ({ context, event }) => event.output && context.question + 1 < context.questions, target: 'asking', actions: assign({ question: ({ context }) => context.question + 1, failures: 0 }) },
              { guard: ({ event }) => event.output, target: '#call.verified' },
              { guard: ({ context }) => context.failures + 1 >= ATTEMPTS, target: '#call.failed' },
              { target: 'asking', actions: assign({ failures: ({ context }) => context.failures + 1 }) },
            ],
            onError: 'error',
          },
          after: { [VERIFIER_TIMEOUT]: 'error' },
        },
        error: { on: { RETRY: 'checking' } },
      },
    },
    callback: {},
    verified: { type: 'final' },
    failed: { type: 'final' },
    locked: { type: 'final' },
    wrongPerson: { type: 'final' },
    callbackScheduled: { type: 'final' },
    willCallBack: { type: 'final' },
    abandoned: { type: 'final' },
  },
});

export type BareActor = ReturnType<typeof startBare>;

/** `createActor(...).start()` of the bare machine. */
export function startBare(n = 0, positions: number[] = [7, 8, 9]) {
  return createActor(bareMachine, { input: { customerRef: `c-${n}`, positions, questions: 2 } }).start();
}

function isPending(actor: AnyActorRef): boolean {
  const value = actor.getSnapshot().value as string | Record<string, string>;
  if (typeof value === 'string') return false;
  const child = Object.values(value)[0];
  return child === 'checking' || child === 'revealing';
}

/** The same wait as `session.settled()`: resolves once the invoked verifier call is done. */
export function bareSettled(actor: AnyActorRef): Promise<void> {
  if (!isPending(actor)) return Promise.resolve();
  return new Promise((resolve) => {
    const subscription = actor.subscribe(() => {
      if (!isPending(actor)) {
        subscription.unsubscribe();
        resolve();
      }
    });
  });
}

/**
 * The fraud-alert call on the bare machine: the same 11 customer events and
 * 4 verifier answers (15 transitions) as `playVerifiedCall` on a session.
 */
export async function playBareCall(n = 0): Promise<void> {
  const positions = [7, 8, 9];
  const actor = startBare(n, positions);
  const digits: Record<number, string> = {};
  digitsOf.set(actor, digits);
  for (let i = 0; i < 4; i++) actor.send({ type: 'CONFIRM' }); // introduce, confirm person, caller id, safe place
  for (const position of positions) {
    digits[position] = String(position);
    actor.send({ type: 'ANSWER_DIGIT', position, digit: String(position) });
  }
  await bareSettled(actor);
  actor.send({ type: 'CUSTOMER_ASKS_DIGITS', positions: [11, 10] });
  await bareSettled(actor);
  actor.send({ type: 'CONFIRM' }); // the revealed digits match
  for (let q = 0; q < 2; q++) {
    actor.send({ type: 'ANSWER', questionId: String(q), value: '250' });
    await bareSettled(actor);
  }
  if (!actor.getSnapshot().matches('verified')) throw new Error(`bare call ended in ${JSON.stringify(actor.getSnapshot().value)}`);
}

/** A bare actor mid-call: main steps confirmed, first digit given (as `sessionMidCall`). */
export function bareMidCall(n = 0) {
  const actor = startBare(n);
  digitsOf.set(actor, { 7: '3' });
  for (let i = 0; i < 4; i++) actor.send({ type: 'CONFIRM' });
  actor.send({ type: 'ANSWER_DIGIT', position: 7, digit: '3' });
  return actor;
}
