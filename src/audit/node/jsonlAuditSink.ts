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
   * `'datasync'` (default): each batch is followed by `fdatasync`, and an
   * event's promise resolves only once its line is on disk (it survives a
   * power cut). `'none'`: it resolves once the line is in the OS's page cache
   * (it survives the process being killed, not a power cut).
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
  /** Appends `event`; resolves once it is written (and synced): the event is acknowledged. Rejects `INVALID_AUDIT` for a malformed event. */
  (event: AuditEvent): Promise<void>;
  /** Resolves when every event passed so far is written. */
  flush(): Promise<void>;
  /** Flushes and closes the file; events after that are rejected. */
  close(): Promise<void>;
  readonly path: string;
}

/**
 * The longest line the sink writes; an audit event is a few hundred bytes, so only a runaway field gets near it.
 *
 * @example
 * ```ts
 * readAuditEvents(path, { maxLineBytes: MAX_SINK_LINE_BYTES }); // as strict as the writer
 * ```
 */
export const MAX_SINK_LINE_BYTES = 64 * 1024;
const NEWLINE = 0x0a;

interface Pending {
  line: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Whether the file ends in the middle of a line: a writer died mid-write and left a fragment. */
async function endsMidLine(file: FileHandle): Promise<boolean> {
  const { size } = await file.stat();
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  await file.read(last, 0, 1, size - 1);
  return last[0] !== NEWLINE;
}

/**
 * A durable JSON Lines audit sink for Node: pass it as a session's `audit`.
 *
 * Several processes may append to one file. Each batch of events is one
 * `write(2)` on a file opened with `O_APPEND`, which the kernel applies
 * whole and never interleaves with another writer's on a local file system
 * (ext4, XFS, btrfs, tmpfs; not NFS or SMB). Node's own `appendFile` would
 * split a batch over 512 KiB into several writes, which is how lines got
 * torn. A writer killed mid-write can still leave a fragment: before every
 * batch the sink looks at the file's last byte, and if a fragment is there
 * it starts its batch on a new line, so the fragment stays a line of its own
 * (the reader skips it as torn, with a warning) and nothing is glued to it.
 * (A writer that looks while another's large write is still being copied
 * sees the same, and leaves an empty line: readers skip empty lines.) It
 * never truncates, so no acknowledged event — its own or another process's —
 * is ever lost.
 *
 * Events are written in the order they were passed: one writer drains a
 * queue, and events that arrive while a write is in flight go together in
 * the next write and `fdatasync` (a group commit). Each event is validated
 * first; a failed write rejects that batch's promises (the session reports
 * it as an `audit-error` notice and the call goes on).
 *
 * @example
 * ```ts
 * import { jsonlAuditSink } from 'safecall-pl/audit/node';
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

  const writeBatch = async (batch: Pending[]) => {
    // 'a+': appends go to the end whatever the offset; reading lets the sink see a torn tail.
    handle ??= open(path, 'a+');
    const file = await handle;
    const text = batch.map((p) => p.line).join('');
    const bytes = Buffer.from((await endsMidLine(file)) ? `\n${text}` : text, 'utf8');
    const { bytesWritten } = await file.write(bytes, 0, bytes.length, null);
    // A short write on a regular file means the disk is full or a limit was hit; the partial tail is a torn line the next batch steps over.
    if (bytesWritten !== bytes.length) throw new SafecallError('AUDIT_UNAVAILABLE', `${path}: short write (${bytesWritten} of ${bytes.length} bytes): is the disk full?`);
    if (sync === 'datasync') await file.datasync();
  };

  const drain = async () => {
    while (queue.length) {
      const batch = queue;
      queue = [];
      try {
        await writeBatch(batch);
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
    if (line.length > MAX_SINK_LINE_BYTES / 3 && Buffer.byteLength(line) > MAX_SINK_LINE_BYTES) {
      return Promise.reject(new SafecallError('INVALID_AUDIT', `audit sink: the event is longer than ${MAX_SINK_LINE_BYTES} bytes as a line (a field is far too long)`));
    }
    return new Promise<void>((resolve, reject) => {
      queue.push({ line, resolve, reject });
      // Start on a microtask, so events passed in one synchronous burst go out as one write.
      draining ??= Promise.resolve().then(drain);
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
