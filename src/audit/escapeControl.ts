// C0 and C1 controls and DEL (ANSI escapes, newlines, carriage returns), the
// bidirectional overrides and isolates a "Trojan Source" line uses to reorder
// what a reader sees, and the Unicode line and paragraph separators.
const CONTROLS = '\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const HAS_CONTROL = new RegExp(`[${CONTROLS}]`);
const CONTROL = new RegExp(`[${CONTROLS}]`, 'g');
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Makes a value from an audit event safe to print on a terminal or in a
 * one-line log: control characters become visible escapes (`\x1b`, `\n`,
 * `\u202e`), so an `agentId` cannot move the cursor, recolour the screen,
 * forge a line of the report or reorder text. Other text is unchanged.
 *
 * @example
 * ```ts
 * escapeControlCharacters('anna\u001b[31m\nFAKE'); // 'anna\\x1b[31m\\nFAKE'
 * ```
 */
export function escapeControlCharacters(text: string): string {
  if (!HAS_CONTROL.test(text)) return text;
  return text.replace(CONTROL, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
