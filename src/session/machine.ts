import { fromPromise, setup } from 'xstate';
import type { AuditRecord } from '../audit/index.js';
import { mainSteps, type CallScript, type MainStepId } from '../script/index.js';
import { normalizeVerdict } from '../verifier/index.js';
import type { CallContext, CallMachineInput, MachineEvent } from './context.js';
import { assessReveal, revealablePositions } from './mutual.js';
import type { CallOutcome, FailureCause } from './outcome.js';
import { runtimeOf } from './runtime.js';

/** The main steps of a call, as machine state names, in script order. */
export type MainState = 'introduce' | 'confirmPerson' | 'callerId' | 'safePlace' | 'pesel' | 'questions' | 'mutual' | 'vipSubstitute';

/** Events the machine emits; the session stamps them and passes them on. */
export type MachineEmitted = { type: 'audit'; audit: AuditRecord & { step?: string } };

const STATE_OF_STEP: Record<Exclude<MainStepId, 'handoff'>, MainState> = {
  introduce: 'introduce',
  'confirm-person': 'confirmPerson',
  'caller-id': 'callerId',
  'safe-place': 'safePlace',
  'pesel-digit': 'pesel',
  question: 'questions',
  mutual: 'mutual',
  'vip-substitute': 'vipSubstitute',
};

/** The machine states of a script's main steps, in order (`mainSteps` without `handoff`). */
export function mainStates(script: CallScript): MainState[] {
  return mainSteps(script).flatMap((step) => (step === 'handoff' ? [] : [STATE_OF_STEP[step]]));
}

type Verdict = { ok: boolean; locked: boolean };

const checkDigits = fromPromise<Verdict, { positions: number[] }>(async ({ input, system }) => {
  const runtime = runtimeOf(system);
  const answers: Record<number, string> = {};
  for (const position of input.positions) {
    const digit = runtime.vault.digits.get(position);
    if (digit === undefined) throw new Error('an answer is missing');
    answers[position] = digit;
  }
  const verdict = normalizeVerdict(await runtime.verifier.checkDigits(runtime.customerRef, answers));
  // Kept after a verifier failure so RETRY can resend; gone once decided.
  runtime.vault.digits.clear();
  return verdict;
});

const checkAnswer = fromPromise<Verdict, { questionId: string }>(async ({ input, system }) => {
  const runtime = runtimeOf(system);
  const value = runtime.vault.answer;
  if (value === undefined) throw new Error('the answer is missing');
  const verdict = normalizeVerdict(await runtime.verifier.checkAnswer(runtime.customerRef, input.questionId, value));
  runtime.vault.answer = undefined;
  return verdict;
});

const revealDigits = fromPromise<{ positions: number[] }, { positions: number[] }>(async ({ input, system }) => {
  const runtime = runtimeOf(system);
  const digits = await runtime.verifier.revealDigits(runtime.customerRef, [...input.positions]);
  // Fail closed on anything but exactly the asked positions, one digit each.
  const keys = Object.keys(digits ?? {});
  if (keys.length !== input.positions.length) throw new Error('the verifier revealed other positions than asked');
  const revealed = new Map<number, string>();
  for (const position of input.positions) {
    const digit = digits[position];
    if (typeof digit !== 'string' || !/^[0-9]$/.test(digit)) throw new Error('the verifier returned a malformed digit');
    revealed.set(position, digit);
  }
  runtime.vault.revealed = revealed;
  return { positions: [...input.positions] };
});

const machineSetup = setup({
  types: {
    context: {} as CallContext,
    events: {} as MachineEvent,
    input: {} as CallMachineInput,
    emitted: {} as MachineEmitted,
    output: {} as CallOutcome,
  },
  actors: { checkDigits, checkAnswer, revealDigits },
});

// Typed by the machine's setup: context, events and emitted events are checked.
const { assign, emit, enqueueActions } = machineSetup;

const audit = (record: AuditRecord & { step?: string }) => emit({ type: 'audit', audit: record });

type Ctx = { context: CallContext };
type EventOf<T extends MachineEvent['type']> = Extract<MachineEvent, { type: T }>;
/** Narrows an event inside an action attached to `on[type]` (xstate types actions by the whole event union). */
const eventOf = <T extends MachineEvent['type']>(event: MachineEvent, _type: T) => event as EventOf<T>;
type Transition = Record<string, unknown>;

const machines = new WeakMap<CallScript, ReturnType<typeof buildMachine>>();

