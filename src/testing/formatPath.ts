import type { CallState } from '../index.js';
import { delayOf, isServiceAnswer, isServiceFailure, type PathEvent } from './pathEvents.js';
import type { ScriptPath } from './scriptPaths.js';

/**
 * A path as one line, for assertion messages: prompt steps joined by the
 * events between them, and the outcome. Service answers are told by what they
 * changed in the call; timeouts by their delay's name and length.
 *
 * @example
 * ```ts
 * formatPath(path);
 * // "introduce —CONFIRM→ purpose —CONFIRM→ caller-id —HANG_UP→ closing —closeCall: recorded abandoned→ closing ⇒ abandoned (hang-up)"
 * // "... pesel-digit —timeout answerTimeout 120 s→ verifying ..."
 * ```
 */
export function formatPath(path: ScriptPath): string {
  const parts: string[] = [path.steps[0] ?? '?'];
  path.events.forEach((event, i) => parts.push(`—${describeEvent(event, path.calls[i] ?? null, path)}→ ${path.steps[i + 1] ?? '?'}`));
  const outcome = path.outcome ? ('reason' in path.outcome ? `${path.outcome.kind} (${path.outcome.reason})` : path.outcome.kind) : path.ended ? 'no outcome' : 'stuck';
  return `${parts.join(' ')} ⇒ ${outcome}`;
}

function describeEvent(event: PathEvent, before: CallState | null, path: ScriptPath): string {
  if (isServiceAnswer(event)) return `${event.type.slice('xstate.done.actor.'.length)}: ${describeAnswer(before, event.output)}`;
  if (isServiceFailure(event)) return `${event.type.slice('xstate.error.actor.'.length)} failed (${event.error.code})`;
  const delay = delayOf(event);
  if (delay) return `timeout ${delay} ${path.delays[delay] / 1000} s`;
  switch (event.type) {
    case 'ANSWER_DIGIT':
      return `digit ${event.position}${event.via === 'keypad' ? ' (keypad)' : ''}`;
    case 'ANSWER':
      return `answer ${event.questionId}`;
    case 'CUSTOMER_ASKS_DIGITS':
      return `asks ${event.positions.join(',')}`;
    case 'REQUEST_CALLBACK':
      return event.decision.ok ? 'callback accepted' : `callback refused (${event.decision.reason})`;
    default:
      return event.type;
  }
}

/** What a service answer says, told by what it changed in the call the machine held. */
function describeAnswer(before: CallState | null, after: CallState): string {
  if (!before) return after.locked ? 'locked out' : after.challenge ? `challenge ${after.challenge.join(',')}` : 'no challenge strong enough';
  if (after.outcome && !before.outcome) return `recorded ${after.outcome.kind}`;
  if (after.locked && !before.locked) return 'locked out';
  if (after.passed.pesel && !before.passed.pesel) return 'passed';
  if (after.passed.questions.length > before.passed.questions.length) return `passed ${after.passed.questions.at(-1)}`;
  if (after.revealed.length > before.revealed.length) return `revealed ${after.revealed.filter((p) => !before.revealed.includes(p)).join(',')}`;
  if (after.attemptsLeft < before.attemptsLeft) return `wrong, ${after.attemptsLeft} left`;
  for (const [id, left] of Object.entries(after.questionAttemptsLeft)) {
    if (left < (before.questionAttemptsLeft[id] ?? 0)) return `wrong, ${left} left`;
  }
  return 'nothing new';
}
