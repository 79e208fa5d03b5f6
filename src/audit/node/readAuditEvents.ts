import { stat } from 'node:fs/promises';
import { SafecallError } from '../../core/errors.js';
import type { AuditEvent } from '../events.js';
import { auditFiles } from './auditSources.js';
import { AuditLineDecoder, type IssueCounts } from './auditLineDecoder.js';
import { openByteSource } from './byteSource.js';
import { lineRanges } from './lineRanges.js';
import type { AuditLineIssue } from './lineIssue.js';

/**
 * How far a read has got, over all its files.
 *
 * @example
 * ```ts
 * readAuditEvents(path, { onProgress: ({ bytes, totalBytes }) => bar.update(bytes / totalBytes) });
 * ```
 */
export interface ReadProgress {
  /** The file being read. */
  file: string;
  /** Bytes read so far, all files (compressed bytes for `.gz`). */
  bytes: number;
  /** The size of all files when reading began. */
  totalBytes: number;
  /** Lines read so far, all files. */
  lines: number;
  /** Lines skipped so far, all files. */
  skipped: IssueCounts;
}

/**
 * Options of {@link readAuditEvents} and {@link readAuditBatches}.
 *
 * @example
 * ```ts
 * readAuditEvents('audit/', { invalidLines: 'skip', onIssue: (i) => console.warn(`${i.file}:${i.line}: ${i.message}`) });
 * ```
 */
export interface ReadAuditOptions {
  /** Called after every block read (about 1 MiB) and at the end. */
  onProgress?: (progress: ReadProgress) => void;
  /** Lines longer than this are not read into memory (default 1 MiB; the sink writes at most 64 KiB). */
  maxLineBytes?: number;
  /**
   * A line that is JSON but not an audit event, or is too long: `'throw'`
   * (default) stops with `INVALID_AUDIT` naming the file and line; `'skip'`
   * reports it to `onIssue` and goes on. Torn lines are always skipped and
   * reported.
   */
  invalidLines?: 'throw' | 'skip';
  /** Every line skipped, by file and number (never its content). */
  onIssue?: (issue: AuditLineIssue) => void;
  /**
   * Events with the same `data` text share one deep-frozen `data` object
   * instead of each parsing its own: a summary or a sample, which only read
   * events, go about a third faster. Off by default, so every event is yours
   * to change.
   */
  frozenData?: boolean;
}

/**
 * The default of {@link ReadAuditOptions.maxLineBytes}: 1 MiB.
 *
 * @example
 * ```ts
 * readAuditEvents(path, { maxLineBytes: 4 * DEFAULT_MAX_LINE_BYTES });
 * ```
 */
export const DEFAULT_MAX_LINE_BYTES = 1 << 20;
function limitsOf(options: ReadAuditOptions) {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  if (!Number.isSafeInteger(maxLineBytes) || maxLineBytes < 256 || maxLineBytes > 1 << 30) throw new SafecallError('INVALID_ARGUMENT', 'maxLineBytes must be an integer from 256 to 2^30');
  const invalidLines = options.invalidLines ?? 'throw';
  if (invalidLines !== 'throw' && invalidLines !== 'skip') throw new SafecallError('INVALID_ARGUMENT', `invalidLines must be 'throw' or 'skip'`);
  return { maxLineBytes, invalidLines, onIssue: options.onIssue, shareData: options.frozenData === true };
}

/**
 * Streams the audit events of JSON Lines files (as {@link jsonlAuditSink}
 * writes them) in batches: one array per ~128 KiB of lines, the fastest way
 * to feed a summary or a sample. Every line is validated against the audit
 * event schema (lines in the sink's exact layout through a fast path that
 * accepts exactly what zod accepts). A source is a file, a `.gz` file, or a
 * directory (its `*.jsonl` and `*.jsonl.gz` files in name order). Memory is
 * bounded by a 1 MiB read buffer and `maxLineBytes`, whatever the files hold.
 *
 * Lines it cannot use are named by file and number, never by content: a
 * torn line (not JSON: a writer died mid-write) is skipped and reported —
 * an event glued to it is kept; an invalid or too long line throws
 * `INVALID_AUDIT` (or, with `invalidLines: 'skip'`, is reported and
 * skipped). A missing file rejects with Node's error (`ENOENT`…).
 *
 * @example
 * ```ts
 * import { readAuditBatches } from 'safecall-pl/audit/node';
 * const summarizer = createCallSummarizer();
 * for await (const batch of readAuditBatches('/var/log/safecall/')) for (const event of batch) summarizer.add(event);
 * ```
 */
export async function* readAuditBatches(sources: string | readonly string[], options: ReadAuditOptions = {}): AsyncGenerator<AuditEvent[], void, undefined> {
  const limits = limitsOf(options);
  const files = await auditFiles(sources);
  let totalBytes = 0;
  for (const file of files) totalBytes += (await stat(file)).size;
  const done = { bytes: 0, lines: 0 };
  const skipped: IssueCounts = { torn: 0, invalid: 0, tooLong: 0 };
  for (const file of files) {
    const decoder = new AuditLineDecoder(file, limits);
    const source = await openByteSource(file);
    const progress = () =>
      options.onProgress?.({
        file,
        bytes: done.bytes + source.position,
        totalBytes,
        lines: done.lines + decoder.line,
        skipped: { torn: skipped.torn + decoder.counts.torn, invalid: skipped.invalid + decoder.counts.invalid, tooLong: skipped.tooLong + decoder.counts.tooLong },
      });
    try {
      for await (const range of lineRanges(source, { maxLineBytes: limits.maxLineBytes, onTooLong: () => decoder.tooLong() })) {
        const events: AuditEvent[] = [];
        if (range.final) decoder.decodeFinal(range.bytes, range.start, range.end, events);
        else decoder.decodeLines(range.bytes, range.start, range.end, events);
        progress();
        if (events.length) yield events;
      }
      progress();
    } finally {
      done.bytes += source.size;
      done.lines += decoder.line;
      skipped.torn += decoder.counts.torn;
      skipped.invalid += decoder.counts.invalid;
      skipped.tooLong += decoder.counts.tooLong;
      await source.close().catch(() => undefined);
    }
  }
}

/**
 * Streams the audit events of JSON Lines files one at a time: the same
 * reading and validation as {@link readAuditBatches} (which is faster for
 * millions of events: one `await` per block instead of per event).
 *
 * @example
 * ```ts
 * import { readAuditEvents } from 'safecall-pl/audit/node';
 * for await (const event of readAuditEvents(['audit-2026-01.jsonl.gz', 'audit.jsonl'])) {
 *   if (event.type === 'outcome') console.log(event.sessionId, event.data.kind);
 * }
 * ```
 */
export async function* readAuditEvents(sources: string | readonly string[], options: ReadAuditOptions = {}): AsyncGenerator<AuditEvent, void, undefined> {
  for await (const batch of readAuditBatches(sources, options)) yield* batch;
}
