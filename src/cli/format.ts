import { escapeControlCharacters } from '../audit/index.js';

/**
 * 12345 → "12,345".
 *
 * @example
 * ```ts
 * count(12345); // "12,345"
 * ```
 */
export const count = (n: number) => n.toLocaleString('en-US');

/**
 * 0.8312 → "83.1 %"; null → "–".
 *
 * @example
 * ```ts
 * percent(0.8312); // "83.1 %"
 * ```
 */
export const percent = (rate: number | null) => (rate === null ? '–' : `${(rate * 100).toFixed(1)} %`);

/**
 * 65000 → "1 min 05 s"; null → "–".
 *
 * @example
 * ```ts
 * duration(65_000); // "1 min 05 s"
 * ```
 */
export function duration(ms: number | null): string {
  if (ms === null) return '–';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/**
 * A plain-text table: first column left-aligned, the rest right-aligned.
 * Cells are escaped (control characters become visible escapes), so a value
 * from an audit event cannot recolour the terminal or forge a row.
 *
 * @example
 * ```ts
 * table(['outcome', 'calls'], [['verified', '760']]);
 * ```
 */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], align: 'first-left' | 'left' = 'first-left'): string {
  rows = rows.map((row) => row.map(escapeControlCharacters));
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 || align === 'left' ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
