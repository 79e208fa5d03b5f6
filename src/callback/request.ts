import * as z from 'zod/mini';
import { parseOrThrow } from '../core/validate.js';
import { parseDateTime } from './zoned.js';

/** Requests larger than this (about 1000 days) are malformed, not merely beyond the horizon. */
const MAX_MINUTES = 1_440_000;

const minutesSchema = z.int().check(z.gte(0), z.lte(MAX_MINUTES));

/**
 * Zod (`zod/mini`) schema of what the customer asked for:
 * - `{ inMinutes }` — "call me in 15 minutes": now + n minutes, rounded up to the slot grid;
 * - `{ at }` — a date-time: an ISO instant with `Z`/offset
 *   (`'2026-11-24T09:00:00Z'`) or a wall time without offset
 *   (`'2026-11-24T10:00'`) read in the policy's zone; rounded up to the grid;
 * - `{ earliestAfterMinutes }` — "as soon as you can, but not before n
 *   minutes": the first allowed slot.
 *
 * @example
 * ```ts
 * z.parse(callbackRequestSchema, { at: '2026-11-24T10:00' }); // ok
 * z.safeParse(callbackRequestSchema, { at: '2026-02-30T10:00' }).success; // false
 * ```
 */
export const callbackRequestSchema = z.union([
  z.strictObject({ inMinutes: minutesSchema }),
  z.strictObject({ at: z.stringFormat('date-time', (value) => parseDateTime(value) !== undefined) }),
  z.strictObject({ earliestAfterMinutes: minutesSchema }),
]);

/**
 * `{ inMinutes: number } | { at: string } | { earliestAfterMinutes: number }`
 * (see {@link callbackRequestSchema}): the model's `CallbackAsk`, validated.
 *
 * @example
 * ```ts
 * const request: CallbackRequest = { at: '2026-11-24T10:00' };
 * ```
 */
export type CallbackRequest = z.output<typeof callbackRequestSchema>;

/**
 * Validates a callback request. Throws `SafecallError('INVALID_CALLBACK')`.
 *
 * @example
 * ```ts
 * parseCallbackRequest({ inMinutes: 15 }); // { inMinutes: 15 }
 * ```
 */
export function parseCallbackRequest(input: unknown): CallbackRequest {
  return parseOrThrow(callbackRequestSchema, input, 'INVALID_CALLBACK', 'Invalid callback request');
}
