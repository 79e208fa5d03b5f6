import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { SafecallError } from '../../core/errors.js';
import type { AuditEvent } from '../events.js';
import { parseAuditEvent } from './auditIssues.js';

/**
 * How far {@link readAuditEvents} has read.
 *
 * @example
 * ```ts
 * readAuditEvents(path, { onProgress: ({ bytes, totalBytes }) => bar.update(bytes / totalBytes) });
 * ```
 */
export interface ReadProgress {
  /** Bytes read from the file so far. */
  bytes: number;
  /** The file's size when reading began. */
  totalBytes: number;
  /** Lines read so far. */
  lines: number;
}

/**
 * Options of {@link readAuditEvents}.
 *
 * @example
 * ```ts
 * readAuditEvents('audit.jsonl', { onProgress: (p) => console.error(p.lines), progressEvery: 50_000 });
 * ```
 */
export interface ReadAuditOptions {
  /** Called every `progressEvery` lines and at the end. */
  onProgress?: (progress: ReadProgress) => void;
  /** Default 10,000. */
  progressEvery?: number;
}

/**
 * Streams the audit events of a JSON Lines file (as written by
 * {@link jsonlAuditSink}) without loading it whole: a read stream and
 * `readline`, one line at a time. Each line is parsed and validated against
 * the audit event schema; blank lines are skipped. A line that is not valid
 * JSON or not an audit event throws `SafecallError` (`INVALID_AUDIT`) naming
 * the file and line number — never the line's content, which may be anything.
 * A missing or unreadable file throws Node's error (`ENOENT`, `EACCES`...).
 *
 * @example
 * ```ts
 * import { readAuditEvents } from 'safecall/audit/node';
 * const summarizer = createCallSummarizer();
 * for await (const event of readAuditEvents('audit.jsonl')) summarizer.add(event);
 * ```
 */
export async function* readAuditEvents(path: string, options: ReadAuditOptions = {}): AsyncGenerator<AuditEvent, void, undefined> {
  if (typeof path !== 'string' || path.length === 0) throw new SafecallError('INVALID_ARGUMENT', 'readAuditEvents needs a file path');
  const every = options.progressEvery ?? 10_000;
  const file = await open(path, 'r');
  const totalBytes = (await file.stat()).size;
  const stream = file.createReadStream({ encoding: 'utf8', highWaterMark: 1 << 20 });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const raw of lines) {
      lineNumber++;
      if (options.onProgress && lineNumber % every === 0) options.onProgress({ bytes: stream.bytesRead, totalBytes, lines: lineNumber });
      const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (!line.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new SafecallError('INVALID_AUDIT', `${path}:${lineNumber}: not valid JSON`);
      }
      yield parseAuditEvent(value, `${path}:${lineNumber}`);
    }
    options.onProgress?.({ bytes: stream.bytesRead, totalBytes, lines: lineNumber });
  } finally {
    lines.close();
    stream.destroy();
    await file.close().catch(() => undefined);
  }
}
