import type { Walk } from './walkScript.js';

/**
 * The number of distinct full paths: the routes of each checkpoint times the
 * paths from where they lead, summed. A path never repeats a state, so where
 * checkpoints lead back to one another (a customer steps aside at consent and
 * is asked about the safe place again), the count follows which of them the
 * path already went through; elsewhere it is counted once per checkpoint.
 * Exact while every state on such a loop is a checkpoint (checkpoints.ts
 * makes the step-aside detours ones).
 *
 * @example
 * ```ts
 * countTotal(walkScript(script, [8, 9])); // 15731905 for loan-offer
 * ```
 */
export function countTotal(walk: Walk): number {
  const next = (key: string) => walk.checkpoints.get(key)!.segments.flatMap((segment) => (segment.end.kind === 'checkpoint' ? [segment.end.key] : []));
  const cycle = cyclesOf(walk.order, next);
  const counts = new Map<string, bigint>();
  const count = (key: string, visited: readonly string[]): bigint => {
    // Only checkpoints of the same cycle can lead back: they are all that the count depends on.
    const memo = `${key}|${visited.filter((k) => cycle.get(k) === cycle.get(key)).sort().join('|')}`;
    const known = counts.get(memo);
    if (known !== undefined) return known;
    let total = 0n;
    for (const segment of walk.checkpoints.get(key)!.segments) {
      if (segment.end.kind !== 'checkpoint') total += 1n;
      else if (!visited.includes(segment.end.key)) total += count(segment.end.key, [...visited, key]);
    }
    counts.set(memo, total);
    return total;
  };
  return Number(count(walk.order[0]!, []));
}

/** Strongly connected components of the checkpoint graph (Tarjan): checkpoint → component id. */
function cyclesOf(keys: readonly string[], next: (key: string) => string[]): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const component = new Map<string, number>();
  let counter = 0;
  const visit = (key: string): void => {
    index.set(key, counter);
    low.set(key, counter++);
    stack.push(key);
    for (const to of next(key)) {
      if (!index.has(to)) {
        visit(to);
        low.set(key, Math.min(low.get(key)!, low.get(to)!));
      } else if (!component.has(to)) low.set(key, Math.min(low.get(key)!, index.get(to)!));
    }
    if (low.get(key) !== index.get(key)) return;
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      component.set(member, index.get(key)!);
      if (member === key) break;
    }
  };
  for (const key of keys) if (!index.has(key)) visit(key);
  return component;
}
