import { getSimplePaths, joinPaths } from '@xstate/graph';
import * as z from 'zod/mini';
import { pickChallenge, SafecallError, type CallOutcome, type CallScript, type CallState, type StepId } from '../index.js';
import { positionsSchema, type AuditRecord } from '../model/index.js';
import { parseOrThrow, stepOf, type CallMachineSnapshot } from '../session/internal.js';
import { countTotal } from './countPaths.js';
import type { DelayName, PathEvent } from './pathEvents.js';
import { exitsOf, forEachRoute, isSimple } from './routes.js';
import { seededRandom } from './seeded-random.js';
import { listenerOf } from './serviceAnswers.js';
import { transplant, walkScript, type CallPath, type Walk } from './walkScript.js';

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
   * `'per-step'` (default): every route between consecutive checkpoints (a
   * main step, the next question or attempt, the handoff, a step-aside
   * detour, the closing), each joined to one representative way in and out —
   * fraud-alert: 5,582 paths. `'all'`: every full path — the product of
   * those routes: fraud-alert has about 3.3 × 10^14, loan-offer 15.7 million.
   */
  mode?: 'per-step' | 'all';
  /** `'all'` refuses scripts with more paths than this. Default 20,000. */
  maxPaths?: number;
  /** The PESEL positions the service issues. Default: what `simulateCall` with the same seed is issued. */
  challenge?: readonly number[];
  /** Seeds the default challenge as `simulateCall` seeds the service. Default 1. */
  seed?: number;
}

/**
 * An audit record along a path: the state it was emitted on the way into
 * (`at`, an index into `states`) and the prompt step the session files it under.
 *
 * @example
 * ```ts
 * path.audit.filter((a) => a.record.type === 'challenge-failed').length;
 * ```
 */
export interface PathAudit {
  at: number;
  step: StepId;
  record: AuditRecord;
}

/**
 * One path through a script's call flow, from the first prompt to the end
 * of the call. `states[i]`, `steps[i]`, `recording[i]` and `calls[i]` describe
 * the i-th state; `events[i]` leads from `states[i]` to `states[i + 1]`.
 *
 * @example
 * ```ts
 * const [path] = scriptPaths(script);
 * path.steps[0]; // 'introduce'
 * path.events[0]; // { type: 'HANG_UP' }: the customer hung up at once
 * ```
 */
export interface ScriptPath {
  /** Prompt step of every state, e.g. `'pesel-digit'`. */
  steps: StepId[];
  /** Machine state of every state, e.g. `'pesel.digits.asking'`. */
  states: string[];
  /** Whether call recording is paused in every state (digits are spoken or typed). */
  recording: ('active' | 'paused')[];
  /** The verification service's state of the call as the machine holds it in every state; `null` before `open` answered. */
  calls: (CallState | null)[];
  /** What happened between states: customer and agent events, service answers and failures, timeouts. */
  events: PathEvent[];
  /** Every audit record the machine emitted along the path (the session adds time and ids). */
  audit: PathAudit[];
  /** The outcome the call recorded; `null` if it ended (or got stuck) without one — a bug to assert against. */
  outcome: CallOutcome | null;
  /** Whether the last state is final (the call ended). */
  ended: boolean;
  /**
   * Which events this path exists for (`events.slice(from, to)`): the route
   * between two checkpoints that only this path takes. Events before and after
   * it are a representative way in and out.
   */
  explored: { from: number; to: number };
  /** The script's named delays in milliseconds, for reading timeouts. */
  delays: Readonly<Record<DelayName, number>>;
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
  /** Paths `scriptPaths(script)` returns in `'per-step'` mode (routes no full path can take left out). */
  perStep: number;
  /** Every distinct full path (what `'all'` mode would return), computed rather than enumerated; exact up to 2^53. */
  total: number;
  /** Checkpoints (distinct by their future) the flow is cut at. */
  checkpoints: number;
}

const optionsSchema = z.strictObject({
  mode: z.optional(z.enum(['per-step', 'all'])),
  maxPaths: z.optional(z.int().check(z.minimum(1), z.maximum(10_000_000))),
  challenge: z.optional(positionsSchema.check(z.minLength(1), z.maxLength(4))),
  seed: z.optional(z.int()),
});

/** The challenge the service issues a new customer, drawn as the service draws it. */
function challengeFor(script: CallScript, options: ScriptPathsOptions): readonly number[] | null {
  if (!script.pesel.enabled) return null;
  if (options.challenge) return [...options.challenge].sort((a, b) => a - b);
  return pickChallenge({
    count: script.pesel.count,
    minStrengthBits: script.pesel.minStrengthBits,
    threat: listenerOf(script, []),
    avoid: [],
    stale: [],
    random: seededRandom(options.seed ?? 1),
  });
}

/** `{ pesel: { digits: 'asking' } }` → `'pesel.digits.asking'`. */
function statePath(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return '';
  const [key, inner] = Object.entries(value)[0] ?? ['', undefined];
  return inner === undefined ? key : `${key}.${statePath(inner)}`;
}

