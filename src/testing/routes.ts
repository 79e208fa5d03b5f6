import { joinPaths } from '@xstate/graph';
import { rebase, transplant, type CallPath, type Checkpoint, type Walk } from './walkScript.js';

/*
 * How per-step paths are put together: each route between checkpoints, with
 * a way in before it and a way out after it, never through a state twice.
 */

/**
 * Each route between checkpoints, joined to its checkpoint's way in. A route
 * back to a state that every way in passes through (a customer who stepped
 * aside twice coming back to where the first detour began) is part of no full
 * path, and is left out.
 *
 * @example
 * ```ts
 * let routes = 0;
 * forEachRoute(walk, () => routes++);
 * ```
 */
export function forEachRoute(walk: Walk, visit: (head: CallPath, segment: Checkpoint['segments'][number], prefix: CallPath) => void): void {
  for (const key of walk.order) {
    const { prefix, segments } = walk.checkpoints.get(key)!;
    for (const segment of segments) {
      const head = joinPaths(prefix, rebase(segment.path, prefix.state, walk.machine.key));
      if (isSimple(walk, head)) visit(head, segment, prefix);
    }
  }
}

/**
 * Whether a path never repeats a state.
 *
 * @example
 * ```ts
 * isSimple(walk, joinPaths(head, tail));
 * ```
 */
export function isSimple(walk: Walk, path: CallPath): boolean {
  const seen = new Set<string>();
  for (const step of path.steps) {
    const key = walk.machine.key(step.state);
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}

/**
 * The ways out of each checkpoint, best first: the representative one (to
 * `verified` where possible, otherwise a shortest way to an end), then every
 * other shortest way to a next checkpoint or an end, continued the same way.
 * Built from the shortest ways between checkpoints (`getShortestPaths`),
 * joined with `joinPaths`.
 *
 * @example
 * ```ts
 * const [best] = exitsOf(walk)(checkpointKey);
 * ```
 */
export function exitsOf(walk: Walk): (key: string) => Iterable<CallPath> {
  type Exit = { path: CallPath; verified: boolean };
  const better = (a: Exit, b: Exit) => (a.verified !== b.verified ? (a.verified ? -1 : 1) : a.path.weight - b.path.weight);
  const best = new Map<string, Exit | undefined>();
  const visiting = new Set<string>();
  const through = (key: string): Exit[] => {
    const exits: Exit[] = [];
    for (const way of walk.checkpoints.get(key)!.ways) {
      if (way.end.kind !== 'checkpoint') exits.push({ path: way.path, verified: way.path.state.context.outcome?.kind === 'verified' });
      else {
        const rest = bestOf(way.end.key);
        if (rest) exits.push({ path: joinPaths(way.path, transplant(walk, rest.path, way.path.state)), verified: rest.verified });
      }
    }
    return exits.sort(better);
  };
  const bestOf = (key: string): Exit | undefined => {
    if (best.has(key) || visiting.has(key)) return best.get(key);
    visiting.add(key);
    const [first] = through(key);
    visiting.delete(key);
    best.set(key, first);
    return first;
  };
  // The others are worked out only for a path the first one does not fit.
  return function* (key) {
    const first = bestOf(key);
    if (first) yield first.path;
    for (const exit of through(key)) yield exit.path;
  };
}
