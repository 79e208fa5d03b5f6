import * as z from 'zod/mini';
import { SafecallError } from '../../core/errors.js';
import { formatIssues, toIssues } from '../../core/validate.js';
import { auditEventSchema, type AuditEvent } from '../events.js';

/**
 * zod's verdict on something that is not an audit event, without the value:
 * paths and kinds of problems — not even an unknown key's name is repeated
 * (an audit line that is not an audit event may hold anything, even a PESEL).
 *
 * @example
 * ```ts
 * const result = z.safeParse(auditEventSchema, value);
 * if (!result.success) console.error(`line 12: ${describeAuditProblem(result.error).message}`);
 * ```
 */
export function describeAuditProblem(error: z.core.$ZodError): { message: string; issues: ReturnType<typeof toIssues> } {
  const issues = toIssues(error.issues).map((issue, i) => (error.issues[i]?.code === 'unrecognized_keys' ? { ...issue, message: 'unknown key(s)' } : issue));
  return { message: formatIssues(issues), issues };
}

/**
 * Validates one audit event; the error says what is wrong and where, never
 * what the value was.
 *
 * @example
 * ```ts
 * parseAuditEvent(JSON.parse(line), 'audit.jsonl:12');
 * ```
 */
export function parseAuditEvent(value: unknown, where: string): AuditEvent {
  const result = z.safeParse(auditEventSchema, value);
  if (result.success) return result.data;
  const { message, issues } = describeAuditProblem(result.error);
  throw new SafecallError('INVALID_AUDIT', `${where}: not an audit event: ${message}`, { issues });
}
