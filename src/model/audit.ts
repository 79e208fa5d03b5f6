import * as z from 'zod/mini';
import { localeSchema } from './locale.js';
import { callbackRefusalSchema, failureCauseSchema, outcomeKindSchema, refusedPositionSchema } from './outcome.js';
import { positionSchema } from './positions.js';
import { stepIdSchema, verifierTaskSchema } from './steps.js';

const positions = z.array(positionSchema);
const empty = z.strictObject({});

const envelope = {
  /** ISO instant from the session's clock. */
  at: z.string(),
  sessionId: z.string(),
  scriptId: z.string(),
  scriptVersion: z.int(),
  /** The prompt step the event happened at. */
  step: stepIdSchema,
};

const record = <T extends string, D extends z.core.$ZodType>(type: T, data: D) => z.strictObject({ ...envelope, type: z.literal(type), data });

/**
 * Schema of one audit event. Audit events carry positions, counts, reasons and
 * times — never a PESEL digit or an answer value (DESIGN rule 1).
 */
export const auditEventSchema = z.discriminatedUnion('type', [
  record('call-started', z.strictObject({ agentId: z.string(), locale: localeSchema, restored: z.boolean() })),
  record('step-entered', empty),
  record('safe-place', z.strictObject({ safe: z.boolean() })),
  record('hold', empty),
  record('resume', empty),
  record('consent', z.strictObject({ given: z.boolean() })),
  record('challenge-issued', z.strictObject({ positions, strengthBits: z.number(), attempt: z.int(), reissued: z.boolean() })),
  record('challenge-exhausted', z.strictObject({ then: z.enum(['questions', 'end']) })),
  record('digit-given', z.strictObject({ position: positionSchema, via: z.enum(['voice', 'keypad']) })),
  record('challenge-passed', z.strictObject({ attempt: z.int() })),
  record('challenge-failed', z.strictObject({ attempt: z.int(), cause: failureCauseSchema, attemptsLeft: z.int() })),
  record('question-passed', z.strictObject({ questionId: z.string(), attempt: z.int() })),
  record('question-failed', z.strictObject({ questionId: z.string(), attempt: z.int(), cause: failureCauseSchema, attemptsLeft: z.int() })),
  record('verifier-error', z.strictObject({ task: verifierTaskSchema, cause: z.enum(['error', 'timeout']) })),
  record('recording', z.strictObject({ recording: z.enum(['pause', 'resume']) })),
  record('mutual-requested', z.strictObject({ requested: positions, allowed: positions, refused: z.array(refusedPositionSchema) })),
  record('mutual-declined', empty),
  record('reveal-refused', z.strictObject({ refused: z.array(refusedPositionSchema) })),
  record('digits-revealed', z.strictObject({ positions, bitsLeft: z.number() })),
  record('mutual-result', z.strictObject({ matches: z.boolean() })),
  record('callback-planned', z.strictObject({ at: z.string(), reference: z.string() })),
  record('callback-refused', z.strictObject({ reason: callbackRefusalSchema })),
  record('outcome', z.strictObject({ kind: outcomeKindSchema, reason: z.optional(z.string()) })),
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

/**
 * Every audit event type.
 *
 * @example
 * ```ts
 * const type: AuditEventType = 'outcome';
 * ```
 */
export type AuditEventType = AuditEvent['type'];

/**
 * The part of an audit event the state machine produces; the session adds the envelope.
 *
 * @example
 * ```ts
 * const record: AuditRecord = { type: 'hold', data: {} };
 * ```
 */
export type AuditRecord = AuditEvent extends infer E ? (E extends AuditEvent ? { type: E['type']; data: E['data'] } : never) : never;

/**
 * Where audit events go. May be async; a failing sink never changes the call.
 *
 * @example
 * ```ts
 * const sink: AuditSink = (event) => queue.push(event);
 * ```
 */
export type AuditSink = (event: AuditEvent) => void | Promise<void>;
