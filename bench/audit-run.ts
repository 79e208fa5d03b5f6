/**
 * One measured task of bench/audit.ts, in its own process so its peak RSS is
 * its own: `node --import tsx bench/audit-run.ts <task> <file> [arg]`.
 * Prints one JSON line: { task, seconds, cpuSeconds, maxRssMB, startRssMB, calls }
 * (times from after every module is loaded; the RSS before the task, for what the task added).
 *
 *   report    `safecall report <file> --json` (the CLI's main(), in-process)
 *   html      the same with --html (charts drawn too)
 *   sample    `safecall sample <file> --per agent --size 5 --seed 42`
 *   trail     `safecall trail <file> --session <arg>`
 *   before    what `safecall report` did before issue 16: readline, JSON.parse and zod per line, the summarizer
 *   duckdb    examples/sql/{events,calls,adherence,summary}.sql in DuckDB (@duckdb/node-api)
 */
import { createReadStream, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DuckDBInstance } from '@duckdb/node-api';
import { createCallSummarizer } from '../src/audit/index.js';
import { parseAuditEvent } from '../src/audit/node/auditIssues.js';
import { main } from '../src/cli/main.js';

const [task, file, arg] = process.argv.slice(2);
if (!task || !file) throw new Error('usage: audit-run.ts <task> <file> [arg]');

let calls = 0;
const io = {
  stdout: (text: string) => {
    if (task === 'report') calls = (JSON.parse(text) as { calls: number }).calls;
  },
  stderr: (text: string) => {
    if (!text.startsWith('reading: ')) process.stderr.write(text);
  },
  stderrIsTTY: false,
};

async function cli(args: string[]): Promise<void> {
  const code = await main(args, io);
  if (code !== 0) throw new Error(`safecall ${args.join(' ')} exited ${code}`);
}

async function before(): Promise<void> {
  const summarizer = createCallSummarizer();
  const lines = createInterface({ input: createReadStream(file!, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim()) summarizer.add(parseAuditEvent(JSON.parse(line), `${file}:${n}`));
  }
  calls = summarizer.result().calls;
}

async function duckdb(): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false', temp_directory: join(tmpdir(), 'safecall-bench-duckdb') });
  const connection = await instance.connect();
  await connection.run(`SET VARIABLE audit_files = '${file!.replace(/'/g, "''")}'`);
  for (const name of ['events', 'calls', 'adherence', 'summary']) {
    const extracted = await connection.extractStatements(readFileSync(join(import.meta.dirname, `../examples/sql/${name}.sql`), 'utf8'));
    for (let i = 0; i < extracted.count; i++) {
      const rows = (await (await extracted.prepare(i)).runAndReadAll()).getRowObjectsJson();
      if (name === 'summary' && calls === 0 && rows[0] && 'calls' in rows[0]) calls = Number(rows[0]['calls']);
    }
  }
  connection.closeSync();
}

// Load (and transpile) every module first: the figures are the work, not the start-up.
await Promise.all([import('../src/cli/commands/report.js'), import('../src/cli/commands/sample.js'), import('../src/cli/commands/trail.js')]);
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const cpu = process.cpuUsage();
switch (task) {
  case 'report':
    await cli(['report', file, '--json']);
    break;
  case 'html':
    await cli(['report', file, '--html', join(tmpdir(), 'safecall-bench-report.html')]);
    break;
  case 'sample':
    await cli(['sample', file, '--per', 'agent', '--size', '5', '--seed', '42']);
    break;
  case 'trail':
    await cli(['trail', file, '--session', arg ?? '']);
    break;
  case 'before':
    await before();
    break;
  case 'duckdb':
    await duckdb();
    break;
  default:
    throw new Error(`unknown task ${task}`);
}
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
process.stdout.write(`${JSON.stringify({ task, seconds, cpuSeconds: (used.user + used.system) / 1e6, maxRssMB: process.resourceUsage().maxRSS / 1024, startRssMB: rssBefore / 2 ** 20, calls })}\n`);
