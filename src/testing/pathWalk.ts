import { getSimplePaths } from '@xstate/graph';
import { initialTransition, transition } from 'xstate';
import { SafecallError } from '../core/errors.js';
import { challengeStrength, pickChallenge } from '../pesel/index.js';
import type { CallScript } from '../script/index.js';
import { createCallMachine, mainStates, statePath, type CallContext, type CallMachineInput } from '../session/index.js';
import { offerEvents, type PathEvent } from './pathEvents.js';
import type { ScriptPathsOptions } from './scriptPaths.js';
import { seededRandom } from './seeded-random.js';

/*
 * How scriptPaths walks a script's machine: the flow is cut at checkpoints
 * (a main step or question starting afresh), @xstate/graph's getSimplePaths
 * enumerates the routes of each segment, and routes are joined back into
 * full paths (a representative way in and out of each segment).
 */

/**
 * A machine snapshot of a script's call machine.
 *
 * @example
 * ```ts
 * const first: Snapshot = initialTransition(createCallMachine(script), { challenge: null })[0];
 * ```
 */
export type Snapshot = ReturnType<typeof initialTransition<ReturnType<typeof createCallMachine>>>[0];
type End = { kind: 'final' } | { kind: 'stuck' } | { kind: 'checkpoint'; key: string };
/**
 * Consecutive states and the events between them.
 *
 * @example
 * ```ts
 * const route: Route = { states: [first], events: [] };
 * ```
 */
export interface Route {
  states: Snapshot[];
  events: PathEvent[];
}
interface SegmentPath extends Route {
  end: End;
}
/**
 * Every checkpoint of a script, with the routes from it to the next checkpoints or ends.
 *
 * @example
 * ```ts
 * const w: Walk = walk(script, {});
 * w.order.length; // checkpoints found
 * ```
 */
export interface Walk {
  initial: Snapshot;
  order: string[];
  checkpoints: Map<string, { state: Snapshot; paths: SegmentPath[] }>;
  graph: GraphOptions;
}
interface GraphOptions {
  input: CallMachineInput;
  events: (state: Snapshot) => PathEvent[];
  serializeState: (state: Snapshot, event?: PathEvent) => string;
  key: (state: Snapshot) => string;
  ended: (state: Snapshot) => boolean;
}

function challengeFor(script: CallScript, options: ScriptPathsOptions): CallMachineInput['challenge'] {
  if (!script.pesel.enabled) return null;
  const positions = options.challenge
    ? [...options.challenge]
    : pickChallenge({ count: script.pesel.count, minStrengthBits: script.pesel.minStrengthBits, threat: script.pesel.threat, random: seededRandom(options.seed ?? 1) });
  if (!positions.length || positions.length > 4 || new Set(positions).size !== positions.length || positions.some((p) => !Number.isInteger(p) || p < 1 || p > 11)) {
    throw new SafecallError('INVALID_ARGUMENT', 'challenge must be 1 to 4 distinct positions 1-11');
  }
  return { positions, strengthBits: challengeStrength(positions, script.pesel.threat), avoidRelaxed: false };
}

function graphOptions(script: CallScript, options: ScriptPathsOptions): GraphOptions {
  const machine = createCallMachine(script);
  const keys = new WeakMap<object, string>();
  // The graph package serialises every state many times: serialise each snapshot once.
  const key = (state: Snapshot): string => {
    let k = keys.get(state);
    if (k === undefined) {
      k = JSON.stringify({ value: state.value, context: state.context });
      keys.set(state, k);
    }
    return k;
  };
  const offer = offerEvents(script);
  const stuck = new Map<string, boolean>();
  // A live state where nothing offered changes anything: the call would hang there.
  const isStuck = (state: Snapshot): boolean => {
    const k = key(state);
    let value = stuck.get(k);
    if (value === undefined) {
      value = offer(state).every((event) => key(transition(machine, state, event as never)[0]) === k);
      stuck.set(k, value);
    }
    return value;
  };
  return {
    input: { challenge: challengeFor(script, options) },
    events: offer,
    // Coming back from hold returns to the same state; marking it lets a path
    // take the step-aside detour once (a simple path never repeats a state).
    serializeState: (state, event) => key(state) + (event?.type === 'RESUME' ? ' (back from hold)' : ''),
    key,
    ended: (state) => state.status !== 'active' || isStuck(state),
  };
}

function entryStates(script: CallScript): Set<string> {
  const machine = createCallMachine(script);
  const entries = new Set<string>();
  for (const name of mainStates(script)) {
    const node = machine.root.states[name];
    const initial = node?.initial?.target[0];
    entries.add(initial ? initial.path.join('.') : name);
  }
  return entries;
}

/** A main step (or the next question) starting afresh: nothing given, failed, pending or refused. */
function checkpointTest(script: CallScript): (state: Snapshot) => boolean {
  const entries = entryStates(script);
  return (state) => {
    if (state.status !== 'active') return false;
    const path = statePath(state.value);
    const c: CallContext = state.context;
    return (
      entries.has(path) &&
      c.answered === 0 &&
      c.failures === 0 &&
      c.verifierErrors === 0 &&
      c.lastFailure === null &&
      c.refusal === null &&
      c.mutual.pending.length === 0 &&
      (path !== 'mutual.inviting' || c.mutual.refused.length === 0)
    );
  };
}

