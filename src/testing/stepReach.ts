import type { StepId } from '../index.js';
import type { CallMachine, CallMachineSnapshot } from '../session/internal.js';

type Node = CallMachine['root'];

const childrenOf = (node: Node): Node[] => Object.values(node.states);

/** The leaf a transition into `node` lands in (compound states enter their initial child). */
function entered(node: Node): Node {
  const initial = childrenOf(node).length ? node.initial.target[0] : undefined;
  return initial ? entered(initial) : node;
}

function leavesOf(node: Node): Node[] {
  const children = childrenOf(node);
  return children.length ? children.flatMap(leavesOf) : [node];
}

/**
 * For each state of a script's machine, the prompt steps the call can still
 * reach from it, read from the machine's transitions with every guard taken
 * as possibly true (so never too few). `futureKey` leaves out what only
 * matters at steps a state can no longer reach.
 *
 * @example
 * ```ts
 * const reach = reachableSteps(machine);
 * reach(snapshot).has('on-hold'); // false once the PESEL digits are asked
 * ```
 */
export function reachableSteps(machine: CallMachine): (snapshot: CallMachineSnapshot) => ReadonlySet<StepId> {
  const next = (leaf: Node): Node[] => {
    const targets: Node[] = [];
    for (let node: Node | undefined = leaf; node; node = node.parent) {
      for (const transition of [...[...node.transitions.values()].flat(), ...(node.always ?? [])]) {
        for (const target of transition.target ?? []) targets.push(entered(target));
      }
    }
    return targets;
  };
  const steps = new Map<string, ReadonlySet<StepId>>();
  for (const leaf of leavesOf(machine.root)) {
    const seen = new Set<Node>([leaf]);
    const queue = [leaf];
    for (let node = queue.shift(); node; node = queue.shift()) {
      for (const target of next(node)) {
        if (seen.has(target)) continue;
        seen.add(target);
        queue.push(target);
      }
    }
    const reached = new Set<StepId>();
    for (const node of seen) {
      const step = node.meta?.step;
      if (step) reached.add(step);
    }
    steps.set(leaf.id, reached);
  }
  const none: ReadonlySet<StepId> = new Set();
  return (snapshot) => {
    const leaf = snapshot._nodes.find((node) => node.type === 'atomic' || node.type === 'final');
    return (leaf && steps.get(leaf.id)) ?? none;
  };
}
