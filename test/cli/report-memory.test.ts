import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, expect, it } from 'vitest';
import { OUTCOME_KINDS, type AuditEvent, type OutcomeKind } from '../../src/index.js';
import { cloneCall, templateCalls } from '../audit/helpers.js';
import { cliBundle, runNode } from './cli.js';

const CALLS = 100_000;
/** Calls in progress at once: their events interleave in the file, as in a real contact centre's log. */
const CONCURRENT = 50;
const BUDGET_KB = 200 * 1024;

let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it(`report over ${CALLS.toLocaleString('en-US')} calls streams the file in under 200 MB`, async () => {
  dir = await mkdtemp(join(tmpdir(), 'safecall-report-'));
  const path = join(dir, 'audit.jsonl');
  const templates = await templateCalls();
  const outcomeOf = (events: AuditEvent[]) => events.flatMap((e) => (e.type === 'outcome' ? [e.data.kind] : []))[0]!;
  const expected = Object.fromEntries(OUTCOME_KINDS.map((k) => [k, 0])) as Record<OutcomeKind, number>;

  // Real simulated calls, cloned under new ids, agents and start times, CONCURRENT at a time interleaved.
  const out = createWriteStream(path);
  for (let first = 0; first < CALLS; first += CONCURRENT) {
    const batch: AuditEvent[][] = [];
    for (let i = first; i < Math.min(CALLS, first + CONCURRENT); i++) {
      const template = templates[i % templates.length]!;
      expected[outcomeOf(template)]++;
      batch.push(cloneCall(template, `call-${i}`, `agent-${i % 40}`, i * 7_000));
    }
    let chunk = '';
    for (let step = 0; batch.some((events) => step < events.length); step++) {
      for (const events of batch) if (step < events.length) chunk += `${JSON.stringify(events[step])}\n`;
    }
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  expect((await stat(path)).size).toBeGreaterThan(10 * 1024 * 1024);

  const run = await runNode([await cliBundle(), 'report', path, '--json'], { env: { SAFECALL_DEBUG: 'memory' } });
  expect(run.code, run.stderr).toBe(0);
  const summary = JSON.parse(run.stdout);
  expect(summary.calls).toBe(CALLS);
  expect(summary.unfinished).toBe(0);
  expect(summary.orphanEvents).toBe(0);
  for (const kind of OUTCOME_KINDS) expect(summary.outcomes[kind].count, kind).toBe(expected[kind]);
  expect(Object.keys(summary.byAgent)).toHaveLength(40);

  // Progress went to stderr (the file is over 10 MB), a line per tenth since stderr is not a terminal.
  expect(run.stderr).toMatch(/reading .*audit\.jsonl: 100 % \([\d,]+ lines\)/);
  const maxRss = Number(/safecall: maxRSS (\d+) kB/.exec(run.stderr)?.[1]);
  console.info(`safecall report: ${CALLS} calls, ${(await stat(path)).size} bytes, peak RSS ${(maxRss / 1024).toFixed(1)} MB`);
  expect(maxRss).toBeGreaterThan(0);
  expect(maxRss).toBeLessThan(BUDGET_KB);
}, 120_000);
