import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonlAuditSink, readAuditEvents, type ReadProgress } from '../../src/audit/node/index.js';
import { isSafecallError, type AuditEvent } from '../../src/index.js';
import { customerBot, simulateCall, TEST_PESEL } from '../../src/testing/index.js';
import { example, templateCalls } from './helpers.js';

let dir: string;
let events: AuditEvent[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'safecall-jsonl-'));
  events = (await templateCalls()).flat();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(path: string): Promise<AuditEvent[]> {
  const out: AuditEvent[] = [];
  for await (const event of readAuditEvents(path)) out.push(event);
  return out;
}

async function readError(path: string): Promise<unknown> {
  try {
    await collect(path);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('jsonlAuditSink', () => {
  it('appends one JSON line per event, in the order given, even when events arrive together', async () => {
    const path = join(dir, 'order.jsonl');
    const sink = jsonlAuditSink(path);
    await Promise.all(events.map((e) => sink(e)));
    const lines = (await readFile(path, 'utf8')).split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((l) => JSON.parse(l))).toEqual(events);
    await sink.close();
  });

  it('appends to an existing file, and reopens after close', async () => {
    const path = join(dir, 'append.jsonl');
    const first = jsonlAuditSink(path, { sync: 'none' });
    await first(events[0]!);
    await first.close();
    const second = jsonlAuditSink(path);
    await second(events[1]!);
    await second.flush();
    expect(await collect(path)).toEqual([events[0], events[1]]);
    await second.close();
    await expect(second(events[2]!)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('rejects a malformed event without writing it or repeating its content', async () => {
    const path = join(dir, 'invalid.jsonl');
    const sink = jsonlAuditSink(path);
    const bad = { ...events[0]!, data: { agentId: 'a', locale: 'pl', restored: false, [TEST_PESEL]: true } } as unknown as AuditEvent;
    const error = await sink(bad).catch((e: unknown) => e);
    expect(isSafecallError(error, 'INVALID_AUDIT')).toBe(true);
    expect((error as Error).message).not.toContain(TEST_PESEL);
    await sink(events[0]!);
    expect(await collect(path)).toEqual([events[0]]);
    await sink.close();
  });

  it('rejects the events of a batch it cannot write, and keeps working afterwards', async () => {
    const sink = jsonlAuditSink(join(dir, 'missing-dir', 'audit.jsonl'));
    await expect(sink(events[0]!)).rejects.toMatchObject({ code: 'ENOENT' });
    await sink.close();
  });

  it('records a whole simulated call as the session emits it', async () => {
    const path = join(dir, 'session.jsonl');
    const sink = jsonlAuditSink(path);
    const result = await simulateCall(example('fraud-alert'), customerBot('cooperative'), { audit: sink });
    await sink.close();
    expect(await collect(path)).toEqual(result.audit);
  });

  it('validates its arguments', () => {
    expect(() => jsonlAuditSink('')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => jsonlAuditSink('x.jsonl', { sync: 'always' as never })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('readAuditEvents', () => {
  it('streams the events back, skipping blank lines, reporting progress', async () => {
    const path = join(dir, 'read.jsonl');
    await writeFile(path, `${events.map((e) => JSON.stringify(e)).join('\n\n')}\r\n\n`);
    const progress: ReadProgress[] = [];
    const read: AuditEvent[] = [];
    for await (const e of readAuditEvents(path, { onProgress: (p) => progress.push(p), progressEvery: 100 })) read.push(e);
    expect(read).toEqual(events);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toMatchObject({ bytes: progress.at(-1)!.totalBytes });
  });

  it('names the file and line of a line that is not JSON, never its content', async () => {
    const path = join(dir, 'broken.jsonl');
    await writeFile(path, `${JSON.stringify(events[0])}\n${JSON.stringify(events[1])}\n{"pesel": "${TEST_PESEL}"\n`);
    const error = await readError(path);
    expect(isSafecallError(error, 'INVALID_AUDIT')).toBe(true);
    expect((error as Error).message).toBe(`${path}:3: not valid JSON`);
  });

  it('names the line and the problem of a line that is not an audit event, never its values or keys', async () => {
    const path = join(dir, 'wrong-shape.jsonl');
    const bad = { ...events[0], data: { agentId: 'a', locale: 'pl', restored: false, [TEST_PESEL]: TEST_PESEL } };
    await writeFile(path, `${JSON.stringify(events[0])}\n${JSON.stringify(bad)}\n`);
    const error = await readError(path);
    expect(isSafecallError(error, 'INVALID_AUDIT')).toBe(true);
    expect((error as Error).message).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: not an audit event: data: unknown key\\(s\\)`));
    expect((error as Error).message).not.toContain(TEST_PESEL);
  });

  it('reads an empty file as no events, and fails on a missing one', async () => {
    const empty = join(dir, 'empty.jsonl');
    await writeFile(empty, '');
    expect(await collect(empty)).toEqual([]);
    expect(await readError(join(dir, 'nope.jsonl'))).toMatchObject({ code: 'ENOENT' });
  });

  it('lets a reader stop early', async () => {
    const path = join(dir, 'early.jsonl');
    await writeFile(path, events.map((e) => `${JSON.stringify(e)}\n`).join(''));
    let n = 0;
    for await (const _ of readAuditEvents(path)) if (++n === 3) break;
    expect(n).toBe(3);
  });
});
