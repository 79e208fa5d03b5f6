import type { CallState, OpenCallRequest, RevealResult } from './callState.js';
import type { CallOutcome } from './outcome.js';

/**
 * The call-scoped port to the verification service: the only way a session
 * learns anything about the customer's PESEL. `httpVerifier(url)` implements
 * it over HTTP on a desktop; `createVerificationService(...)` implements it
 * in-process on the server (and in tests and simulations).
 *
 * The service decides everything: it issues the challenge, counts attempts,
 * evaluates answers, refuses reveals and records the outcome. A rejected
 * promise means "unavailable" — the session fails closed and may retry.
 *
 * @example
 * ```ts
 * const state = await verifier.open({ customerRef: 'c-4411', script: { id: 'fraud-alert', version: 3 }, agentId: 'a-17' });
 * state.challenge; // e.g. [7, 8, 9]
 * ```
 */
export interface Verifier {
  /** Starts a verification; the service issues the challenge. */
  open(request: OpenCallRequest): Promise<CallState>;
  /** The current state of a call (after a desktop reload). */
  resume(callId: string): Promise<CallState>;
  /** One attempt at the challenge: position → the digit the customer gave. */
  checkDigits(callId: string, answers: Record<number, string>): Promise<CallState>;
  /** One attempt at a script question. */
  checkAnswer(callId: string, questionId: string, value: string): Promise<CallState>;
  /** Digits for the agent to read out in mutual verification; throws `REVEAL_REFUSED` when the rules forbid it. */
  reveal(callId: string, positions: number[]): Promise<RevealResult>;
  /** Records how the call ended; `verified` only if the service's own state agrees. */
  close(callId: string, outcome: CallOutcome): Promise<CallState>;
}
