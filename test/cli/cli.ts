import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

export const root = join(import.meta.dirname, '../..');
export const examples = join(root, 'examples/scripts');

let built: Promise<string> | undefined;

/**
 * The CLI bundled the way tsup bundles dist/cli.js (esbuild, one ESM file,
 * dependencies inlined), from the current sources. Starting it takes a tenth
 * of the time of `tsx src/cli/index.ts`, and it is what ships.
 */
export function cliBundle(): Promise<string> {
  built ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'safecall-cli-'));
    const outfile = join(dir, 'cli.mjs');
    await build({ entryPoints: [join(root, 'src/cli/index.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'silent' });
    return outfile;
  })();
  return built;
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
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

/** `safecall <args>` from the bundle. */
export async function safecall(...args: string[]): Promise<Run> {
  return runNode([await cliBundle(), ...args]);
}
