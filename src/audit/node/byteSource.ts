import { open, type FileHandle } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';

/**
 * Where the reader's bytes come from: a file, or a gzip file decompressed on
 * the way. Several reads may be in flight; each takes the bytes after the
 * previous call's, in call order.
 *
 * @example
 * ```ts
 * const source = await openByteSource('audit-2026-01.jsonl.gz');
 * const n = await source.read(buffer, 0, buffer.length);
 * ```
 */
export interface ByteSource {
  /** Fills `target[offset, offset + length)` as far as it can; 0 at the end. */
  read(target: Buffer, offset: number, length: number): Promise<number>;
  /** Bytes of the file consumed so far (compressed bytes for gzip). */
  readonly position: number;
  /** The file's size. */
  readonly size: number;
  close(): Promise<void>;
}

class FileSource implements ByteSource {
  position = 0;
  /** Where the next read starts: claimed when a read is asked for, so reads in flight never overlap (positional reads, not the shared offset). */
  private next = 0;
  constructor(
    private readonly file: FileHandle,
    readonly size: number,
  ) {}

  async read(target: Buffer, offset: number, length: number): Promise<number> {
    // The file as it was when opened: lines a writer appends meanwhile are for the next read.
    const at = this.next;
    length = Math.max(0, Math.min(length, this.size - at));
    this.next += length;
    let filled = 0;
    // A positional read may return less than asked before the end (rarely, on a regular file): ask again for the rest.
    while (filled < length) {
      const { bytesRead } = await this.file.read(target, offset + filled, length - filled, at + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    this.position = Math.max(this.position, at + filled);
    return filled;
  }

  close(): Promise<void> {
    return this.file.close();
  }
}

class GzipSource implements ByteSource {
  position = 0;
  private readonly chunks: AsyncIterator<Buffer>;
  private pending: Buffer | undefined;
  private readonly stream: ReturnType<FileHandle['createReadStream']>;

  constructor(file: FileHandle, readonly size: number) {
    this.stream = file.createReadStream({ highWaterMark: 1 << 20 });
    this.stream.on('data', (chunk: Buffer | string) => {
      this.position += chunk.length;
    });
    this.chunks = this.stream.pipe(createGunzip({ chunkSize: 1 << 20 }))[Symbol.asyncIterator]();
  }

  /** The previous read: a stream is read in order, so each read waits for the one before. */
  private last: Promise<unknown> = Promise.resolve();

  read(target: Buffer, offset: number, length: number): Promise<number> {
    const read = this.last.then(() => this.take(target, offset, length));
    this.last = read.catch(() => 0);
    return read;
  }

  private async take(target: Buffer, offset: number, length: number): Promise<number> {
    let filled = 0;
    while (filled < length) {
      if (!this.pending) {
        const next = await this.chunks.next();
        if (next.done) break;
        this.pending = next.value;
      }
      const n = this.pending.copy(target, offset + filled, 0, Math.min(this.pending.length, length - filled));
      filled += n;
      this.pending = n < this.pending.length ? this.pending.subarray(n) : undefined;
      // One decompressed chunk at a time is enough to keep the reader busy.
      if (filled > 0 && !this.pending) break;
    }
    return filled;
  }

  async close(): Promise<void> {
    this.stream.destroy();
    await this.chunks.return?.();
  }
}

/**
 * Opens a file for the reader; names ending in `.gz` are decompressed.
 * Missing or unreadable files reject with Node's error (`ENOENT`, `EACCES`…).
 *
 * @example
 * ```ts
 * const source = await openByteSource('audit.jsonl');
 * ```
 */
export async function openByteSource(path: string): Promise<ByteSource> {
  const file = await open(path, 'r');
  try {
    const info = await file.stat();
    if (info.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), { code: 'EISDIR' });
    return path.endsWith('.gz') ? new GzipSource(file, info.size) : new FileSource(file, info.size);
  } catch (error) {
    await file.close();
    throw error;
  }
}
