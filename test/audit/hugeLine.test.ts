import { open, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readAuditEvents, type AuditLineIssue } from '../../src/audit/node/index.js';
import { isSafecallError } from '../../src/core/errors.js';
import type { AuditEvent } from '../../src/model/index.js';
import { generated, lines } from './helpers.js';

const HUGE = 700 * 1024 * 1024;
const events = generated({ calls: 2 }).flat();
let dir: string;
let path: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'safecall-huge-'));
  path = join(dir, 'huge.jsonl');
  // Two events, a 700 MB line (sparse: no disk, no time to write), two events.
  const file = await open(path, 'w');
  const before = Buffer.from(`${lines(events.slice(0, 2))}{"pesel":"44051401359","x":"`);
  await file.write(before);
  await file.truncate(before.length + HUGE);
  await file.write(Buffer.from(`"}\n${lines(events.slice(2, 4))}`), 0, undefined, before.length + HUGE);
  await file.close();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('a 700 MB line is a clean SafecallError with its line number, not a crash, and is never held in memory', async () => {
  const rss = process.memoryUsage().rss;
  const read: AuditEvent[] = [];
  let error: unknown;
  try {
    for await (const event of readAuditEvents(path)) read.push(event);
  } catch (e) {
    error = e;
  }
  expect(read).toEqual(events.slice(0, 2));
  expect(isSafecallError(error, 'INVALID_AUDIT')).toBe(true);
  expect((error as Error).message).toBe(`${path}:3: line longer than 1048576 bytes`);
  expect((error as Error).message).not.toContain('44051401359');
  // The reader holds a 1 MiB read buffer and at most maxLineBytes of a line; 700 MB would show.
  expect(process.memoryUsage().rss - rss).toBeLessThan(256 * 1024 * 1024);
});

it('with invalidLines: skip, the reader steps over it to the events after it', async () => {
  const issues: AuditLineIssue[] = [];
  const read: AuditEvent[] = [];
  for await (const event of readAuditEvents(path, { invalidLines: 'skip', onIssue: (i) => issues.push(i) })) read.push(event);
  expect(read).toEqual(events.slice(0, 4));
  expect(issues).toEqual([{ file: path, line: 3, kind: 'too-long', message: 'line longer than 1048576 bytes' }]);
}, 120_000);
