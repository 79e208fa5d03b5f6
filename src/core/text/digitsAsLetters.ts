/** What a digit or sign stands for inside a word: "P1N", "PE5EL", "0TP", "H@SŁO", "$MS". `1` is i or l, chosen by the caller. */
const LETTER_FOR: Readonly<Record<string, string>> = { '0': 'o', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's' };

/**
 * Reads digits (and `@`, `$`) as the letters they stand for, but only inside
 * a word that also has a letter: "p1n" → "pin", "pe5el" → "pesel", while a
 * number standing alone keeps its meaning ("16 cyfr", "3 pytania"). `one`
 * says how to read `1`: "p1n" needs i, "has1o" needs l.
 *
 * @example
 * ```ts
 * readDigitsAsLetters('podaj p1n, 16 cyfr', 'i'); // 'podaj pin, 16 cyfr'
 * readDigitsAsLetters('has1o', 'l'); // 'haslo'
 * ```
 */
export function readDigitsAsLetters(text: string, one: 'i' | 'l'): string {
  if (!/[0134578@$]/.test(text)) return text;
  return text.replace(/[\p{L}\p{N}@$]+/gu, (word) =>
    /\p{L}/u.test(word) ? word.replace(/[0134578@$]/g, (sign) => (sign === '1' ? one : (LETTER_FOR[sign] ?? sign))) : word,
  );
}
