import { SafecallError } from '../core/errors.js';
import type { StepId } from '../prompts/index.js';
import type { CallScript } from '../script/index.js';
import { statePath, stepOfPath, type CallOutcome } from '../session/index.js';
import type { PathEvent } from './pathEvents.js';
import { countTotal, join, routes, simplePaths, walk, type Route, type Walk } from './pathWalk.js';

/**
 * Options of {@link scriptPaths}.
 *
 * @example
 * ```ts
 * scriptPaths(script, { challenge: [7, 8, 9] });
 * ```
 */
export interface ScriptPathsOptions {
  /**
   * `'per-step'` (default): every route through each main step, each joined
   * to one representative route before and after it. `'all'`: every full
   * path — the product of the per-step routes, which for a script with
   * mutual verification and two questions runs into tens of millions.
   */
  mode?: 'per-step' | 'all';
  /** `'all'` refuses scripts with more paths than this. Default 20,000. */
  maxPaths?: number;
  /** The PESEL positions the call asks. Default: picked as a session does, with `seededRandom(seed)`. */
  challenge?: readonly number[];
  /** Seeds the default challenge; `simulateCall` with the same seed asks the same positions. Default 1. */
  seed?: number;
}

/**
 * One path through a script's call flow, from the first prompt to the end
 * of the call. `states[i]` and `steps[i]` describe the i-th state; `events[i]`
 * leads from `states[i]` to `states[i + 1]`.
 *
 * @example
 * ```ts
 * const [path] = scriptPaths(script);
 * path.steps[0]; // 'introduce'
 * path.events[0]; // { type: 'HANG_UP' }: the customer hung up at once
 * ```
 */
export interface ScriptPath {
  /** Prompt step of every state (`stepOfPath`), e.g. `'pesel-digit'`. */
  steps: StepId[];
  /** Machine state of every state, e.g. `'pesel.asking'`. */
  states: string[];
  /** What happened between states: customer and agent events, verifier answers, timeouts. */
  events: PathEvent[];
  /** The outcome the call recorded; `null` if it ended (or got stuck) without one — a bug to assert against. */
  outcome: CallOutcome | null;
  /** Whether the last state is final (the call ended). */
  ended: boolean;
  /**
   * Which events this path exists for (`events.slice(from, to)`): the route
   * through one main step that only this path takes. Events before and after
   * it are a representative route in and out of that step.
   */
  explored: { from: number; to: number };
}

/**
 * Path counts of a script, from {@link countScriptPaths}.
 *
 * @example
 * ```ts
 * const { perStep, total } = countScriptPaths(script);
 * ```
 */
export interface ScriptPathCounts {
  /** Paths `scriptPaths(script)` returns in `'per-step'` mode. */
  perStep: number;
  /** Every distinct full path (what `'all'` mode would return). */
  total: number;
  /** Points where a main step (or the next question) starts afresh. */
  checkpoints: number;
}

function toScriptPath(route: Route, explored: { from: number; to: number }): ScriptPath {
  const last = route.states[route.states.length - 1]!;
  const states = route.states.map((state) => statePath(state.value));
  return {
    steps: states.map(stepOfPath),
    states,
    events: route.events,
    outcome: last.context.outcome,
    ended: last.status !== 'active',
    explored,
  };
}


/**
 * Every distinct path through a script's call flow, found with xstate's graph
 * package (`@xstate/graph`'s `getSimplePaths`) over the session's real
 * machine, so authors can assert invariants over all of them.
 *
 * What happens at each state is offered as concrete events (see
 * `offerEvents`): the customer's possible answers, every verifier answer
 * (pass, fail, locked, error), every timeout, hang-ups and callbacks. A path
 * never repeats a state, except that a customer may step aside once.
 *
 * Full enumeration multiplies the routes through every step (fraud-alert:
 * about 26 million paths), so by default the flow is cut where each main step
 * — and each question — starts afresh, every route through each step is
 * enumerated, and each is joined to one representative route before and after
 * it (`explored` says which part a path is for). Because the machine's
 * future depends only on its state, every transition, every route through a
 * step and every way a call can end appears in some path. `mode: 'all'` gives
 * the full product for small scripts.
 *
 * @example
 * ```ts
 * for (const path of scriptPaths(script)) {
 *   expect(path.ended && path.outcome).toBeTruthy();
 * }
 * ```
 */
export function scriptPaths(script: CallScript, options: ScriptPathsOptions = {}): ScriptPath[] {
  const w = walk(script, options);
  if (options.mode === 'all') return allPaths(script, w, options.maxPaths ?? 20_000);
  if (options.mode !== undefined && options.mode !== 'per-step') throw new SafecallError('INVALID_ARGUMENT', `mode must be 'per-step' or 'all'`);
  const { prefix, suffix } = routes(w);
  const paths: ScriptPath[] = [];
  for (const key of w.order) {
    const before = prefix(key);
    if (!before) continue;
    for (const path of w.checkpoints.get(key)!.paths) {
      const after = path.end.kind === 'checkpoint' ? suffix(path.end.key) : undefined;
      const route = after ? join(join(before, path), after) : join(before, path);
      paths.push(toScriptPath(route, { from: before.events.length, to: before.events.length + path.events.length }));
    }
  }
  return paths;
}

function allPaths(script: CallScript, w: Walk, maxPaths: number): ScriptPath[] {
  const total = countTotal(w);
  if (total > maxPaths) {
    throw new SafecallError('INVALID_ARGUMENT', `script "${script.id}" v${script.version} has ${total} distinct paths, more than maxPaths (${maxPaths}); use mode 'per-step'`);
  }
  return simplePaths(script, w.graph, w.initial, w.graph.ended).map((route) => toScriptPath(route, { from: 0, to: route.events.length }));
}

/**
 * How many paths a script has: what `scriptPaths` returns per step, and the
 * number of distinct full paths (computed, not enumerated).
 *
 * @example
 * ```ts
 * countScriptPaths(script); // { perStep: 5450, total: 25884507, checkpoints: 13 }
 * ```
 */
export function countScriptPaths(script: CallScript, options: Omit<ScriptPathsOptions, 'mode' | 'maxPaths'> = {}): ScriptPathCounts {
  const w = walk(script, options);
  let perStep = 0;
  for (const entry of w.checkpoints.values()) perStep += entry.paths.length;
  return { perStep, total: countTotal(w), checkpoints: w.checkpoints.size };
}
