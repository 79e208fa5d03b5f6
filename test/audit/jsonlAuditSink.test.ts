import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonlAuditSink, MAX_SINK_LINE_BYTES, readAuditEvents, type AuditLineIssue } from '../../src/audit/node/index.js';
import { isSafecallError } from '../../src/core/errors.js';
import type { AuditEvent } from '../../src/model/index.js';
import { generated } from './helpers.js';
import { forged } from '../support/forged.js';

const PESEL = '44051401359';
let dir: string;
const events = generated({ calls: 20 }).flat();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'safecall-sink-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(path: string, issues: AuditLineIssue[] = []): Promise<AuditEvent[]> {
  const out: AuditEvent[] = [];
  for await (const event of readAuditEvents(path, { onIssue: (i) => issues.push(i) })) out.push(event);
  return out;
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

  it('starts its first batch on a new line when the file ends in a fragment a killed writer left, losing nothing', async () => {
    const path = join(dir, 'torn-tail.jsonl');
    const whole = events.slice(0, 3).map((e) => `${JSON.stringify(e)}\n`).join('');
    await writeFile(path, `${whole}${JSON.stringify(events[3]).slice(0, 40)}`);
    const sink = jsonlAuditSink(path);
    await sink(events[4]!);
    await sink(events[5]!);
    await sink.close();
    const issues: AuditLineIssue[] = [];
    expect(await collect(path, issues)).toEqual([events[0], events[1], events[2], events[4], events[5]]);
    expect(issues).toEqual([{ file: path, line: 4, kind: 'torn', message: expect.stringContaining('torn') }]);
    expect((await readFile(path, 'utf8')).split('\n')[4]).toBe(JSON.stringify(events[4]));
  });

  it('checks the tail before every batch, so a fragment another process left meanwhile is stepped over too', async () => {
    const path = join(dir, 'torn-between.jsonl');
    const sink = jsonlAuditSink(path, { sync: 'none' });
    await sink(events[0]!);
    await appendFile(path, '{"at":"2026-11-23T1');
    await sink(events[1]!);
    await sink.close();
    const issues: AuditLineIssue[] = [];
    expect(await collect(path, issues)).toEqual([events[0], events[1]]);
    expect(issues.map((i) => [i.line, i.kind])).toEqual([[2, 'torn']]);
  });

  it('rejects a malformed event without writing it or repeating its content', async () => {
    const path = join(dir, 'invalid.jsonl');
    const sink = jsonlAuditSink(path);
    const bad = forged<AuditEvent>({ ...events[0]!, data: { agentId: 'a', locale: 'pl', restored: false, [PESEL]: true } });
    const error = await sink(bad).catch((e: unknown) => e);
    expect(isSafecallError(error, 'INVALID_AUDIT')).toBe(true);
    expect((error as Error).message).not.toContain(PESEL);
    await sink(events[0]!);
    expect(await collect(path)).toEqual([events[0]]);
    await sink.close();
  });

  it('refuses an event longer than the line limit, which a reader would refuse too', async () => {
    const sink = jsonlAuditSink(join(dir, 'long.jsonl'));
    const huge: AuditEvent = { ...events[0]!, type: 'call-started', step: 'introduce', data: { agentId: 'x'.repeat(MAX_SINK_LINE_BYTES), locale: 'pl', restored: false } };
    await expect(sink(huge)).rejects.toMatchObject({ code: 'INVALID_AUDIT' });
    await sink.close();
  });

  it('rejects the events of a batch it cannot write, and keeps working afterwards', async () => {
    const sink = jsonlAuditSink(join(dir, 'missing-dir', 'audit.jsonl'));
    await expect(sink(events[0]!)).rejects.toMatchObject({ code: 'ENOENT' });
    await sink.close();
  });

  it('validates its arguments', () => {
    expect(() => jsonlAuditSink('')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => jsonlAuditSink('x.jsonl', { sync: 'always' as 'none' })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
