import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonlAuditSink } from '../../src/audit/node/index.js';
import { customerBot, PERSONA_NAMES, simulateCall } from '../../src/testing/index.js';
import { example } from '../audit/helpers.js';
import { cliBundle, examples, root, runNode, safecall } from './cli.js';

const fraud = join(examples, 'fraud-alert.json');
const loan = join(examples, 'loan-offer.json');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'safecall-cli-test-'));
  await cliBundle();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe.concurrent('safecall CLI', () => {
  it('runs from the TypeScript sources with tsx', async () => {
    const run = await runNode(['--import', 'tsx', join(root, 'src/cli/index.ts'), 'validate', loan]);
    expect(run).toMatchObject({ code: 0, stdout: expect.stringContaining('loan-offer v1 (en) is a valid call script') });
  });

  it('is an executable script: the bundle starts with a node shebang', async () => {
    expect((await readFile(await cliBundle(), 'utf8')).split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('--help for the whole and for each command', async () => {
    const main = await safecall('--help');
    expect(main.code).toBe(0);
    for (const command of ['validate', 'diagram', 'simulate', 'paths', 'report']) expect(main.stdout).toContain(`  ${command} <`);
    for (const command of ['validate', 'diagram', 'simulate', 'paths', 'report']) {
      const run = await safecall(command, '--help');
      expect(run.code, command).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage: safecall ${command} `));
    }
    expect((await safecall('help', 'report')).stdout).toMatch(/^Usage: safecall report/);
  });

  it('usage errors exit 2: no command, unknown command, unknown option, missing or extra arguments', async () => {
    const none = await safecall();
    expect(none).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('Usage: safecall <command>') });
    expect(await safecall('bogus')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "bogus"') });
    expect(await safecall('validate', fraud, '--strict')).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--strict'") });
    expect(await safecall('validate')).toMatchObject({ code: 2, stderr: expect.stringContaining('expected <script.json>, got 0 arguments') });
    expect(await safecall('diagram', fraud, loan)).toMatchObject({ code: 2 });
    expect(await safecall('simulate', fraud, '--seed', 'abc')).toMatchObject({ code: 2, stderr: expect.stringContaining('--seed must be an integer') });
  });

  it('validate: a valid script exits 0 and lists its steps', async () => {
    const run = await safecall('validate', fraud);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('fraud-alert v3 (pl) is a valid call script');
    expect(run.stdout).toContain('introduce → confirm-person → caller-id → safe-place → pesel-digit → mutual → question → handoff');
  });

  it('validate: malformed JSON exits 1 naming the file and where', async () => {
    const path = await file('broken.json', '{\n  "id": "x",\n  "version": 1,\n}\n');
    const run = await safecall('validate', path);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`safecall validate: ${path}: not valid JSON (line 4, column 1)\n`);
    const empty = await safecall('validate', await file('empty.json', ''));
    expect(empty).toMatchObject({ code: 1, stderr: expect.stringContaining('not valid JSON (the file is empty)') });
  });

  it('validate: schema errors exit 1 with every path', async () => {
    const path = await file('invalid.json', JSON.stringify({ id: 'Bad Id', version: 0, institution: { name: 'B', officialNumber: '+48 22 100 20 30', callerIdLabel: 'B' }, purpose: { pl: 'x' }, pesel: { attempts: 5 } }));
    const run = await safecall('validate', path);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('invalid call script (INVALID_SCRIPT)');
    expect(run.stderr).toContain('  - id: invalid format (regex)');
    expect(run.stderr).toContain('  - version: too small: minimum is 1');
    expect(run.stderr).toContain('  - pesel.attempts: too big: maximum is 3');
  });

  it('validate: an unsafe script exits 1 with UNSAFE_SCRIPT and the path', async () => {
    const script = JSON.parse(await readFile(loan, 'utf8'));
    script.prompts.handoff.en = 'Please read me the code from the text message we sent you.';
    const run = await safecall('validate', await file('unsafe.json', JSON.stringify(script)));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('unsafe call script (UNSAFE_SCRIPT)');
    expect(run.stderr).toContain('prompts.handoff.en');
  });

  it('a missing file exits 1', async () => {
    expect(await safecall('validate', join(dir, 'nope.json'))).toMatchObject({ code: 1, stderr: expect.stringContaining('no such file') });
  });

  it('diagram prints Mermaid, optionally fenced for Markdown', async () => {
    const run = await safecall('diagram', fraud);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[1]).toBe('stateDiagram-v2');
    const md = await safecall('diagram', fraud, '--markdown');
    expect(md.stdout.startsWith('```mermaid\n%% fraud-alert')).toBe(true);
    expect(md.stdout.trimEnd().endsWith('```')).toBe(true);
  });

  it('simulate prints the transcript of a persona, or JSON', async () => {
    const run = await safecall('simulate', fraud);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('customer: cooperative');
    expect(run.stdout).toMatch(/OUTCOME: verified/);
    const unsafe = await safecall('simulate', loan, '--persona', 'unsafe-place', '--seed', '3');
    expect(unsafe.stdout).toMatch(/OUTCOME: callback-scheduled at 2026-11-23T13:30:00.000Z/);
    const json = JSON.parse((await safecall('simulate', loan, '--persona', 'impostor', '--json')).stdout);
    expect(json.outcome).toEqual({ kind: 'failed', reason: 'challenge-failed' });
    expect(json.session).toBeUndefined();
    expect(json.audit.length).toBeGreaterThan(5);
  });

  it('simulate with an unknown persona exits 2 and lists the personas', async () => {
    const run = await safecall('simulate', fraud, '--persona', 'pirate');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown persona "pirate"');
    for (const name of PERSONA_NAMES) expect(run.stderr).toContain(name);
  });

  it('paths prints counts per outcome, or every path as JSON', async () => {
    const run = await safecall('paths', loan);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^loan-offer v1: 1,021 paths \(every route through each step\) in [\d.]+ s; 2,921 distinct full paths/);
    expect(run.stdout).toMatch(/^verified +58$/m);
    const json = JSON.parse((await safecall('paths', loan, '--json')).stdout);
    expect(json.items).toHaveLength(json.paths);
    expect(Object.values(json.outcomes as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(json.paths);
  });

  it('report prints the summary tables, or JSON', async () => {
    const path = join(dir, 'calls.jsonl');
    const sink = jsonlAuditSink(path);
    let seed = 0;
    for (const persona of PERSONA_NAMES) await simulateCall(example('fraud-alert'), customerBot(persona), { seed: ++seed, sessionId: `c${seed}`, audit: sink, agent: { name: 'A', id: seed % 2 ? 'anna' : 'piotr' } });
    await sink.close();
    const run = await safecall('report', path);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`${PERSONA_NAMES.length} ended calls`);
    expect(run.stdout).toMatch(/^verification pass rate \(verified ÷ reached first check\) +[\d.]+ %/m);
    expect(run.stdout).toMatch(/^By agent\nagent +calls/m);
    expect(run.stdout).toMatch(/^anna +6 /m);
    expect(run.stdout).toMatch(/^fraud-alert@3 +12 /m);
    const json = JSON.parse((await safecall('report', path, '--json', '--script', fraud)).stdout);
    expect(json.calls).toBe(PERSONA_NAMES.length);
    expect(json.byScript['fraud-alert@3'].expectedFrom).toBe('script');
  });

  it('report on an empty file exits 1 with a clear message', async () => {
    const path = await file('empty.jsonl', '');
    expect(await safecall('report', path)).toMatchObject({ code: 1, stdout: '', stderr: `safecall report: ${path}: no audit events (the file is empty)\n` });
  });

  it('report on a malformed line exits 1 with its line number and without its content', async () => {
    const path = await file('bad.jsonl', '\n{"at": "2026-11-23T13:00:00Z", "pesel": "44051401359"}\n');
    const run = await safecall('report', path);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^safecall report: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: not an audit event`));
    expect(run.stderr).not.toContain('44051401359');
    expect(await safecall('report', join(dir, 'none.jsonl'))).toMatchObject({ code: 1, stderr: expect.stringContaining('no such file') });
  });
});
