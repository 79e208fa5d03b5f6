import * as z from 'zod/mini';
import { callOutcomeSchema } from './outcome.js';
import { positionSchema, positionsSchema } from './positions.js';

const count = z.int().check(z.minimum(0), z.maximum(1000));
const id = z.string().check(z.minLength(1), z.maxLength(128));

/**
 * Schema of {@link CallState}: what the verification service tells the
 * desktop about one call. Positions, counts and times — never a digit.
 */
export const callStateSchema = z.strictObject({
  /** The service's unguessable id of this call. */
  callId: id,
  /** The PESEL positions to ask, or `null` when no set is strong enough any more (`pesel.whenExhausted`). */
  challenge: z.nullable(z.array(positionSchema).check(z.minLength(1), z.maxLength(4))),
  /** Strength of `challenge` in bits against a listener of this customer's recent calls (0 without a challenge). */
  challengeBits: z.number().check(z.minimum(0), z.maximum(64)),
  /** True when `challenge` repeats an earlier, unpassed challenge of this customer. */
  reissued: z.boolean(),
  /** Wrong attempts the customer may still make at the PESEL challenge in this call (the stricter of the call's and the customer's limits). */
  attemptsLeft: count,
  /** Wrong attempts left per script question id. */
  questionAttemptsLeft: z.record(id, count),
  /** Wrong attempts counted in this call: at the challenge, and per question id. */
  failures: z.strictObject({ pesel: count, questions: z.record(id, count) }),
  /** What this call has passed, as the service saw it. */
  passed: z.strictObject({ pesel: z.boolean(), questions: z.array(id) }),
  /** Positions revealed to the agent in this call (mutual verification). */
  revealed: positionsSchema,
  /** Set while the customer is locked out: nothing is evaluated. `until: null` = until staff unlock it. */
  locked: z.optional(z.strictObject({ until: z.nullable(z.string()) })),
  /** How the service recorded the end of the call. */
  outcome: z.optional(callOutcomeSchema),
  /** Bits of the PESEL not yet spoken on the line (ledger included) against a listener who knows the birth date. */
  disclosure: z.strictObject({ bitsLeft: z.number().check(z.minimum(0), z.maximum(64)) }),
});

/**
 * The verification service's view of one call.
 *
 * @example
 * ```ts
 * const state: CallState = await verifier.checkDigits(callId, { 5: '1', 8: '3', 9: '8' });
 * if (state.passed.pesel) goOn();
 * else if (state.locked) endCall();
 * ```
 */
export type CallState = z.infer<typeof callStateSchema>;

/** Schema of {@link OpenCallRequest}. */
export const openCallRequestSchema = z.strictObject({
  /** The customer's opaque reference (never the PESEL). */
  customerRef: id,
  /** Which script the call follows; the service uses its own copy. */
  script: z.strictObject({ id: z.string().check(z.minLength(1), z.maxLength(64)), version: z.int().check(z.minimum(1), z.maximum(1_000_000)) }),
  agentId: id,
});

/**
 * What a desktop sends to start a verification.
 *
 * @example
 * ```ts
 * const request: OpenCallRequest = { customerRef: 'c-4411', script: { id: 'fraud-alert', version: 3 }, agentId: 'a-17' };
 * ```
 */
export type OpenCallRequest = z.infer<typeof openCallRequestSchema>;

/** Schema of a reveal's answer: the digits and the call's state after it. */
export const revealResultSchema = z.strictObject({
  digits: z.record(z.string().check(z.regex(/^(?:[1-9]|1[01])$/)), z.string().check(z.regex(/^[0-9]$/))),
  state: callStateSchema,
});

/**
 * The answer to `reveal`: position → digit, for the agent to read out.
 *
 * @example
 * ```ts
 * const { digits } = await verifier.reveal(callId, [10, 11]); // { 10: '3', 11: '4' }
 * ```
 */
export interface RevealResult {
  digits: Record<number, string>;
  state: CallState;
}
