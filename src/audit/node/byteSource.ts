import { open, type FileHandle } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';

/**
 * Where the reader's bytes come from: a file read into the reader's own
 * buffer (no copies), or a gzip file decompressed on the way.
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
  constructor(
    private readonly file: FileHandle,
    readonly size: number,
  ) {}

  async read(target: Buffer, offset: number, length: number): Promise<number> {
    const { bytesRead } = await this.file.read(target, offset, length, null);
    this.position += bytesRead;
    return bytesRead;
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

  async read(target: Buffer, offset: number, length: number): Promise<number> {
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
