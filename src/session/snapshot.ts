import * as z from 'zod/mini';
import { callbackRefusalSchema, callOutcomeSchema, failureCauseSchema, positionSchema, refusedPositionSchema } from '../model/index.js';

const position = positionSchema;
const count = z.int().check(z.minimum(0), z.maximum(1000));

/** Current snapshot format. Bumped when the shape changes; older formats are refused (`INVALID_SNAPSHOT`). */
export const SNAPSHOT_FORMAT = 2;

/**
 * Schema of `session.snapshot()`: JSON-safe and secret-free (positions and
 * counts, never a digit or an answer), tied to one script id and version.
 * `claims` is what the desktop believed of the service's state; a restore
 * checks it against the service, whose state wins.
 */
export const callSnapshotSchema = z.strictObject({
  format: z.literal(SNAPSHOT_FORMAT),
  script: z.strictObject({ id: z.string().check(z.maxLength(64)), version: z.int() }),
  sessionId: z.string().check(z.minLength(1), z.maxLength(128)),
  startedAt: z.string().check(z.maxLength(40)),
  /** Machine state path, e.g. `'pesel.digits.asking'`. */
  state: z.string().check(z.regex(/^[A-Za-z]+(?:\.[A-Za-z]+){0,2}$/)),
  /** The service's call id, once opened. */
  callId: z._default(z.nullable(z.string().check(z.minLength(1), z.maxLength(128))), null),
  /** The machine's context; fields at their initial value are left out (a snapshot is stored on every step). */
  context: z._default(
    z.strictObject({
      question: z._default(count, 0),
      failures: z._default(count, 0),
      lastFailure: z._default(z.nullable(failureCauseSchema), null),
      verifierErrors: z._default(count, 0),
      afterHold: z._default(z.boolean(), false),
      progress: z._default(count, 1),
      mutual: z._default(z.strictObject({ pending: z.array(position).check(z.maxLength(11)), refused: z.array(refusedPositionSchema).check(z.maxLength(11)) }), () => ({ pending: [], refused: [] })),
      refusal: z._default(z.nullable(z.strictObject({ reason: callbackRefusalSchema, suggestions: z.array(z.strictObject({ at: z.string(), spoken: z.string() })).check(z.maxLength(10)) })), null),
      outcome: z._default(z.nullable(callOutcomeSchema), null),
    }),
    () => ({ question: 0, failures: 0, lastFailure: null, verifierErrors: 0, afterHold: false, progress: 1, mutual: { pending: [], refused: [] }, refusal: null, outcome: null }),
  ),
  /** What the desktop believed of the service's state: checked against it on restore. */
  claims: z._default(
    z.nullable(
      z.strictObject({
        challenge: z.nullable(z.array(position).check(z.maxLength(4))),
        attemptsLeft: count,
        /** `questions`: how many of the script's questions, in order, the desktop saw passed. */
        passed: z._default(z.strictObject({ pesel: z._default(z.boolean(), false), questions: z._default(count, 0) }), () => ({ pesel: false, questions: 0 })),
        revealed: z._default(z.array(position).check(z.maxLength(11)), () => []),
      }),
    ),
    null,
  ),
});

/**
 * What `session.snapshot()` returns and `restoreCallSession` takes.
 *
 * @example
 * ```ts
 * sessionStorage.setItem('call', JSON.stringify(session.snapshot()));
 * ```
 */
export type CallSnapshot = z.output<typeof callSnapshotSchema>;

/**
 * A snapshot as stored: every field with an initial value may be left out.
 *
 * @example
 * ```ts
 * const stored: CallSnapshotInput = session.snapshot();
 * ```
 */
export type CallSnapshotInput = z.input<typeof callSnapshotSchema>;

/** The context fields a snapshot keeps (the service's state is re-read on restore, digits are never kept). */
export const SNAPSHOT_CONTEXT = ['question', 'failures', 'lastFailure', 'verifierErrors', 'afterHold', 'progress', 'mutual', 'refusal', 'outcome'] as const;
