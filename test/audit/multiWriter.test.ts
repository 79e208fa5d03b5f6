import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readAuditEvents, type AuditLineIssue } from '../../src/audit/node/index.js';
import { startWriter } from '../support/auditProcesses.js';
import { writerEvent } from '../support/auditWriterEvents.js';

// Processes are the thing tested here: four writers appending to one file at once.
const WRITERS = 4;
const PER_WRITER = 50_000;
const BURST = 5_000;
const PADDING = 40;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'safecall-writers-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it(`${WRITERS} processes appending ${WRITERS * PER_WRITER} events in batches over 1 MiB to one file: no line torn, none lost, each writer's order kept`, async () => {
  const burstBytes = Buffer.byteLength(Array.from({ length: BURST }, (_, i) => `${JSON.stringify(writerEvent(0, i, PADDING))}\n`).join(''));
  expect(burstBytes).toBeGreaterThan(1 << 20);

  const path = join(dir, 'audit.jsonl');
  const writers = await Promise.all(Array.from({ length: WRITERS }, (_, writer) => startWriter({ path, writer, count: PER_WRITER, burst: BURST, padding: PADDING, sync: 'none' })));
  for (const { exited } of writers) expect(await exited).toMatchObject({ code: 0, signal: null });

  const text = await readFile(path, 'utf8');
  const lines = text.split('\n');
  expect(lines.pop()).toBe('');
  // An empty line is allowed: a writer that saw another's write half copied (its last byte not yet a newline) started its batch on a new line.
  const events = lines.filter((line) => line !== '');
  expect(events).toHaveLength(WRITERS * PER_WRITER);
  for (const line of events) expect(line.startsWith('{"at":"') && line.endsWith('}}')).toBe(true);
  const issues: AuditLineIssue[] = [];
  const next = new Array<number>(WRITERS).fill(0);
  let interleaved = false;
  let previous = -1;
  for await (const event of readAuditEvents(path, { onIssue: (i) => issues.push(i) })) {
    const [, writer, index] = /^w(\d+)-(\d+)$/.exec(event.sessionId)!.map(Number) as [number, number, number];
    expect(index).toBe(next[writer]);
    next[writer]!++;
    if (previous !== -1 && previous !== writer) interleaved = true;
    previous = writer;
  }
  expect(issues).toEqual([]);
  expect(next).toEqual(new Array<number>(WRITERS).fill(PER_WRITER));
  // The writers did run at the same time (their batches alternate in the file), so the test tested something.
  expect(interleaved).toBe(true);
}, 180_000);
