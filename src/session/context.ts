import type { CallbackDecision, CallbackRefusal, CallbackSlot, CallOutcome, CallState, FailureCause, RefusedPosition } from '../model/index.js';

/**
 * The machine's context: what the call has reached, as positions, counts and
 * the service's last word. No PESEL digit and no answer value ever enters it —
 * those stay in the session's vault — so an inspector, a persisted snapshot or
 * a log of the context cannot leak them.
 */
export interface CallContext {
  /** The verification service's latest state of this call; null until `open` answered. */
  call: CallState | null;
  /** Digits given in the current attempt (positions `call.challenge[0..answered)`). */
  answered: number;
  /** Index of the current script question. */
  question: number;
  /** Wrong attempts at the current item (the challenge, or the current question) in this call. */
  failures: number;
  /** How the attempt being checked will count if it fails: a wrong answer, "I don't know", or silence. */
  cause: FailureCause;
  /** Why the previous attempt failed, until the next one starts. */
  lastFailure: FailureCause | null;
  /** Service failures in a row; the call fails closed after the script's `verifier.maxErrors`. */
  verifierErrors: number;
  mutual: { pending: number[]; refused: RefusedPosition[] };
  /** The last refused callback request, with the slots to offer instead. */
  refusal: { reason: CallbackRefusal; suggestions: CallbackSlot[] } | null;
  /** The customer stepped aside and came back: the safe-place question is asked briefly. */
  afterHold: boolean;
  /** 1-based index of the last main step reached (detours report it). */
  progress: number;
  /** How the call ends, once decided. */
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
  /** Sent by `restoreCallSession` only: timers restart, pending checks are re-read from the service. */
  | { type: 'safecall.restored' };

/** The context a new call starts with (a restore replaces it from the snapshot and the service). */
export function initialContext(): CallContext {
  return {
    call: null,
    answered: 0,
    question: 0,
    failures: 0,
    cause: 'wrong',
    lastFailure: null,
    verifierErrors: 0,
    mutual: { pending: [], refused: [] },
    refusal: null,
    afterHold: false,
    progress: 1,
    outcome: null,
  };
}
