import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examples, safecall } from './cli.js';

// The script commands, in-process. simulate, paths and diagram run safecall-pl/testing.
const fraud = join(examples, 'fraud-alert.json');
const loan = join(examples, 'loan-offer.json');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'safecall-cli-scripts-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('safecall (script commands)', () => {
  it('--help for the whole and for each command', async () => {
    const main = await safecall('--help');
    expect(main.code).toBe(0);
    for (const command of ['validate', 'diagram', 'simulate', 'paths', 'report', 'sample', 'trail']) {
      expect(main.stdout).toContain(`  ${command} <`);
      const run = await safecall(command, '--help');
      expect(run.code, command).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage: safecall ${command} `));
    }
    expect((await safecall('help', 'report')).stdout).toMatch(/^Usage: safecall report/);
  });

  it('usage errors exit 2: no command, unknown command, unknown option, missing or extra arguments', async () => {
    expect(await safecall()).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('Usage: safecall <command>') });
    expect(await safecall('bogus')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "bogus"') });
    expect(await safecall('bo\u001b[2Jgus')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "bo?[2Jgus"') });
    expect(await safecall('validate', fraud, '--strict')).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--strict'") });
    expect(await safecall('validate')).toMatchObject({ code: 2, stderr: expect.stringContaining('expected <script.json>, got 0 arguments') });
    expect(await safecall('diagram', fraud, loan)).toMatchObject({ code: 2 });
    expect(await safecall('simulate', fraud, '--seed', 'abc')).toMatchObject({ code: 2, stderr: expect.stringContaining('--seed must be an integer') });
  });

  it('validate: a valid script exits 0 and lists its main steps', async () => {
    const run = await safecall('validate', fraud);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('fraud-alert v4 (pl) is a valid call script');
    expect(run.stdout).toContain('introduce → purpose → caller-id → safe-place → consent → pesel-digit → mutual → question → handoff');
  });

  it('validate: malformed JSON exits 1 naming the file and where', async () => {
    const path = await file('broken.json', '{\n  "id": "x",\n  "version": 1,\n}\n');
    const run = await safecall('validate', path);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`safecall validate: ${path}: not valid JSON (line 4, column 1)\n`);
    expect(await safecall('validate', await file('empty.json', ''))).toMatchObject({ code: 1, stderr: expect.stringContaining('not valid JSON (the file is empty)') });
  });

  it('validate: schema errors exit 1 with every path; an unsafe script exits 1 with UNSAFE_SCRIPT and the path', async () => {
    const path = await file('invalid.json', JSON.stringify({ id: 'Bad Id', version: 0, institution: { name: 'B', officialNumber: '+48 22 100 20 30', callerIdLabel: 'B' }, purpose: { pl: 'x' }, pesel: { attempts: 5 } }));
    const run = await safecall('validate', path);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('invalid call script (INVALID_SCRIPT)');
    expect(run.stderr).toContain('  - id: invalid format (regex)');
    expect(run.stderr).toContain('  - version: too small: minimum is 1');
    expect(run.stderr).toContain('  - pesel.attempts: too big: maximum is 3');
    const script = JSON.parse(await readFile(loan, 'utf8'));
    script.prompts = { ...script.prompts, handoff: { en: 'Please read me the code from the text message we sent you.' } };
    const unsafe = await safecall('validate', await file('unsafe.json', JSON.stringify(script)));
    expect(unsafe.code).toBe(1);
    expect(unsafe.stderr).toContain('unsafe call script (UNSAFE_SCRIPT)');
    expect(unsafe.stderr).toContain('prompts.handoff.en');
    expect(await safecall('validate', join(dir, 'nope.json'))).toMatchObject({ code: 1, stderr: expect.stringContaining('no such file') });
  });

  it('diagram prints Mermaid, optionally fenced for Markdown', async () => {
    const run = await safecall('diagram', fraud);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('stateDiagram-v2');
    const md = await safecall('diagram', fraud, '--markdown');
    expect(md.stdout.startsWith('```mermaid\n')).toBe(true);
    expect(md.stdout.trimEnd().endsWith('```')).toBe(true);
  });

  it('simulate prints a transcript, or JSON with the audit events', async () => {
    const run = await safecall('simulate', fraud);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/OUTCOME: verified/);
    const json = JSON.parse((await safecall('simulate', loan, '--persona', 'impostor', '--json')).stdout);
    expect(json.outcome.kind).toBe('failed');
    expect(json.audit.length).toBeGreaterThan(5);
    const unknown = await safecall('simulate', fraud, '--persona', 'pirate');
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown persona "pirate"') });
  });

  it('paths prints counts per outcome, or every path as JSON', async () => {
    const run = await safecall('paths', loan);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^loan-offer v2: [\d,]+ paths/);
    const json = JSON.parse((await safecall('paths', loan, '--json')).stdout);
    expect(json.items).toHaveLength(json.paths);
    expect(Object.values(json.outcomes as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(json.paths);
  });
});
