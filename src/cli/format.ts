import { escapeControlCharacters } from '../audit/index.js';

/** The report's number formats (shared with the HTML report). */
export { formatCount as count, formatDuration as duration, formatRate as percent } from '../audit/statsRow.js';

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
