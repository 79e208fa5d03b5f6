import type { ReadProgress } from '../audit/node/index.js';
import { count } from './format.js';
import type { CliIo } from './io.js';

/** Inputs larger than this get progress on stderr even when it is not a terminal. */
const LARGE_INPUT = 10 * 1024 * 1024;

/**
 * Progress of a long read on stderr: redrawn in place on a terminal (at
 * most five times a second), a line per tenth otherwise (so a log does not
 * fill with redraws); nothing for a small input off a terminal.
 *
 * @example
 * ```ts
 * const progress = progressPrinter('report', totalBytes, io);
 * for await (const batch of readAuditBatches(files, { onProgress: progress?.update })) …;
 * progress?.end();
 * ```
 */
export function progressPrinter(what: string, totalBytes: number, io: CliIo): { update(progress: ReadProgress): void; end(): void } | undefined {
  if (totalBytes <= LARGE_INPUT && !io.stderrIsTTY) return undefined;
  const started = Date.now();
  let lastShown = started;
  let lastTenth = -1;
  let latest: ReadProgress | undefined;
  const text = ({ bytes, totalBytes: total, lines }: ReadProgress) => `${what}: ${Math.floor((total > 0 ? Math.min(1, bytes / total) : 1) * 100)} % (${count(lines)} lines)`;
  return {
    update(progress: ReadProgress) {
      latest = progress;
      if (io.stderrIsTTY) {
        // Redrawn in place, at most five times a second; a read that ends sooner shows only its end.
        const now = Date.now();
        if (now - lastShown < 200) return;
        lastShown = now;
        io.stderr(`\r${text(progress)}`);
      } else {
        const tenth = Math.floor((progress.totalBytes > 0 ? Math.min(1, progress.bytes / progress.totalBytes) : 1) * 10);
        if (tenth === lastTenth) return;
        lastTenth = tenth;
        io.stderr(`${text(progress)}\n`);
      }
    },
    end() {
      if (io.stderrIsTTY && latest) io.stderr(`\r${text(latest)}\n`);
      latest = undefined;
    },
  };
}
