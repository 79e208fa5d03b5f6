import type { AuditEvent, CallScript, PromptStep, SessionEventInput } from '../index.js';

/**
 * Turns that exist only in simulations. They let a test say what the customer
 * does without knowing the challenge positions or the expected answers:
 *
 * - `ANSWER_CORRECTLY` — the digit the current prompt asks for (or the answer
 *   to the current question), as the simulated customer knows it;
 * - `ANSWER_WRONGLY` — a digit or answer that is certainly wrong;
 * - `WAIT` — the customer stays silent for `seconds` (simulated time passes,
 *   so per-question timeouts fire).
 *
 * @example
 * ```ts
 * const turns: Turn[] = [{ type: 'CONFIRM' }, { type: 'ANSWER_CORRECTLY' }, { type: 'WAIT', seconds: 130 }];
 * ```
 */
export type SimulationTurn = { type: 'ANSWER_CORRECTLY' } | { type: 'ANSWER_WRONGLY' } | { type: 'WAIT'; seconds: number };

/**
 * What a customer can do in a simulation: a desktop event or a simulation-only turn.
 *
 * @example
 * ```ts
 * const turn: CustomerTurn = { type: 'ANSWER_CORRECTLY' };
 * ```
 */
export type CustomerTurn = SessionEventInput | SimulationTurn;

/**
 * What a turn function or a bot sees before it decides. `customer` is the
 * simulated customer's own knowledge (their PESEL and answers), so a bot can
 * answer or check revealed digits; the session never sees it.
 *
 * @example
 * ```ts
 * const answerFirstDigitWrong: TurnFunction = ({ prompt, customer }) =>
 *   prompt.input?.kind === 'digit' ? { type: 'ANSWER_DIGIT', position: prompt.input.position, digit: customer.digit(prompt.input.position) } : { type: 'CONFIRM' };
 * ```
 */
export interface TurnView {
  script: CallScript;
  /** What the agent's desktop shows now. */
  prompt: PromptStep;
  /** 1-based number of the turn about to be taken. */
  turn: number;
  /** Audit events so far (attempts, reveals, refusals...). */
  audit: readonly AuditEvent[];
  customer: {
    /** The customer's own PESEL digit at `position` (1-11). */
    digit(position: number): string;
    /** The customer's own answer to a script question. */
    answer(questionId: string): string;
  };
}

/**
 * A turn decided at run time from what the agent's desktop shows.
 *
 * @example
 * ```ts
 * const confirmAnything: TurnFunction = () => ({ type: 'CONFIRM' });
 * ```
 */
export type TurnFunction = (view: TurnView) => CustomerTurn;

/**
 * One entry of a turn list: a fixed turn or a function of the current prompt.
 *
 * @example
 * ```ts
 * const turns: Turn[] = [{ type: 'CONFIRM' }, ({ prompt }) => (prompt.step === 'caller-id' ? { type: 'DENY' } : { type: 'CONFIRM' })];
 * ```
 */
export type Turn = CustomerTurn | TurnFunction;

/**
 * A scripted customer. `next` is called before every turn and returns what
 * the customer does, or `undefined` to say nothing more. Built-in bots are
 * pure functions of the view, so one bot can play any number of calls.
 *
 * @example
 * ```ts
 * const stubborn: CustomerBot = { persona: 'stubborn', next: () => ({ type: 'DENY' }) };
 * ```
 */
export interface CustomerBot {
  /** Shown in transcripts. */
  readonly persona: string;
  next(view: TurnView): CustomerTurn | undefined;
}

/**
 * A customer turn as a transcript shows it: digits and answer values are
 * replaced by placeholders, so a transcript can be printed, logged or
 * committed as a snapshot without leaking what the customer said.
 *
 * @example
 * ```ts
 * const shown: RedactedTurn = { type: 'ANSWER_DIGIT', position: 7, via: 'voice', digit: '[digit given]' };
 * ```
 */
export type RedactedTurn =
  | Exclude<SessionEventInput, { type: 'ANSWER_DIGIT' } | { type: 'ANSWER' }>
  | { type: 'ANSWER_DIGIT'; position: number; via: 'voice' | 'keypad'; digit: '[digit given]' }
  | { type: 'ANSWER'; questionId: string; value: '[answer given]' }
  | { type: 'WAIT'; seconds: number };

/**
 * Strips what the customer said from an event.
 *
 * @example
 * ```ts
 * redactTurn({ type: 'ANSWER', questionId: 'city', value: 'Kraków' }); // { ..., value: '[answer given]' }
 * ```
 */
export function redactTurn(event: SessionEventInput | { type: 'WAIT'; seconds: number }): RedactedTurn {
  switch (event.type) {
    case 'ANSWER_DIGIT':
      return { type: 'ANSWER_DIGIT', position: event.position, via: event.via ?? 'voice', digit: '[digit given]' };
    case 'ANSWER':
      return { type: 'ANSWER', questionId: event.questionId, value: '[answer given]' };
    case 'CUSTOMER_ASKS_DIGITS':
      return { type: 'CUSTOMER_ASKS_DIGITS', positions: [...event.positions] };
    default:
      return { ...event };
  }
}
