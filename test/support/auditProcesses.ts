import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

let bundled: Promise<string> | undefined;

/** auditWriterProcess.ts bundled into one ESM file: starts in a tenth of the time tsx would take. */
export function writerBundle(): Promise<string> {
  bundled ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'safecall-writer-'));
    const outfile = join(dir, 'writer.mjs');
    await build({ entryPoints: [join(import.meta.dirname, 'auditWriterProcess.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'silent' });
    return outfile;
  })();
  return bundled;
}

/** Options of a writer process (see auditWriterProcess.ts). */
export interface WriterArgs {
  path: string;
  writer: number;
  count: number;
  burst: number;
  padding: number;
  sync: 'none' | 'datasync';
}

/** A running writer: the process, the last acknowledged event index, and its exit. */
export interface Writer {
  child: ChildProcess;
  lastAck(): number;
  /** Resolves when the writer has acknowledged at least `index`. */
  acked(index: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/**
 * Starts a writer process. With `fileSizeLimit`, it runs under `ulimit -f` (in the shell's blocks):
 * the kernel cuts short the write that crosses the limit — a real torn tail,
 * left by the real sink — and the writer dies at its next write (SIGXFSZ).
 */
export async function startWriter(args: WriterArgs, options: { fileSizeLimit?: number } = {}): Promise<Writer> {
  const command: [string, string[]] = options.fileSizeLimit
    ? ['/bin/sh', ['-c', `ulimit -f ${options.fileSizeLimit} && exec "$0" "$@"`, process.execPath, await writerBundle(), JSON.stringify(args)]]
    : [process.execPath, [await writerBundle(), JSON.stringify(args)]];
  const child = spawn(command[0], command[1], { stdio: ['ignore', 'pipe', 'pipe'] });
  let last = -1;
  let stderr = '';
  let buffered = '';
  const waiters: { index: number; resolve: () => void }[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      const match = /^ack (\d+)$/.exec(line);
      if (match) last = Number(match[1]);
    }
    for (const waiter of waiters.splice(0)) if (last >= waiter.index) waiter.resolve();
    else waiters.push(waiter);
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
  return {
    child,
    lastAck: () => last,
    acked: (index) => (last >= index ? Promise.resolve() : new Promise<void>((resolve, reject) => {
      waiters.push({ index, resolve });
      void exited.then(({ code, signal, stderr: err }) => reject(new Error(`writer ${args.writer} exited (${code ?? signal}) before acknowledging ${index}: ${err}`)));
    })),
    exited,
  };
}
