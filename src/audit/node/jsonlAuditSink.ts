import { open, type FileHandle } from 'node:fs/promises';
import { SafecallError } from '../../core/errors.js';
import type { AuditEvent } from '../events.js';
import { parseAuditEvent } from './auditIssues.js';

/**
 * Options of {@link jsonlAuditSink}.
 *
 * @example
 * ```ts
 * jsonlAuditSink('audit.jsonl', { sync: 'none' });
 * ```
 */
export interface JsonlAuditSinkOptions {
  /**
   * `'datasync'` (default): each write is followed by `fdatasync`, and an
   * event's promise resolves only once its line is on disk. `'none'`: leave
   * flushing to the OS (faster, may lose the last events on a power cut).
   */
  sync?: 'datasync' | 'none';
}

/**
 * An audit sink that appends one JSON line per event to a file, and the
 * controls to flush and close it.
 *
 * @example
 * ```ts
 * const sink: JsonlAuditSink = jsonlAuditSink('audit.jsonl');
 * await sink.flush();
 * ```
 */
export interface JsonlAuditSink {
  /** Appends `event`; resolves once it is written (and synced). Rejects `INVALID_AUDIT` for a malformed event. */
  (event: AuditEvent): Promise<void>;
  /** Resolves when every event passed so far is written. */
  flush(): Promise<void>;
  /** Flushes and closes the file; events after that are rejected. */
  close(): Promise<void>;
  readonly path: string;
}

interface Pending {
  line: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * A durable JSON Lines audit sink for Node: pass it as a session's `audit`.
 * The file is opened for appending (`'a'`, created if missing) on the first
 * event, so several processes can append to one file and every line lands
 * whole. Events are written in the order they were passed: one writer drains
 * a queue, and events that arrive while a write is in flight go together in
 * the next write and `fdatasync` (a group commit), so durability costs one
 * sync per batch, not per event, under load. Each event is validated first;
 * a failed write rejects that batch's promises (the session reports it as an
 * `audit-error` notice and the call goes on).
 *
 * @example
 * ```ts
 * import { jsonlAuditSink } from 'safecall/audit/node';
 * const audit = jsonlAuditSink('/var/log/safecall/audit.jsonl');
 * const session = createCallSession(script, { ...deps, audit });
 * process.on('SIGTERM', () => void audit.close());
 * ```
 */
export function jsonlAuditSink(path: string, options: JsonlAuditSinkOptions = {}): JsonlAuditSink {
  if (typeof path !== 'string' || path.length === 0) throw new SafecallError('INVALID_ARGUMENT', 'jsonlAuditSink needs a file path');
  const sync = options.sync ?? 'datasync';
  if (sync !== 'datasync' && sync !== 'none') throw new SafecallError('INVALID_ARGUMENT', `sync must be 'datasync' or 'none'`);
  let queue: Pending[] = [];
  let draining: Promise<void> | undefined;
  let handle: Promise<FileHandle> | undefined;
  let closed = false;

  const drain = async () => {
    while (queue.length) {
      const batch = queue;
      queue = [];
      try {
        handle ??= open(path, 'a');
        const file = await handle;
        await file.appendFile(batch.map((p) => p.line).join(''), 'utf8');
        if (sync === 'datasync') await file.datasync();
        for (const p of batch) p.resolve();
      } catch (error) {
        // Keep the next batch able to retry opening (e.g. the directory appears later).
        if (handle && !(await handle.then(() => true, () => false))) handle = undefined;
        for (const p of batch) p.reject(error);
      }
    }
    draining = undefined;
  };

  const sink = (event: AuditEvent): Promise<void> => {
    if (closed) return Promise.reject(new SafecallError('INVALID_ARGUMENT', `the audit sink for ${path} is closed`));
    let line: string;
    try {
      line = `${JSON.stringify(parseAuditEvent(event, 'audit sink'))}\n`;
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<void>((resolve, reject) => {
      queue.push({ line, resolve, reject });
      draining ??= drain();
    });
  };

  const flush = async () => {
    while (draining) await draining;
  };

  return Object.assign(sink, {
    path,
    flush,
    async close() {
      closed = true;
      await flush();
      const file = await handle?.catch(() => undefined);
      handle = undefined;
      await file?.close();
    },
  });
}
