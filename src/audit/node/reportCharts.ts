import * as Plot from '@observablehq/plot';
import { OUTCOME_KINDS } from '../../model/index.js';
import { escapeControlCharacters } from '../escapeControl.js';
import type { CallSummary } from '../summary.js';

/**
 * One chart of the report: a heading, a sentence on how to read it, and the
 * chart (Plot's SVG or figure), or null when there is nothing to draw.
 *
 * @example
 * ```ts
 * for (const { title, chart } of reportCharts(summary, document)) if (chart) body.append(chart);
 * ```
 */
export interface ReportChart {
  id: string;
  title: string;
  caption: string;
  chart: Element | null;
}

const percent = (value: number) => `${Math.round(value * 1000) / 10} %`;
/** A label from the trail: escaped, and cut to fit the chart's margin. */
const label = (value: string) => {
  const text = escapeControlCharacters(value);
  return text.length > 28 ? `${text.slice(0, 27)}…` : text;
};
const WIDTH = 760;

/** 95 % Wilson score interval of a proportion: honest error bars for agents with few calls. */
function wilson(successes: number, n: number): [number, number] {
  const z = 1.96;
  const p = successes / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

function outcomes(summary: CallSummary, document: Document): ReportChart {
  const rows = OUTCOME_KINDS.map((kind) => ({ kind, count: summary.outcomes[kind].count, rate: summary.outcomes[kind].rate ?? 0 }));
  const chart = Plot.plot({
    document,
    width: WIDTH,
    height: 40 + rows.length * 26,
    marginLeft: 170,
    marginRight: 90,
    x: { grid: true, label: 'calls' },
    y: { domain: [...OUTCOME_KINDS], label: null },
    marks: [
      Plot.barX(rows, { x: 'count', y: 'kind', fill: (d: (typeof rows)[number]) => (d.kind === 'verified' ? '#3ca951' : '#4269d0') }),
      Plot.text(rows, { x: 'count', y: 'kind', text: (d: (typeof rows)[number]) => `${d.count.toLocaleString('en-US')} (${percent(d.rate)})`, dx: 4, textAnchor: 'start' }),
      Plot.ruleX([0]),
    ],
  });
  return { id: 'outcomes', title: 'Outcomes', caption: `How the ${summary.calls.toLocaleString('en-US')} ended calls ended.`, chart };
}

function passRateByAgent(summary: CallSummary, document: Document): ReportChart {
  const rows = Object.entries(summary.byAgent)
    .filter(([, s]) => s.verification.reached > 0)
    .map(([agent, s]) => {
      const { reached, verified } = s.verification;
      const [low, high] = wilson(verified, reached);
      return { agent: label(agent), rate: verified / reached, low, high, reached };
    })
    .sort((a, b) => a.rate - b.rate || (a.agent < b.agent ? -1 : 1));
  const caption = 'Verified ÷ calls that reached the first knowledge check, per agent (dot), with its 95 % interval (line) and the number of calls behind it: a low rate on few calls may be chance.';
  if (!rows.length) return { id: 'pass-rate', title: 'Verification pass rate per agent', caption, chart: null };
  const chart = Plot.plot({
    document,
    width: WIDTH,
    height: 50 + rows.length * 18,
    marginLeft: 170,
    marginRight: 80,
    x: { domain: [0, 1], grid: true, tickFormat: '%', label: 'pass rate' },
    y: { domain: rows.map((r) => r.agent), label: null },
    marks: [
      Plot.ruleY(rows, { y: 'agent', x1: 'low', x2: 'high', stroke: '#999' }),
      Plot.dot(rows, { y: 'agent', x: 'rate', fill: '#4269d0', r: 4 }),
      Plot.text(rows, { y: 'agent', x: 1, text: (d: (typeof rows)[number]) => `n = ${d.reached.toLocaleString('en-US')}`, dx: 8, textAnchor: 'start' }),
    ],
  });
  return { id: 'pass-rate', title: 'Verification pass rate per agent', caption, chart };
}

function timeToVerify(summary: CallSummary, document: Document): ReportChart {
  const rows = summary.timeToVerifyHistogram;
  const { medianMs, p90Ms, count } = summary.timeToVerify;
  const caption = `From the call's start to verified, over ${count.toLocaleString('en-US')} verified calls; the lines mark the median and the 90th percentile.`;
  if (!rows.length) return { id: 'time-to-verify', title: 'Time to verify', caption, chart: null };
  // Whole-second counts into about 40 bins of a round width.
  const max = rows[rows.length - 1]!.seconds;
  const width = [1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 1800, 3600].find((w) => max / w <= 40) ?? Math.ceil(max / 40);
  const bins = new Map<number, number>();
  for (const { seconds, calls } of rows) bins.set(Math.floor(seconds / width) * width, (bins.get(Math.floor(seconds / width) * width) ?? 0) + calls);
  const bars = [...bins].map(([from, calls]) => ({ from, to: from + width, calls }));
  const marks = [Plot.rectY(bars, { x1: 'from', x2: 'to', y: 'calls', fill: '#4269d0', inset: 0.5 }), Plot.ruleY([0])];
  const quantiles = [
    { at: (medianMs ?? 0) / 1000, name: 'median' },
    { at: (p90Ms ?? 0) / 1000, name: '90th percentile' },
  ];
  const chart = Plot.plot({
    document,
    width: WIDTH,
    height: 260,
    x: { label: 'seconds from start to verified' },
    y: { grid: true, label: 'calls' },
    marks: [...marks, Plot.ruleX(quantiles, { x: 'at', stroke: '#d62728', strokeDasharray: '4,3' }), Plot.text(quantiles, { x: 'at', frameAnchor: 'top', text: 'name', dx: 4, textAnchor: 'start', fill: '#d62728' })],
  });
  return { id: 'time-to-verify', title: 'Time to verify', caption, chart };
}

function adherence(summary: CallSummary, document: Document): ReportChart {
  const rows = Object.entries(summary.byScript)
    .filter(([, s]) => s.adherence.checked > 0)
    .map(([key, s]) => ({ key: label(key), rate: s.adherence.rate ?? 0, adherent: s.adherence.adherent, checked: s.adherence.checked, from: s.expectedFrom }));
  const caption = 'Calls that took the script version’s main steps in order (a verified call all of them, a shorter call a prefix), per script version; "observed" means no script was given and the order is the one most verified calls took.';
  if (!rows.length) return { id: 'adherence', title: 'Script adherence per script version', caption, chart: null };
  const chart = Plot.plot({
    document,
    width: WIDTH,
    height: 40 + rows.length * 28,
    marginLeft: 170,
    marginRight: 170,
    x: { domain: [0, 1], grid: true, tickFormat: '%', label: 'adherent' },
    y: { domain: rows.map((r) => r.key), label: null },
    marks: [
      Plot.barX(rows, { x: 'rate', y: 'key', fill: '#3ca951' }),
      Plot.text(rows, { x: 1, y: 'key', text: (d: (typeof rows)[number]) => `${d.adherent.toLocaleString('en-US')} / ${d.checked.toLocaleString('en-US')}${d.from === 'observed' ? ' (observed)' : ''}`, dx: 8, textAnchor: 'start' }),
      Plot.ruleX([0]),
    ],
  });
  return { id: 'adherence', title: 'Script adherence per script version', caption, chart };
}

function ratesOverTime(summary: CallSummary, document: Document): ReportChart {
  const rows = Object.entries(summary.byDay).flatMap(([date, day]) => {
    const at = new Date(`${date}T00:00:00Z`);
    const out: { date: Date; measure: string; rate: number }[] = [];
    if (day.safeAsked) out.push({ date: at, measure: 'unsafe place (of calls asked)', rate: day.unsafe / day.safeAsked });
    if (day.calls) out.push({ date: at, measure: 'callback scheduled (of calls)', rate: day.callbacks / day.calls });
    return out;
  });
  const caption = 'Per day (UTC) of the calls’ end: the share of customers not somewhere safe when asked, and of calls that ended with a scheduled callback.';
  if (!rows.length) return { id: 'over-time', title: 'Unsafe-place and callback rates over time', caption, chart: null };
  const chart = Plot.plot({
    document,
    width: WIDTH,
    height: 280,
    x: { type: 'utc', label: 'day' },
    y: { grid: true, percent: true, label: 'rate (%)' },
    color: { legend: true, domain: ['unsafe place (of calls asked)', 'callback scheduled (of calls)'], range: ['#d62728', '#4269d0'] },
    marks: [Plot.lineY(rows, { x: 'date', y: 'rate', stroke: 'measure', z: 'measure' }), Plot.dot(rows, { x: 'date', y: 'rate', fill: 'measure', r: 2 }), Plot.ruleY([0])],
  });
  return { id: 'over-time', title: 'Unsafe-place and callback rates over time', caption, chart };
}

/**
 * The report's charts, drawn with Observable Plot into `document` (a real
 * browser document, or linkedom's on a server): outcomes, verification pass
 * rate per agent with its interval and number of calls, the time-to-verify
 * distribution, adherence per script version, and the unsafe-place and
 * callback rates over time. Labels from the trail are escaped.
 *
 * @example
 * ```ts
 * const { document } = parseHTML('<!doctype html><html><body></body></html>');
 * for (const { chart } of reportCharts(summary, document)) if (chart) document.body.append(chart);
 * ```
 */
export function reportCharts(summary: CallSummary, document: Document): ReportChart[] {
  return [outcomes(summary, document), passRateByAgent(summary, document), timeToVerify(summary, document), adherence(summary, document), ratesOverTime(summary, document)];
}
