import { joinAcronymEndings } from './acronymEndings.js';
import { readDigitsAsLetters } from './digitsAsLetters.js';
import { foldText } from './foldText.js';
import { stripInvisible } from './invisible.js';
import { latinizeLookAlikes } from './lookAlikes.js';
import { joinSpelledLetters } from './spelledApart.js';

/**
 * How digits inside words are read:
 * - `'digits'`: as digits (the text as written, numbers intact);
 * - `'one-as-i'`: as letters, `1` as i ("P1N" → "pin"), and the glyphs that
 *   pass for a capital I inside a word as i ("PlN", "P|N", "P!N");
 * - `'one-as-l'`: as letters, `1` as l ("has1o" → "haslo").
 *
 * @example
 * ```ts
 * const reading: DigitReading = 'digits';
 * foldForLint('P1N', reading); // 'p1n'
 * ```
 */
export type DigitReading = 'digits' | 'one-as-i' | 'one-as-l';

/**
 * Every reading, the plain one first.
 *
 * @example
 * ```ts
 * DIGIT_READINGS.map((reading) => foldForLint('P1N', reading)); // ['p1n', 'pin', 'pln']
 * ```
 */
export const DIGIT_READINGS: readonly DigitReading[] = ['digits', 'one-as-i', 'one-as-l'];

const MARKS = /\p{M}/gu;
// A small l between capitals, or | or ! inside a word, is drawn like a capital I.
// The literal comes first so that the lookbehinds only run where it is.
const CAPITAL_I_LOOK_ALIKE = /l(?<=\p{Lu}l)(?=\p{Lu})|[|!](?<=\p{L}[|!])(?=\p{L})/gu;
const HAS_CAPITAL_I_LOOK_ALIKE = new RegExp(CAPITAL_I_LOOK_ALIKE.source, 'u');
const HAS_LEET_SIGN = /[0134578@$]/;

/** Steps 1–3 of {@link foldForLint}: what does not depend on the reading. Case is kept. */
function unmask(text: string): string {
  return latinizeLookAlikes(stripInvisible(text).normalize('NFKD').replace(MARKS, ''));
}

/** Steps 4–8 of {@link foldForLint} on unmasked text. */
function read(unmasked: string, reading: DigitReading): string {
  const cased = reading === 'one-as-i' ? unmasked.replace(CAPITAL_I_LOOK_ALIKE, 'I') : unmasked;
  const folded = joinAcronymEndings(joinSpelledLetters(foldText(cased).replace(MARKS, '').replace(/[^\S\n]+/g, ' '), reading !== 'digits'));
  return reading === 'digits' ? folded : readDigitsAsLetters(folded, reading === 'one-as-i' ? 'i' : 'l');
}

/**
 * Folds text for the unsafe-text lint, undoing what disguises a word while
 * keeping it readable:
 * 1. invisible characters removed (zero-width, soft hyphen, bidi controls);
 * 2. compatibility forms decomposed (NFKD: full-width "ＰＩＮ", styled math
 *    letters, ligatures) and every combining mark dropped (diacritics,
 *    strike-through, stacked "zalgo" marks);
 * 3. Cyrillic and Greek look-alikes turned into the Latin letters they
 *    imitate ("РIN" with Cyrillic Р);
 * 4. lower case, Polish letters without diacritics, ł → l ({@link foldText});
 * 5. runs of spaces and tabs collapsed to one space (new lines kept);
 * 6. letters spelled apart joined ("p. i. n." → "pin.");
 * 7. hyphenated Polish endings glued ("pin-u" → "pinu");
 * 8. digits inside words read as letters, unless `reading` is `'digits'`
 *    ("pe5el" → "pesel"); numbers standing alone are kept ("16 cyfr").
 *
 * `foldText` stays the light fold used to compare answers; this one is for
 * matching words a script must not contain.
 *
 * @example
 * ```ts
 * foldForLint('Ｐ\u200BＩ\u200BＮ-u'); // 'pinu'
 * foldForLint('Podaj PE5EL, 11 cyfr'); // 'podaj pesel, 11 cyfr'
 * foldForLint('has1o', 'one-as-l'); // 'haslo'
 * ```
 */
export function foldForLint(text: string, reading: DigitReading = 'one-as-i'): string {
  return read(unmask(text), reading);
}

/**
 * The distinct ways the lint reads `text` ({@link foldForLint} under each
 * {@link DigitReading}): one string for most texts, up to three when digits
 * stand among letters. A text asks for something if any reading does, so
 * "P1N", "has1o" and "16cyfr karty" are all caught without guessing which
 * reading the author meant.
 *
 * @example
 * ```ts
 * lintReadings('Podaj PIN'); // ['podaj pin']
 * lintReadings('has1o'); // ['has1o', 'hasio', 'haslo']
 * ```
 */
export function lintReadings(text: string): string[] {
  const unmasked = unmask(text);
  const plain = read(unmasked, 'digits');
  // Without a digit sign or an I look-alike every reading is the plain one: skip the work.
  if (!HAS_LEET_SIGN.test(plain) && !HAS_CAPITAL_I_LOOK_ALIKE.test(unmasked)) return [plain];
  return [...new Set([plain, read(unmasked, 'one-as-i'), read(unmasked, 'one-as-l')])];
}
