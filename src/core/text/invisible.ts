/**
 * Characters that draw nothing yet split a word for a regex: every format
 * character (Unicode category Cf — zero-width space and joiners U+200B–U+200F,
 * word joiner and invisible operators U+2060–U+2064, byte order mark U+FEFF,
 * soft hyphen U+00AD, bidi controls, tag characters), the combining grapheme
 * joiner, and the fillers Unicode counts as letters or symbols although they
 * render blank (Hangul fillers, braille blank).
 */
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u2800\u3164\uFFA0]/gu;

/**
 * Removes characters that render as nothing ("P\u200BIN" → "PIN").
 *
 * @example
 * ```ts
 * stripInvisible('P\u200BI\u00ADN'); // 'PIN'
 * ```
 */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}
