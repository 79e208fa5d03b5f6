import { writeFile } from 'node:fs/promises';
import { createCallSummarizer, escapeControlCharacters, type CallSummary } from '../../audit/index.js';
import { STATS_COLUMNS, statsRow } from '../../audit/statsRow.js';
import { auditReportHtml, readAuditBatches } from '../../audit/node/index.js';
import { OUTCOME_KINDS } from '../../model/index.js';
import type { CallScript } from '../../script/index.js';
import { intOption, parseCommand } from '../args.js';
import { auditInputs } from '../auditInputs.js';
import { count, duration, percent, table } from '../format.js';
import { HELP } from '../help.js';
import { CliError, type CliIo } from '../io.js';
import { lineIssuePrinter } from '../lineIssues.js';
import { loadScript } from '../loadJson.js';
import { progressPrinter } from '../progress.js';
import { asReadError } from '../readErrors.js';

/**
 * `safecall report <audit…> [--script file]... [--json] [--html file] [--skip-invalid] [--max-line-bytes n]`
 *
 * @example
 * ```ts
 * await reportCommand(['audit.jsonl', '--html', 'report.html'], io);
 * ```
 */
export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals, help } = parseCommand(
    'report',
    args,
    { json: { type: 'boolean' }, html: { type: 'string' }, script: { type: 'string', multiple: true }, 'skip-invalid': { type: 'boolean' }, 'max-line-bytes': { type: 'string' } },
    ['audit.jsonl…'],
  );
  if (help) return (io.stdout(`${HELP.report}\n`), 0);
  const scripts: CallScript[] = [];
  for (const path of (values.script as string[] | undefined) ?? []) scripts.push(await loadScript(path));
  const maxLineBytes = intOption('report', 'max-line-bytes', values['max-line-bytes'], 1 << 20);
  if (maxLineBytes < 256 || maxLineBytes > 1 << 30) throw new CliError(2, 'report: --max-line-bytes must be from 256 to 1073741824');
  const { files, totalBytes } = await auditInputs(positionals);
  const progress = progressPrinter('reading', totalBytes, io);
  const issues = lineIssuePrinter('report', io);
  const summarizer = createCallSummarizer({ scripts });
  try {
    const batches = readAuditBatches(files, { frozenData: true, maxLineBytes, invalidLines: values['skip-invalid'] ? 'skip' : 'throw', onIssue: issues.add, ...(progress ? { onProgress: progress.update } : {}) });
    for await (const batch of batches) for (const event of batch) summarizer.add(event);
  } catch (error) {
    throw asReadError(error);
  } finally {
    progress?.end();
    issues.end();
  }
  const summary = summarizer.result();
  if (summary.events === 0) throw new CliError(1, `${files.map(escapeControlCharacters).join(', ')}: no audit events (the file is empty)`);
  if (typeof values.html === 'string') {
    await writeFile(values.html, auditReportHtml(summary, { sources: files, skipped: issues.counts }));
    io.stderr(`safecall report: HTML report written to ${escapeControlCharacters(values.html)}\n`);
  }
  io.stdout(values.json ? `${JSON.stringify(summary, null, 2)}\n` : renderReport(files, summary));
  return 0;
}

const STATS_HEADERS = ['', ...STATS_COLUMNS];

/**
 * The summary as text tables; every value from the trail is escaped.
 *
 * @example
 * ```ts
 * io.stdout(renderReport(['audit.jsonl'], summary));
 * ```
 */
export function renderReport(files: readonly string[], summary: CallSummary): string {
  const lines: string[] = [];
  lines.push(`safecall report: ${files.map(escapeControlCharacters).join(', ')}`);
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
    lines.push(escapeControlCharacters(`  ${key} steps (${s.expectedFrom ?? 'unknown'}): ${s.expectedSteps ? s.expectedSteps.join(' → ') : 'no verified call to learn them from; pass --script'}`));
  }
  lines.push('');
  return lines.join('\n');
}
