/**
 * Polish case endings written after a hyphen on acronyms: "PIN-u", "SMS-a",
 * "SMS-em", "BLIK-iem", "PESEL-u", "SMS-owy". A closed list, so that
 * compounds such as "Bank-kredyty" stay two words.
 */
const ENDINGS = ['u', 'a', 'e', 'y', 'i', 'em', 'ie', 'iem', 'om', 'ow', 'owi', 'ach', 'ami', 'ka', 'ki', 'ku', 'owy', 'owa', 'owe', 'owej', 'owego', 'owym', 'owych'];
// The hyphen comes first so that the lookbehind (two letters or more, a word start) only runs at hyphens.
const ACRONYM_ENDING = new RegExp(`-(?<=(?<![\\p{L}\\p{N}])\\p{L}{2,}-)(?=(?:${ENDINGS.join('|')})(?![\\p{L}\\p{N}]))`, 'gu');

/**
 * Glues a hyphenated Polish case ending to its word ("sms-a" → "smsa",
 * "pin-em" → "pinem"), so that a declined acronym is one word. Expects
 * lower-case text.
 *
 * @example
 * ```ts
 * joinAcronymEndings('kod z sms-a'); // 'kod z smsa'
 * joinAcronymEndings('bank-kredyty'); // 'bank-kredyty'
 * ```
 */
export function joinAcronymEndings(text: string): string {
  return text.replace(ACRONYM_ENDING, '');
}
