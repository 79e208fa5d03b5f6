/**
 * Letters of other scripts drawn like Latin ones, written as two aligned
 * strings (`from[i]` looks like `to[i]`). Capitals and small letters are
 * listed apart because they differ: Greek capital Ν looks like N, small ν like v.
 * Applied before lower-casing for that reason.
 */
const PAIRS: readonly (readonly [from: string, to: string])[] = [
  // Cyrillic capitals.
  ['АВЕЅІЈКМНОРСТУХҮҺӀԀԚԜ', 'ABESIJKMHOPCTYXYHIDQW'],
  // Cyrillic small letters (к, м, т, п, г, в, н: drawn like small Latin letters in most fonts).
  ['аеорсухіјѕһԁԛԝӏкмтпгьвн', 'aeopcyxijshdqwlkmtnrbbh'],
  // Greek capitals (lunate sigma Ϲ, yot Ϳ included).
  ['ΑΒΕΖΗΙΚΜΝΟΡΤΥΧϹͿ', 'ABEZHIKMNOPTYXCJ'],
  // Greek small letters.
  ['αοικνρτυχεϲγηω', 'aoikvptuxecynw'],
  // Latin small capitals (U+1D00 block and IPA) and dotless letters.
  ['ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢıȷɑɡøØđĐħ', 'abcdefghijklmnoprstuvwyzijagoOdDh'],
];

const LOOK_ALIKE = new Map<string, string>();
for (const [from, to] of PAIRS) {
  const source = Array.from(from);
  const target = Array.from(to);
  source.forEach((char, i) => LOOK_ALIKE.set(char, target[i] ?? char));
}
const PATTERN = new RegExp(`[${[...LOOK_ALIKE.keys()].join('')}]`, 'gu');

/**
 * Replaces Cyrillic and Greek letters (and Latin small capitals) that look
 * like Latin ones by those Latin letters: "РІN" written with Cyrillic Р and І
 * becomes "PIN". Case is kept; run it before lower-casing.
 *
 * @example
 * ```ts
 * latinizeLookAlikes('\u0420\u0406N'); // 'PIN'
 * ```
 */
export function latinizeLookAlikes(text: string): string {
  return text.replace(PATTERN, (char) => LOOK_ALIKE.get(char) ?? char);
}
