import * as z from 'zod/mini';
import { SafecallError } from '../../core/errors.js';
import { auditEventSchema, type AuditEvent } from '../events.js';
import { describeAuditProblem } from './auditIssues.js';
import { decodeCanonicalLine } from './canonicalLine.js';
import type { AuditLineIssue } from './lineIssue.js';

/**
 * What the decoder does with lines it cannot use.
 *
 * @example
 * ```ts
 * const limits: LineLimits = { maxLineBytes: 1 << 20, invalidLines: 'throw' };
 * ```
 */
export interface LineLimits {
  maxLineBytes: number;
  /** `'throw'`: an invalid or too long line stops the read with `INVALID_AUDIT`; `'skip'`: it is reported and skipped. Torn lines are always skipped. */
  invalidLines: 'throw' | 'skip';
  onIssue?: ((issue: AuditLineIssue) => void) | undefined;
  /** Events with the same `data` share one frozen object (see `decodeCanonicalLine`). */
  shareData?: boolean | undefined;
}

/**
 * Counts of the lines skipped so far.
 *
 * @example
 * ```ts
 * if (counts.torn) console.warn(`${counts.torn} torn line(s) skipped`);
 * ```
 */
export interface IssueCounts {
  torn: number;
  invalid: number;
  tooLong: number;
}

declare global {
  interface Buffer {
    /** Undocumented but long-standing: what `toString('utf8', start, end)` calls after checking its arguments, at twice its speed per line. */
    utf8Slice?(start: number, end: number): string;
  }
}

const decodeUtf8: (bytes: Buffer, start: number, end: number) => string =
  typeof Buffer.prototype.utf8Slice === 'function' ? (bytes, start, end) => bytes.utf8Slice!(start, end) : (bytes, start, end) => bytes.toString('utf8', start, end);

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
/** Where a glued event would start: every line the sink writes begins so (elsewhere only a nested `data` object can, and parsing from there fails). */
const EVENT_START = '{"at":"';
const MAX_GLUE_ATTEMPTS = 8;

/**
 * Turns the lines of one file into validated audit events, numbering them,
 * and deals with the lines it cannot use (see {@link AuditLineIssue}).
 *
 * @example
 * ```ts
 * const decoder = new AuditLineDecoder('audit.jsonl', { maxLineBytes: 1 << 20, invalidLines: 'throw' });
 * const events: AuditEvent[] = [];
 * decoder.decodeLines(buffer, 0, end, events);
 * ```
 */
export class AuditLineDecoder {
  /** Number of the last line consumed. */
  line = 0;
  readonly counts: IssueCounts = { torn: 0, invalid: 0, tooLong: 0 };

  constructor(
    readonly file: string,
    private readonly limits: LineLimits,
  ) {}

  /** Decodes the newline-terminated lines in `bytes[start, end)` (the last byte is a newline) into `out`. */
  decodeLines(bytes: Buffer, start: number, end: number, out: AuditEvent[]): void {
    let pos = start;
    while (pos < end) {
      let nl = bytes.indexOf(NEWLINE, pos);
      if (nl < 0 || nl >= end) nl = end;
      this.decodeLine(bytes, pos, nl, out);
      pos = nl + 1;
    }
  }

  /** Counts the lines in `bytes[start, end)` without reading them (a search that only needs some lines keeps their numbers right). */
  skipLines(bytes: Buffer, start: number, end: number): void {
    for (let nl = bytes.indexOf(NEWLINE, start); nl >= 0 && nl < end; nl = bytes.indexOf(NEWLINE, nl + 1)) this.line++;
  }

  /** Decodes the last line of a file when it has no newline: what a writer that died mid-write leaves. */
  decodeFinal(bytes: Buffer, start: number, end: number, out: AuditEvent[]): void {
    this.decodeLine(bytes, start, end, out);
  }

  /** A line grew past `maxLineBytes` before its newline: counts it, then throws or reports it. */
  tooLong(): void {
    this.line++;
    this.problem('too-long', `line longer than ${this.limits.maxLineBytes} bytes`);
  }

  private decodeLine(bytes: Buffer, start: number, stop: number, out: AuditEvent[]): void {
    this.line++;
    if (stop > start && bytes[stop - 1] === CARRIAGE_RETURN) stop--;
    if (stop === start) return;
    if (stop - start > this.limits.maxLineBytes) return this.problem('too-long', `line longer than ${this.limits.maxLineBytes} bytes`);
    let text = decodeUtf8(bytes, start, stop);
    if (this.line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const fast = decodeCanonicalLine(text, this.limits.shareData === true);
    if (fast) {
      out.push(fast);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      if (text.trim() === '') return;
      return this.torn(text, out);
    }
    const result = z.safeParse(auditEventSchema, value);
    if (result.success) out.push(result.data);
    else this.problem('invalid', `not an audit event: ${describeAuditProblem(result.error).message}`);
  }

  private torn(text: string, out: AuditEvent[]): void {
    // A writer killed mid-write leaves a fragment; if another writer's whole event was glued to it, keep that event.
    let attempts = 0;
    for (let i = text.indexOf(EVENT_START, 1); i > 0 && attempts < MAX_GLUE_ATTEMPTS; i = text.indexOf(EVENT_START, i + 1), attempts++) {
      let value: unknown;
      try {
        value = JSON.parse(text.slice(i));
      } catch {
        continue;
      }
      const result = z.safeParse(auditEventSchema, value);
      if (!result.success) continue;
      out.push(result.data);
      this.counts.torn++;
      this.report('torn', 'a torn fragment with a whole event glued after it: fragment skipped, event kept');
      return;
    }
    this.counts.torn++;
    this.report('torn', 'not JSON: a torn line (a writer stopped mid-write); skipped');
  }

  private problem(kind: 'invalid' | 'too-long', message: string): void {
    if (this.limits.invalidLines === 'throw') throw new SafecallError('INVALID_AUDIT', `${this.file}:${this.line}: ${message}`);
    if (kind === 'invalid') this.counts.invalid++;
    else this.counts.tooLong++;
    this.report(kind, message);
  }

  private report(kind: AuditLineIssue['kind'], message: string): void {
    this.limits.onIssue?.({ file: this.file, line: this.line, kind, message });
  }
}
