import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { generated, lines } from '../audit/helpers.js';
import { cliBundle, runNode } from './cli.js';

// The one test that runs the bin as a process: shebang, argv, stdout and the exit code.
it('the bundled bin is a node script that reports an audit file and exits with the right code', async () => {
  const bin = await cliBundle();
  expect((await readFile(bin, 'utf8')).split('\n')[0]).toBe('#!/usr/bin/env node');
  const dir = await mkdtemp(join(tmpdir(), 'safecall-bin-'));
  try {
    const path = join(dir, 'audit.jsonl');
    await writeFile(path, lines(generated({ calls: 30 }).flat()));
    const ok = await runNode([bin, 'report', path, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ calls: 30 });
    expect(await runNode([bin, 'report', join(dir, 'missing.jsonl')])).toMatchObject({ code: 1, stderr: expect.stringContaining('no such file') });
    expect(await runNode([bin])).toMatchObject({ code: 2 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 120_000);
