import type { CallbackPlanner, CallOutcome, StepId } from '../model/index.js';
import type { StepView } from '../prompts/index.js';
import type { CallScript } from '../script/index.js';
import type { CallMachineSnapshot, CallStateMeta } from './machine.js';
import { assessReveal } from './reveal.js';
import type { Vault } from './vault.js';

/** How a call ends when nothing else was decided: the line dropped. */
export const DEFAULT_OUTCOME: CallOutcome = { kind: 'abandoned', reason: 'hang-up' };

// Shared by every snapshot without a step of its own, so frozen.
const CLOSING: CallStateMeta = Object.freeze({ step: 'closing' });

/**
 * The meta of the active state that has one (exactly one: the leaf). Not
 * memoised: `getMeta()` reads the few active nodes, while a WeakMap entry per
 * snapshot (one per transition) cost more in garbage collection than it saved.
 */
export function metaOf(snapshot: CallMachineSnapshot): CallStateMeta {
  let meta: CallStateMeta | undefined;
  for (const value of Object.values(snapshot.getMeta())) if (value) meta = value;
  return meta ?? CLOSING;
}

/** The prompt step of a snapshot. */
export function stepOf(snapshot: CallMachineSnapshot): StepId {
  return metaOf(snapshot).step;
}

/** Where the call is among the script's main steps; detours report the last main step reached. */
export function progressOf(snapshot: CallMachineSnapshot, total: number): { index: number; total: number } {
  const meta = metaOf(snapshot);
  if (meta.step === 'closing') return { index: total, total };
  return { index: meta.main ?? snapshot.context.progress, total };
}

/** What the prompts need from the machine, the script, the vault and the callback planner. */
export function viewOf(snapshot: CallMachineSnapshot, script: CallScript, vault: Vault, planner: CallbackPlanner | undefined, now: number): StepView {
  const meta = metaOf(snapshot);
  const context = snapshot.context;
  const call = context.call;
  switch (meta.step) {
    case 'safe-place':
      return { step: meta.step, afterHold: context.afterHold, questions: (script.pesel.enabled ? 1 : 0) + script.questions.length };
    case 'not-safe':
      return { step: meta.step, slots: planner?.suggest(script.callback, now, script.locale, 3) ?? [], window: planner?.window(script.callback, now) };
    case 'callback':
      return {
        step: meta.step,
        reason: context.refusal?.reason ?? 'outside-hours',
        slots: context.refusal?.suggestions.map((slot) => ({ ...slot })) ?? [],
        window: planner?.window(script.callback, now),
      };
    case 'consent':
      return { step: meta.step, count: call?.challenge?.length ?? script.pesel.count };
    case 'pesel-digit': {
      const positions = call?.challenge ?? [];
      return {
        step: meta.step,
        position: positions[context.answered] ?? positions[0] ?? 1,
        index: context.answered,
        count: positions.length,
        previous: context.answered > 0 ? (positions[context.answered - 1] ?? null) : null,
        attempt: context.failures + 1,
        attempts: context.failures + Math.max(1, call?.attemptsLeft ?? 1),
        retryAfter: context.answered === 0 ? context.lastFailure : null,
      };
    }
    case 'question': {
      const question = script.questions[context.question]!;
      return {
        step: meta.step,
        question,
        index: context.question,
        attempt: context.failures + 1,
        attempts: context.failures + Math.max(1, call?.questionAttemptsLeft[question.id] ?? 1),
        retryAfter: context.lastFailure,
      };
    }
    case 'mutual': {
      const open = call ? assessReveal([], call, script.mutual) : { allowed: [], refused: [] };
      return {
        step: meta.step,
        said: [...(call?.challenge ?? [])],
        allowed: open.allowed,
        max: script.mutual.maxPositions - (call?.revealed.length ?? 0),
        refused: context.mutual.refused.map((r) => ({ ...r })),
        forbidden: open.refused,
      };
    }
    case 'reveal':
      return { step: meta.step, revealed: vault.revealed(), refused: context.mutual.refused.map((r) => ({ ...r })) };
    case 'verifying':
    case 'verifier-error':
      return { step: meta.step, what: meta.task ?? 'open' };
    case 'closing':
      return { step: meta.step, outcome: context.outcome ?? DEFAULT_OUTCOME };
    default:
      return { step: meta.step };
  }
}
