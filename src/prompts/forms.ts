import { SafecallError } from '../core/errors.js';
import type { Form } from '../model/index.js';

/**
 * A form of address by grammatical case: "Pan", "Pana", "Panu", "Pana",
 * "Panem", "Panu" — the script placeholders `{youNom}` … `{youLoc}`.
 *
 * @example
 * ```ts
 * const y: AddressForms = plAddress('pan');
 * `Czy jest ${y.nom} w miejscu, w którym nikt nie usłyszy ${y.gen} odpowiedzi?`;
 * ```
 */
export interface AddressForms {
  nom: string;
  gen: string;
  dat: string;
  acc: string;
  ins: string;
  loc: string;
}

/**
 * Polish forms of address, with the form they were chosen by (for gendered words).
 *
 * @example
 * ```ts
 * const y: PlAddress = plAddress('pani');
 * gendered(y.form, 'podał', 'podała'); // 'podała'
 * ```
 */
export type PlAddress = Readonly<AddressForms & { form: Form }>;

// Capitalised: in Polish they are forms of address, not the nouns "pan"/"pani".
const PL_ADDRESS: Readonly<Record<Form, PlAddress>> = {
  pan: { form: 'pan', nom: 'Pan', gen: 'Pana', dat: 'Panu', acc: 'Pana', ins: 'Panem', loc: 'Panu' },
  pani: { form: 'pani', nom: 'Pani', gen: 'Pani', dat: 'Pani', acc: 'Panią', ins: 'Panią', loc: 'Pani' },
};

/**
 * English "forms of address" for the same placeholders: "you", and "your"
 * for the genitive (`{youGen}` is used as a possessive: "Pana numer").
 *
 * @example
 * ```ts
 * `Can anyone hear ${EN_ADDRESS.gen} answers?`; // 'Can anyone hear your answers?'
 * ```
 */
export const EN_ADDRESS: Readonly<AddressForms> = { nom: 'you', gen: 'your', dat: 'you', acc: 'you', ins: 'you', loc: 'you' };

/**
 * The Polish forms of address for a customer. A Polish prompt never reads a
 * slash ("Pan/Pani") aloud, so a missing form is an error, not a guess.
 *
 * @throws SafecallError `INVALID_ARGUMENT` when `form` is undefined.
 * @example
 * ```ts
 * plAddress('pani').acc; // 'Panią'
 * ```
 */
export function plAddress(form: Form | undefined): PlAddress {
  if (form === undefined) {
    throw new SafecallError('INVALID_ARGUMENT', 'Polish prompts need the customer\'s form of address: customer.form "pan" or "pani"');
  }
  return PL_ADDRESS[form];
}

/**
 * Picks the masculine or feminine word for a person's form ("podał" /
 * "podała", "sam" / "sama").
 *
 * @example
 * ```ts
 * gendered('pani', 'podał', 'podała'); // 'podała'
 * ```
 */
export function gendered(form: Form, masculine: string, feminine: string): string {
  return form === 'pan' ? masculine : feminine;
}

/** "opiekun" / "opiekunka" in the cases the prompts use. */
const ADVISOR: Readonly<Record<Form, { nom: string; acc: string; ins: string }>> = {
  pan: { nom: 'opiekun', acc: 'opiekuna', ins: 'opiekunem' },
  pani: { nom: 'opiekunka', acc: 'opiekunkę', ins: 'opiekunką' },
};

/**
 * "opiekun"/"opiekunka" (a dedicated advisor) in a case, for the advisor's form.
 *
 * @example
 * ```ts
 * plAdvisor('pani', 'acc'); // 'opiekunkę'
 * ```
 */
export function plAdvisor(form: Form, grammaticalCase: 'nom' | 'acc' | 'ins'): string {
  return ADVISOR[form][grammaticalCase];
}

// --- The instrumental of a name: "czy rozmawiam z Panem Janem Kowalskim?" ---

