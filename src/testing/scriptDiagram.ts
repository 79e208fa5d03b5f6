import { toDirectedGraph, type AnyStateNode, type DirectedGraphNode } from '@xstate/graph';
import type { CallScript } from '../index.js';
import { createCallMachine } from '../session/internal.js';

/** Sent by `restoreCallSession` only: not part of any call. */
const INTERNAL = 'safecall.restored';
const ANY_STEP = 'anyStep';

const idOf = (node: AnyStateNode) => (node.path.length ? node.path.join('_') : ANY_STEP);

/** A guard's name as the machine's `setup` names it: `peselPassed`, `and(questionPassed, moreQuestions)`, `not(hasCall)`. */
function guardName(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    const inner: unknown = (guard as { guards?: unknown }).guards;
    return Array.isArray(inner) ? `${guard.name}(${inner.map(guardName).join(', ')})` : guard.name || 'inline guard';
  }
  if (typeof guard === 'object' && guard !== null && typeof (guard as { type?: unknown }).type === 'string') return (guard as { type: string }).type;
  return 'guard';
}

/** An event type as a label: xstate's own events read by the invoke id or delay they name. */
function eventLabel(type: string, delays: Readonly<Record<string, unknown>>): string {
  const done = /^xstate\.done\.actor\.(.+)$/.exec(type);
  if (done) return `${done[1]} done`;
  const error = /^xstate\.error\.actor\.(.+)$/.exec(type);
  if (error) return `${error[1]} error`;
  const after = /^xstate\.after\.([^.]+)\./.exec(type);
  if (after) {
    const ms = delays[after[1]!];
    return typeof ms === 'number' ? `after ${after[1]} ${ms / 1000} s` : `after ${after[1]}`;
  }
  return type === '' ? 'always' : type;
}

/** The label of one transition: its event and, when it has one, its guard in brackets. */
const label = (eventType: string, guard: unknown, delays: Readonly<Record<string, unknown>>) => `${eventLabel(eventType, delays)}${guard === undefined ? '' : ` [${guardName(guard)}]`}`;

function render(graph: DirectedGraphNode, indent: string, out: string[], links: string[], delays: Readonly<Record<string, unknown>>): void {
  for (const child of graph.children) {
    const node = child.stateNode;
    const id = idOf(node);
    if (child.children.length) {
      out.push(`${indent}state ${id} {`);
      const initial = node.initial.target[0];
      if (initial) out.push(`${indent}  [*] --> ${idOf(initial)}`);
      render(child, `${indent}  `, out, links, delays);
      out.push(`${indent}}`);
    } else {
      const step: unknown = node.meta?.step;
      out.push(`${indent}${id} : ${typeof step === 'string' && step !== node.key ? `${node.key} · ${step}` : node.key}`);
      if (node.type === 'final') links.push(`${id} --> [*]`);
    }
    links.push(...edgesOf(child, delays));
  }
}

/** `toDirectedGraph`'s edges of a node, plus its eventless (`always`) transitions, which it leaves out. */
function edgesOf(graph: DirectedGraphNode, delays: Readonly<Record<string, unknown>>): string[] {
  const lines: string[] = [];
  for (const edge of graph.edges) {
    if (edge.transition.eventType === INTERNAL) continue;
    lines.push(`${idOf(edge.source)} --> ${idOf(edge.target)} : ${label(edge.label.text, edge.transition.guard, delays)}`);
  }
  for (const transition of graph.stateNode.always ?? []) {
    for (const target of transition.target ?? []) lines.push(`${idOf(graph.stateNode)} --> ${idOf(target)} : ${label('', transition.guard, delays)}`);
  }
  return lines;
}

/**
 * Mermaid `stateDiagram-v2` text of a script's call flow, for compliance
 * review: it renders in GitHub, GitLab and most wikis. Drawn from the
 * session's real xstate machine with `@xstate/graph`'s `toDirectedGraph` —
 * states in the script's order, nested states as composites, each leaf
 * labelled with the prompt step the agent sees, every transition labelled
 * with its event (service answers and failures by invoke id, timeouts by
 * delay name and length) and the name of its guard, eventless transitions as
 * `always`, and the call's ends leading to `[*]`. Transitions that work at
 * every step (hang up, callback requests) start from one "any step" node.
 *
 * @example
 * ```ts
 * const text = scriptDiagram(script);
 * // stateDiagram-v2
 * //   [*] --> introduce
 * //   ...
 * //   pesel_digits_judging --> mutual : always [peselPassed]
 * writeFileSync('fraud-alert.mmd', text);
 * ```
 */
export function scriptDiagram(script: CallScript): string {
  const machine = createCallMachine(script);
  const delays: Readonly<Record<string, unknown>> = machine.implementations.delays;
  const graph = toDirectedGraph(machine);
  const out = [`%% ${script.id} v${script.version}${script.title ? ` — ${script.title}` : ''}`, 'stateDiagram-v2'];
  const initial = machine.root.initial.target[0];
  if (initial) out.push(`  [*] --> ${idOf(initial)}`);
  const links: string[] = [];
  render(graph, '  ', out, links, delays);
  out.push(`  state "any step" as ${ANY_STEP}`);
  out.push(`  note right of ${ANY_STEP} : these work at every step until the call ends`);
  links.push(...edgesOf(graph, delays));
  // Mermaid cannot draw a transition inside a composite to a state of another one: every edge is drawn at the top level.
  out.push(...[...new Set(links)].map((line) => `  ${line}`));
  return `${out.join('\n')}\n`;
}
