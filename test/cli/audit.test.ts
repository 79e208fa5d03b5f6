import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src/model/index.js';
import { generateCalls, interleave, type FixtureCall } from '../support/auditFixtures.js';
import { call, lines } from '../audit/helpers.js';
import { examples, runMain, safecall } from './cli.js';

const PESEL = '44051401359';
const ESC = '\u001b';
let dir: string;
let path: string;
let calls: FixtureCall[];
let events: AuditEvent[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'safecall-cli-audit-'));
  calls = [...generateCalls({ calls: 200, seed: 4, agents: 6 })];
  events = [...interleave(calls)];
  path = join(dir, 'audit.jsonl');
  await writeFile(path, lines(events));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string): Promise<string> {
  const p = join(dir, name);
  await writeFile(p, content);
  return p;
}

describe('safecall report', () => {
  it('prints the summary tables', async () => {
    const run = await safecall('report', path);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`${events.length.toLocaleString('en-US')} events, 200 ended calls, 0 unfinished, 0 orphan events`);
    expect(run.stdout).toMatch(/^verification pass rate \(verified ÷ reached first check\) +[\d.]+ %/m);
    expect(run.stdout).toMatch(/^By agent\nagent +calls/m);
    expect(run.stdout).toMatch(/^fraud-alert@4 +\d+ /m);
  });

  it('prints JSON, checking adherence against the scripts given', async () => {
    const json = JSON.parse((await safecall('report', path, '--json', '--script', join(examples, 'fraud-alert.json'))).stdout);
    expect(json.calls).toBe(200);
    expect(json.byScript['fraud-alert@4'].expectedFrom).toBe('script');
    expect(json.byScript['fraud-alert@3'].expectedFrom).toBe('observed');
  });

  it('reads several files and directories as one trail', async () => {
    const half = Math.floor(events.length / 2);
    const a = await file('part-1.jsonl', lines(events.slice(0, half)));
    const b = await file('part-2.jsonl', lines(events.slice(half)));
    const whole = JSON.parse((await safecall('report', path, '--json')).stdout);
    expect(JSON.parse((await safecall('report', a, b, '--json')).stdout)).toEqual(whole);
  });

  it('writes a self-contained HTML report with --html', async () => {
    const html = join(dir, 'report.html');
    const run = await safecall('report', path, '--html', html);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`safecall report: HTML report written to ${html}\n`);
    const page = await readFile(html, 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page.match(/<svg/g)?.length).toBeGreaterThanOrEqual(5);
    expect(page).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)|<link/);
  });

  it('shows progress in place when stderr is a terminal, and none for a small file otherwise', async () => {
    const tty = await runMain(['report', path], true);
    expect(tty.stderr.startsWith('\rreading: ')).toBe(true);
    expect(tty.stderr.endsWith(`\rreading: 100 % (${events.length.toLocaleString('en-US')} lines)\n`)).toBe(true);
    expect((await runMain(['report', path], false)).stderr).toBe('');
  });

  it('skips a torn line with a warning by number, and still reports', async () => {
    const torn = await file('torn.jsonl', `${lines(events.slice(0, 100))}{"at":"2026-01-05T07:0${lines(events.slice(100))}`.replace(/\n(?=\{"at":"2026-01-05T07:0\{)/, '\n'));
    const tornTail = await file('torn-tail.jsonl', `${lines(events)}{"at":"2026-01-05T07:0`);
    const run = await safecall('report', tornTail, '--json');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`safecall report: ${tornTail}:${events.length + 1}: skipped: not JSON: a torn line (a writer stopped mid-write); skipped\n`);
    expect(JSON.parse(run.stdout).calls).toBe(200);
    expect((await safecall('report', torn, '--json')).code).toBe(0);
  });

  it('a line that is not an audit event exits 1 with its line number and without its content; --skip-invalid reports and skips it', async () => {
    const bad = await file('bad.jsonl', `\n{"at": "2026-11-23T13:00:00Z", "pesel": "${PESEL}"}\n${lines(events)}`);
    const run = await safecall('report', bad);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^safecall report: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: not an audit event`));
    expect(run.stderr).toContain('--skip-invalid');
    expect(run.stderr + run.stdout).not.toContain(PESEL);
    const skipped = await safecall('report', bad, '--skip-invalid', '--json');
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toMatch(/:2: skipped: not an audit event/);
    expect(skipped.stderr).not.toContain(PESEL);
  });

  it('an empty file, a missing file, a directory without audit files exit 1; bad options exit 2', async () => {
    const empty = await file('empty.jsonl', '');
    expect(await safecall('report', empty)).toMatchObject({ code: 1, stdout: '', stderr: `safecall report: ${empty}: no audit events (the file is empty)\n` });
    expect(await safecall('report', join(dir, 'none.jsonl'))).toMatchObject({ code: 1, stderr: expect.stringContaining('no such file') });
    expect(await safecall('report', examples)).toMatchObject({ code: 1, stderr: expect.stringContaining('no *.jsonl or *.jsonl.gz files') });
    expect(await safecall('report')).toMatchObject({ code: 2, stderr: expect.stringContaining('expected <audit.jsonl…>, got 0 arguments') });
    expect(await safecall('report', path, '--max-line-bytes', 'lots')).toMatchObject({ code: 2 });
    expect(await safecall('report', path, '--max-line-bytes', '10')).toMatchObject({ code: 2, stderr: expect.stringContaining('must be from 256') });
  });

  it('escapes control characters from event fields: an agent id cannot recolour the terminal or forge a row', async () => {
    const hostile = `eve${ESC}[31m${ESC}[2K\rverified  100 %\nmallory`;
    const p = await file('ansi.jsonl', lines([...call('x1', { agent: hostile, steps: ['purpose', 'pesel-digit'], outcome: 'verified' }), ...call('x2', { agent: 'anna', steps: ['purpose'], outcome: 'abandoned' })]));
    const report = await safecall('report', p);
    expect(report.code).toBe(0);
    expect(report.stdout).not.toContain(ESC);
    expect(report.stdout).not.toContain('\r');
    expect(report.stdout).toContain('eve\\x1b[31m\\x1b[2K\\rverified  100 %\\nmallory');
    const sample = await safecall('sample', p, '--seed', '1');
    expect(sample.stdout).not.toContain(ESC);
    expect(sample.stdout).toContain('eve\\x1b[31m');
    const trail = await safecall('trail', p, '--session', 'x1');
    expect(trail.stdout).not.toContain(ESC);
    expect(trail.stdout).toContain('eve\\x1b[31m');
  });
});

describe('safecall sample', () => {
  it('prints a reproducible stratified sample: session ids with agent, script version and outcome', async () => {
    const run = await safecall('sample', path, '--per', 'agent', '--size', '3', '--seed', '42');
    expect(run.code, run.stderr).toBe(0);
    const [headline, , header] = run.stdout.split('\n');
    expect(headline).toBe('18 of 200 ended calls, 3 per agent (6 strata), seed 42');
    expect(header).toMatch(/^session +agent +script +outcome +started +ended$/);
    for (const c of calls) if (run.stdout.includes(`${c.sessionId} `)) expect(run.stdout).toMatch(new RegExp(`${c.sessionId} +${c.agentId} +${c.scriptKey} +${c.outcome} `));
    expect(run.stdout).toMatch(/^agent +calls +sampled$/m);
    expect((await safecall('sample', path, '--per', 'agent', '--size', '3', '--seed', '42')).stdout).toBe(run.stdout);
    expect((await safecall('sample', path, '--per', 'agent', '--size', '3', '--seed', '43')).stdout).not.toBe(run.stdout);
  });

  it('draws and prints a seed when none is given, filters, prints JSON and the trails', async () => {
    const drawn = await safecall('sample', path);
    expect(drawn.stdout).toMatch(/seed (\d+) \(pass --seed \1 to draw the same sample\)/);
    const json = JSON.parse((await safecall('sample', path, '--seed', '1', '--size', '2', '--per', 'outcome', '--outcome', 'failed', '--outcome', 'abandoned', '--trails', '--json')).stdout);
    const present = ['abandoned', 'failed'].filter((kind) => calls.some((c) => c.outcome === kind));
    expect(json.strata.map((s: { stratum: string }) => s.stratum)).toEqual(present);
    expect(json.calls).toHaveLength(present.reduce((n, kind) => n + Math.min(2, calls.filter((c) => c.outcome === kind).length), 0));
    for (const c of json.calls) expect(c.trail.at(-1).text).toMatch(/^OUTCOME (failed|abandoned)/);
    const text = await safecall('sample', path, '--seed', '1', '--size', '1', '--trails');
    expect(text.stdout).toMatch(/\n {3}\+0:00 {2}introduce {4}call started by agent /);
    const scoped = JSON.parse((await safecall('sample', path, '--seed', '1', '--size', '500', '--script-key', 'loan-offer', '--agent', calls[0]!.agentId, '--json')).stdout);
    expect(scoped.calls.length).toBe(calls.filter((c) => c.scriptKey.startsWith('loan-offer@') && c.agentId === calls[0]!.agentId).length);
  });

  it('usage errors exit 2', async () => {
    expect(await safecall('sample', path, '--per', 'day')).toMatchObject({ code: 2, stderr: expect.stringContaining('--per must be one of agent, script, outcome') });
    expect(await safecall('sample', path, '--size', '0')).toMatchObject({ code: 2 });
    expect(await safecall('sample', path, '--outcome', 'won')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown outcome') });
    expect(await safecall('sample', path, '--since', 'yesterday')).toMatchObject({ code: 2 });
  });
});

describe('safecall trail', () => {
  it('prints one call as a reviewer reads it, or several, or JSON', async () => {
    const [a, b] = [calls[7]!, calls[150]!];
    const run = await safecall('trail', path, '--session', a.sessionId);
    expect(run.code, run.stderr).toBe(0);
    const out = run.stdout.split('\n');
    expect(out[0]).toBe(`${a.sessionId} · ${a.scriptKey.replace('@', ' v')} · agent ${a.agentId} · started ${a.events[0]!.at}`);
    expect(out).toHaveLength(a.events.length + 2);
    expect(out.at(-2)).toMatch(new RegExp(`OUTCOME ${a.outcome}`));
    const both = await safecall('trail', path, '--session', a.sessionId, '--session', b.sessionId);
    expect(both.stdout.split('\n\n')).toHaveLength(2);
    const json = JSON.parse((await safecall('trail', path, '--session', b.sessionId, '--json')).stdout);
    expect(json[0].events.map((e: { type: string }) => e.type)).toEqual(b.events.map((e) => e.type));
  });

  it('a session not in the trail exits 1; no --session exits 2', async () => {
    expect(await safecall('trail', path, '--session', 'nobody')).toMatchObject({ code: 1, stderr: expect.stringContaining('no events for session "nobody"') });
    expect(await safecall('trail', path)).toMatchObject({ code: 2, stderr: expect.stringContaining('--session <id> is required') });
  });
});

describe('safecall --help', () => {
  it('lists the audit commands, and each has its help', async () => {
    const main = await safecall('--help');
    for (const command of ['report', 'sample', 'trail']) {
      expect(main.stdout).toContain(`  ${command} <audit…>`);
      expect((await safecall(command, '--help')).stdout).toMatch(new RegExp(`^Usage: safecall ${command} `));
    }
  });
});