const WHITESPACE = /\s+/;
// One capitalised word of letters: anything else (initials, "de", "O'Brien", "McDonald") is left to the fallback.
const NAME_WORD = /^\p{Lu}\p{Ll}+$/u;
// Adjectival endings ("Kowalski", "Nowicki", "Jerzy", "Antoni"): + "m".
const ADJECTIVAL = /(?:[^aeiouyąęó]i|[^aeiouyąęó]y)$/;
// "ó", "ą", "ę" in the last syllable may alternate ("Mróz" → "Mrozem", "Dąb" → "Dębem").
const ALTERNATING_VOWEL = /[óąę][^aeiouyąęó]*$/;
// An "e" before the last consonant may drop out ("Marek" → "Markiem", "Wróbel" → "Wróblem"), and "-ioł" too ("Kozioł" → "Kozłem").
const FLEETING_E = /(?:e[^aeiouyąęój]|ioł)$/;
// Soft endings need a spelling change ("Staś" → "Stasiem"); vowels other than -a/-i/-y decline unpredictably ("Fredro" → "Fredrą").
const UNSURE_ENDING = /[śćńźeou]$/;
const VELAR = /[kg]$/;

// Common first names the rules above leave out, with their instrumental.
const MALE_INSTRUMENTAL: Readonly<Record<string, string>> = {
  Marek: 'Markiem',
  Jacek: 'Jackiem',
  Leszek: 'Leszkiem',
  Franciszek: 'Franciszkiem',
  Przemek: 'Przemkiem',
  Tomek: 'Tomkiem',
  Bartek: 'Bartkiem',
  Wojtek: 'Wojtkiem',
  Janek: 'Jankiem',
  Paweł: 'Pawłem',
  Kacper: 'Kacprem',
  Aleksander: 'Aleksandrem',
  Józef: 'Józefem',
  Zbigniew: 'Zbigniewem',
  Daniel: 'Danielem',
  Gabriel: 'Gabrielem',
  Samuel: 'Samuelem',
  Emanuel: 'Emanuelem',
  Michael: 'Michaelem',
  Rafael: 'Rafaelem',
  Nikodem: 'Nikodemem',
};

function maleInstrumental(word: string): string | undefined {
  const known = MALE_INSTRUMENTAL[word];
  if (known !== undefined) return known;
  const lower = word.toLowerCase();
  if (ADJECTIVAL.test(lower)) return `${word}m`;
  if (lower.endsWith('a')) return `${word.slice(0, -1)}ą`;
  if (UNSURE_ENDING.test(lower) || ALTERNATING_VOWEL.test(lower) || FLEETING_E.test(lower)) return undefined;
  return VELAR.test(lower) ? `${word}iem` : `${word}em`;
}

function wordInstrumental(word: string, form: Form): string | undefined {
  if (!NAME_WORD.test(word)) return undefined;
  // Women's names decline only when they end in -a ("Anna Nowak" → "Anną Nowak").
  if (form === 'pani') return word.endsWith('a') ? `${word.slice(0, -1)}ą` : word;
  return maleInstrumental(word);
}

/**
 * A Polish personal name in the instrumental ("z Panem Janem Kowalskim",
 * "z Panią Anną Nowak"), or `undefined` when a word does not follow a
 * pattern that is safe to decline — then say the name in the nominative
 * instead ("Czy to Pan Marek Dudek?"): a wrongly declined name is worse than
 * an undeclined one. Double-barrelled names decline part by part.
 *
 * @example
 * ```ts
 * plInstrumental('Jan Kowalski', 'pan');    // 'Janem Kowalskim'
 * plInstrumental('Anna Nowak', 'pani');     // 'Anną Nowak'
 * plInstrumental('Tadeusz Dudek', 'pan');   // undefined ("Dudek" → "Dudkiem" or "Dudekiem")
 * ```
 */
export function plInstrumental(name: string, form: Form): string | undefined {
  const words = name.trim().split(WHITESPACE);
  const declined: string[] = [];
  for (const word of words) {
    const parts: string[] = [];
    for (const part of word.split('-')) {
      const instrumental = wordInstrumental(part, form);
      if (instrumental === undefined) return undefined;
      parts.push(instrumental);
    }
    declined.push(parts.join('-'));
  }
  return declined.join(' ');
}
