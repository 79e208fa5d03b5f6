import * as z from 'zod/mini';
import { parseOrThrow } from '../core/validate.js';
import type { AttemptLimits } from './store/types.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// Finite, positive and sane: NaN, Infinity, 0 and negatives are errors, never a silent "off".
const count = (max: number) => z.int().check(z.minimum(1), z.maximum(max));
const minutes = (max: number) => z.number().check(z.refine(Number.isFinite, 'must be a finite number'), z.gt(0), z.lte(max));

/**
 * Schema of {@link VerificationPolicyInput}: the service's limits across calls.
 * Every field has a default; anything non-finite, zero, negative or absurd is
 * an `INVALID_ARGUMENT`.
 */
export const verificationPolicySchema = z.strictObject({
  /** Failed attempts (any item) in a rolling window that lock the customer out. Default 3 in 24 h, locked for 1 h. */
  failures: z.prefault(
    z.strictObject({
      max: z._default(count(10), 3),
      windowMinutes: z._default(minutes(30 * 24 * 60), 24 * 60),
      lockMinutes: z._default(minutes(30 * 24 * 60), 60),
    }),
    {},
  ),
  /** Attempts (right or wrong) in a rolling window; one more locks for `failures.lockMinutes` (PCI DSS 8.3.4: at most 10). */
  attempts: z.prefault(z.strictObject({ max: z._default(count(10), 10), windowMinutes: z._default(minutes(24 * 60), 30) }), {}),
  /** Consecutive failures ever (reset only by a pass) that lock the customer until staff unlock them (NIST SP 800-63B: 100). */
  consecutiveMax: z._default(count(100), 100),
  /** The disclosure ledger: the challenge is strong against a listener of `days`; fresh positions are preferred over `preferFreshDays`. */
  ledger: z.prefault(
    z
      .strictObject({ days: z._default(count(365), 7), preferFreshDays: z._default(count(3650), 90) })
      .check(z.refine((l) => l.preferFreshDays >= l.days, { message: 'preferFreshDays must be at least days', path: ['preferFreshDays'] })),
    {},
  ),
  /** How long a call can be continued, queried and attested after it opens. */
  callHours: z._default(count(24 * 30), 24),
});

/**
 * The service's limits as a caller writes them (every field optional).
 *
 * @example
 * ```ts
 * const policy: VerificationPolicyInput = { failures: { max: 3, windowMinutes: 1440, lockMinutes: 60 } };
 * ```
 */
export type VerificationPolicyInput = z.input<typeof verificationPolicySchema>;

/**
 * The service's limits with every default filled in.
 *
 * @example
 * ```ts
 * const policy: VerificationPolicy = parseVerificationPolicy({});
 * policy.attempts.max; // 10
 * ```
 */
export type VerificationPolicy = z.output<typeof verificationPolicySchema>;

/**
 * Validates a policy and fills in the defaults. Throws `INVALID_ARGUMENT` listing every problem.
 *
 * @example
 * ```ts
 * parseVerificationPolicy({ failures: { max: Number.NaN } }); // throws SafecallError INVALID_ARGUMENT
 * ```
 */
export function parseVerificationPolicy(input: unknown): VerificationPolicy {
  return parseOrThrow(verificationPolicySchema, input ?? {}, 'INVALID_ARGUMENT', 'Invalid verification policy');
}

/** The policy in milliseconds: the attempt limits the store checks, plus the service's windows. */
export interface PolicyLimits extends AttemptLimits {
  ledgerMs: number;
  freshMs: number;
  callMs: number;
  /** How long a ledger is kept after its last change: long enough for every window above. */
  keepMs: number;
}

/** {@link VerificationPolicy} in milliseconds. */
export function limitsOf(policy: VerificationPolicy): PolicyLimits {
  const failWindowMs = policy.failures.windowMinutes * MINUTE;
  const lockMs = policy.failures.lockMinutes * MINUTE;
  const tryWindowMs = policy.attempts.windowMinutes * MINUTE;
  const freshMs = policy.ledger.preferFreshDays * DAY;
  return {
    failMax: policy.failures.max,
    failWindowMs,
    lockMs,
    tryMax: policy.attempts.max,
    tryWindowMs,
    streakMax: policy.consecutiveMax,
    ledgerMs: policy.ledger.days * DAY,
    freshMs,
    callMs: policy.callHours * 60 * MINUTE,
    keepMs: Math.ceil(Math.max(failWindowMs, lockMs, tryWindowMs, freshMs)),
  };
}
