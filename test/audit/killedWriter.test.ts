import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAuditEvents, type AuditLineIssue } from '../../src/audit/node/index.js';
import { startWriter } from '../support/auditProcesses.js';

// Processes are the thing tested here: writers that die mid-stream, and the ones started after them.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'safecall-killed-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every event of the file by writer, and the lines skipped. */
async function readBack(path: string, writers: number) {
  const issues: AuditLineIssue[] = [];
  const seen = Array.from({ length: writers }, () => [] as number[]);
  for await (const event of readAuditEvents(path, { onIssue: (i) => issues.push(i) })) {
    const [, writer, index] = /^w(\d)-(\d+)$/.exec(event.sessionId)!.map(Number) as [number, number, number];
    seen[writer]!.push(index);
  }
  return { issues, seen };
}

/** The first event of a writer starts a line of its own, glued to nothing. */
async function startsItsLine(path: string, writer: number) {
  const first = (await readFile(path, 'utf8')).split('\n').find((line) => line.includes(`"sessionId":"w${writer}-0"`))!;
  expect(JSON.parse(first)).toMatchObject({ sessionId: `w${writer}-0` });
}

describe('a writer that dies mid-stream', () => {
  it('SIGKILL, then a restart: every acknowledged event reads back, the next writer’s events are whole', async () => {
    const path = join(dir, 'killed.jsonl');
    const acknowledged: number[] = [];
    for (let writer = 0; writer < 2; writer++) {
      const killed = await startWriter({ path, writer, count: 0, burst: 300, padding: 20_000, sync: 'none' });
      await killed.acked(299);
      const since = performance.now();
      await killed.acked(599);
      // Kill late in a burst, where its write happens.
      await sleep((performance.now() - since) * 0.8);
      killed.child.kill('SIGKILL');
      expect(await killed.exited).toMatchObject({ signal: 'SIGKILL' });
      acknowledged.push(killed.lastAck());
    }
    const last = await startWriter({ path, writer: 2, count: 1_000, burst: 250, padding: 10, sync: 'datasync' });
    expect(await last.exited).toMatchObject({ code: 0 });

    const { issues, seen } = await readBack(path, 3);
    for (const writer of [0, 1]) {
      // A gapless prefix that covers everything the writer acknowledged (and maybe some of the burst it died in).
      expect(seen[writer]!.length).toBeGreaterThan(acknowledged[writer]!);
      expect(seen[writer]).toEqual(seen[writer]!.map((_, i) => i));
    }
    expect(seen[2]).toEqual(Array.from({ length: 1_000 }, (_, i) => i));
    expect(issues.length).toBeLessThanOrEqual(2);
    for (const issue of issues) expect(issue).toMatchObject({ kind: 'torn', message: expect.not.stringContaining('glued') });
    await startsItsLine(path, 1);
    await startsItsLine(path, 2);
  }, 180_000);

  it('a write the kernel cut short leaves a torn tail; the next writer steps over it and loses nothing', async () => {
    const path = join(dir, 'cut.jsonl');
    // Under `ulimit -f` the write crossing the limit (1 or 2 MiB: the shell's unit is 512 or 1024 bytes) is cut short there, mid-line; the writer then dies.
    const cut = await startWriter({ path, writer: 0, count: 0, burst: 1_000, padding: 500, sync: 'none' }, { fileSizeLimit: 2048 });
    const ended = await cut.exited;
    expect(ended.code === 0).toBe(false);
    expect([1 << 20, 2 << 20]).toContain((await stat(path)).size);
    const tail = await readFile(path);
    expect(tail[tail.length - 1]).not.toBe(0x0a);

    const next = await startWriter({ path, writer: 1, count: 500, burst: 100, padding: 10, sync: 'datasync' });
    expect(await next.exited).toMatchObject({ code: 0 });
    const { issues, seen } = await readBack(path, 2);
    expect(seen[0]!.length).toBeGreaterThan(cut.lastAck());
    expect(seen[0]).toEqual(seen[0]!.map((_, i) => i));
    expect(seen[1]).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(issues).toEqual([{ file: path, line: seen[0]!.length + 1, kind: 'torn', message: 'not JSON: a torn line (a writer stopped mid-write); skipped' }]);
    await startsItsLine(path, 1);
  }, 180_000);
});
