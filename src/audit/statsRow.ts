import type { CallStats } from './summary.js';

/**
 * 12345 → "12,345".
 *
 * @example
 * ```ts
 * formatCount(12345); // "12,345"
 * ```
 */
export const formatCount = (n: number): string => n.toLocaleString('en-US');

/**
 * 0.8312 → "83.1 %"; null → "–".
 *
 * @example
 * ```ts
 * formatRate(0.8312); // "83.1 %"
 * ```
 */
export const formatRate = (rate: number | null): string => (rate === null ? '–' : `${(rate * 100).toFixed(1)} %`);

/**
 * 65000 → "1 min 05 s"; null → "–".
 *
 * @example
 * ```ts
 * formatDuration(65_000); // "1 min 05 s"
 * ```
 */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '–';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** The columns of a stats row after its name: what the text and the HTML report both show per agent and per script. */
export const STATS_COLUMNS = ['calls', 'unfinished', 'verified', 'pass rate', 'ttv median', 'ttv p90', 'unsafe', 'callback', 'mutual use', 'mismatches', 'adherence'] as const;

/**
 * One row of the per-agent / per-script tables: the name, then {@link STATS_COLUMNS}.
 *
 * @example
 * ```ts
 * statsRow('agent-17', summary.byAgent['agent-17']!); // ['agent-17', '120', '0', '83.1 %', …]
 * ```
 */
export function statsRow(name: string, s: CallStats): string[] {
  return [
    name,
    formatCount(s.calls),
    formatCount(s.unfinished),
    formatRate(s.outcomes.verified.rate),
    formatRate(s.verification.passRate),
    formatDuration(s.timeToVerify.medianMs),
    formatDuration(s.timeToVerify.p90Ms),
    formatRate(s.safePlace.unsafeRate),
    formatRate(s.callback.rate),
    formatRate(s.mutual.useRate),
    formatCount(s.mutual.mismatches),
    formatRate(s.adherence.rate),
  ];
}
