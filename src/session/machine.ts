import { and, assign, emit, enqueueActions, not, setup, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import type { AuditRecord, CallOutcome, CallState, FailureCause, MainStepId, RefusedPosition, StepId, VerifierTask } from '../model/index.js';
import { mainSteps, type CallScript } from '../script/index.js';
import { checkAnswer, checkDigits, closeCall, openCall, resumeCall, revealDigits } from './actors.js';
import { runtimeOf } from './runtime.js';
import { initialContext, type CallContext, type MachineEvent } from './context.js';
import { assessReveal } from './reveal.js';

/** Tags on states: `pending` while the service is asked; `recording-paused` while digits are spoken or typed. */
export type CallTag = 'pending' | 'recording-paused';

/** What each state says about itself: its prompt step, the service call it waits for, its main-step index. */
export interface CallStateMeta {
  step: StepId;
  task?: VerifierTask;
  /** 1-based index among `mainSteps(script)`, on the states of main steps. */
  main?: number;
}

/** Events the machine emits; the session stamps them (time, ids) and passes them to the audit sink. */
export type MachineEmitted = { type: 'audit'; audit: AuditRecord; step?: StepId };

type MainState = 'introduce' | 'vipSubstitute' | 'purpose' | 'callerId' | 'safePlace' | 'connecting' | 'pesel' | 'mutual' | 'questions' | 'handoff';

const STATE_OF: Record<MainStepId, MainState> = {
  introduce: 'introduce',
  'vip-substitute': 'vipSubstitute',
  purpose: 'purpose',
  'caller-id': 'callerId',
  'safe-place': 'safePlace',
  consent: 'pesel',
  'pesel-digit': 'pesel',
  mutual: 'mutual',
  question: 'questions',
  handoff: 'handoff',
};

/**
 * The top-level states a script's call goes through, in order: its main steps,
 * with `connecting` (the service's `open`) before the first step that needs it.
 */
export function flowStates(script: CallScript): MainState[] {
  const states: MainState[] = [];
  for (const step of mainSteps(script)) {
    const state = STATE_OF[step];
    if ((state === 'pesel' || state === 'questions' || state === 'handoff') && !states.includes('connecting')) states.push('connecting');
    if (states[states.length - 1] !== state) states.push(state);
  }
  return states;
}

const machines = new WeakMap<CallScript, ReturnType<typeof buildMachine>>();

/**
 * The xstate machine of a script's call flow: one machine per script (cached),
 * shared by all its sessions; everything per call lives in the actor. States
 * carry `meta.step` (the prompt step) and tags; guards, actions, actors and
 * delays are named, so Stately tooling and `@xstate/graph` read it as is.
 *
 * @example
 * ```ts
 * const machine = createCallMachine(script);
 * machine.getStateNodeById('call.pesel.digits.asking').meta; // { step: 'pesel-digit', main: 7 }
 * ```
 */
export function createCallMachine(script: CallScript) {
  let machine = machines.get(script);
  if (!machine) machines.set(script, (machine = buildMachine(script)));
  return machine;
}

/** The machine type of a session. */
export type CallMachine = ReturnType<typeof createCallMachine>;
/** A snapshot of a call machine. */
export type CallMachineSnapshot = SnapshotFrom<CallMachine>;
/** The actor of a call machine. */
export type CallActor = ActorRefFrom<CallMachine>;

/** What a check changes in the service's state: passes and counted failures. Equal before and after = not counted. */
const checkProgress = (state: CallState) => JSON.stringify([state.passed.pesel, [...state.passed.questions].sort(), state.failures.pesel, state.failures.questions, state.locked !== undefined]);

function buildMachine(script: CallScript) {
  const steps = mainSteps(script);
  const main = (step: MainStepId) => steps.indexOf(step) + 1;
  const flow = flowStates(script);
  const next = (state: MainState) => `#call.${flow[flow.indexOf(state) + 1] ?? 'handoff'}`;
  const has = (state: MainState) => flow.includes(state);
  const question = (context: CallContext) => script.questions[context.question];

  const machineSetup = setup({
    types: {
      context: {} as CallContext,
      events: {} as MachineEvent,
      emitted: {} as MachineEmitted,
      tags: {} as CallTag,
      meta: {} as CallStateMeta,
      output: {} as CallOutcome,
    },
    actors: { openCall, resumeCall, checkDigits, checkAnswer, revealDigits, closeCall },
    delays: {
      /** Silence past this counts as a wrong attempt (DESIGN rule 7). */
      answerTimeout: script.pesel.answerTimeoutSeconds * 1000,
      /** A service call slower than this fails closed. */
      serviceTimeout: script.verifier.timeoutSeconds * 1000,
    },
    guards: {
      /** The call has no outcome yet: leaving it is still possible. */
      ongoing: ({ context }) => context.outcome === null,
      hasCall: ({ context }) => context.call !== null,
      locked: ({ context }) => context.call?.locked !== undefined,
      exhaustedThenEnd: ({ context }) => script.pesel.enabled && context.call?.challenge === null && script.pesel.whenExhausted === 'end',
      exhaustedThenQuestions: ({ context }) => script.pesel.enabled && context.call?.challenge === null && !context.call.passed.pesel,
      expectedDigit: ({ context, event }) => event.type === 'ANSWER_DIGIT' && context.call?.challenge?.[context.answered] === event.position,
      allDigitsGiven: ({ context }) => context.answered >= (context.call?.challenge?.length ?? Infinity),
      peselPassed: ({ context }) => context.call?.passed.pesel === true,
      noPeselAttemptsLeft: ({ context }) => (context.call?.attemptsLeft ?? 0) === 0,
      currentQuestion: ({ context, event }) => event.type === 'ANSWER' && question(context)?.id === event.questionId,
      questionPassed: ({ context }) => context.call?.passed.questions.includes(question(context)?.id ?? '') === true,
      moreQuestions: ({ context }) => context.question + 1 < script.questions.length,
      noQuestionAttemptsLeft: ({ context }) => (context.call?.questionAttemptsLeft[question(context)?.id ?? ''] ?? 0) === 0,
      /** Mutual verification has nothing to offer: no pass, or no position left to reveal. */
      nothingToReveal: ({ context }) => !context.call?.passed.pesel || assessReveal([], context.call, script.mutual).allowed.length === 0,
      revealAllowed: ({ context, event }) => event.type === 'CUSTOMER_ASKS_DIGITS' && context.call !== null && assessReveal(event.positions, context.call, script.mutual).reveal,
      /** The service refused the reveal itself (a rule the desktop could not see, e.g. the disclosure floor). */
      refusedByService: (_, params: { error: unknown }) => (params.error as { code?: unknown } | null)?.code === 'REVEAL_REFUSED',
      /** A refusal that retrying cannot change (the service said no, not "unavailable"). */
      final: (_, params: { error: unknown }) => (params.error as { retryable?: unknown } | null)?.retryable === false,
      verifierGaveUp: ({ context }) => context.verifierErrors + 1 >= script.verifier.maxErrors,
      /** After a failed or lost check: did the service count it? (the state moved on since). */
      counted: ({ context }, params: { state: CallState }) => context.call === null || checkProgress(params.state) !== checkProgress(context.call),
      recordedVerified: (_, params: { state: CallState }) => params.state.outcome?.kind === 'verified',
      /** A wrong answer whose digits or text were lost (a reload): nothing to send again, ask again instead. */
      nothingToResend: ({ context }) => context.cause === 'wrong' && context.answered === 0,
      callbackAccepted: ({ context, event }) => context.outcome === null && event.type === 'REQUEST_CALLBACK' && event.decision.ok,
    },
    actions: {
      audit: emit((_, params: { record: AuditRecord }) => ({ type: 'audit' as const, audit: params.record })),
      /** A main step reached for the first time: progress and its `step-entered` audit. */
      reach: enqueueActions(({ context, enqueue }, params: { index: number; step: MainStepId }) => {
        if (params.index <= context.progress && context.progress !== 0) return;
        enqueue.assign({ progress: params.index });
        if (params.step !== 'handoff') enqueue.emit({ type: 'audit', audit: { type: 'step-entered', data: {} }, step: params.step });
      }),
      /** A detour entered (not-safe, on hold, callback, a service error): its `step-entered` audit. */
      detour: emit((_, params: { step: StepId }) => ({ type: 'audit' as const, audit: { type: 'step-entered' as const, data: {} }, step: params.step })),
      storeCall: assign((_, params: { state: CallState }) => ({ call: params.state, verifierErrors: 0 })),
      end: enqueueActions(({ enqueue }, params: { outcome: CallOutcome; step?: StepId }) => {
        enqueue.assign({ outcome: params.outcome });
        const { outcome } = params;
        const data = 'reason' in outcome ? { kind: outcome.kind, reason: outcome.reason } : { kind: outcome.kind };
        enqueue.emit(params.step ? { type: 'audit', audit: { type: 'outcome', data }, step: params.step } : { type: 'audit', audit: { type: 'outcome', data } });
      }),
      recording: emit((_, params: { recording: 'pause' | 'resume'; step: StepId }) => ({ type: 'audit' as const, step: params.step, audit: { type: 'recording' as const, data: { recording: params.recording } } })),
      setCause: assign((_, params: { cause: FailureCause }) => ({ cause: params.cause })),
      takeDigit: enqueueActions(({ context, event, enqueue }) => {
        if (event.type !== 'ANSWER_DIGIT') return;
        enqueue.assign({ answered: context.answered + 1 });
        enqueue.emit({ type: 'audit', audit: { type: 'digit-given', data: { position: event.position, via: event.via } } });
      }),
      challengeIssued: emit(({ context }) => ({
        type: 'audit' as const,
        step: 'pesel-digit' as const,
        audit: {
          type: 'challenge-issued' as const,
          data: { positions: [...(context.call?.challenge ?? [])], strengthBits: context.call?.challengeBits ?? 0, attempt: context.failures + 1, reissued: context.call?.reissued ?? false },
        },
      })),
      challengeFailed: emit(({ context }) => ({
        type: 'audit' as const,
        audit: { type: 'challenge-failed' as const, data: { attempt: context.failures + 1, cause: context.cause, attemptsLeft: context.call?.attemptsLeft ?? 0 } },
      })),
      challengePassed: emit(({ context }) => ({ type: 'audit' as const, audit: { type: 'challenge-passed' as const, data: { attempt: context.failures + 1 } } })),
      /** The same positions again, from the first: never re-rolled (DESIGN rule 3). */
      retryAttempt: assign(({ context }) => ({ answered: 0, failures: context.failures + 1, lastFailure: context.cause })),
      restartAttempt: assign({ answered: 0 }),
      answerGiven: assign({ answered: 1 }),
      exhausted: emit(() => ({ type: 'audit' as const, audit: { type: 'challenge-exhausted' as const, data: { then: script.pesel.whenExhausted } } })),
      questionFailed: emit(({ context }) => {
        const id = question(context)?.id ?? '';
        return { type: 'audit' as const, audit: { type: 'question-failed' as const, data: { questionId: id, attempt: context.failures + 1, cause: context.cause, attemptsLeft: context.call?.questionAttemptsLeft[id] ?? 0 } } };
      }),
      questionPassed: emit(({ context }) => {
        const id = question(context)?.id ?? '';
        return { type: 'audit' as const, audit: { type: 'question-passed' as const, data: { questionId: id, attempt: context.failures + 1 } } };
      }),
      nextQuestion: assign(({ context }) => ({ question: context.question + 1, failures: 0, lastFailure: null, answered: 0 })),
      clearFailure: assign({ lastFailure: null, answered: 0, failures: 0 }),
      askReveal: enqueueActions(({ context, event, enqueue }) => {
        if (event.type !== 'CUSTOMER_ASKS_DIGITS' || !context.call) return;
        const { allowed, refused } = assessReveal(event.positions, context.call, script.mutual);
        enqueue.assign({ mutual: { pending: allowed, refused } });
        enqueue.emit({ type: 'audit', audit: { type: 'mutual-requested', data: { requested: [...event.positions].sort((a, b) => a - b), allowed, refused } } });
      }),
      refuseReveal: enqueueActions(({ context, event, enqueue }) => {
        if (event.type !== 'CUSTOMER_ASKS_DIGITS' || !context.call) return;
        const { refused } = assessReveal(event.positions, context.call, script.mutual);
        enqueue.assign({ mutual: { pending: [], refused } });
        enqueue.emit({ type: 'audit', audit: { type: 'mutual-requested', data: { requested: [...event.positions].sort((a, b) => a - b), allowed: [], refused } } });
      }),
      /** The service refused what the desktop allowed (the disclosure floor, or a limit it saw first): its reason, in the trail too. */
      refusedByService: enqueueActions(({ context, enqueue }, params: { error: unknown }) => {
        const reason = refusalReasonOf(params.error);
        const refused = context.mutual.pending.map((position): RefusedPosition => ({ position, reason }));
        enqueue.assign({ mutual: { pending: [], refused } });
        enqueue.emit({ type: 'audit', step: 'mutual', audit: { type: 'reveal-refused', data: { refused } } });
      }),
      /** Leaving mutual verification: what was asked and refused there is no longer needed. */
      leaveMutual: assign({ mutual: { pending: [], refused: [] } }),
      revealed: emit(({ context }) => ({
        type: 'audit' as const,
        step: 'reveal' as const,
        audit: { type: 'digits-revealed' as const, data: { positions: [...context.mutual.pending], bitsLeft: context.call?.disclosure.bitsLeft ?? 0 } },
      })),
      /** A reload lost the revealed digits: ask the service again for the same positions. */
      revealAgain: assign(({ context }) => ({ mutual: { pending: [...(context.call?.revealed ?? [])], refused: [] } })),
      countServiceError: assign(({ context }) => ({ verifierErrors: context.verifierErrors + 1 })),
      /** A RETRY after `open` failed or hung asks afresh instead of awaiting the same request. */
      forgetOpening: ({ system }) => {
        runtimeOf(system).opening = undefined;
      },
      serviceError: emit((_, params: { task: VerifierTask; cause: 'error' | 'timeout' }) => ({ type: 'audit' as const, step: 'verifying' as const, audit: { type: 'verifier-error' as const, data: params } })),
      refuseCallback: enqueueActions(({ event, enqueue }) => {
        if (event.type !== 'REQUEST_CALLBACK' || event.decision.ok) return;
        const { reason, suggestions } = event.decision;
        enqueue.assign({ refusal: { reason, suggestions: suggestions.map((slot) => ({ ...slot })) } });
        enqueue.emit({ type: 'audit', audit: { type: 'callback-refused', data: { reason } } });
      }),
      scheduleCallback: enqueueActions(({ event, enqueue }) => {
        if (event.type !== 'REQUEST_CALLBACK' || !event.decision.ok) return;
        const { callback } = event.decision;
        enqueue.emit({ type: 'audit', audit: { type: 'callback-planned', data: { at: callback.at, reference: callback.reference } } });
        enqueue.assign({ outcome: { kind: 'callback-scheduled', callback: { ...callback } } });
        enqueue.emit({ type: 'audit', audit: { type: 'outcome', data: { kind: 'callback-scheduled' } } });
      }),
      holdAudit: emit({ type: 'audit' as const, audit: { type: 'hold' as const, data: {} } }),
      resumed: enqueueActions(({ enqueue }) => {
        enqueue.assign({ afterHold: true });
        enqueue.emit({ type: 'audit', audit: { type: 'resume', data: {} } });
      }),
    },
  });

  const end = (outcome: CallOutcome, step?: StepId) => ({ type: 'end' as const, params: step ? { outcome, step } : { outcome } });
  const audit = (record: AuditRecord) => ({ type: 'audit' as const, params: { record } });
  const storeOutput = { type: 'storeCall' as const, params: ({ event }: { event: { output: CallState } }) => ({ state: event.output }) };

  /** A service call that failed or timed out: fail closed, count it, let the agent RETRY — or give up. */
  const failure = (task: VerifierTask, cause: 'error' | 'timeout', retry: string) => [
    { guard: 'verifierGaveUp' as const, target: '#call.ending', actions: [{ type: 'serviceError' as const, params: { task, cause } }, end({ kind: 'failed', reason: 'verifier-unavailable' })] },
    { target: retry, actions: [{ type: 'countServiceError' as const }, { type: 'serviceError' as const, params: { task, cause } }] },
  ];
  const errorState = (task: VerifierTask, retryTarget: string) => ({
    meta: { step: 'verifier-error' as const, task },
    entry: { type: 'detour' as const, params: { step: 'verifier-error' as const } },
    on: { RETRY: retryTarget, 'safecall.restored': retryTarget },
  });
  const pending = (task: VerifierTask) => ({ tags: ['pending' as const], meta: { step: 'verifying' as const, task } });

  /**
   * After a failed or lost check, or a reload while one was in flight: ask the service
   * whether it counted. Counted → judge the service's answer; not counted and nothing
   * left to send (a reload lost the digits or answer) → ask again; else send it again.
   */
  const resyncState = (task: 'digits' | 'answer', error: string) => ({
    ...pending(task),
    invoke: {
      id: 'resumeCall',
      src: 'resumeCall' as const,
      input: ({ context }: { context: CallContext }) => ({ callId: context.call?.callId ?? '' }),
      onDone: [
        { guard: { type: 'counted' as const, params: ({ event }: { event: { output: CallState } }) => ({ state: event.output }) }, target: 'judging', actions: storeOutput },
        { guard: 'nothingToResend' as const, target: 'asking', actions: storeOutput },
        { target: 'checking' },
      ],
      onError: failure(task, 'error', error),
    },
    after: { serviceTimeout: failure(task, 'timeout', error) },
    on: { 'safecall.restored': { target: 'resyncing', reenter: true } },
  });

  const afterSafePlace = has('safePlace') ? '#call.safePlace' : has('pesel') ? '#call.pesel' : `#call.${flow[flow.indexOf('connecting')] ?? 'handoff'}`;

  return machineSetup.createMachine({
    id: 'call',
    initial: 'introduce',
    context: initialContext,
    output: ({ context }) => context.outcome ?? { kind: 'abandoned', reason: 'hang-up' },
    on: {
      HANG_UP: { guard: 'ongoing', target: '.ending', actions: end({ kind: 'abandoned', reason: 'hang-up' }) },
      CUSTOMER_WILL_CALL_BACK: { guard: 'ongoing', target: '.ending', actions: end({ kind: 'customer-will-call-back', reason: 'customer-request' }) },
      REQUEST_CALLBACK: [
        { guard: 'callbackAccepted', target: '.ending', actions: 'scheduleCallback' },
        { guard: 'ongoing', target: '.callback', actions: 'refuseCallback' },
      ],
    },
    states: {
      introduce: {
        meta: { step: 'introduce', main: main('introduce') },
        entry: { type: 'reach', params: { index: main('introduce'), step: 'introduce' } },
        on: {
          CONFIRM: next('introduce'),
          ...(script.steps.confirmPerson ? { DENY: { target: '#call.ending', actions: end({ kind: 'wrong-person' }) } } : {}),
        },
      },
      ...(has('vipSubstitute')
        ? {
            vipSubstitute: {
              meta: { step: 'vip-substitute' as const, main: main('vip-substitute') },
              entry: { type: 'reach' as const, params: { index: main('vip-substitute'), step: 'vip-substitute' as const } },
              on: {
                CONFIRM: next('vipSubstitute'),
                DENY: { target: '#call.ending', actions: end({ kind: 'customer-will-call-back', reason: 'vip-doubt' }) },
              },
            },
          }
        : {}),
      purpose: {
        meta: { step: 'purpose', main: main('purpose') },
        entry: { type: 'reach', params: { index: main('purpose'), step: 'purpose' } },
        on: { CONFIRM: next('purpose') },
      },
      ...(has('callerId')
        ? {
            callerId: {
              meta: { step: 'caller-id' as const, main: main('caller-id') },
              entry: { type: 'reach' as const, params: { index: main('caller-id'), step: 'caller-id' as const } },
              on: {
                CONFIRM: next('callerId'),
                DENY: { target: '#call.ending', actions: end({ kind: 'customer-will-call-back', reason: 'caller-id-mismatch' }) },
              },
            },
          }
        : {}),
      ...(has('safePlace')
        ? {
            safePlace: {
              meta: { step: 'safe-place' as const, main: main('safe-place') },
              entry: { type: 'reach' as const, params: { index: main('safe-place'), step: 'safe-place' as const } },
              on: {
                CONFIRM: { target: next('safePlace'), actions: audit({ type: 'safe-place', data: { safe: true } }) },
                DENY: { target: '#call.notSafe', actions: audit({ type: 'safe-place', data: { safe: false } }) },
                HOLD: { target: '#call.onHold', actions: 'holdAudit' },
              },
            },
          }
        : {}),
      notSafe: {
        meta: { step: 'not-safe' },
        entry: { type: 'detour', params: { step: 'not-safe' } },
        on: { HOLD: { target: 'onHold', actions: 'holdAudit' } },
      },
      onHold: {
        meta: { step: 'on-hold' },
        entry: { type: 'detour', params: { step: 'on-hold' } },
        on: { RESUME: { target: afterSafePlace, actions: 'resumed' } },
      },
      callback: {
        meta: { step: 'callback' },
        entry: { type: 'detour', params: { step: 'callback' } },
      },
      connecting: {
        initial: 'opening',
        states: {
          opening: {
            ...pending('open'),
            always: { guard: 'hasCall', target: 'routing' },
            invoke: { id: 'openCall', src: 'openCall', onDone: { target: 'routing', actions: storeOutput }, onError: failure('open', 'error', '#call.connecting.error') },
            after: { serviceTimeout: failure('open', 'timeout', '#call.connecting.error') },
            on: { 'safecall.restored': { target: 'opening', reenter: true } },
          },
          routing: {
            always: [
              { guard: 'locked', target: '#call.ending', actions: end({ kind: 'locked' }) },
              { guard: 'exhaustedThenEnd', target: '#call.ending', actions: ['exhausted', end({ kind: 'customer-will-call-back', reason: 'challenge-exhausted' })] },
              ...(has('questions') ? [{ guard: 'exhaustedThenQuestions' as const, target: '#call.questions', actions: 'exhausted' as const }] : []),
              { target: next('connecting') },
            ],
          },
          error: { ...errorState('open', '#call.connecting.opening'), on: { RETRY: { target: '#call.connecting.opening', actions: 'forgetOpening' }, 'safecall.restored': '#call.connecting.opening' } },
        },
      },
      ...(has('pesel')
        ? {
            pesel: {
              initial: 'consent' as const,
              states: {
                consent: {
                  meta: { step: 'consent' as const, main: main('consent') },
                  entry: { type: 'reach' as const, params: { index: main('consent'), step: 'consent' as const } },
                  on: {
                    CONFIRM: { target: 'digits', actions: audit({ type: 'consent', data: { given: true } }) },
                    DENY: { target: '#call.notSafe', actions: audit({ type: 'consent', data: { given: false } }) },
                    HOLD: { target: '#call.onHold', actions: 'holdAudit' as const },
                  },
                },
                digits: {
                  tags: ['recording-paused' as const],
                  entry: [{ type: 'reach' as const, params: { index: main('pesel-digit'), step: 'pesel-digit' as const } }, { type: 'recording' as const, params: { recording: 'pause' as const, step: 'pesel-digit' as const } }, 'challengeIssued' as const],
                  exit: { type: 'recording' as const, params: { recording: 'resume' as const, step: 'pesel-digit' as const } },
                  initial: 'asking' as const,
                  states: {
                    asking: {
                      meta: { step: 'pesel-digit' as const, main: main('pesel-digit') },
                      always: { guard: 'allDigitsGiven' as const, target: 'checking', actions: { type: 'setCause' as const, params: { cause: 'wrong' as const } } },
                      after: { answerTimeout: { target: 'checking', actions: { type: 'setCause' as const, params: { cause: 'timeout' as const } } } },
                      on: {
                        ANSWER_DIGIT: { guard: 'expectedDigit' as const, target: 'asking', reenter: true, actions: 'takeDigit' as const },
                        DONT_KNOW: { target: 'checking', actions: { type: 'setCause' as const, params: { cause: 'dont-know' as const } } },
                        'safecall.restored': { target: 'asking', reenter: true, actions: 'restartAttempt' as const },
                      },
                    },
                    checking: {
                      ...pending('digits'),
                      invoke: {
                        id: 'checkDigits', src: 'checkDigits' as const,
                        input: ({ context }: { context: CallContext }) => ({ callId: context.call?.callId ?? '', positions: (context.call?.challenge ?? []).slice(0, context.answered) }),
                        onDone: { target: 'judging', actions: storeOutput },
                        onError: failure('digits', 'error', '#call.pesel.digits.error'),
                      },
                      after: { serviceTimeout: failure('digits', 'timeout', '#call.pesel.digits.error') },
                      on: { 'safecall.restored': 'resyncing' },
                    },
                    judging: {
                      always: [
                        { guard: 'locked' as const, target: '#call.ending', actions: ['challengeFailed' as const, end({ kind: 'locked' })] },
                        { guard: 'peselPassed' as const, target: next('pesel'), actions: ['challengePassed' as const, 'clearFailure' as const] },
                        { guard: 'noPeselAttemptsLeft' as const, target: '#call.ending', actions: ['challengeFailed' as const, end({ kind: 'failed', reason: 'challenge-failed' })] },
                        { target: 'asking', actions: ['challengeFailed' as const, 'retryAttempt' as const, 'challengeIssued' as const] },
                      ],
                    },
                    error: errorState('digits', '#call.pesel.digits.resyncing'),
                    resyncing: resyncState('digits', '#call.pesel.digits.error'),
                  },
                },
              },
            },
          }
        : {}),
      ...(has('mutual')
        ? {
            mutual: {
              initial: 'inviting' as const,
              states: {
                inviting: {
                  meta: { step: 'mutual' as const, main: main('mutual') },
                  entry: { type: 'reach' as const, params: { index: main('mutual'), step: 'mutual' as const } },
                  always: { guard: 'nothingToReveal' as const, target: next('mutual') },
                  on: {
                    CUSTOMER_ASKS_DIGITS: [{ guard: 'revealAllowed' as const, target: 'revealing', actions: 'askReveal' as const }, { actions: 'refuseReveal' as const }],
                    DENY: { target: next('mutual'), actions: [audit({ type: 'mutual-declined', data: {} }), 'leaveMutual' as const] },
                  },
                },
                revealing: {
                  ...pending('reveal'),
                  invoke: {
                    id: 'revealDigits', src: 'revealDigits' as const,
                    input: ({ context }: { context: CallContext }) => ({ callId: context.call?.callId ?? '', positions: [...context.mutual.pending] }),
                    onDone: { target: 'revealed', actions: [storeOutput, 'revealed' as const] },
                    onError: [
                      { guard: { type: 'refusedByService' as const, params: ({ event }: { event: { error: unknown } }) => ({ error: event.error }) }, target: 'inviting', actions: { type: 'refusedByService' as const, params: ({ event }: { event: { error: unknown } }) => ({ error: event.error }) } },
                      ...failure('reveal', 'error', '#call.mutual.error'),
                    ],
                  },
                  after: { serviceTimeout: failure('reveal', 'timeout', '#call.mutual.error') },
                  on: { 'safecall.restored': { target: 'revealing', reenter: true } },
                },
                revealed: {
                  meta: { step: 'reveal' as const, main: main('mutual') },
                  tags: ['recording-paused' as const],
                  entry: { type: 'recording' as const, params: { recording: 'pause' as const, step: 'reveal' as const } },
                  exit: { type: 'recording' as const, params: { recording: 'resume' as const, step: 'reveal' as const } },
                  on: {
                    CONFIRM: { target: next('mutual'), actions: [audit({ type: 'mutual-result', data: { matches: true } }), 'leaveMutual' as const] },
                    DENY: { target: '#call.ending', actions: [audit({ type: 'mutual-result', data: { matches: false } }), end({ kind: 'failed', reason: 'mutual-mismatch' })] },
                    'safecall.restored': { target: 'revealing', actions: 'revealAgain' as const },
                  },
                },
                error: errorState('reveal', '#call.mutual.revealing'),
              },
            },
          }
        : {}),
      ...(has('questions')
        ? {
            questions: {
              initial: 'asking' as const,
              entry: { type: 'reach' as const, params: { index: main('question'), step: 'question' as const } },
              states: {
                asking: {
                  meta: { step: 'question' as const, main: main('question') },
                  after: { answerTimeout: { target: 'checking', actions: { type: 'setCause' as const, params: { cause: 'timeout' as const } } } },
                  on: {
                    ANSWER: { guard: 'currentQuestion' as const, target: 'checking', actions: [{ type: 'setCause' as const, params: { cause: 'wrong' as const } }, 'answerGiven' as const] },
                    DONT_KNOW: { target: 'checking', actions: { type: 'setCause' as const, params: { cause: 'dont-know' as const } } },
                    'safecall.restored': { target: 'asking', reenter: true },
                  },
                },
                checking: {
                  ...pending('answer'),
                  invoke: {
                    id: 'checkAnswer', src: 'checkAnswer' as const,
                    input: ({ context }: { context: CallContext }) => ({ callId: context.call?.callId ?? '', questionId: question(context)?.id ?? '', empty: context.cause !== 'wrong' }),
                    onDone: { target: 'judging', actions: storeOutput },
                    onError: failure('answer', 'error', '#call.questions.error'),
                  },
                  after: { serviceTimeout: failure('answer', 'timeout', '#call.questions.error') },
                  on: { 'safecall.restored': 'resyncing' },
                },
                judging: {
                  always: [
                    { guard: 'locked' as const, target: '#call.ending', actions: ['questionFailed' as const, end({ kind: 'locked' })] },
                    { guard: and(['questionPassed', 'moreQuestions']), target: 'asking', actions: ['questionPassed' as const, 'nextQuestion' as const] },
                    { guard: 'questionPassed' as const, target: next('questions'), actions: ['questionPassed' as const, 'clearFailure' as const] },
                    { guard: 'noQuestionAttemptsLeft' as const, target: '#call.ending', actions: ['questionFailed' as const, end({ kind: 'failed', reason: 'question-failed' })] },
                    { target: 'asking', actions: ['questionFailed' as const, 'retryAttempt' as const] },
                  ],
                },
                error: errorState('answer', '#call.questions.resyncing'),
                resyncing: resyncState('answer', '#call.questions.error'),
              },
            },
          }
        : {}),
      handoff: {
        initial: 'closing',
        states: {
          closing: {
            ...pending('close'),
            invoke: {
              id: 'closeCall', src: 'closeCall',
              input: ({ context }) => ({ callId: context.call?.callId ?? '', outcome: { kind: 'verified' } }),
              onDone: [
                { guard: { type: 'recordedVerified', params: ({ event }) => ({ state: event.output }) }, target: '#call.verified', actions: storeOutput },
                { target: '#call.ending', actions: end({ kind: 'failed', reason: 'verifier-unavailable' }) },
              ],
              onError: [
                { guard: { type: 'final', params: ({ event }) => ({ error: event.error }) }, target: '#call.ending', actions: end({ kind: 'failed', reason: 'verifier-unavailable' }) },
                ...failure('close', 'error', '#call.handoff.error'),
              ],
            },
            after: { serviceTimeout: failure('close', 'timeout', '#call.handoff.error') },
            on: { 'safecall.restored': { target: 'closing', reenter: true } },
          },
          error: errorState('close', '#call.handoff.closing'),
        },
      },
      verified: {
        type: 'final',
        meta: { step: 'handoff', main: main('handoff') },
        entry: [{ type: 'reach', params: { index: main('handoff'), step: 'handoff' } }, end({ kind: 'verified' }, 'handoff')],
      },
      ending: {
        meta: { step: 'closing' },
        tags: ['pending'],
        always: { guard: not('hasCall'), target: 'ended' },
        invoke: {
          id: 'closeCall', src: 'closeCall',
          input: ({ context }) => ({ callId: context.call?.callId ?? '', outcome: context.outcome ?? { kind: 'abandoned', reason: 'hang-up' } }),
          onDone: 'ended',
          // The call ends either way: a service that missed the outcome lets the call expire unverified.
          onError: { target: 'ended', actions: { type: 'serviceError', params: { task: 'close', cause: 'error' } } },
        },
        after: { serviceTimeout: { target: 'ended', actions: { type: 'serviceError', params: { task: 'close', cause: 'timeout' } } } },
        on: { 'safecall.restored': { target: 'ending', reenter: true } },
      },
      ended: { type: 'final', meta: { step: 'closing' } },
    },
  });
}

const REFUSAL_REASONS: readonly RefusedPosition['reason'][] = ['said', 'birth-date', 'over-limit', 'disclosure'];

/** The reason the service gave for a refused reveal; the disclosure floor when it gave none the desktop knows. */
function refusalReasonOf(error: unknown): RefusedPosition['reason'] {
  const reason = (error as { reason?: unknown } | null)?.reason;
  return REFUSAL_REASONS.find((known) => known === reason) ?? 'disclosure';
}
