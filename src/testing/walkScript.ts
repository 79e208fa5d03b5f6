import { getShortestPaths, getSimplePaths, joinPaths, type StatePath } from '@xstate/graph';
import { SafecallError, type CallScript } from '../index.js';
import { createCallMachine, type CallMachineSnapshot } from '../session/internal.js';
import { futureKeyOf, isCheckpoint } from './checkpoints.js';
import { offerEvents } from './offerEvents.js';
import type { PathEvent } from './pathEvents.js';
import { pathLogic, type PathLogic } from './pathLogic.js';

/*
 * How scriptPaths walks a script's machine with @xstate/graph: the flow is
 * cut at checkpoints (a main step or question starting afresh, see
 * checkpoints.ts); getSimplePaths enumerates the routes between consecutive
 * checkpoints, getShortestPaths gives the representative way into each
 * checkpoint and out of it, and joinPaths puts them together.
 */

/**
 * A route through the machine, as `@xstate/graph` gives it.
 *
 * @example
 * ```ts
 * const events = path.steps.slice(1).map((step) => step.event);
 * ```
 */
export type CallPath = StatePath<CallMachineSnapshot, PathEvent>;

/**
 * Where a route between checkpoints stops: the call ended, nothing offered
 * moves it (stuck), or at the next checkpoint (by its future key).
 *
 * @example
 * ```ts
 * const end: End = { kind: 'checkpoint', key: futureKey(state) };
 * ```
 */
export type End = { kind: 'final' } | { kind: 'stuck' } | { kind: 'checkpoint'; key: string };

/**
 * The routes from one checkpoint to the next ones (or to the end of the call).
 *
 * @example
 * ```ts
 * walk.checkpoints.get(walk.order[0]!)!.segments.length;
 * ```
 */
export interface Checkpoint {
  /** The state that stands for every checkpoint with its future key. */
  state: CallMachineSnapshot;
  /** A shortest way from the first state to `state`. */
  prefix: CallPath;
  /** Every route to the next checkpoints and ends (`getSimplePaths`). */
  segments: { path: CallPath; end: End }[];
  /** A shortest route to each of them (`getShortestPaths`). */
  ways: { path: CallPath; end: End }[];
}

/**
 * A script's machine cut at its checkpoints.
 *
 * @example
 * ```ts
 * const w = walkScript(script, [7, 8, 9]);
 * w.order.length; // checkpoints found, in flow order
 * ```
 */
export interface Walk {
  machine: PathLogic;
  offer: (snapshot: CallMachineSnapshot) => PathEvent[];
  /** Checkpoints by future key. */
  checkpoints: Map<string, Checkpoint>;
  order: string[];
  /** Whether a live state lets nothing offered change it: the call would hang there. */
  stuck: (snapshot: CallMachineSnapshot) => boolean;
}

/**
 * Finds every checkpoint of a script's call and the routes between them.
 *
 * @example
 * ```ts
 * const w = walkScript(script, [7, 8, 9]);
 * ```
 */
