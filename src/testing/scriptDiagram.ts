import type { CallScript } from '../script/index.js';
import { createCallMachine, stepOfPath } from '../session/index.js';

/** The parts of an xstate state node the diagram reads. */
interface Node {
  key: string;
  path: string[];
  type: string;
  states: Record<string, Node>;
  initial?: { target: readonly Node[] } | undefined;
  transitions: Map<string, readonly { target?: readonly Node[] | undefined }[]>;
  always?: readonly { target?: readonly Node[] | undefined }[] | undefined;
}

/** Events a session sends only to itself; not part of any call. */
const INTERNAL = new Set(['safecall.restored']);
const ANY_STEP = 'anyStep';

const idOf = (node: Node) => (node.path.length ? node.path.join('_') : ANY_STEP);
const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function describeNode(node: Node): string {
  const step = stepOfPath(node.path.join('.'));
  return kebab(node.key) === step ? step : `${node.key} · ${step}`;
}

/** A state that waits for the verifier (it has an invoke). */
const waitsForVerifier = (node: Node) => [...node.transitions.keys()].some((type) => type.startsWith('xstate.done.actor.'));

/** Readable labels: guards are code, so verifier results are told apart by where they lead. */
function label(source: Node, eventType: string, target: Node, alternatives: number): string {
  const done = /^xstate\.done\.actor\.(.+)$/.exec(eventType);
  if (done) {
    const call = done[1]!;
    if (target.type === 'final') return target.key === 'failed' ? `${call}: wrong, last attempt` : `${call}: ${target.key}`;
    if (call === 'revealDigits') return `${call}: digits to read out`;
    if (target.path[0] !== source.path[0]) return `${call}: passed`;
    return call === 'checkAnswer' ? `${call}: wrong, or next question` : `${call}: wrong, ask again`;
  }
  const error = /^xstate\.error\.actor\.(.+)$/.exec(eventType);
  const after = /^xstate\.after\.(\d+)\./.exec(eventType);
  let text = eventType;
  if (error) text = `${error[1]} error`;
  else if (after) text = `${waitsForVerifier(source) ? 'verifier silent' : 'no answer in'} ${Number(after[1]) / 1000} s`;
  if (eventType === 'CUSTOMER_ASKS_DIGITS' && target === source) return `${text} (none allowed)`;
  if (eventType === 'REQUEST_CALLBACK') return `${text} (${target.type === 'final' ? 'time accepted' : 'time not possible'})`;
  if (alternatives > 1 && target.key === 'failed') return `${text} (${waitsForVerifier(source) ? 'too many errors' : 'last attempt'})`;
  return text;
}

function edges(node: Node): string[] {
  const lines: string[] = [];
  for (const [eventType, transitions] of node.transitions) {
    if (INTERNAL.has(eventType)) continue;
    for (const t of transitions) {
      for (const target of t.target ?? []) lines.push(`${idOf(node)} --> ${idOf(target)} : ${label(node, eventType, target, transitions.length)}`);
    }
  }
  for (const t of node.always ?? []) for (const target of t.target ?? []) lines.push(`${idOf(node)} --> ${idOf(target)} : automatically`);
  return lines;
}

function render(node: Node, indent: string, out: string[], links: string[]): void {
  for (const child of Object.values(node.states)) {
    const id = idOf(child);
    if (Object.keys(child.states).length) {
      out.push(`${indent}state ${id} {`);
      const initial = child.initial?.target[0];
      if (initial) out.push(`${indent}  [*] --> ${idOf(initial)}`);
      render(child, `${indent}  `, out, links);
      out.push(`${indent}}`);
    } else {
      out.push(`${indent}${id} : ${describeNode(child)}`);
      if (child.type === 'final') links.push(`${id} --> [*]`);
    }
    // Mermaid cannot draw a transition inside a composite to a state of another
    // composite; all of ours leave to top-level states, so they are drawn at top level.
    links.push(...edges(child));
  }
}

/**
 * Mermaid `stateDiagram-v2` text of a script's call flow, for compliance
 * review: it renders in GitHub, GitLab and most wikis. Drawn from the
 * session's real xstate machine — states in the script's order, nested steps
 * as composite states, each leaf labelled with the prompt step the agent
 * sees, transitions labelled with events (verifier results and errors,
 * timeouts), and the call's ends leading to `[*]`. Transitions that work at
 * every step (hang up, callback requests) start from one "any step" node.
 *
 * @example
 * ```ts
 * const text = scriptDiagram(script);
 * // stateDiagram-v2
 * //   [*] --> introduce
 * //   introduce : introduce (introduce)
 * //   ...
 * writeFileSync('fraud-alert.mmd', text);
 * ```
 */
export function scriptDiagram(script: CallScript): string {
  const machine = createCallMachine(script);
  const root = machine.root as unknown as Node;
  const out = [`%% ${script.id} v${script.version}${script.title ? ` — ${script.title}` : ''}`, 'stateDiagram-v2'];
  const initial = root.initial?.target[0];
  if (initial) out.push(`  [*] --> ${idOf(initial)}`);
  const links: string[] = [];
  render(root, '  ', out, links);
  out.push(`  state "any step" as ${ANY_STEP}`);
  out.push(`  note right of ${ANY_STEP} : these work at every step until the call ends`);
  links.push(...edges(root));
  out.push(...[...new Set(links)].map((line) => `  ${line}`));
  return `${out.join('\n')}\n`;
}
