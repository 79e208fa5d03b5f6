import type { AuditLineIssue, IssueCounts } from '../audit/node/index.js';
import { escapeControlCharacters } from '../audit/index.js';
import type { CliIo } from './io.js';

/** Lines listed one by one; past this, only counted. */
const LISTED = 20;

/**
 * Reports skipped lines on stderr by file and number (never their content):
 * the first twenty one per line, then a count.
 *
 * @example
 * ```ts
 * const issues = lineIssuePrinter('report', io);
 * await read({ onIssue: issues.add });
 * issues.end();
 * ```
 */
export function lineIssuePrinter(command: string, io: CliIo): { add(issue: AuditLineIssue): void; end(): void; readonly counts: IssueCounts } {
  const counts: IssueCounts = { torn: 0, invalid: 0, tooLong: 0 };
  let seen = 0;
  return {
    counts,
    add(issue) {
      if (issue.kind === 'torn') counts.torn++;
      else if (issue.kind === 'invalid') counts.invalid++;
      else counts.tooLong++;
      if (++seen <= LISTED) io.stderr(`safecall ${command}: ${escapeControlCharacters(issue.file)}:${issue.line}: skipped: ${issue.message}\n`);
    },
    end() {
      if (seen > LISTED) io.stderr(`safecall ${command}: … and ${seen - LISTED} more skipped lines (${counts.torn} torn, ${counts.invalid} invalid, ${counts.tooLong} too long in all)\n`);
    },
  };
}