export function walkScript(script: CallScript, challenge: readonly number[] | null): Walk {
  const callMachine = createCallMachine(script);
  const machine = pathLogic(callMachine);
  const futureKey = futureKeyOf(callMachine);
  const { key, next } = machine;
  const offered = offerEvents(script, challenge);
  const offers = new Map<string, PathEvent[]>();
  const offer = (snapshot: CallMachineSnapshot): PathEvent[] => {
    let events = offers.get(key(snapshot));
    if (!events) offers.set(key(snapshot), (events = offered(snapshot)));
    return events;
  };
  const stuckStates = new Map<string, boolean>();
  const stuck = (snapshot: CallMachineSnapshot): boolean => {
    let value = stuckStates.get(key(snapshot));
    if (value === undefined) {
      value = snapshot.status === 'active' && offer(snapshot).every((event) => key(next(snapshot, event)) === key(snapshot));
      stuckStates.set(key(snapshot), value);
    }
    return value;
  };
  const traversal = (from: CallMachineSnapshot) => {
    const end = (state: CallMachineSnapshot) => state.status !== 'active' || stuck(state) || (isCheckpoint(state) && key(state) !== key(from));
    return { fromState: from, events: offer, serializeState: key, stopWhen: end, toState: end };
  };
  const endOf = (state: CallMachineSnapshot): End => (state.status !== 'active' ? { kind: 'final' } : stuck(state) ? { kind: 'stuck' } : { kind: 'checkpoint', key: futureKey(state) });

  const first = machine.initial;
  const checkpoints = new Map<string, Checkpoint>();
  const order: string[] = [];
  const found = (state: CallMachineSnapshot, prefix: CallPath) => {
    checkpoints.set(futureKey(state), { state, prefix, segments: [], ways: [] });
    order.push(futureKey(state));
  };
  const fromFirst = getShortestPaths(machine.logic, traversal(first));
  found(first, identity(fromFirst[0], first));
  // Checkpoints are found in flow order: each one's way in extends the way into one found before it.
  for (let i = 0; i < order.length; i++) {
    const checkpoint = checkpoints.get(order[i]!)!;
    const { state, prefix } = checkpoint;
    checkpoint.segments = getSimplePaths(machine.logic, traversal(state)).map((path) => ({ path, end: endOf(path.state) }));
    checkpoint.ways = (i === 0 ? fromFirst : getShortestPaths(machine.logic, traversal(state))).map((path) => ({ path, end: endOf(path.state) }));
    for (const { path, end } of checkpoint.ways) {
      if (end.kind === 'checkpoint' && !checkpoints.has(end.key)) found(path.state, joinPaths(prefix, rebase(path, prefix.state, key)));
    }
  }
  return { machine, offer, checkpoints, order, stuck };
}

/** A route of no steps at `state` (`@xstate/graph`'s shape: one step, the init event). */
function identity(path: CallPath | undefined, state: CallMachineSnapshot): CallPath {
  const start = path?.steps[0];
  if (!start) throw new SafecallError('INVALID_ARGUMENT', 'the call has no way forward from its first state');
  return { state, steps: [{ state, event: start.event }], weight: 0 };
}

/**
 * The same route, starting from another object of the same state (the graph
 * package keeps one object per serialised state, and `joinPaths` compares
 * objects).
 *
 * @example
 * ```ts
 * joinPaths(prefix, rebase(segment, prefix.state, key));
 * ```
 */
export function rebase(path: CallPath, start: CallMachineSnapshot, key: (s: CallMachineSnapshot) => string): CallPath {
  const [first, ...rest] = path.steps;
  if (!first || key(first.state) !== key(start)) throw new SafecallError('INVALID_ARGUMENT', 'routes that do not meet cannot be joined');
  return { ...path, steps: [{ state: start, event: first.event }, ...rest], state: rest.length ? path.state : start };
}

/**
 * The same route taken from another checkpoint of the same future key: the
 * same kind of event at every step (the n-th event offered there), so the
 * service's answers are built from this call's own state.
 *
 * @example
 * ```ts
 * transplant(walk, suffixOfAnotherCall, segmentEnd);
 * ```
 */
export function transplant(walk: Walk, path: CallPath, start: CallMachineSnapshot): CallPath {
  const [first, ...rest] = path.steps;
  if (!first) return path;
  const steps: CallPath['steps'] = [{ state: start, event: first.event }];
  let state = start;
  let previous = first.state;
  for (const step of rest) {
    const choices = walk.offer(previous);
    let index = choices.indexOf(step.event);
    if (index < 0) index = choices.findIndex((event) => walk.machine.eventKey(event) === walk.machine.eventKey(step.event));
    const event = walk.offer(state)[index];
    if (index < 0 || !event) throw new SafecallError('INVALID_ARGUMENT', 'checkpoints with one future key offer other events');
    state = walk.machine.next(state, event);
    steps.push({ state, event });
    previous = step.state;
  }
  return { state, steps, weight: rest.length };
}
