import * as z from 'zod/mini';
import { SafecallError, type SafecallErrorCode, type SafecallIssue } from './errors.js';

/**
 * Turns zod issues into safecall issues. Zod messages may quote received
 * values ("expected 1 digit, received '7'"), so only the path and a message
 * built from the issue's kind leave here — never the input (DESIGN.md §4.1).
 */
export function toIssues(issues: readonly z.core.$ZodIssue[]): SafecallIssue[] {
  return issues.map((issue) => ({ path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: describeIssue(issue) }));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `required (${issue.expected})` : `expected ${issue.expected}`;
    case 'too_small':
      return `too small: minimum is ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}`;
    case 'too_big':
      return `too big: maximum is ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}`;
    case 'invalid_value':
      return `expected one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'does not match any allowed shape';
    case 'invalid_format':
      return `invalid format (${issue.format})`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      // custom checks in safecall carry their own value-free messages
      return issue.message;
  }
}

/**
 * Parses `value` with a zod schema or throws a {@link SafecallError} with
 * `code`, a summary message and every issue.
 */
export function parseOrThrow<S extends z.core.$ZodType>(schema: S, value: unknown, code: SafecallErrorCode, what: string): z.output<S> {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  const issues = toIssues(result.error.issues);
  throw new SafecallError(code, `${what}: ${formatIssues(issues)}`, { issues });
}

/** `"pesel.attempts: too big: maximum is 3; id: required (string)"` */
export function formatIssues(issues: readonly SafecallIssue[]): string {
  return issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}
