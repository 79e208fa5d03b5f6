import type { ByteSource } from './byteSource.js';

/**
 * Whole lines in `bytes[start, end)`, valid until the next range is asked
 * for. `final`: the file's last line, which has no newline (what a writer
 * that died mid-write leaves); otherwise every line in it ends with one.
 *
 * @example
 * ```ts
 * for await (const { bytes, start, end } of lineRanges(source, options)) count += bytes.subarray(start, end).length;
 * ```
 */
export interface LineRange {
  bytes: Buffer;
  start: number;
  end: number;
  final: boolean;
}

/**
 * Options of {@link lineRanges}.
 *
 * @example
 * ```ts
 * const options: LineRangeOptions = { maxLineBytes: 1 << 20, onTooLong: () => decoder.tooLong() };
 * ```
 */
export interface LineRangeOptions {
  maxLineBytes: number;
  /** A line grew past `maxLineBytes`: it is skipped to its newline, never held whole. May throw to stop. */
  onTooLong: () => void;
}

const NEWLINE = 0x0a;
/** Bytes per read: few round trips to the thread pool. */
const READ_BYTES = 1 << 20;
/** Blocks read ahead. */
const READ_AHEAD = 2;
/** Bytes of lines per range: small enough that the events decoded from one die young (cheap garbage collection). */
const RANGE_BYTES = 1 << 17;

/**
 * Cuts a byte source into ranges of whole lines, in bounded memory: a few
 * 1 MiB blocks and at most `maxLineBytes` of an unfinished line. The next
 * blocks are read while the current one is used.
 *
 * @example
 * ```ts
 * for await (const range of lineRanges(await openByteSource('audit.jsonl'), { maxLineBytes: 1 << 20, onTooLong })) decode(range);
 * ```
 */
export async function* lineRanges(source: ByteSource, options: LineRangeOptions): AsyncGenerator<LineRange, void, undefined> {
  const { maxLineBytes } = options;
  const buffer = Buffer.allocUnsafe(READ_BYTES + maxLineBytes + 1);
  // Reads in flight, in order: the thread pool fills the next blocks while this one is decoded.
  const free: Buffer[] = Array.from({ length: READ_AHEAD }, () => Buffer.allocUnsafe(READ_BYTES));
  const inFlight: { block: Buffer; read: Promise<number> }[] = [];
  const fill = () => {
    for (let block = free.pop(); block; block = free.pop()) inFlight.push({ block, read: source.read(block, 0, READ_BYTES) });
  };
  try {
    let kept = 0;
    let skipping = false;
    fill();
    for (;;) {
      const next = inFlight.shift()!;
      const read = await next.read;
      if (read === 0) {
        if (kept > 0 && !skipping) yield { bytes: buffer, start: 0, end: kept, final: true };
        return;
      }
      next.block.copy(buffer, kept, 0, read);
      free.push(next.block);
      fill();
      const end = kept + read;
      let start = 0;
      if (skipping) {
        const nl = buffer.indexOf(NEWLINE, kept);
        if (nl < 0 || nl >= end) {
          kept = 0;
          continue;
        }
        start = nl + 1;
        skipping = false;
      }
      const last = end > start ? buffer.lastIndexOf(NEWLINE, end - 1) : -1;
      for (let from = start; from <= last; ) {
        let to = from + RANGE_BYTES >= last ? last : buffer.indexOf(NEWLINE, from + RANGE_BYTES);
        if (to < 0 || to > last) to = last;
        yield { bytes: buffer, start: from, end: to + 1, final: false };
        from = to + 1;
      }
      const tail = last >= start ? last + 1 : start;
      kept = end - tail;
      if (kept > maxLineBytes) {
        options.onTooLong();
        skipping = true;
        kept = 0;
      } else if (kept > 0 && tail > 0) buffer.copyWithin(0, tail, end);
    }
  } finally {
    // Never close the file under a read in flight.
    await Promise.all(inFlight.map(({ read }) => read.catch(() => 0)));
  }
}
