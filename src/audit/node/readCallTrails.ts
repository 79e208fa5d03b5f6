import { SafecallError } from '../../core/errors.js';
import type { AuditEvent } from '../events.js';
import { auditFiles } from './auditSources.js';
import { AuditLineDecoder } from './auditLineDecoder.js';
import { openByteSource } from './byteSource.js';
import { lineRanges } from './lineRanges.js';
import { DEFAULT_MAX_LINE_BYTES, type ReadAuditOptions } from './readAuditEvents.js';

/**
 * The events of a few calls out of a large trail, in one pass: a block of
 * lines is parsed only if it contains one of the session ids as the sink
 * writes it (`"sessionId":"…"`), so the search runs at the speed of the
 * disk. Lines in another layout (written by hand, re-serialised with spaces)
 * are not searched; the lines that are read are validated as by
 * `readAuditEvents`, and their problems reported with their line numbers.
 *
 * @example
 * ```ts
 * import { callTrail, formatTrail } from 'safecall-pl/audit';
 * import { readCallTrails } from 'safecall-pl/audit/node';
 * const trails = await readCallTrails('/var/log/safecall/', ['c-1001', 'c-2002']);
 * process.stdout.write(formatTrail(callTrail(trails.get('c-1001') ?? [], 'c-1001')));
 * ```
 */
export async function readCallTrails(
  sources: string | readonly string[],
  sessionIds: readonly string[],
  options: Omit<ReadAuditOptions, 'frozenData'> = {},
): Promise<Map<string, AuditEvent[]>> {
  if (!Array.isArray(sessionIds) || sessionIds.length === 0 || sessionIds.some((id) => typeof id !== 'string' || id.length === 0)) {
    throw new SafecallError('INVALID_ARGUMENT', 'readCallTrails needs one or more session ids');
  }
  const trails = new Map<string, AuditEvent[]>(sessionIds.map((id) => [id, []]));
  const needles = sessionIds.map((id) => Buffer.from(`"sessionId":${JSON.stringify(id)},`, 'utf8'));
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const limits = { maxLineBytes, invalidLines: options.invalidLines ?? 'throw', onIssue: options.onIssue };
  for (const file of await auditFiles(sources)) {
    const decoder = new AuditLineDecoder(file, limits);
    const source = await openByteSource(file);
    try {
      for await (const { bytes, start, end, final } of lineRanges(source, { maxLineBytes, onTooLong: () => decoder.tooLong() })) {
        const range = bytes.subarray(start, end);
        if (!needles.some((needle) => range.includes(needle))) {
          decoder.skipLines(bytes, start, end);
          continue;
        }
        const events: AuditEvent[] = [];
        if (final) decoder.decodeFinal(bytes, start, end, events);
        else decoder.decodeLines(bytes, start, end, events);
        for (const event of events) trails.get(event.sessionId)?.push(event);
      }
      options.onProgress?.({ file, bytes: source.position, totalBytes: source.size, lines: decoder.line, skipped: { ...decoder.counts } });
    } finally {
      await source.close().catch(() => undefined);
    }
  }
  return trails;
}
