/**
 * What may stand between letters spelled apart: spaces, dots, dashes of any
 * kind, underscores, apostrophes and symbols ("P I N", "P.I.N.", "P‐E‐S‐E‐L",
 * "p_i_n", "P/I/N", "P•I•N", "P🔒I🔒N") — but not `$`, which stands for s,
 * nor a new line, which ends a sentence.
 */
const SEPARATOR = String.raw`(?:[^\S\n]|(?!\$)[.'’·•*/\p{Pd}\p{Pc}\p{S}])`;
/** Digits and signs that stand for letters (see `readDigitsAsLetters`). */
const LEET = '0134578@$';
/** Alone-standing Polish and English one-letter words: "o", "z", "i", "a", "w", "u", "I". */
const ONE_LETTER_WORDS = new Set(['a', 'i', 'o', 'u', 'w', 'z']);

function runPattern(single: string): RegExp {
  // A character counts only when alone: nothing alphanumeric on either side.
  const alone = `${single}(?![\\p{L}\\p{N}@$])`;
  return new RegExp(`(?<![\\p{L}\\p{N}@$])${alone}(?:${SEPARATOR}+${alone}){2,}`, 'gu');
}

const LETTER_RUN = runPattern('\\p{L}');
const LETTER_OR_LEET_RUN = runPattern(`[\\p{L}${LEET.replace('$', '\\$')}]`);
const GAP = new RegExp(`${SEPARATOR}+`, 'u');
const GAPS = new RegExp(`${SEPARATOR}+`, 'gu');

/**
 * Joins letters spelled apart into one word: "p i n" → "pin", "p.e.s.e.l." →
 * "pesel.", "p-i-n-u" → "pinu". Expects lower-case text. Only runs of three or
 * more single characters are joined, so "i w" or "a i" between words stay.
 *
 * A one-letter word (a, i, o, u, w, z) separated by a plain space at either end
 * of a run stays apart when the rest still spells three letters: "poproszę o
 * p i n i hasło" reads "o pin i", while "o t p" stays "otp".
 *
 * With `withDigits`, digits and `@`/`$` may be spelled among the letters
 * ("p 1 n", "0 t p"), but only when letters outnumber them, so that a list of
 * positions such as "5 i 7 i 9" keeps its meaning.
 *
 * @example
 * ```ts
 * joinSpelledLetters('podaj p. i. n.', false); // 'podaj pin.'
 * joinSpelledLetters('poproszę o p i n', false); // 'poproszę o pin'
 * ```
 */
export function joinSpelledLetters(text: string, withDigits: boolean): string {
  return text.replace(withDigits ? LETTER_OR_LEET_RUN : LETTER_RUN, (run) => {
    const chars = run.split(GAP);
    const gaps = run.match(GAPS) ?? [];
    const letters = chars.filter((c) => /\p{L}/u.test(c)).length;
    if (letters <= chars.length - letters) return run;
    let start = 0;
    let end = chars.length;
    const apart = (index: number, gap: string | undefined) => ONE_LETTER_WORDS.has(chars[index] ?? '') && gap !== undefined && /^\s+$/u.test(gap);
    if (end - start >= 4 && apart(0, gaps[0])) start = 1;
    if (end - start >= 4 && apart(end - 1, gaps[end - 2])) end -= 1;
    const head = start === 1 ? `${chars[0]} ` : '';
    const tail = end < chars.length ? ` ${chars[chars.length - 1]}` : '';
    return head + chars.slice(start, end).join('') + tail;
  });
}
