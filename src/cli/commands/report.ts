import { stat } from 'node:fs/promises';
import { createCallSummarizer, type CallStats, type CallSummary } from '../../audit/index.js';
import { readAuditEvents, type ReadProgress } from '../../audit/node/index.js';
import { isSafecallError } from '../../core/errors.js';
import { OUTCOME_KINDS } from '../../session/index.js';
import type { CallScript } from '../../script/index.js';
import { parseCommand } from '../args.js';
import { count, duration, percent, table } from '../format.js';
import { HELP } from '../help.js';
import { CliError, type CliIo } from '../io.js';
import { loadScript } from '../loadJson.js';

/** Files larger than this get progress on stderr even when it is not a terminal. */
const LARGE_FILE = 10 * 1024 * 1024;

/**
 * `safecall report <audit.jsonl> [--script file]... [--json]`
 *
 * @example
 * ```ts
 * await reportCommand(['audit.jsonl', '--json'], io);
 * ```
 */
export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals, help } = parseCommand('report', args, { json: { type: 'boolean' }, script: { type: 'string', multiple: true } }, ['audit.jsonl']);
  if (help) return (io.stdout(`${HELP.report}\n`), 0);
  const file = positionals[0]!;
  const scripts: CallScript[] = [];
  for (const path of (values.script as string[] | undefined) ?? []) scripts.push(await loadScript(path));
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new CliError(1, `${file}: cannot read the file (it is a directory)`);
    size = info.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(1, `${file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : (code ?? 'error')})`);
  }
  const progress = size > LARGE_FILE || io.stderrIsTTY ? progressPrinter(file, io) : undefined;
  const summarizer = createCallSummarizer({ scripts });
  try {
    for await (const event of readAuditEvents(file, progress ? { onProgress: progress.update } : {})) summarizer.add(event);
  } catch (error) {
    progress?.end();
    if (isSafecallError(error, 'INVALID_AUDIT')) throw new CliError(1, error.message);
    throw error;
  }
  progress?.end();
  const summary = summarizer.result();
  if (summary.events === 0) throw new CliError(1, `${file}: no audit events (the file is empty)`);
  io.stdout(values.json ? `${JSON.stringify(summary, null, 2)}\n` : renderReport(file, summary));
  return 0;
}

function progressPrinter(file: string, io: CliIo) {
  let lastShown = 0;
  let lastTenth = -1;
  let drawn = false;
  return {
    update({ bytes, totalBytes, lines }: ReadProgress) {
      const share = totalBytes > 0 ? Math.min(1, bytes / totalBytes) : 1;
      const text = `reading ${file}: ${Math.floor(share * 100)} % (${count(lines)} lines)`;
      if (io.stderrIsTTY) {
        const now = Date.now();
        if (now - lastShown < 200 && share < 1) return;
        lastShown = now;
        io.stderr(`\r${text}`);
        drawn = true;
      } else {
        // Not a terminal: a line per tenth, so a log does not fill with redraws.
        const tenth = Math.floor(share * 10);
        if (tenth === lastTenth) return;
        lastTenth = tenth;
        io.stderr(`${text}\n`);
      }
    },
    end() {
      if (drawn) io.stderr('\n');
    },
  };
}

function statsRow(name: string, s: CallStats): string[] {
  return [
    name,
    count(s.calls),
    count(s.unfinished),
    percent(s.outcomes.verified.rate),
    percent(s.verification.passRate),
    duration(s.timeToVerify.medianMs),
    duration(s.timeToVerify.p90Ms),
    percent(s.safePlace.unsafeRate),
    percent(s.callback.rate),
    percent(s.mutual.useRate),
    count(s.mutual.mismatches),
    percent(s.adherence.rate),
  ];
}

const STATS_HEADERS = ['', 'calls', 'unfinished', 'verified', 'pass rate', 'ttv median', 'ttv p90', 'unsafe', 'callback', 'mutual use', 'mismatches', 'adherence'];

/**
 * The summary as text tables.
 *
 * @example
 * ```ts
 * io.stdout(renderReport('audit.jsonl', summary));
 * ```
 */
export function renderReport(file: string, summary: CallSummary): string {
  const lines: string[] = [];
  lines.push(`safecall report: ${file}`);
  lines.push(`${count(summary.events)} events, ${count(summary.calls)} ended calls, ${count(summary.unfinished)} unfinished, ${count(summary.orphanEvents)} orphan events`);
  lines.push('');
  lines.push(table(['outcome', 'calls', 'share'], OUTCOME_KINDS.map((kind) => [kind, count(summary.outcomes[kind].count), percent(summary.outcomes[kind].rate)])));
  lines.push('');
  const v = summary.verification;
  lines.push(
    table(
      ['measure', 'value', 'of'],
      [
        ['verification pass rate (verified ÷ reached first check)', percent(v.passRate), `${count(v.verified)} / ${count(v.reached)}`],
        ['time to verify, median', duration(summary.timeToVerify.medianMs), `${count(summary.timeToVerify.count)} verified`],
        ['time to verify, 90th percentile', duration(summary.timeToVerify.p90Ms), `${count(summary.timeToVerify.count)} verified`],
        ['unsafe place', percent(summary.safePlace.unsafeRate), `${count(summary.safePlace.unsafe)} / ${count(summary.safePlace.asked)} asked`],
        ['callback scheduled', percent(summary.callback.rate), `${count(summary.callback.count)} / ${count(summary.calls)}`],
        ['mutual verification used', percent(summary.mutual.useRate), `${count(summary.mutual.used)} / ${count(summary.mutual.offered)} offered`],
        ['mutual verification mismatches', count(summary.mutual.mismatches), 'calls'],
        ['script adherence', percent(summary.adherence.rate), `${count(summary.adherence.adherent)} / ${count(summary.adherence.checked)} checked`],
      ],
    ),
  );
  lines.push('');
  lines.push('By agent');
  lines.push(table(['agent', ...STATS_HEADERS.slice(1)], Object.entries(summary.byAgent).map(([agent, s]) => statsRow(agent, s))));
  lines.push('');
  lines.push('By script version');
  lines.push(table(['script', ...STATS_HEADERS.slice(1)], Object.entries(summary.byScript).map(([key, s]) => statsRow(key, s))));
  for (const [key, s] of Object.entries(summary.byScript)) {
    lines.push(`  ${key} steps (${s.expectedFrom ?? 'unknown'}): ${s.expectedSteps ? s.expectedSteps.join(' → ') : 'no verified call to learn them from; pass --script'}`);
  }
  lines.push('');
  return lines.join('\n');
}
