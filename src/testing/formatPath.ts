import type { PathEvent } from './pathEvents.js';
import type { ScriptPath } from './scriptPaths.js';

/**
 * A path as one line, for assertion messages: steps joined by the events
 * between them, and the outcome.
 *
 * @example
 * ```ts
 * formatPath(path); // "introduce —CONFIRM→ confirm-person —HANG_UP→ closing ⇒ abandoned (hang-up)"
 * ```
 */
export function formatPath(path: ScriptPath): string {
  const parts: string[] = [path.steps[0] ?? '?'];
  path.events.forEach((event, i) => parts.push(`—${describeEvent(event)}→ ${path.steps[i + 1] ?? '?'}`));
  const outcome = path.outcome ? ('reason' in path.outcome ? `${path.outcome.kind} (${path.outcome.reason})` : path.outcome.kind) : 'no outcome';
  return `${parts.join(' ')} ⇒ ${outcome}`;
}

function describeEvent(event: PathEvent): string {
  switch (event.type) {
    case 'ANSWER_DIGIT':
      return `digit ${event.position}`;
    case 'ANSWER':
      return `answer ${event.questionId}`;
    case 'CUSTOMER_ASKS_DIGITS':
      return `asks ${event.positions.join(',')}`;
    case 'REQUEST_CALLBACK':
      return event.decision.ok ? 'callback ok' : 'callback refused';
    case 'xstate.done.actor.checkDigits':
    case 'xstate.done.actor.checkAnswer':
      return `${event.type.slice('xstate.done.actor.'.length)} ${event.output.locked ? 'locked' : event.output.ok ? 'ok' : 'wrong'}`;
    case 'xstate.done.actor.revealDigits':
      return `revealed ${event.output.positions.join(',')}`;
    default: {
      const after = /^xstate\.after\.(\d+)\./.exec(event.type);
      if (after) return `timeout ${Number(after[1]) / 1000}s`;
      if (event.type.startsWith('xstate.error.actor.')) return `${event.type.slice('xstate.error.actor.'.length)} error`;
      return event.type;
    }
  }
}
