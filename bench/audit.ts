/**
 * `node --import tsx bench/audit.ts`: the audit trail at volume (issue 16).
 *
 * Generates BENCH_CALLS calls (default 1,000,000) with test/support/auditFixtures.ts
 * — events straight from the schema's shapes, interleaved as a contact
 * centre's log is, in the sink's layout — into bench/.cache (kept between
 * runs), then times each task in a process of its own (bench/audit-run.ts)
 * for its peak RSS: `safecall report`, `report --html`, `sample`, `trail`;
 * and, on a BENCH_BASELINE_CALLS subset (default 100,000) in the same run,
 * the reader before issue 16 and the DuckDB queries of examples/sql, for the
 * ratios. Prints a markdown table; BENCH_OUT=path also writes it there.
 *
 *   BENCH_CALLS=1000000  BENCH_BASELINE_CALLS=100000  BENCH_ROUNDS=3 (best of, per task)
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { writeAuditFile, type FixtureFileInfo } from '../test/support/auditFixtures.js';

const CALLS = Number(process.env['BENCH_CALLS'] ?? 1_000_000);
const BASELINE_CALLS = Number(process.env['BENCH_BASELINE_CALLS'] ?? 100_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const CACHE = join(import.meta.dirname, '.cache');

interface Measured {
  task: string;
  seconds: number;
  cpuSeconds: number;
  maxRssMB: number;
  startRssMB: number;
  calls: number;
}

/** The generated file for `calls` calls, made once and kept (its size and counts beside it). */
async function auditFile(calls: number): Promise<{ path: string; info: Pick<FixtureFileInfo, 'bytes' | 'events' | 'calls'> }> {
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, `audit-${calls}.jsonl`);
  const meta = `${path}.json`;
  if (existsSync(path) && existsSync(meta) && statSync(path).size === (JSON.parse(readFileSync(meta, 'utf8')) as { bytes: number }).bytes) {
    return { path, info: JSON.parse(readFileSync(meta, 'utf8')) as FixtureFileInfo };
  }
  process.stderr.write(`generating ${calls.toLocaleString('en-US')} calls into ${path}…\n`);
  const info = await writeAuditFile(path, { calls, seed: 2026, agents: 120, gapMs: 8_000 });
  writeFileSync(meta, JSON.stringify({ bytes: info.bytes, events: info.events, calls: info.calls }));
  return { path, info };
}

/** Best of ROUNDS runs of a task, each in a fresh process. */
function measure(task: string, file: string, arg?: string): Measured {
  const runs: Measured[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'audit-run.ts'), task, file, ...(arg ? [arg] : [])], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
    runs.push(JSON.parse(out.trim().split('\n').at(-1)!) as Measured);
    process.stderr.write(`  ${task} round ${round + 1}: ${runs.at(-1)!.seconds.toFixed(1)} s\n`);
  }
  return runs.reduce((best, run) => (run.seconds < best.seconds ? run : best));
}

const mb = (bytes: number) => bytes / 1e6;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const big = await auditFile(CALLS);
const small = await auditFile(BASELINE_CALLS);
/** The session id of a call halfway through the file: `trail` has to read it all to be sure it found every event. */
function sessionAt(path: string, offset: number): string {
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(64 * 1024);
  readSync(fd, head, 0, head.length, offset);
  closeSync(fd);
  const line = head.toString('utf8').split('\n')[1]!;
  return (JSON.parse(line) as { sessionId: string }).sessionId;
}
const someSession = sessionAt(big.path, Math.floor(big.info.bytes / 2));
const load = os.loadavg()[0]!;

const rows: string[][] = [];
const add = (what: string, file: { info: { bytes: number; calls: number } }, m: Measured) => {
  rows.push([
    what,
    `${fmt(file.info.calls)} calls, ${fmt(mb(file.info.bytes) / 1000, 2)} GB`,
    fmt(m.seconds, 1),
    fmt(mb(file.info.bytes) / m.seconds),
    fmt(mb(file.info.bytes) / m.cpuSeconds),
    fmt(file.info.calls / m.seconds),
    `${fmt(m.maxRssMB)} (${fmt(m.startRssMB)} before the task)`,
  ]);
};

process.stderr.write('measuring…\n');
add('`safecall report` (text/JSON)', big, measure('report', big.path));
add('`safecall report --html`', big, measure('html', big.path));
add('`safecall sample --per agent --size 5`', big, measure('sample', big.path));
add('`safecall trail --session …` (one call)', big, measure('trail', big.path, someSession));
const reportSmall = measure('report', small.path);
add('`safecall report`, baseline subset', small, reportSmall);
const before = measure('before', small.path);
add('before issue 16: readline + JSON.parse + zod per line', small, before);
const duck = measure('duckdb', small.path);
add('DuckDB: examples/sql (events, calls, adherence, summary)', small, duck);

const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
const table = [
  '| task | input | seconds | MB/s (wall) | MB/s (per CPU-second) | calls/s | peak RSS (MB) |',
  '|---|---|--:|--:|--:|--:|--:|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
const summary = `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; load average ${load.toFixed(1)} when the run began. Files in the page cache (generated just before); best of ${ROUNDS} runs, each task in a fresh process (its peak RSS is its own), timed from after its modules are loaded. MB/s per CPU-second divides by the process's user + system time: what one free core would give when the machine is busy. \`safecall report\` is ${fmt(reportSmall.seconds > 0 ? before.seconds / reportSmall.seconds : 0, 1)}× the reader before issue 16 on the same ${fmt(BASELINE_CALLS)} calls.`;
const markdown = `${table}\n\n${summary}\n`;
process.stdout.write(markdown);
if (process.env['BENCH_OUT']) writeFileSync(process.env['BENCH_OUT'], markdown);
