import { parseHTML } from 'linkedom';
import { OUTCOME_KINDS } from '../../model/index.js';
import { escapeControlCharacters } from '../escapeControl.js';
import type { CallSummary } from '../summary.js';
import { reportCharts } from './reportCharts.js';
import { formatCount, formatDuration, formatRate, STATS_COLUMNS, statsRow } from '../statsRow.js';

/**
 * Options of {@link auditReportHtml}.
 *
 * @example
 * ```ts
 * auditReportHtml(summary, { title: 'Fraud alerts, January 2026', sources: ['audit-2026-01.jsonl.gz'] });
 * ```
 */
export interface AuditReportHtmlOptions {
  /** Default "safecall audit report". */
  title?: string;
  /** The files the summary was read from, listed under the title. */
  sources?: readonly string[];
  /** When the report was made (default now); fixed in tests for a stable page. */
  generatedAt?: Date;
  /** Lines the reader skipped, listed as a warning. */
  skipped?: { torn: number; invalid: number; tooLong: number };
}

const STYLE = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1e23; background: #fff; }
body { max-width: 1000px; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.15rem; margin: 2.2rem 0 0.3rem; border-top: 1px solid #ddd; padding-top: 1rem; }
.meta, .caption { color: #5a6270; font-size: 0.9rem; }
.caption { margin: 0 0 0.6rem; }
.warning { background: #fff4e5; border-left: 4px solid #f0a020; padding: 0.5rem 0.8rem; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 0.8rem; margin: 1.2rem 0; }
.figure { border: 1px solid #e3e6ea; border-radius: 6px; padding: 0.6rem 0.8rem; }
.figure .value { font-size: 1.5rem; font-weight: 600; }
.figure .label { font-size: 0.85rem; color: #5a6270; }
.table { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0 1rem; }
th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid #eee; text-align: right; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
.empty { color: #5a6270; font-style: italic; }
`;

const count = formatCount;
const percent = formatRate;
const seconds = formatDuration;
const STATS_HEADERS = STATS_COLUMNS;

/**
 * A quality report as one self-contained HTML page: the headline figures,
 * charts drawn with Observable Plot (outcomes, pass rate per agent with the
 * number of calls behind it, time to verify, adherence per script version,
 * unsafe-place and callback rates over time), and the tables per agent and
 * per script version. No script, no external request: the page works
 * offline and can be archived with the review. Every value from the trail
 * is escaped (HTML and control characters).
 *
 * @example
 * ```ts
 * import { auditReportHtml } from 'safecall-pl/audit/node';
 * await writeFile('report.html', auditReportHtml(summary, { sources: ['audit.jsonl'] }));
 * ```
 */
export function auditReportHtml(summary: CallSummary, options: AuditReportHtmlOptions = {}): string {
  const { document } = parseHTML('<!doctype html><html lang="en"><head></head><body></body></html>');
  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = escapeControlCharacters(text);
    if (className) node.className = className;
    return node;
  };
  const table = (headers: readonly string[], rows: readonly (string | number)[][]) => {
    const wrap = element('div', undefined, 'table');
    const node = wrap.appendChild(element('table'));
    const head = node.appendChild(element('tr'));
    for (const h of headers) head.appendChild(element('th', h));
    for (const row of rows) {
      const tr = node.appendChild(element('tr'));
      for (const cell of row) tr.appendChild(element('td', String(cell)));
    }
    return wrap;
  };

  const title = options.title ?? 'safecall audit report';
  const head = document.head;
  const meta = document.createElement('meta');
  meta.setAttribute('charset', 'utf-8');
  head.appendChild(meta);
  head.appendChild(element('title', title));
  // The style sheet is ours, not the trail's: set as is (escaping would break its newlines).
  const style = document.createElement('style');
  style.textContent = STYLE;
  head.appendChild(style);

  const body = document.body;
  body.appendChild(element('h1', title));
  const generated = (options.generatedAt ?? new Date()).toISOString();
  const sources = options.sources?.length ? ` from ${options.sources.join(', ')}` : '';
  body.appendChild(element('p', `${count(summary.events)} events${sources}; ${count(summary.calls)} ended calls, ${count(summary.unfinished)} unfinished, ${count(summary.orphanEvents)} orphan events. Generated ${generated}.`, 'meta'));
  const skipped = options.skipped;
  if (skipped && skipped.torn + skipped.invalid + skipped.tooLong > 0) {
    body.appendChild(element('p', `Lines skipped while reading: ${skipped.torn} torn (a writer stopped mid-write), ${skipped.invalid} invalid, ${skipped.tooLong} too long. Their numbers were listed when the report was made.`, 'warning'));
  }

  const figures = body.appendChild(element('div', undefined, 'figures'));
  const figure = (value: string, text: string) => {
    const box = figures.appendChild(element('div', undefined, 'figure'));
    box.appendChild(element('div', value, 'value'));
    box.appendChild(element('div', text, 'label'));
  };
  figure(percent(summary.outcomes.verified.rate), 'of calls verified');
  figure(percent(summary.verification.passRate), `pass rate (${count(summary.verification.verified)} / ${count(summary.verification.reached)})`);
  figure(seconds(summary.timeToVerify.medianMs), 'median time to verify');
  figure(percent(summary.safePlace.unsafeRate), 'customers not somewhere safe');
  figure(percent(summary.callback.rate), 'calls ended with a callback');
  figure(percent(summary.adherence.rate), `script adherence (${count(summary.adherence.checked)} checked)`);

  for (const { id, title: heading, caption, chart } of reportCharts(summary, document)) {
    const h2 = body.appendChild(element('h2', heading));
    h2.id = id;
    body.appendChild(element('p', caption, 'caption'));
    body.appendChild(chart ?? element('p', 'No calls to draw.', 'empty'));
  }

  body.appendChild(element('h2', 'Outcome counts'));
  body.appendChild(table(['outcome', 'calls', 'share'], OUTCOME_KINDS.map((kind) => [kind, count(summary.outcomes[kind].count), percent(summary.outcomes[kind].rate)])));
  body.appendChild(element('h2', 'By agent'));
  body.appendChild(table(['agent', ...STATS_HEADERS], Object.entries(summary.byAgent).map(([agent, s]) => statsRow(agent, s))));
  body.appendChild(element('h2', 'By script version'));
  body.appendChild(table(['script', ...STATS_HEADERS], Object.entries(summary.byScript).map(([key, s]) => statsRow(key, s))));
  for (const [key, s] of Object.entries(summary.byScript)) {
    body.appendChild(element('p', `${key} steps (${s.expectedFrom ?? 'unknown'}): ${s.expectedSteps ? s.expectedSteps.join(' → ') : 'no verified call to learn them from'}`, 'caption'));
  }
  return `<!doctype html>\n${document.documentElement.outerHTML}\n`;
}