/** A path of the graph package as a {@link ScriptPath}, replayed from the first state so every state is the one its events lead to. */
function toScriptPath(walk: Walk, path: CallPath, explored: { from: number; to: number }, delays: ScriptPath['delays']): ScriptPath {
  const { machine } = walk;
  const events = path.steps.slice(1).map((step) => step.event);
  const states: CallMachineSnapshot[] = [machine.initial];
  for (const event of events) states.push(machine.next(states[states.length - 1]!, event));
  const steps = states.map(stepOf);
  const audit: PathAudit[] = [];
  states.forEach((state, at) => {
    // The session files a record under the step it was emitted from, unless the machine names one.
    for (const { record, step } of machine.emitted(state)) audit.push({ at, step: step ?? steps[Math.max(0, at - 1)]!, record });
  });
  const last = states[states.length - 1]!;
  return {
    steps,
    states: states.map((state) => statePath(state.value)),
    recording: states.map((state) => (state.hasTag('recording-paused') ? 'paused' : 'active')),
    calls: states.map((state) => state.context.call),
    events,
    audit,
    outcome: last.context.outcome,
    ended: last.status !== 'active',
    explored,
    delays,
  };
}

function delaysOf(script: CallScript): ScriptPath['delays'] {
  return Object.freeze({ answerTimeout: script.pesel.answerTimeoutSeconds * 1000, serviceTimeout: script.verifier.timeoutSeconds * 1000 });
}

/**
 * Every distinct path through a script's call flow, found with xstate's graph
 * package over the session's real machine (`@xstate/graph`'s
 * `getSimplePaths`, `getShortestPaths` and `joinPaths`), so authors can
 * assert invariants over all of them.
 *
 * What happens at each state is offered as concrete events in xstate's own
 * shapes: the customer's possible answers, every kind of answer the
 * verification service can give to each call (`xstate.done.actor.<id>` with
 * its `CallState`), its failures (`xstate.error.actor.<id>`), the named
 * timeouts (`xstate.after.<delay>.<state id>`), hang-ups and callbacks.
 *
 * Full enumeration multiplies the routes through every step (fraud-alert:
 * about 3.3 × 10^14 paths), so by default the flow is cut at checkpoints —
 * where a main step, the next question or the next attempt starts afresh,
 * where the handoff asks the service to record the call, where the customer
 * steps aside, and where the call closes —,
 * every route between consecutive checkpoints is enumerated, and each is
 * joined to one representative way in (a shortest one) and out (to
 * `verified` where possible). Because the machine's future depends only on
 * its state, every transition, every route through a step and every way a
 * call can end appears in some path; checkpoints that differ only in history
 * (a pass on the first or the second attempt) share their routes, replayed
 * from each. A path never repeats a state. `mode: 'all'` gives the full
 * product for small scripts; `countScriptPaths` counts it for any.
 *
 * @example
 * ```ts
 * for (const path of scriptPaths(script)) {
 *   expect(path.ended && path.outcome, formatPath(path)).toBeTruthy();
 * }
 * ```
 */
export function scriptPaths(script: CallScript, options: ScriptPathsOptions = {}): ScriptPath[] {
  parseOrThrow(optionsSchema, options, 'INVALID_ARGUMENT', 'Invalid scriptPaths options');
  const walk = walkScript(script, challengeFor(script, options));
  const delays = delaysOf(script);
  if (options.mode === 'all') return allPaths(script, walk, options.maxPaths ?? 20_000, delays);
  const exits = exitsOf(walk);
  const paths: ScriptPath[] = [];
  forEachRoute(walk, (head, segment, prefix) => {
    let full = head;
    if (segment.end.kind === 'checkpoint') {
      // The representative way out, unless it would pass a state this path already went through.
      for (const exit of exits(segment.end.key)) {
        const candidate = joinPaths(head, transplant(walk, exit, head.state));
        if (isSimple(walk, candidate)) {
          full = candidate;
          break;
        }
      }
    }
    paths.push(toScriptPath(walk, full, { from: prefix.weight, to: prefix.weight + segment.path.weight }, delays));
  });
  return paths;
}

function allPaths(script: CallScript, walk: Walk, maxPaths: number, delays: ScriptPath['delays']): ScriptPath[] {
  const total = countTotal(walk);
  if (total > maxPaths) {
    throw new SafecallError('INVALID_ARGUMENT', `script "${script.id}" v${script.version} has ${total} distinct paths, more than maxPaths (${maxPaths}); use mode 'per-step'`);
  }
  const end = (state: CallMachineSnapshot) => state.status !== 'active' || walk.stuck(state);
  const paths = getSimplePaths(walk.machine.logic, { fromState: walk.machine.initial, events: walk.offer, serializeState: walk.machine.key, stopWhen: end, toState: end });
  return paths.map((path) => toScriptPath(walk, path, { from: 0, to: path.weight }, delays));
}

/**
 * How many paths a script has: what `scriptPaths` returns per step, and the
 * number of distinct full paths (computed, not enumerated).
 *
 * @example
 * ```ts
 * countScriptPaths(fraudAlert); // { perStep: 5582, total: 329727981299255, checkpoints: 33 }
 * ```
 */
export function countScriptPaths(script: CallScript, options: Omit<ScriptPathsOptions, 'mode' | 'maxPaths'> = {}): ScriptPathCounts {
  parseOrThrow(optionsSchema, options, 'INVALID_ARGUMENT', 'Invalid countScriptPaths options');
  const walk = walkScript(script, challengeFor(script, options));
  let perStep = 0;
  forEachRoute(walk, () => perStep++);
  return { perStep, total: countTotal(walk), checkpoints: walk.checkpoints.size };
}
