import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { main } from '../../src/cli/main.js';

export const root = join(import.meta.dirname, '../..');
export const examples = join(root, 'examples/scripts');

/** What a run of the CLI printed and returned. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `safecall <args>` in this process, through `main(argv, io)`; `tty` makes stderr look like a terminal. */
export async function safecall(...args: string[]): Promise<Run> {
  return runMain(args, false);
}

/** `safecall <args>` in this process, stderr a terminal or not. */
export async function runMain(args: string[], tty: boolean): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stderrIsTTY: tty });
  return { code, stdout, stderr };
}

let built: Promise<string> | undefined;

/** The CLI bundled the way tsup bundles dist/cli.js (esbuild, one ESM file), from the current sources: for the one test that runs the bin. */
export function cliBundle(): Promise<string> {
  built ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'safecall-cli-'));
    const outfile = join(dir, 'cli.mjs');
    await build({ entryPoints: [join(root, 'src/cli/index.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'silent' });
    return outfile;
  })();
  return built;
}

/** Runs a file with node in a child process; resolves with the exit code and output. */
export function runNode(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: options.cwd ?? root, env: { ...process.env, ...options.env }, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
