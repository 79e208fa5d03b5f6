import { callbackWindow, describeCallback, nextCallbackSlots } from '../callback/index.js';
import type { CallbackSlot, StepId, StepView, VerifierTask } from '../prompts/index.js';
import type { CallScript } from '../script/index.js';
import type { CallContext } from './context.js';
import { mainStates, type MainState } from './machine.js';
import { revealablePositions } from './mutual.js';
import type { Vault } from './runtime.js';

/** `{ safePlace: 'asking' }` → `'safePlace.asking'`. */
export function statePath(value: unknown): string {
  if (typeof value === 'string') return value;
  // The first own key (no entries array: this runs on every transition).
  for (const key in value as Record<string, unknown>) {
    if (Object.hasOwn(value as object, key)) return `${key}.${statePath((value as Record<string, unknown>)[key])}`;
  }
  return '.';
}

const STEP_OF_PATH: Record<string, StepId> = {
  introduce: 'introduce',
  confirmPerson: 'confirm-person',
  callerId: 'caller-id',
  'safePlace.asking': 'safe-place',
  'safePlace.notSafe': 'not-safe',
  'safePlace.onHold': 'on-hold',
  callback: 'callback',
  'pesel.asking': 'pesel-digit',
  'pesel.checking': 'verifying',
  'pesel.error': 'verifier-error',
  'questions.asking': 'question',
  'questions.checking': 'verifying',
  'questions.error': 'verifier-error',
  'mutual.inviting': 'mutual',
  'mutual.revealing': 'verifying',
  'mutual.revealed': 'reveal',
  'mutual.error': 'verifier-error',
  vipSubstitute: 'vip-substitute',
  verified: 'handoff',
};

/** The prompt step of a machine state path. */
export function stepOfPath(path: string): StepId {
  return STEP_OF_PATH[path] ?? 'closing';
}

// STEP_OF_PATH as top state -> child state -> step, to look up state values without building paths.
const STEP_OF_CHILD: Record<string, Record<string, StepId>> = {};
for (const [path, step] of Object.entries(STEP_OF_PATH)) {
  const [top, child] = path.split('.');
  if (child !== undefined) (STEP_OF_CHILD[top!] ??= {})[child] = step;
}

/** `stepOfPath(statePath(value))`, without the string work (internal: runs on every transition). */
export function stepOfValue(value: unknown): StepId {
  if (typeof value === 'string') return stepOfPath(value);
  const top = topState(value);
  const child = (value as Record<string, unknown>)[top];
  if (typeof child !== 'string') return stepOfPath(statePath(value));
  return (Object.hasOwn(STEP_OF_CHILD, top) && Object.hasOwn(STEP_OF_CHILD[top]!, child) ? STEP_OF_CHILD[top]![child] : undefined) ?? stepOfPath(`${top}.${child}`);
}

/** The top-level state of a state value: the first segment of its path. */
export function topState(value: unknown): string {
  if (typeof value === 'string') return value;
  for (const key in value as Record<string, unknown>) if (Object.hasOwn(value as object, key)) return key;
  return '';
}

const TASK_OF: Record<string, VerifierTask> = { pesel: 'digits', questions: 'answer', mutual: 'reveal' };

// mainStates() of each script, computed once (progressOf runs on every transition).
const mainStatesMemo = new WeakMap<CallScript, readonly MainState[]>();
function mainStatesOf(script: CallScript): readonly MainState[] {
  let order = mainStatesMemo.get(script);
  if (!order) mainStatesMemo.set(script, (order = mainStates(script)));
  return order;
}

/**
 * Where the call is in the script's main steps. Detours count as the step they
 * belong to; a callback detour counts as where it was asked (`fallback`).
 */
export function progressOf(path: string, script: CallScript, fallback: number): { index: number; total: number } {
  const order = mainStatesOf(script);
  const total = order.length + 1;
  const dot = path.indexOf('.');
  const top = (dot < 0 ? path : path.slice(0, dot)) as MainState | string;
  const index = order.indexOf(top as MainState);
  if (index >= 0) return { index: index + 1, total };
  if (top === 'callback') return { index: fallback, total };
  return { index: total, total };
}

function slotsFor(script: CallScript, now: number): CallbackSlot[] {
  return nextCallbackSlots(script.callback, now, 3).map((at) => ({ at, spoken: describeCallback(at, script.locale, now, { timeZone: script.callback.timeZone }) }));
}

/** The prompt-facing view of the machine state. */
export function viewOf(path: string, context: CallContext, script: CallScript, vault: Vault, now: number): StepView {
  const step = stepOfPath(path);
  switch (step) {
    case 'not-safe':
      return { step, slots: slotsFor(script, now), window: callbackWindow(script.callback, now) };
    case 'callback':
      return {
        step,
        reason: context.refusal?.reason ?? 'outside-hours',
        slots: context.refusal?.suggestions.map((s) => ({ ...s })) ?? [],
        window: callbackWindow(script.callback, now),
      };
    case 'pesel-digit': {
      const positions = context.challenge?.positions ?? [];
      return {
        step,
        position: positions[context.answered] ?? positions[0] ?? 1,
        index: context.answered,
        count: positions.length,
        attempt: context.failures + 1,
        attempts: script.pesel.attempts,
        retryAfter: context.answered === 0 ? context.lastFailure : null,
      };
    }
    case 'question': {
      const question = script.questions[context.question]!;
      return { step, question, attempt: context.failures + 1, attempts: question.attempts, retryAfter: context.lastFailure };
    }
    case 'mutual':
      return {
        step,
        said: [...context.said],
        suggested: revealablePositions(context, script.mutual),
        max: script.mutual.maxPositions - context.mutual.revealed.length,
        refused: context.mutual.refused.map((r) => ({ ...r })),
      };
    case 'reveal':
      return {
        step,
        revealed: [...vault.revealed].map(([position, digit]) => ({ position, digit })).sort((a, b) => a.position - b.position),
        refused: context.mutual.refused.map((r) => ({ ...r })),
      };
    case 'verifying':
    case 'verifier-error':
      return { step, what: TASK_OF[path.split('.')[0]!] ?? 'digits' };
    case 'closing':
      return { step, outcome: context.outcome ?? { kind: 'abandoned', reason: 'hang-up' } };
    default:
      return { step };
  }
}
