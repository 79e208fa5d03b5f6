import { SafecallError, type PromptStep, type SessionEventInput } from '../index.js';
import type { CustomerTurn, TurnView } from './turns.js';

/**
 * A simulation-only answer turn as the event a desktop would send, from the customer's own knowledge.
 *
 * @example
 * ```ts
 * resolveTurn({ type: 'ANSWER_CORRECTLY' }, view); // { type: 'ANSWER_DIGIT', position: 7, digit: '…', via: 'voice' }
 * ```
 */
export function resolveTurn(turn: Exclude<CustomerTurn, { type: 'WAIT' }>, view: TurnView): SessionEventInput {
  if (turn.type !== 'ANSWER_CORRECTLY' && turn.type !== 'ANSWER_WRONGLY') return turn;
  const correct = turn.type === 'ANSWER_CORRECTLY';
  const input = view.prompt.input;
  if (input?.kind === 'digit') {
    const digit = view.customer.digit(input.position);
    return { type: 'ANSWER_DIGIT', position: input.position, digit: correct ? digit : wrongDigit(digit), via: 'voice' };
  }
  if (input?.kind === 'answer') {
    const answer = view.customer.answer(input.questionId);
    return { type: 'ANSWER', questionId: input.questionId, value: correct ? answer : wrongAnswer(answer) };
  }
  throw new SafecallError('INVALID_ARGUMENT', `turn ${view.turn}: ${turn.type} at step "${view.prompt.step}", which asks for no digit or answer`);
}

/**
 * An answer that is certainly not `answer`, whatever the question's kind
 * (a number stays a number, so the service evaluates it rather than
 * refusing its shape).
 *
 * @example
 * ```ts
 * wrongAnswer('2009'); // '3009'
 * ```
 */
export function wrongAnswer(answer: string): string {
  return /^[0-9]/.test(answer) ? `${(Number(answer[0]) + 1) % 10}${answer.slice(1)}` : `x${answer}`;
}

/**
 * A digit that is certainly not `digit`.
 *
 * @example
 * ```ts
 * wrongDigit('9'); // '0'
 * ```
 */
export function wrongDigit(digit: string): string {
  return String((Number(digit) + 1) % 10);
}

/**
 * What a customer turn looks like in a transcript: the button the agent would click, or a redacted description.
 *
 * @example
 * ```ts
 * describeTurn({ type: 'CONFIRM' }, prompt); // 'Tak, to ta osoba'
 * ```
 */
export function describeTurn(event: SessionEventInput, prompt: PromptStep): string {
  switch (event.type) {
    case 'ANSWER_DIGIT':
      return `[digit given] for position ${event.position}${event.via === 'keypad' ? ' on the keypad' : ''}`;
    case 'ANSWER':
      return `[answer given] to "${event.questionId}"`;
    case 'CUSTOMER_ASKS_DIGITS':
      return `asks for the digits at positions ${event.positions.join(', ')}`;
    case 'REQUEST_CALLBACK': {
      const slot = prompt.actions.find((a) => a.event === 'REQUEST_CALLBACK' && a.payload?.at !== undefined && a.payload.at === event.at);
      if (slot) return slot.label;
      if (event.inMinutes !== undefined) return `asks to be called back in ${event.inMinutes} min`;
      return event.at !== undefined ? `asks to be called back at ${event.at}` : 'asks to be called back';
    }
    default:
      return prompt.actions.find((a) => a.event === event.type && !a.payload)?.label ?? event.type;
  }
}
