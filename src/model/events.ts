import * as z from 'zod/mini';
import { positionSchema, positionsSchema } from './positions.js';

/**
 * Schema of every event a desktop or softphone may send to a session: what
 * the customer said or did, as the agent records it. `RETRY` is the agent's
 * own button after the verification service failed to answer.
 */
export const sessionEventSchema = z.discriminatedUnion('type', [
  /** Yes / the customer agrees to go on. */
  z.strictObject({ type: z.literal('CONFIRM') }),
  /** No. */
  z.strictObject({ type: z.literal('DENY') }),
  /** The customer steps aside to a safe place. */
  z.strictObject({ type: z.literal('HOLD') }),
  /** The customer is back. */
  z.strictObject({ type: z.literal('RESUME') }),
  /** One digit of the PESEL challenge, spoken or typed on the keypad (DTMF). */
  z.strictObject({
    type: z.literal('ANSWER_DIGIT'),
    position: positionSchema,
    digit: z.string().check(z.regex(/^[0-9]$/, 'a single digit 0-9')),
    via: z._default(z.enum(['voice', 'keypad']), 'voice'),
  }),
  /** The answer to one of the script's extra questions. */
  z.strictObject({ type: z.literal('ANSWER'), questionId: z.string().check(z.minLength(1), z.maxLength(64)), value: z.string().check(z.maxLength(200)) }),
  /** Mutual verification: the customer asks the agent for these PESEL positions. */
  z.strictObject({ type: z.literal('CUSTOMER_ASKS_DIGITS'), positions: positionsSchema.check(z.minLength(1)) }),
  /** The customer does not know the answer: counts as a wrong attempt. */
  z.strictObject({ type: z.literal('DONT_KNOW') }),
  /** The customer wants a call back: in N minutes, at an instant, or the first free slot. */
  z
    .strictObject({
      type: z.literal('REQUEST_CALLBACK'),
      /** Call back in this many minutes. */
      inMinutes: z.optional(z.int().check(z.minimum(0), z.maximum(60 * 24 * 60))),
      /** Call back at this instant (ISO with offset) or local wall time in the script's zone. */
      at: z.optional(z.string().check(z.minLength(10), z.maxLength(40))),
    })
    .check(z.refine((e) => e.inMinutes === undefined || e.at === undefined, 'give either inMinutes or at, not both')),
  /** The customer will call the official number themselves. */
  z.strictObject({ type: z.literal('CUSTOMER_WILL_CALL_BACK') }),
  /** The line dropped or the customer hung up. */
  z.strictObject({ type: z.literal('HANG_UP') }),
  /** Agent: ask the verification service again after it failed to answer. */
  z.strictObject({ type: z.literal('RETRY') }),
]);

/**
 * An event as a desktop sends it (optional fields may be omitted).
 *
 * @example
 * ```ts
 * const event: SessionEventInput = { type: 'ANSWER_DIGIT', position: 5, digit: '1' };
 * ```
 */
export type SessionEventInput = z.input<typeof sessionEventSchema>;

/**
 * A validated event.
 *
 * @example
 * ```ts
 * const event: SessionEvent = { type: 'ANSWER_DIGIT', position: 5, digit: '1', via: 'voice' };
 * ```
 */
export type SessionEvent = z.output<typeof sessionEventSchema>;

/**
 * Every event type: `'CONFIRM' | 'DENY' | ...`.
 *
 * @example
 * ```ts
 * const type: SessionEventType = 'HANG_UP';
 * ```
 */
export type SessionEventType = SessionEvent['type'];
