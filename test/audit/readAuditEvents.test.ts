import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAuditBatches, readAuditEvents, readCallTrails, type AuditLineIssue, type ReadProgress } from '../../src/audit/node/index.js';
import { isSafecallError } from '../../src/core/errors.js';
import type { AuditEvent } from '../../src/model/index.js';
import { generated, lines } from './helpers.js';

const PESEL = '44051401359';
let dir: string;
const calls = generated({ calls: 40 });
const events = calls.flat();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'safecall-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function collect(path: string | string[], options: Parameters<typeof readAuditEvents>[1] = {}): Promise<AuditEvent[]> {
  const out: AuditEvent[] = [];
  for await (const event of readAuditEvents(path, options)) out.push(event);
  return out;
}

async function readError(path: string, options: Parameters<typeof readAuditEvents>[1] = {}): Promise<unknown> {
  return collect(path, options).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('readAuditEvents', () => {
  it('streams the events back, skipping blank lines, reading CRLF and a byte-order mark, reporting progress', async () => {
    const path = await file('read.jsonl', `\uFEFF${events.map((e) => JSON.stringify(e)).join('\n\n')}\r\n\n`);
    const progress: ReadProgress[] = [];
    expect(await collect(path, { onProgress: (p) => progress.push(p) })).toEqual(events);
    expect(progress.at(-1)).toMatchObject({ file: path, bytes: progress.at(-1)!.totalBytes, skipped: { torn: 0, invalid: 0, tooLong: 0 } });
  });

  it('reads lines in any layout, not only the sink’s: other key order, spaces, escapes', async () => {
    const [first, second] = events;
    const reordered = JSON.stringify({ data: first!.data, type: first!.type, step: first!.step, scriptVersion: first!.scriptVersion, scriptId: first!.scriptId, sessionId: first!.sessionId, at: first!.at });
    const spaced = JSON.stringify(second, null, 1).replace(/\n/g, ' ');
    const escaped = JSON.stringify(events[2]).replace('"sessionId":"', '"sessionId":"\\u0073\\/').replace(/^/, '');
    const read = await collect(await file('layouts.jsonl', `${reordered}\n${spaced}\n${escaped}\n`));
    expect(read.slice(0, 2)).toEqual([first, second]);
    expect(read[2]!.sessionId).toBe(`s/${events[2]!.sessionId}`);
  });

  it('reads directories (their *.jsonl and *.jsonl.gz files in name order) and gzip files', async () => {
    const sub = join(dir, 'rotated');
    await mkdir(sub);
    const half = Math.floor(events.length / 2);
    await writeFile(join(sub, 'audit-1.jsonl.gz'), gzipSync(lines(events.slice(0, half))));
    await writeFile(join(sub, 'audit-2.jsonl'), lines(events.slice(half)));
    await writeFile(join(sub, 'notes.txt'), 'not audit');
    expect(await collect(sub)).toEqual(events);
    expect(await collect([join(sub, 'audit-2.jsonl'), join(sub, 'audit-1.jsonl.gz')])).toEqual([...events.slice(half), ...events.slice(0, half)]);
  });

  it('skips a torn final line with a counted warning instead of refusing the file', async () => {
    const path = await file('torn-final.jsonl', `${lines(events.slice(0, 5))}${JSON.stringify(events[5]).slice(0, 50)}`);
    const issues: AuditLineIssue[] = [];
    expect(await collect(path, { onIssue: (i) => issues.push(i) })).toEqual(events.slice(0, 5));
    expect(issues).toEqual([{ file: path, line: 6, kind: 'torn', message: 'not JSON: a torn line (a writer stopped mid-write); skipped' }]);
  });

  it('a whole final line without its newline is an event', async () => {
    const path = await file('no-final-newline.jsonl', lines(events.slice(0, 3)).trimEnd());
    expect(await collect(path)).toEqual(events.slice(0, 3));
  });

  it('keeps an event glued to a torn fragment, and reports the fragment', async () => {
    const path = await file('glued.jsonl', `${lines(events.slice(0, 2))}${JSON.stringify(events[2]).slice(0, 70)}${lines(events.slice(3, 5))}`);
    const issues: AuditLineIssue[] = [];
    expect(await collect(path, { onIssue: (i) => issues.push(i) })).toEqual([events[0], events[1], events[3], events[4]]);
    expect(issues.map((i) => [i.line, i.kind])).toEqual([[3, 'torn']]);
    expect(issues[0]!.message).toContain('event kept');
  });

  it('names the file and line of a line that is not an audit event, never its values or keys', async () => {
    const bad = { ...events[0], data: { agentId: 'a', locale: 'pl', restored: false, [PESEL]: PESEL } };
    const path = await file('wrong-shape.jsonl', `${JSON.stringify(events[0])}\n${JSON.stringify(bad)}\n{"pesel":"${PESEL}"}\n`);
    const error = await readError(path);
    expect(isSafecallError(error, 'INVALID_AUDIT')).toBe(true);
    expect((error as Error).message).toBe(`${path}:2: not an audit event: data: unknown key(s)`);
    const issues: AuditLineIssue[] = [];
    expect(await collect(path, { invalidLines: 'skip', onIssue: (i) => issues.push(i) })).toEqual([events[0]]);
    expect(issues.map((i) => [i.line, i.kind])).toEqual([
      [2, 'invalid'],
      [3, 'invalid'],
    ]);
    expect(JSON.stringify(issues)).not.toContain(PESEL);
  });

  it('bounds the line length: a SafecallError with the line number, or the line skipped', async () => {
    const long = `{"at":"${'9'.repeat(5000)}"}`;
    const path = await file('long-line.jsonl', `${lines(events.slice(0, 2))}${long}\n${lines(events.slice(2, 4))}`);
    const error = await readError(path, { maxLineBytes: 1024 });
    expect(error).toMatchObject({ code: 'INVALID_AUDIT', message: `${path}:3: line longer than 1024 bytes` });
    const issues: AuditLineIssue[] = [];
    expect(await collect(path, { maxLineBytes: 1024, invalidLines: 'skip', onIssue: (i) => issues.push(i) })).toEqual(events.slice(0, 4));
    expect(issues.map((i) => [i.line, i.kind])).toEqual([[3, 'too-long']]);
    await expect(collect(path, { maxLineBytes: 10 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('reads an empty file as no events, and fails on a missing one', async () => {
    expect(await collect(await file('empty.jsonl', ''))).toEqual([]);
    expect(await readError(join(dir, 'nope.jsonl'))).toMatchObject({ code: 'ENOENT' });
  });

  it('lets a reader stop early', async () => {
    const path = await file('early.jsonl', lines(events));
    let n = 0;
    for await (const _ of readAuditEvents(path)) if (++n === 3) break;
    expect(n).toBe(3);
  });

  it('readAuditBatches: the same events in batches; with frozenData, equal data is shared and frozen', async () => {
    const path = await file('batches.jsonl', lines(events));
    const batches: AuditEvent[][] = [];
    for await (const batch of readAuditBatches(path, { frozenData: true })) batches.push(batch);
    const read = batches.flat();
    expect(read).toEqual(events);
    const steps = read.filter((e) => e.type === 'step-entered');
    expect(steps[0]!.data).toBe(steps[1]!.data);
    expect(Object.isFrozen(steps[0]!.data)).toBe(true);
    const own = await collect(path);
    expect(Object.isFrozen(own.find((e) => e.type === 'step-entered')!.data)).toBe(false);
  });
});

describe('readCallTrails', () => {
  it('finds a few calls’ events in one pass, in order, keeping the line numbers of what it reads', async () => {
    const big = generated({ calls: 2000, seed: 9 });
    const wanted = [big[3]!, big[1500]!];
    const path = await file('trails.jsonl', lines(big.flat()));
    const trails = await readCallTrails(path, [wanted[0]![0]!.sessionId, wanted[1]![0]!.sessionId, 'nobody']);
    expect(trails.get(wanted[0]![0]!.sessionId)).toEqual(wanted[0]);
    expect(trails.get(wanted[1]![0]!.sessionId)).toEqual(wanted[1]);
    expect(trails.get('nobody')).toEqual([]);
    const withBad = await file('trails-bad.jsonl', `${lines(big.flat())}{"at":1}\n${lines(wanted[0]!)}`);
    await expect(readCallTrails(withBad, [wanted[0]![0]!.sessionId])).rejects.toMatchObject({ message: `${withBad}:${big.flat().length + 1}: not an audit event: type: does not match any allowed shape` });
  });
});
