import * as z from 'zod/mini';

const position = z.int().check(z.minimum(1), z.maximum(11));
const positions = z.array(position);
const cause = z.enum(['wrong', 'dont-know', 'timeout']);
const refused = z.array(z.strictObject({ position, reason: z.enum(['said', 'birth-date', 'over-limit']) }));
const empty = z.strictObject({});

const stepId = z.enum([
  'introduce',
  'confirm-person',
  'caller-id',
  'safe-place',
  'not-safe',
  'on-hold',
  'callback',
  'pesel-digit',
  'question',
  'mutual',
  'reveal',
  'vip-substitute',
  'verifying',
  'verifier-error',
  'handoff',
  'closing',
]);

const envelope = {
  /** ISO instant from the session's clock. */
  at: z.string(),
  sessionId: z.string(),
  scriptId: z.string(),
  scriptVersion: z.int(),
  /** The prompt step the event happened at. */
  step: stepId,
};

const record = <T extends string, D extends z.core.$ZodType>(type: T, data: D) => z.strictObject({ ...envelope, type: z.literal(type), data });

/**
 * Schema of one audit event. Audit events carry positions, counts, reasons and
 * times — never a PESEL digit or an answer value (DESIGN.md §4.1).
 */
export const auditEventSchema = z.discriminatedUnion('type', [
  record('call-started', z.strictObject({ agentId: z.string(), locale: z.enum(['pl', 'en']), restored: z.boolean() })),
  record('step-entered', empty),
  record('safe-place', z.strictObject({ safe: z.boolean() })),
  record('hold', empty),
  record('resume', empty),
  record('challenge-issued', z.strictObject({ positions, strengthBits: z.number(), attempt: z.int(), avoidRelaxed: z.boolean() })),
  record('digit-given', z.strictObject({ position, via: z.enum(['voice', 'keypad']) })),
  record('challenge-passed', z.strictObject({ attempt: z.int() })),
  record('challenge-failed', z.strictObject({ attempt: z.int(), cause, attemptsLeft: z.int() })),
  record('question-passed', z.strictObject({ questionId: z.string(), attempt: z.int() })),
  record('question-failed', z.strictObject({ questionId: z.string(), attempt: z.int(), cause, attemptsLeft: z.int() })),
  record('verifier-error', z.strictObject({ task: z.enum(['digits', 'answer', 'reveal']), cause: z.enum(['error', 'timeout']) })),
  record('recording', z.strictObject({ recording: z.enum(['pause', 'resume']) })),
  record('mutual-requested', z.strictObject({ requested: positions, allowed: positions, refused })),
  record('mutual-declined', empty),
  record('digits-revealed', z.strictObject({ positions })),
  record('mutual-result', z.strictObject({ matches: z.boolean() })),
  record('callback-planned', z.strictObject({ at: z.string(), reference: z.string() })),
  record('callback-refused', z.strictObject({ reason: z.enum(['too-soon', 'outside-hours', 'closed-day', 'beyond-horizon', 'nonexistent-time']) })),
  record(
    'outcome',
    z.strictObject({
      kind: z.enum(['verified', 'failed', 'locked', 'wrong-person', 'callback-scheduled', 'customer-will-call-back', 'abandoned']),
      reason: z.optional(z.string()),
    }),
  ),
]);

/**
 * One audit event: `{ at, sessionId, scriptId, scriptVersion, type, step, data }`.
 * Discriminated by `type`, so `data` is typed per event.
 *
 * @example
 * ```ts
 * const sink = (event: AuditEvent) => {
 *   if (event.type === 'challenge-issued') metrics.observe(event.data.strengthBits);
 * };
 * ```
 */
export type AuditEvent = z.output<typeof auditEventSchema>;
/** Every audit event type. */
export type AuditEventType = AuditEvent['type'];
/** The part of an audit event the state machine produces; the session adds the envelope. */
export type AuditRecord = AuditEvent extends infer E ? (E extends AuditEvent ? { type: E['type']; data: E['data'] } : never) : never;
/** Where audit events go. May be async; a failing sink never changes the call. */
export type AuditSink = (event: AuditEvent) => void | Promise<void>;
