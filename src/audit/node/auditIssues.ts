import * as z from 'zod/mini';
import { SafecallError } from '../../core/errors.js';
import { formatIssues, toIssues } from '../../core/validate.js';
import { auditEventSchema, type AuditEvent } from '../events.js';

/**
 * Validates one audit event; the error says what is wrong and where, never
 * what the value was (an audit line that is not an audit event may hold
 * anything, even a PESEL — not even an unknown key's name is repeated).
 *
 * @example
 * ```ts
 * parseAuditEvent(JSON.parse(line), 'audit.jsonl:12');
 * ```
 */
export function parseAuditEvent(value: unknown, where: string): AuditEvent {
  const result = z.safeParse(auditEventSchema, value);
  if (result.success) return result.data;
  const issues = toIssues(result.error.issues).map((issue, i) => (result.error.issues[i]?.code === 'unrecognized_keys' ? { ...issue, message: 'unknown key(s)' } : issue));
  throw new SafecallError('INVALID_AUDIT', `${where}: not an audit event: ${formatIssues(issues)}`, { issues });
}
