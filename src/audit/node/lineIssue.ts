/**
 * A line the reader could not use, by number — never by content, which may
 * be anything (even a PESEL someone pasted into a log).
 *
 * - `torn`: not JSON — the fragment a writer left when it died mid-write.
 *   Always skipped (its event was not acknowledged); an event glued to it
 *   is recovered.
 * - `invalid`: JSON, but not an audit event.
 * - `too-long`: longer than `maxLineBytes`.
 *
 * @example
 * ```ts
 * const issue: AuditLineIssue = { file: 'audit.jsonl', line: 812, kind: 'torn', message: 'not JSON: a torn line (a writer stopped mid-write); skipped' };
 * ```
 */
export interface AuditLineIssue {
  file: string;
  line: number;
  kind: 'torn' | 'invalid' | 'too-long';
  message: string;
}