/**
 * The xstate machine of a script's call flow. One machine per script (cached),
 * shared by all its sessions; everything per call lives in the actor.
 *
 * @example
 * ```ts
 * import { createActor } from 'xstate';
 * const machine = createCallMachine(script);
 * machine.definition.states; // inspect with Stately tooling
 * ```
 */
export function createCallMachine(script: CallScript) {
  const cached = machines.get(script);
  if (cached) return cached;
  const machine = buildMachine(script);
  machines.set(script, machine);
  return machine;
}

function buildMachine(script: CallScript) {
  const order = mainStates(script);
  const next = (state: MainState): string => `#call.${order[order.indexOf(state) + 1] ?? 'verified'}`;
  const answerTimeout = script.pesel.answerTimeoutSeconds * 1000;
  const verifierTimeout = script.verifier.timeoutSeconds * 1000;
  const peselAttempts = script.pesel.attempts;
  const questionAttempts = (context: CallContext) => script.questions[context.question]?.attempts ?? 1;

  const outcome = (value: CallOutcome) =>
    enqueueActions(({ enqueue }) => {
      enqueue.assign({ outcome: value });
      enqueue.emit({ type: 'audit', audit: { type: 'outcome', data: 'reason' in value ? { kind: value.kind, reason: value.reason } : { kind: value.kind } } });
    });
  const end = (target: string, value: CallOutcome): Transition => ({ target: `#call.${target}`, actions: outcome(value) });

  // A wrong attempt: wrong answer, "I don't know" or silence. The same positions
  // (or the same question) are asked again from the start; never re-rolled.
  const failPesel = (cause: FailureCause) =>
    enqueueActions(({ context, enqueue }) => {
      const attempt = context.failures + 1;
      enqueue.assign({ failures: attempt, answered: 0, lastFailure: cause });
      enqueue.emit({ type: 'audit', audit: { type: 'challenge-failed', step: 'pesel-digit', data: { attempt, cause, attemptsLeft: Math.max(0, peselAttempts - attempt) } } });
      if (attempt < peselAttempts && context.challenge) {
        const { positions, strengthBits, avoidRelaxed } = context.challenge;
        enqueue.emit({ type: 'audit', audit: { type: 'challenge-issued', step: 'pesel-digit', data: { positions: [...positions], strengthBits, attempt: attempt + 1, avoidRelaxed } } });
      }
    });
  const failQuestion = (cause: FailureCause) =>
    enqueueActions(({ context, enqueue }) => {
      const attempt = context.failures + 1;
      const questionId = script.questions[context.question]?.id ?? '';
      enqueue.assign({ failures: attempt, lastFailure: cause });
      enqueue.emit({ type: 'audit', audit: { type: 'question-failed', step: 'question', data: { questionId, attempt, cause, attemptsLeft: Math.max(0, questionAttempts(context) - attempt) } } });
    });
  // A passed question: counters reset, and on to the next question when there is one.
  const passQuestion = (advance: boolean) =>
    enqueueActions(({ context, enqueue }) => {
      enqueue.emit({ type: 'audit', audit: { type: 'question-passed', step: 'verifying', data: { questionId: script.questions[context.question]?.id ?? '', attempt: context.failures + 1 } } });
      enqueue.assign({ question: advance ? context.question + 1 : context.question, failures: 0, lastFailure: null, verifierErrors: 0 });
    });
  const lastPesel = ({ context }: Ctx) => context.failures + 1 >= peselAttempts;
  const lastQuestion = ({ context }: Ctx) => context.failures + 1 >= questionAttempts(context);

  const peselFailure = (cause: FailureCause): Transition[] => [
    { guard: lastPesel, target: '#call.failed', actions: [failPesel(cause), outcome({ kind: 'failed', reason: 'challenge-failed' })] },
    { target: '#call.pesel.asking', reenter: true, actions: failPesel(cause) },
  ];
  const questionFailure = (cause: FailureCause): Transition[] => [
    { guard: lastQuestion, target: '#call.failed', actions: [failQuestion(cause), outcome({ kind: 'failed', reason: 'question-failed' })] },
    { target: '#call.questions.asking', reenter: true, actions: failQuestion(cause) },
  ];
  // A verifier that throws, times out or answers nonsense fails closed: nothing
  // is verified, the answers stay in the vault, and the agent may RETRY.
  const verifierFailure = (task: 'digits' | 'answer' | 'reveal', cause: 'error' | 'timeout', errorState: string): Transition[] => [
    {
      guard: ({ context }: Ctx) => context.verifierErrors + 1 >= script.verifier.maxErrors,
      target: '#call.failed',
      actions: [audit({ type: 'verifier-error', step: 'verifying', data: { task, cause } }), outcome({ kind: 'failed', reason: 'verifier-unavailable' })],
    },
    {
      target: errorState,
      actions: [assign({ verifierErrors: ({ context }: Ctx) => context.verifierErrors + 1 }), audit({ type: 'verifier-error', step: 'verifying', data: { task, cause } })],
    },
  ];

  const recording = (value: 'pause' | 'resume', step: string) =>
    enqueueActions(({ context, enqueue }) => {
      const want = value === 'pause' ? 'paused' : 'active';
      if (context.recording === want) return;
      enqueue.assign({ recording: want });
      enqueue.emit({ type: 'audit', audit: { type: 'recording', step, data: { recording: value } } });
    });

  const states: Record<string, unknown> = {
    introduce: { on: { CONFIRM: next('introduce') } },
    confirmPerson: { on: { CONFIRM: next('confirmPerson'), DENY: end('wrongPerson', { kind: 'wrong-person' }) } },
    callerId: {
      on: { CONFIRM: next('callerId'), DENY: end('willCallBack', { kind: 'customer-will-call-back', reason: 'caller-id-mismatch' }) },
    },
    safePlace: {
      initial: 'asking',
      states: {
        asking: {
          on: {
            CONFIRM: { target: next('safePlace'), actions: audit({ type: 'safe-place', data: { safe: true } }) },
            DENY: { target: 'notSafe', actions: audit({ type: 'safe-place', data: { safe: false } }) },
            HOLD: { target: 'onHold', actions: audit({ type: 'hold', data: {} }) },
          },
        },
        notSafe: { on: { HOLD: { target: 'onHold', actions: audit({ type: 'hold', data: {} }) } } },
        onHold: { on: { RESUME: { target: 'asking', actions: audit({ type: 'resume', data: {} }) } } },
      },
    },
    pesel: {
      initial: 'asking',
      entry: [
        enqueueActions(({ context, enqueue }) => {
          if (!context.challenge) return;
          const { positions, strengthBits, avoidRelaxed } = context.challenge;
          enqueue.emit({ type: 'audit', audit: { type: 'challenge-issued', step: 'pesel-digit', data: { positions: [...positions], strengthBits, attempt: context.failures + 1, avoidRelaxed } } });
        }),
        ...(script.pesel.channel === 'voice' ? [recording('pause', 'pesel-digit')] : []),
      ],
      exit: recording('resume', 'pesel-digit'),
      states: {
        asking: {
          after: { [answerTimeout]: peselFailure('timeout') },
          on: {
            ANSWER_DIGIT: [
              {
                guard: ({ context, event }: Ctx & { event: Extract<MachineEvent, { type: 'ANSWER_DIGIT' }> }) =>
                  context.challenge?.positions[context.answered] === event.position,
                target: 'asking',
                reenter: true,
                actions: enqueueActions(({ context, event: raw, enqueue }) => {
                  const event = eventOf(raw, 'ANSWER_DIGIT');
                  enqueue.assign({
                    answered: context.answered + 1,
                    said: context.said.includes(event.position) ? context.said : [...context.said, event.position],
                  });
                  enqueue.emit({ type: 'audit', audit: { type: 'digit-given', step: 'pesel-digit', data: { position: event.position, via: event.via } } });
                }),
              },
            ],
            DONT_KNOW: peselFailure('dont-know'),
            'safecall.restored': { target: 'asking', reenter: true, actions: assign({ answered: 0 }) },
          },
          always: { guard: ({ context }: Ctx) => context.challenge !== null && context.answered >= context.challenge.positions.length, target: 'checking' },
        },
        checking: {
          invoke: {
            id: 'checkDigits',
            src: 'checkDigits',
            input: ({ context }: Ctx) => ({ positions: [...(context.challenge?.positions ?? [])] }),
            onDone: [
              {
                guard: ({ event }: { event: { output: Verdict } }) => event.output.locked,
                target: '#call.locked',
                actions: [
                  enqueueActions(({ context, enqueue }) => {
                    enqueue.emit({ type: 'audit', audit: { type: 'challenge-failed', step: 'verifying', data: { attempt: context.failures + 1, cause: 'wrong', attemptsLeft: 0 } } });
                  }),
                  outcome({ kind: 'locked' }),
                ],
              },
              {
                guard: ({ event }: { event: { output: Verdict } }) => event.output.ok,
                target: next('pesel'),
                actions: enqueueActions(({ context, enqueue }) => {
                  enqueue.emit({ type: 'audit', audit: { type: 'challenge-passed', step: 'verifying', data: { attempt: context.failures + 1 } } });
                  enqueue.assign({ failures: 0, answered: 0, lastFailure: null, verifierErrors: 0 });
                }),
              },
              ...peselFailure('wrong'),
            ],
            onError: verifierFailure('digits', 'error', '#call.pesel.error'),
          },
          after: { [verifierTimeout]: verifierFailure('digits', 'timeout', '#call.pesel.error') },
          on: { 'safecall.restored': { target: 'asking', actions: assign({ answered: 0 }) } },
        },
        error: {
          on: {
            RETRY: 'checking',
            'safecall.restored': { target: 'asking', actions: assign({ answered: 0 }) },
          },
        },
      },
    },
    questions: {
      initial: 'asking',
      states: {
        asking: {
          after: { [answerTimeout]: questionFailure('timeout') },
          on: {
            ANSWER: {
              guard: ({ context, event }: Ctx & { event: Extract<MachineEvent, { type: 'ANSWER' }> }) => script.questions[context.question]?.id === event.questionId,
              target: 'checking',
            },
            DONT_KNOW: questionFailure('dont-know'),
            'safecall.restored': { target: 'asking', reenter: true },
          },
        },
        checking: {
          invoke: {
            id: 'checkAnswer',
            src: 'checkAnswer',
            input: ({ context }: Ctx) => ({ questionId: script.questions[context.question]?.id ?? '' }),
            onDone: [
              {
                guard: ({ event }: { event: { output: Verdict } }) => event.output.locked,
                target: '#call.locked',
                actions: [
                  enqueueActions(({ context, enqueue }) => {
                    const questionId = script.questions[context.question]?.id ?? '';
                    enqueue.emit({ type: 'audit', audit: { type: 'question-failed', step: 'verifying', data: { questionId, attempt: context.failures + 1, cause: 'wrong', attemptsLeft: 0 } } });
                  }),
                  outcome({ kind: 'locked' }),
                ],
              },
              {
                guard: ({ context, event }: Ctx & { event: { output: Verdict } }) => event.output.ok && context.question + 1 < script.questions.length,
                target: 'asking',
                actions: passQuestion(true),
              },
              {
                guard: ({ event }: { event: { output: Verdict } }) => event.output.ok,
                target: next('questions'),
                actions: passQuestion(false),
              },
              ...questionFailure('wrong'),
            ],
            onError: verifierFailure('answer', 'error', '#call.questions.error'),
          },
          after: { [verifierTimeout]: verifierFailure('answer', 'timeout', '#call.questions.error') },
          on: { 'safecall.restored': 'asking' },
        },
        error: { on: { RETRY: 'checking', 'safecall.restored': 'asking' } },
      },
    },
    mutual: {
      initial: 'inviting',
      states: {
        inviting: {
          always: { guard: ({ context }: Ctx) => revealablePositions(context, script.mutual).length === 0, target: next('mutual') },
          on: {
            CUSTOMER_ASKS_DIGITS: [
              {
                guard: ({ context, event }: Ctx & { event: Extract<MachineEvent, { type: 'CUSTOMER_ASKS_DIGITS' }> }) => assessReveal(event.positions, context, script.mutual).reveal,
                target: 'revealing',
                actions: enqueueActions(({ context, event: raw, enqueue }) => {
                  const event = eventOf(raw, 'CUSTOMER_ASKS_DIGITS');
                  const { allowed, refused } = assessReveal(event.positions, context, script.mutual);
                  enqueue.assign({ mutual: { ...context.mutual, pending: allowed, refused } });
                  enqueue.emit({ type: 'audit', audit: { type: 'mutual-requested', step: 'mutual', data: { requested: [...event.positions].sort((a, b) => a - b), allowed, refused } } });
                }),
              },
              {
                target: 'inviting',
                actions: enqueueActions(({ context, event: raw, enqueue }) => {
                  const event = eventOf(raw, 'CUSTOMER_ASKS_DIGITS');
                  const { refused } = assessReveal(event.positions, context, script.mutual);
                  enqueue.assign({ mutual: { ...context.mutual, pending: [], refused } });
                  enqueue.emit({ type: 'audit', audit: { type: 'mutual-requested', step: 'mutual', data: { requested: [...event.positions].sort((a, b) => a - b), allowed: [], refused } } });
                }),
              },
            ],
            DENY: { target: next('mutual'), actions: audit({ type: 'mutual-declined', data: {} }) },
          },
        },
        revealing: {
          invoke: {
            id: 'revealDigits',
            src: 'revealDigits',
            input: ({ context }: Ctx) => ({ positions: [...context.mutual.pending] }),
            onDone: {
              target: 'revealed',
              actions: enqueueActions(({ context, enqueue }) => {
                const positions = [...context.mutual.pending];
                enqueue.assign({ mutual: { ...context.mutual, revealed: [...context.mutual.revealed, ...positions], pending: [] }, verifierErrors: 0 });
                enqueue.emit({ type: 'audit', audit: { type: 'digits-revealed', step: 'reveal', data: { positions } } });
              }),
            },
            onError: verifierFailure('reveal', 'error', '#call.mutual.error'),
          },
          after: { [verifierTimeout]: verifierFailure('reveal', 'timeout', '#call.mutual.error') },
          on: { 'safecall.restored': { target: 'revealing', reenter: true } },
        },
        revealed: {
          entry: recording('pause', 'reveal'),
          exit: recording('resume', 'reveal'),
          on: {
            CONFIRM: { target: next('mutual'), actions: audit({ type: 'mutual-result', data: { matches: true } }) },
            DENY: { target: '#call.failed', actions: [audit({ type: 'mutual-result', data: { matches: false } }), outcome({ kind: 'failed', reason: 'mutual-mismatch' })] },
            // The revealed digits lived only in memory: ask the verifier again for the same positions.
            'safecall.restored': {
              target: 'revealing',
              // One reveal per call, so everything revealed came from the last request.
              actions: assign({ mutual: ({ context }: Ctx) => ({ ...context.mutual, pending: context.mutual.revealed, revealed: [] }) }),
            },
          },
        },
        error: { on: { RETRY: 'revealing' } },
      },
    },
    vipSubstitute: {
      on: { CONFIRM: next('vipSubstitute'), DENY: end('willCallBack', { kind: 'customer-will-call-back', reason: 'vip-doubt' }) },
    },
    callback: {},
    verified: { type: 'final', entry: outcome({ kind: 'verified' }) },
    failed: { type: 'final' },
    locked: { type: 'final' },
    wrongPerson: { type: 'final' },
    callbackScheduled: { type: 'final' },
    willCallBack: { type: 'final' },
    abandoned: { type: 'final' },
  };
  for (const key of ['confirmPerson', 'callerId', 'safePlace', 'pesel', 'questions', 'mutual', 'vipSubstitute'] as const) {
    if (!order.includes(key)) delete states[key];
  }

  return machineSetup.createMachine({
    id: 'call',
    initial: 'introduce',
    context: ({ input }) => ({
      challenge: input.challenge,
      said: [],
      answered: 0,
      failures: 0,
      lastFailure: null,
      question: 0,
      verifierErrors: 0,
      mutual: { pending: [], revealed: [], refused: [] },
      refusal: null,
      recording: 'active',
      outcome: null,
    }),
    output: ({ context }) => context.outcome ?? { kind: 'abandoned', reason: 'hang-up' },
    on: {
      HANG_UP: end('abandoned', { kind: 'abandoned', reason: 'hang-up' }),
      CUSTOMER_WILL_CALL_BACK: end('willCallBack', { kind: 'customer-will-call-back', reason: 'customer-request' }),
      REQUEST_CALLBACK: [
        {
          guard: ({ event }) => eventOf(event, 'REQUEST_CALLBACK').decision.ok,
          target: '#call.callbackScheduled',
          actions: enqueueActions(({ event, enqueue }) => {
            const { decision } = eventOf(event, 'REQUEST_CALLBACK');
            if (!decision.ok) return;
            const { at, spoken, reference } = decision;
            enqueue.emit({ type: 'audit', audit: { type: 'callback-planned', data: { at, reference } } });
            enqueue.assign({ outcome: { kind: 'callback-scheduled', callback: { at, spoken, reference } } });
            enqueue.emit({ type: 'audit', audit: { type: 'outcome', data: { kind: 'callback-scheduled' } } });
          }),
        },
        {
          target: '#call.callback',
          actions: enqueueActions(({ event, enqueue }) => {
            const { decision } = eventOf(event, 'REQUEST_CALLBACK');
            if (decision.ok) return;
            enqueue.assign({ refusal: { reason: decision.reason, suggestions: decision.suggestions.map((slot) => ({ ...slot })) } });
            enqueue.emit({ type: 'audit', audit: { type: 'callback-refused', data: { reason: decision.reason } } });
          }),
        },
      ],
    },
    states: states as never,
  });
}
