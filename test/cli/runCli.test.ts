import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { templateCalls } from '../audit/helpers.js';

// The CLI in-process, with a fake terminal: what child processes cannot show cheaply.

function io(tty: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), stderrIsTTY: tty }, out, err };
}

let dir: string;
let path: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'safecall-runcli-'));
  path = join(dir, 'audit.jsonl');
  const events = (await templateCalls()).flat();
  await writeFile(path, events.map((e) => `${JSON.stringify(e)}\n`).join(''));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runCli', () => {
  it('shows report progress in place when stderr is a terminal', async () => {
    const { io: fake, out, err } = io(true);
    expect(await runCli(['report', path], fake)).toBe(0);
    expect(err[0]).toMatch(/^\rreading .*audit\.jsonl: 100 % \(\d+ lines\)$/);
    expect(err.at(-1)).toBe('\n');
    expect(out.join('')).toContain('36 ended calls');
  });

  it('shows no progress for a small file when stderr is not a terminal', async () => {
    const { io: fake, err } = io(false);
    expect(await runCli(['report', path], fake)).toBe(0);
    expect(err).toEqual([]);
  });

  it('reports a directory given as the audit file as invalid input', async () => {
    const { io: fake, err } = io(false);
    expect(await runCli(['report', dir], fake)).toBe(1);
    expect(err.join('')).toContain('it is a directory');
  });
});
