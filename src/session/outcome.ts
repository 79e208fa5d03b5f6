/** Why a wrong attempt counted: a wrong answer, "I don't know", or silence past the timeout. */
export type FailureCause = 'wrong' | 'dont-know' | 'timeout';

/** Why a position the customer asked for in mutual verification is not revealed. */
export type RefusalReason =
  /** The customer said this digit in this call: reading it back proves nothing. */
  | 'said'
  /** Positions 1-6 are the birth date, which a fraudster may know. */
  | 'birth-date'
  /** The script's limit of revealed digits would be exceeded. */
  | 'over-limit';

/** A refused position with its reason. */
export interface RefusedPosition {
  position: number;
  reason: RefusalReason;
}

/** The callback a call ended with. */
export interface ScheduledCallback {
  /** ISO instant (UTC). */
  at: string;
  /** How the agent said it, e.g. "jutro o 8:00". */
  spoken: string;
  /** Short reference the customer can quote when calling the official number. */
  reference: string;
}

/** Why a call ended as `failed`. */
export type FailedReason =
  | 'challenge-failed'
  | 'question-failed'
  /** The customer said the revealed digits do not match: possible data problem or fraud. */
  | 'mutual-mismatch'
  | 'verifier-unavailable';

/** Why the customer will call back themselves. */
export type WillCallBackReason = 'caller-id-mismatch' | 'customer-request' | 'vip-doubt';

/**
 * How a call ended. `session.outcome` is `undefined` until the call is done.
 *
 * @example
 * ```ts
 * switch (session.outcome?.kind) {
 *   case 'verified': openBusinessPart(); break;
 *   case 'callback-scheduled': crm.schedule(session.outcome.callback.at); break;
 * }
 * ```
 */
export type CallOutcome =
  | { kind: 'verified' }
  | { kind: 'failed'; reason: FailedReason }
  | { kind: 'locked' }
  | { kind: 'wrong-person' }
  | { kind: 'callback-scheduled'; callback: ScheduledCallback }
  | { kind: 'customer-will-call-back'; reason: WillCallBackReason }
  | { kind: 'abandoned'; reason: 'hang-up' };

/** Every outcome kind. */
export type OutcomeKind = CallOutcome['kind'];

/** Every outcome kind, in a stable order (reports list them so). */
export const OUTCOME_KINDS: readonly OutcomeKind[] = [
  'verified',
  'failed',
  'locked',
  'wrong-person',
  'callback-scheduled',
  'customer-will-call-back',
  'abandoned',
];
