import * as z from 'zod/mini';

const position = z.int().check(z.minimum(1), z.maximum(11));
const cause = z.nullable(z.enum(['wrong', 'dont-know', 'timeout']));
const refusalReason = z.enum(['too-soon', 'outside-hours', 'closed-day', 'beyond-horizon', 'nonexistent-time']);

const outcomeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('verified') }),
  z.strictObject({ kind: z.literal('failed'), reason: z.enum(['challenge-failed', 'question-failed', 'mutual-mismatch', 'verifier-unavailable']) }),
  z.strictObject({ kind: z.literal('locked') }),
  z.strictObject({ kind: z.literal('wrong-person') }),
  z.strictObject({ kind: z.literal('callback-scheduled'), callback: z.strictObject({ at: z.string(), spoken: z.string(), reference: z.string() }) }),
  z.strictObject({ kind: z.literal('customer-will-call-back'), reason: z.enum(['caller-id-mismatch', 'customer-request', 'vip-doubt']) }),
  z.strictObject({ kind: z.literal('abandoned'), reason: z.literal('hang-up') }),
]);

/** Current snapshot format. Bumped when the shape changes; older formats are migrated or refused. */
export const SNAPSHOT_FORMAT = 1;

/**
 * Schema of `session.snapshot()`: JSON-safe, secret-free (positions and
 * counters, never digits or answers), tied to one script id and version.
 */
export const callSnapshotSchema = z.strictObject({
  format: z.literal(SNAPSHOT_FORMAT),
  script: z.strictObject({ id: z.string(), version: z.int() }),
  sessionId: z.string().check(z.minLength(1), z.maxLength(128)),
  startedAt: z.string(),
  /** Machine state path, e.g. `'pesel.asking'`. */
  state: z.string().check(z.regex(/^[A-Za-z]+(\.[A-Za-z]+)?$/)),
  /** Main step index reached before a callback detour (for progress). */
  progress: z.int().check(z.minimum(1)),
  context: z.strictObject({
    challenge: z.nullable(z.strictObject({ positions: z.array(position).check(z.minLength(1), z.maxLength(4)), strengthBits: z.number(), avoidRelaxed: z.boolean() })),
    said: z.array(position),
    answered: z.int().check(z.minimum(0), z.maximum(4)),
    failures: z.int().check(z.minimum(0), z.maximum(3)),
    lastFailure: cause,
    question: z.int().check(z.minimum(0)),
    verifierErrors: z.int().check(z.minimum(0)),
    mutual: z.strictObject({
      pending: z.array(position),
      revealed: z.array(position),
      refused: z.array(z.strictObject({ position, reason: z.enum(['said', 'birth-date', 'over-limit']) })),
    }),
    refusal: z.nullable(z.strictObject({ reason: refusalReason, suggestions: z.array(z.strictObject({ at: z.string(), spoken: z.string() })) })),
    recording: z.enum(['active', 'paused']),
    outcome: z.nullable(outcomeSchema),
  }),
});

/**
 * What `session.snapshot()` returns and `restoreCallSession` takes.
 *
 * @example
 * ```ts
 * localStorage.setItem('call', JSON.stringify(session.snapshot()));
 * ```
 */
export type CallSnapshot = z.output<typeof callSnapshotSchema>;