/**
 * All simple paths from `from` to the first state where `stop` holds, via @xstate/graph.
 *
 * @example
 * ```ts
 * simplePaths(script, w.graph, w.initial, w.graph.ended); // every full path
 * ```
 */
export function simplePaths(script: CallScript, graph: GraphOptions, from: Snapshot, stop: (state: Snapshot) => boolean): Route[] {
  const machine = createCallMachine(script);
  const paths = getSimplePaths(machine, {
    input: graph.input,
    fromState: from,
    events: graph.events as never,
    serializeState: graph.serializeState as never,
    stopWhen: stop,
    toState: stop,
  });
  // @xstate/graph's steps: [{ state: first, event: xstate.init }, { state, event that led to it }, ...]
  return paths.map((path) => ({ states: path.steps.map((step) => step.state), events: path.steps.slice(1).map((step) => step.event as PathEvent) }));
}

/**
 * Finds every checkpoint and the routes of its segment.
 *
 * @example
 * ```ts
 * const w = walk(script, { seed: 1 });
 * ```
 */
export function walk(script: CallScript, options: ScriptPathsOptions): Walk {
  const graph = graphOptions(script, options);
  const isCheckpoint = checkpointTest(script);
  const initial = initialTransition(createCallMachine(script), graph.input)[0];
  const checkpoints: Walk['checkpoints'] = new Map([[graph.key(initial), { state: initial, paths: [] }]]);
  const order = [graph.key(initial)];
  for (let i = 0; i < order.length; i++) {
    const fromKey = order[i]!;
    const entry = checkpoints.get(fromKey)!;
    const stop = (state: Snapshot) => graph.ended(state) || (isCheckpoint(state) && graph.key(state) !== fromKey);
    for (const route of simplePaths(script, graph, entry.state, stop)) {
      const last = route.states[route.states.length - 1]!;
      let end: End;
      if (last.status !== 'active') end = { kind: 'final' };
      else if (!isCheckpoint(last) || graph.key(last) === fromKey) end = { kind: 'stuck' };
      else {
        const key = graph.key(last);
        if (!checkpoints.has(key)) {
          checkpoints.set(key, { state: last, paths: [] });
          order.push(key);
        }
        end = { kind: 'checkpoint', key };
      }
      entry.paths.push({ ...route, end });
    }
  }
  return { initial, order, checkpoints, graph };
}

/**
 * Two routes end to end (the second starts where the first ends).
 *
 * @example
 * ```ts
 * join(prefix, segment); // prefix.states then segment.states.slice(1)
 * ```
 */
export const join = (a: Route, b: Route): Route => ({ states: [...a.states, ...b.states.slice(1)], events: [...a.events, ...b.events] });

/**
 * The representative route into each checkpoint (shortest) and out of it (to `verified` where possible).
 *
 * @example
 * ```ts
 * const { prefix, suffix } = routes(walk(script, {}));
 * ```
 */
export function routes(w: Walk) {
  const prefixes = new Map<string, Route>([[w.order[0]!, { states: [w.initial], events: [] }]]);
  // Checkpoints are found in flow order, so every route into one comes from one found earlier.
  for (const key of w.order) {
    const prefix = prefixes.get(key);
    if (!prefix) continue;
    for (const path of w.checkpoints.get(key)!.paths) {
      if (path.end.kind !== 'checkpoint') continue;
      const known = prefixes.get(path.end.key);
      if (!known || known.events.length > prefix.events.length + path.events.length) prefixes.set(path.end.key, join(prefix, path));
    }
  }
  // A representative way out: to `verified` if possible, else the shortest way to an end.
  const suffixes = new Map<string, { route: Route; verified: boolean }>();
  const suffix = (key: string, visiting = new Set<string>()): { route: Route; verified: boolean } | undefined => {
    const known = suffixes.get(key);
    if (known || visiting.has(key)) return known;
    visiting.add(key);
    let best: { route: Route; verified: boolean } | undefined;
    for (const path of w.checkpoints.get(key)!.paths) {
      let candidate: { route: Route; verified: boolean } | undefined;
      if (path.end.kind === 'checkpoint') {
        const next = suffix(path.end.key, visiting);
        if (next) candidate = { route: join(path, next.route), verified: next.verified };
      } else {
        candidate = { route: path, verified: path.states[path.states.length - 1]!.context.outcome?.kind === 'verified' };
      }
      if (candidate && (!best || (candidate.verified && !best.verified) || (candidate.verified === best.verified && candidate.route.events.length < best.route.events.length))) best = candidate;
    }
    visiting.delete(key);
    if (best) suffixes.set(key, best);
    return best;
  };
  return { prefix: (key: string) => prefixes.get(key), suffix: (key: string) => suffix(key)?.route };
}

/**
 * The number of distinct full paths: the product of the segments' routes, summed over the ends.
 *
 * @example
 * ```ts
 * countTotal(walk(script, {})); // 77653451 for fraud-alert
 * ```
 */
export function countTotal(w: Walk): number {
  const counts = new Map<string, number>();
  const count = (key: string): number => {
    const known = counts.get(key);
    if (known !== undefined) return known;
    counts.set(key, 0); // no cycles between checkpoints; this only guards against one
    let total = 0;
    for (const path of w.checkpoints.get(key)!.paths) total += path.end.kind === 'checkpoint' ? count(path.end.key) : 1;
    counts.set(key, total);
    return total;
  };
  return count(w.order[0]!);
}

