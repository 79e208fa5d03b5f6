import * as z from 'zod/mini';
import { positionSchema } from './positions.js';

/** Schema of a {@link FailureCause}. */
export const failureCauseSchema = z.enum(['wrong', 'dont-know', 'timeout']);

/**
 * Why a wrong attempt counted: a wrong answer, "I don't know", or silence past
 * the per-question timeout. All three count the same (DESIGN rule 7).
 *
 * @example
 * ```ts
 * const cause: FailureCause = 'timeout';
 * ```
 */
export type FailureCause = z.infer<typeof failureCauseSchema>;

/** Schema of a {@link RefusalReason}. */
export const refusalReasonSchema = z.enum(['said', 'birth-date', 'over-limit', 'disclosure']);

/**
 * Why a position the customer asked for in mutual verification is not revealed:
 * `said` — the customer said it in this call (reading it back proves nothing);
 * `birth-date` — positions 1–6, which a fraudster may know;
 * `over-limit` — more than the script's `mutual.maxPositions`;
 * `disclosure` — the digits left unspoken would fall under `mutual.minBitsLeft`.
 *
 * @example
 * ```ts
 * const reason: RefusalReason = 'said';
 * ```
 */
export type RefusalReason = z.infer<typeof refusalReasonSchema>;

/** Schema of a {@link RefusedPosition}. */
export const refusedPositionSchema = z.strictObject({ position: positionSchema, reason: refusalReasonSchema });

/**
 * A refused position with its reason.
 *
 * @example
 * ```ts
 * const refused: RefusedPosition = { position: 9, reason: 'said' };
 * ```
 */
export type RefusedPosition = z.infer<typeof refusedPositionSchema>;

/** Schema of a {@link CallbackRefusal}. */
export const callbackRefusalSchema = z.enum(['too-soon', 'outside-hours', 'closed-day', 'beyond-horizon', 'nonexistent-time']);

/**
 * Why a requested callback time is refused.
 *
 * @example
 * ```ts
 * const why: CallbackRefusal = 'outside-hours';
 * ```
 */
export type CallbackRefusal = z.infer<typeof callbackRefusalSchema>;

/** Schema of a {@link ScheduledCallback}. */
export const scheduledCallbackSchema = z.strictObject({
  /** ISO instant (UTC). */
  at: z.string().check(z.maxLength(40)),
  /** How the agent said it, e.g. "jutro o 8:00". */
  spoken: z.string().check(z.maxLength(200)),
  /** Short reference the customer can quote when calling the official number. */
  reference: z.string().check(z.maxLength(40)),
});

/**
 * The callback a call ended with.
 *
 * @example
 * ```ts
 * crm.schedule(outcome.callback.at, outcome.callback.reference);
 * ```
 */
export type ScheduledCallback = z.infer<typeof scheduledCallbackSchema>;

/** Why a call ended as `failed`. */
export const failedReasonSchema = z.enum(['challenge-failed', 'question-failed', 'mutual-mismatch', 'verifier-unavailable']);
/**
 * Why a call ended as `failed`.
 *
 * @example
 * ```ts
 * const reason: FailedReason = 'mutual-mismatch';
 * ```
 */
export type FailedReason = z.infer<typeof failedReasonSchema>;

/** Why the customer will call the official number themselves. */
export const willCallBackReasonSchema = z.enum(['caller-id-mismatch', 'customer-request', 'vip-doubt', 'challenge-exhausted']);
/**
 * Why the customer will call back: the number on screen did not match, they
 * asked to, they doubted a VIP substitute, or no PESEL challenge was strong
 * enough any more (`pesel.whenExhausted: 'end'`).
 *
 * @example
 * ```ts
 * const reason: WillCallBackReason = 'caller-id-mismatch';
 * ```
 */
export type WillCallBackReason = z.infer<typeof willCallBackReasonSchema>;

/** Schema of a {@link CallOutcome}. */
export const callOutcomeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('verified') }),
  z.strictObject({ kind: z.literal('failed'), reason: failedReasonSchema }),
  z.strictObject({ kind: z.literal('locked') }),
  z.strictObject({ kind: z.literal('wrong-person') }),
  z.strictObject({ kind: z.literal('callback-scheduled'), callback: scheduledCallbackSchema }),
  z.strictObject({ kind: z.literal('customer-will-call-back'), reason: willCallBackReasonSchema }),
  z.strictObject({ kind: z.literal('abandoned'), reason: z.literal('hang-up') }),
]);

/**
 * How a call ended. `session.outcome` is `undefined` until the call is done;
 * the verification service records its own copy and says `verified` only when
 * its state shows every required step passed.
 *
 * @example
 * ```ts
 * switch (session.outcome?.kind) {
 *   case 'verified': openBusinessPart(); break;
 *   case 'callback-scheduled': crm.schedule(session.outcome.callback.at); break;
 * }
 * ```
 */
export type CallOutcome = z.infer<typeof callOutcomeSchema>;

/** Every outcome kind, in a stable order (reports list them so). */
export const OUTCOME_KINDS = ['verified', 'failed', 'locked', 'wrong-person', 'callback-scheduled', 'customer-will-call-back', 'abandoned'] as const;

/** Schema of an {@link OutcomeKind}. */
export const outcomeKindSchema = z.enum(OUTCOME_KINDS);

/**
 * Every outcome kind.
 *
 * @example
 * ```ts
 * const kinds: readonly OutcomeKind[] = OUTCOME_KINDS;
 * ```
 */
export type OutcomeKind = z.infer<typeof outcomeKindSchema>;
