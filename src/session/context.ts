import type { CallbackRefusal } from '../callback/index.js';
import type { CallbackSlot } from '../prompts/index.js';
import type { CallOutcome, FailureCause, RefusedPosition } from './outcome.js';

/** The PESEL positions a call asks, chosen once when the session is created. */
export interface IssuedChallenge {
  positions: number[];
  strengthBits: number;
  /** True when recently asked positions had to be reused to find a strong enough set. */
  avoidRelaxed: boolean;
}

/** What the machine is created with. */
export interface CallMachineInput {
  challenge: IssuedChallenge | null;
}

/** How a callback request was decided before it reached the machine (planning needs the clock). */
export type CallbackDecision =
  | { ok: true; at: string; spoken: string; reference: string }
  | { ok: false; reason: CallbackRefusal; suggestions: CallbackSlot[] };

/**
 * The machine's context. It holds no PESEL digit and no answer value: those
 * stay in the session's private vault, so an inspector, a persisted snapshot
 * or a log of the context can never leak them.
 */
export interface CallContext {
  challenge: IssuedChallenge | null;
  /** Positions the customer has said in this call. */
  said: number[];
  /** Digits given in the current attempt. */
  answered: number;
  /** Wrong attempts on the current item (the PESEL challenge, or the current question). */
  failures: number;
  lastFailure: FailureCause | null;
  /** Index of the current script question. */
  question: number;
  verifierErrors: number;
  mutual: { pending: number[]; revealed: number[]; refused: RefusedPosition[] };
  refusal: { reason: CallbackRefusal; suggestions: CallbackSlot[] } | null;
  recording: 'active' | 'paused';
  outcome: CallOutcome | null;
}

/** Events as the machine sees them: the session strips digits and answer values before sending. */
export type MachineEvent =
  | { type: 'CONFIRM' }
  | { type: 'DENY' }
  | { type: 'HOLD' }
  | { type: 'RESUME' }
  | { type: 'DONT_KNOW' }
  | { type: 'RETRY' }
  | { type: 'CUSTOMER_WILL_CALL_BACK' }
  | { type: 'HANG_UP' }
  | { type: 'ANSWER_DIGIT'; position: number; via: 'voice' | 'keypad' }
  | { type: 'ANSWER'; questionId: string }
  | { type: 'CUSTOMER_ASKS_DIGITS'; positions: number[] }
  | { type: 'REQUEST_CALLBACK'; decision: CallbackDecision }
  /** Sent by `restoreCallSession` so timers restart and lost in-memory answers are asked again. */
  | { type: 'safecall.restored' };
