/**
 * Guard rail for DESIGN.md §4.8: a script must never make the agent ask for
 * what an institution never asks for on the phone — the full PESEL, a PIN, a
 * password, a one-time code, a full card number or a CVV — whatever field the
 * text is in and however it is disguised.
 *
 * How a text is read:
 * - it is folded first (`lintReadings`: case, diacritics, look-alike letters,
 *   invisible characters, letters spelled apart, digits for letters), and is
 *   unsafe if any of its readings is;
 * - each sentence is then reduced to its words (lower-case a–z, digits and
 *   `{placeholders}` separated by single spaces), and every pattern below
 *   runs on those words, so a space in a pattern means "next word";
 * - a forbidden item (PIN, password, code, card number, CVV) is unsafe as
 *   soon as it is named: no ask verb is needed, and a negation does not
 *   help. The one exception is a sentence that is nothing but a promise not
 *   to ask ("Nigdy nie poproszę o PIN ani hasło."), in a prompt;
 * - the PESEL may be named in a prompt (the call is about it), but not asked
 *   for as a whole: see `peselHit`.
 *
 * It is a lint for careless and deliberate edits, not a proof: scripts still
 * go through review.
 */

import type { SafecallIssue } from '../core/errors.js';
import { lintReadings } from '../core/foldText.js';
import { LOCALES } from '../model/locale.js';

/**
 * What a text asked for that must never be asked on the phone.
 *
 * @example
 * ```ts
 * const ask: UnsafeAsk | undefined = findUnsafeAsk('Podaj PIN', 'prompt'); // 'pin'
 * ```
 */
export type UnsafeAsk = 'full-pesel' | 'pin' | 'password' | 'one-time-code' | 'card-number' | 'cvv';

/**
 * How strictly a text is read: `'question'` for a knowledge question (the
 * PESEL and every forbidden item may not even be named), `'prompt'` for any
 * other text the agent reads.
 *
 * @example
 * ```ts
 * const kind: TextKind = path[0] === 'questions' ? 'question' : 'prompt';
 * ```
 */
export type TextKind = 'question' | 'prompt';

// ---------------------------------------------------------------------------
// Building blocks. Patterns are regex sources over the words of a sentence.

/** One of several forms: `(?:a|b|c)`. */
const any = (...forms: readonly string[]): string => `(?:${forms.join('|')})`;
/** A form that starts and ends on word boundaries (`\b` would treat `{` as a boundary). */
const whole = (source: string): string => `(?<![a-z0-9])${source}(?![a-z0-9])`;
/** Any one word. */
const W = '[a-z0-9{}]+';

/** Determiners and possessives that may stand inside a noun phrase: "numer Pana karty", "digits of your PESEL". */
const DET = any(
  ...['pana', 'pani', 'panstwa', 'twoj\\w*', 'swoj\\w*', 'swego', 'swej', 'jego', 'jej', 'moj\\w*', 'tej', 'tego', 'ten', 'ta', 'te'],
  ...['your', 'the', 'a', 'an', 'my', 'his', 'her', 'this', 'that'],
  // Forms of address filled in at run time: "{youGen} karty".
  '\\{you[a-z]*\\}',
);
const DETS = `(?:${DET} )*`;

const KARTA = any('karta', 'karty', 'karte', 'karcie', 'kart', 'kartami', 'kartach', 'kartom');
const CARD = 'cards?';
const NUMER = any('numer', 'numeru', 'numerem', 'numerze', 'numery', 'numerow', 'nr');
/** Front of a card: where its number is. */
const FRONT = any('przodu', 'przodzie', 'frontu', 'froncie', 'awersu', 'awersie', 'przedniej stronie', 'przedniej strony');
/** Back of a card: where the CVV is, and the institution's phone number. */
const BACK = any('tylu', 'tyle', 'tylnej stronie', 'tylnej strony', 'odwrocie', 'odwrotu', 'odwrotnej stronie', 'odwrotnej strony', 'rewersie', 'rewersu', 'drugiej stronie', 'drugiej strony');
const PASSWORD_PL = 'has(?:lo|la|le|lem|lu|el|lami|lach|lom|elko|elka|elku|elkiem|elek|elkami)';
/** "kod", "kodu", "kodem", "kody", "kodow", "kodzie". */
const KOD = 'kod\\w{0,3}';
/**
 * A word in a gap that is not a conjunction: "kod, który przyszedł SMS-em" is
 * one phrase, "kod pocztowy, a potem SMS" is not. Nor "do": "kod do
 * aplikacji" opens the app (a password), "kod z aplikacji" is one-time.
 */
const GAP_WORD = `(?!${any('a', 'i', 'oraz', 'albo', 'lub', 'potem', 'nastepnie', 'and', 'then', 'or', 'do')} )${W} `;

/**
 * Verbs and phrases that ask for something. Used where naming is not enough:
 * the PESEL (named in every call), and the ambiguous "number on your card"
 * (the customer may be told to dial it).
 */
const ASK = any(
  // Polish: imperatives, infinitives, "proszę", and questions for a value.
  ...['podac', 'podaj', 'podajcie', 'poda', 'podanie', 'podania', 'podaniu', 'podawac', 'podawanie', 'podawania'],
  ...['podyktuj\\w*', 'podyktowa\\w*', 'dyktowac', 'dyktuj\\w*'],
  // "Proszę" opens every polite imperative ("proszę zadzwonić"): it asks only with "o" ("proszę o PIN"), or right before the item (below).
  `(?:po)?pros(?:ze|imy|ic|ba|be)(?: ${any('pana', 'pania', 'pani', 'panstwa', 'cie', 'was')})? o`,
  ...['powiedz\\w*', 'powie', 'przeliteruj\\w*', 'przeliterowa\\w*', 'przeczyta\\w*', 'odczyta\\w*', 'wpisz\\w*', 'wpisac', 'wprowadz\\w*'],
  ...['potwierdz\\w*', 'powtorz\\w*', 'wymien\\w*', 'przeslij\\w*', 'przeslac', 'wyslij\\w*', 'wyslac', 'napisz\\w*', 'przekaz\\w*', 'zdradz\\w*'],
  ...['potrzebuj\\w*', 'potrzebn\\w*', 'jaki jest', 'jaka jest', 'jakie jest', 'jakie sa', 'jaki ma', 'jak brzmi', 'zna pan\\w*', 'zna pani'],
  // English.
  ...['what is', 'what s', 'whats', 'what are', 'tell', 'give', 'provide', 'say', 'read', 'spell', 'enter', 'type', 'key in', 'confirm'],
  ...['share', 'repeat', 'recite', 'dictate', 'need', 'send', 'disclose', 'verify', 'go through', 'let me have', 'let me know'],
  ...['(?:can|could|may) i (?:have|get)', 'ask(?: you| me)? for', 'asking(?: you)? for'],
);
/** At most four words after an ask verb, or right after "poproszę", at the end of the text before an item. */
const ASKED_BEFORE_END = new RegExp(`(?<![a-z0-9])(?:${ASK}(?: ${W}){0,4}|(?:po)?prosze(?: ${DET})*) $`);
/** "Numer PESEL, proszę": an ask at most two words after, at the start of the text after an item. */
const ASKED_AFTER_START = new RegExp(`^(?: ${W}){0,2} ${any('prosze', 'poprosze', 'please')}(?![a-z0-9])`);
/** Any ask in a sentence, "proszę" included. */
const ASK_ANYWHERE = new RegExp(whole(any(ASK, '(?:po)?prosze', 'prosimy')));

/** The last words of `text`: the context checks look back a few words, never scan the whole sentence. */
function lastWords(text: string, count = 16): string {
  let at = text.length;
  for (let spaces = 0; at > 0; at--) if (text[at - 1] === ' ' && ++spaces > count) break;
  return text.slice(at);
}

/** Whether the words around `[start, end)` ask for them: "podaj numer z karty", "numer PESEL, proszę". */
function isAskedFor(words: string, start: number, end: number): boolean {
  return ASKED_BEFORE_END.test(lastWords(words.slice(0, start))) || ASKED_AFTER_START.test(words.slice(end));
}

/**
 * Placed after "numer"/"number": it is not the number to dial ("zadzwonić na
 * numer z karty", "call the number on your card"). A lookbehind after the
 * word, so it only runs where the word is.
 */
const NOT_DIALLED = `(?<!(?<![a-z0-9])${any('na', 'pod', 'call', 'dial', 'ring', 'phone', 'on', 'at', 'using', 'via', 'zadzwon\\w*', 'dzwon\\w*', 'oddzwon\\w*', 'wybierz\\w*', 'wybrac')}(?: ${any('us', 'me', 'nas', 'do nas', 'back')})?(?: ${any('on', 'at', 'na', 'pod')})?(?: the)? ${W})`;
/** "numer z karty lub strony internetowej": a phone number, the website does not print card numbers. */
const NOT_WEBSITE = `(?! ${any('lub', 'albo', 'i', 'or', 'and')} (?:${W} ){0,2}${any('stron\\w*', 'umow\\w*', 'website', 'site', 'contract', 'statement', 'wyciag\\w*')})`;

// ---------------------------------------------------------------------------
// The forbidden items. `named`: unsafe when named; `asked`: unsafe when asked for.

interface Item {
  ask: Exclude<UnsafeAsk, 'full-pesel'>;
  named: readonly string[];
  asked?: readonly string[];
}

/** In order of precedence when two items start at the same word ("kod bezpieczeństwa karty" is a CVV, not a generic code). */
const ITEMS: readonly Item[] = [
  {
    ask: 'cvv',
    named: [
      ...['cvv\\d?', 'cvc\\d?', 'cv2', 'cid (?:code|number|numer|kod\\w*)', 'card security codes?', 'card verification (?:code|value|number)s?'],
      // "kod z tyłu karty", "trzy cyfry na odwrocie"
      `${any(KOD, 'cyfr\\w*', 'liczb\\w*')} ${any('z', 'ze', 'na', 'po')} ${BACK}`,
      `${KOD} ${any('bezpieczenstwa', 'zabezpieczajac\\w*')} (?:z |ze )?${DETS}${KARTA}`,
      // "kod z karty": the only code printed on a card.
      `${KOD} ${any('z', 'ze', 'na')} ${DETS}${KARTA}`,
      '(?:3|trzy) ?cyfrow\\w* kod\\w*',
      '(?:3|three) digit (?:security )?(?:code|number)s?',
      `${any('code', 'codes', 'digits', 'numbers')} (?:printed )?on the back`,
      `security codes? ${any('on', 'from', 'of')} (?:the back of )?${DETS}${CARD}`,
    ],
    // The phone number is on the back too: "zadzwonić na numer z tyłu karty" is fine.
    asked: [`${NUMER}${NOT_DIALLED} ${any('z', 'ze', 'na')} ${BACK}`, `number${NOT_DIALLED} (?:printed )?on the back`],
  },
  {
    ask: 'card-number',
    named: [
      // "numer karty", "numer Pana karty kredytowej", "nr karty", "numer z przodu karty"
      `${NUMER}${NOT_DIALLED} ${DETS}${KARTA}`,
      // "Jaki numer ma Pana karta?"
      `${NUMER} ${any('ma', 'posiada')} ${DETS}${KARTA}`,
      `${NUMER} ${any('z', 'ze', 'na')} ${FRONT} ${DETS}${KARTA}`,
      // A card number has 16 digits; a PESEL 11.
      '(?:16|szesnascie) ?cyfr\\w*',
      '(?:16|szesnasto) ?cyfrow\\w*',
      `cyfr\\w* (?:${any('z', 'ze', 'na')} (?:${FRONT} )?)?${DETS}${KARTA}`,
      `${CARD}(?: s)? ${any('number', 'numbers', 'digits', 'details')}`,
      'long (?:card )?numbers?',
      '(?:16|sixteen) digits?',
      'primary account numbers?',
      `${any('number', 'numbers', 'digits')} on the front of ${DETS}${CARD}`,
      `numbers (?:printed )?on ${DETS}${CARD}`,
    ],
    // "numer z karty" / "the number on your card" is the number to call unless asked for.
    asked: [
      `${NUMER}${NOT_DIALLED} ${any('z', 'ze', 'na')} ${DETS}${KARTA}${NOT_WEBSITE}`,
      `number${NOT_DIALLED} (?:${any('printed', 'shown', 'written', 'embossed')} )?${any('on', 'from', 'of')} ${DETS}${CARD}${NOT_WEBSITE}`,
    ],
  },
  {
    ask: 'one-time-code',
    named: [
      'blik\\w*',
      // "OTP Bank" is a bank's name.
      'otp(?! bank)',
      // "kod SMS", "kod jednorazowy", "kod autoryzacyjny", "kod BLIK"
      `${KOD} ${any(...['sms\\w*', 'esemes\\w*', 'blik\\w*', 'otp', 'jednorazow\\w*', 'autoryzac\\w*', 'autoryzuj\\w*', 'weryfikac\\w*', 'weryfikuj\\w*'], ...['potwierdz\\w*', 'zatwierdz\\w*', 'bezpieczenstwa', 'zabezpieczaj\\w*', 'aktywac\\w*', 'aktywuj\\w*', 'mobiln\\w*', 'push'])}`,
      // "jednorazowe hasło", "SMS-owy kod"
      `${any('jednorazow\\w*', 'smsow\\w*', 'esemesow\\w*', 'autoryzacyjn\\w*', 'weryfikacyjn\\w*')} ${any(KOD, PASSWORD_PL, 'pin\\w*')}`,
      `${PASSWORD_PL} ${any('jednorazow\\w*', 'sms\\w*', 'z sms\\w*', 'esemes\\w*')}`,
      // "kod z SMS-a", "kod, który przyszedł SMS-em", "kod z aplikacji"
      `${KOD} (?:${GAP_WORD}){0,5}${any('sms\\w*', 'esemes\\w*', 'wiadomosc\\w*', 'wiadomosci', 'aplikacj\\w*', 'apki', 'apce', 'appki', 'tokena', 'tokenie', 'powiadomieni\\w*', 'push\\w*')}`,
      `${any('sms\\w*', 'esemes\\w*', 'wiadomosc\\w*', 'wiadomosci', 'powiadomieni\\w*')} ${any('z', 'ze', 'zawierajac\\w*')} kod\\w*`,
      // "kod, który Pan dostał"
      `${KOD} ${any('ktory', 'ktorego', 'jaki', 'co')} (?:${GAP_WORD}){0,3}${any('przyszedl', 'przyszla', 'przyszlo', 'dostal\\w*', 'otrzymal\\w*', 'wyslal\\w*', 'wyslalismy', 'wyslano', 'przeslal\\w*', 'przeslalismy', 'przeslano', 'wyswietl\\w*', 'pojawil\\w*', 'wygenerowal\\w*', 'dostaje', 'dostanie', 'otrzyma\\w*', 'wysle\\w*', 'wyslemy', 'przysl\\w*', 'przesle\\w*', 'przyjdzie')}`,
      // A four-digit code is a PIN (below); six or eight digits, a one-time code.
      '(?:6|8|szescio|osmio) ?cyfrow\\w* kod\\w*',
      `one time ${any('pass ?codes?', 'passwords?', 'pins?', 'codes?', 'tokens?')}`,
      `${any('verification', 'authori[sz]ation', 'authentication', 'confirmation', 'security', 'sms', 'text', 'txt', 'activation', 'login', '2fa', 'mfa', 'authenticator', 'app', 'token', 'auth', '6 digit', 'six digit')} codes?`,
      `codes? ${any('from', 'in', 'on')} ${DETS}${any('sms', 'smses', 'texts?', 'messages?', 'text messages?', 'app', 'authenticator', 'banking app', 'mobile app', 'e ?mails?', 'token', 'phone', 'screen')}`,
      // "the code we just texted you", "the code you received"
      `codes? (?:that |which )?${any('we', 'i', 'the bank', 'you', 'was', 'were')} (?:${any('just', 'have', 've', 'has', 'got')} )?${any('sent', 'texted', 'messaged', 'emailed', 'received', 'got', 'get')}`,
      'texted codes?',
    ],
    // A bare code asked for: "Proszę podać kod.", "What's the code?" — but not "kod pocztowy".
    asked: [`kod(?:u|y)?(?=$| ${any('ktory', 'ktorego', 'jaki')}(?![a-z0-9]))`, `codes?(?=$| ${any('that', 'which', 'you', 'we', 'i')}(?![a-z0-9]))`],
  },
  {
    ask: 'password',
    named: [
      // Only the forms of "hasło" ("hasłem", "haseł", "hasełko"): "Kasa Hasłowska" is a name, not a password.
      PASSWORD_PL,
      `${KOD} dostep\\w*`,
      `${KOD} do ${DETS}${any('aplikacji', 'bankowosci', 'logowania', 'konta', 'serwisu', 'systemu', 'app')}`,
      'dane (?:do )?logowania',
      ...['login (?:credentials|details)', 'passwords?', 'passwd', 'pwd', 'pass ?codes?', 'pass ?phrases?', 'access codes?', 'memorable (?:word|information)', 'secret words?'],
    ],
  },
  {
    ask: 'pin',
    // "PIN", "PIN-u", "PIN-em", "PIN2" — but not "Pinecrest": the words end where the form ends.
    named: [
      'pin(?:u|em|ie|y|ow|a|kod\\w*|\\d)?',
      ...['personal identification numbers?', 'osobist\\w* numer\\w* identyfikacyjn\\w*', `${KOD} ${any('do', 'od')} ${DETS}${KARTA}`],
      '(?:4|cztero) ?cyfrow\\w* (?:kod\\w*|pin\\w*)',
      '(?:4|four) digit (?:code|number|pin)s?',
    ],
  },
];

const ITEM_PATTERNS = ITEMS.map((item) => ({
  ask: item.ask,
  named: new RegExp(whole(any(...item.named))),
  asked: item.asked ? new RegExp(whole(any(...item.asked)), 'g') : undefined,
}));

// ---------------------------------------------------------------------------
// The PESEL.

const PESEL = any('pesel(?:u|em|a|e|i|ow|owi)?', 'numer\\w* ewidencyjn\\w*', 'ewidencyjn\\w* numer\\w*', 'national (?:id|identification|identity) numbers?');
const PESEL_MENTION = new RegExp(whole(PESEL));
/** Global twin for `matchAll` only (its `lastIndex` is never advanced by `test`/`exec`). */
const PESEL_MENTIONS = new RegExp(whole(PESEL), 'g');

/** Words that may stand between "cyfrę" and "PESEL": "piątą cyfrę Pana numeru PESEL", "digit 5 of your PESEL". */
const GOVERN = any('z', 'ze', 'w', 'we', 'of', 'from', 'in', 'on', 'at', 'numer\\w*', 'number', 'ewidencyjn\\w*', '\\d+', DET);
const SINGLE_DIGIT = any('cyfra', 'cyfre', 'cyfrze', 'digit');
/** "cyfry" is also the genitive singular ("piątej cyfry"): a quantifier or ordinal before it decides. */
const PLURAL_DIGIT = any('cyfry', 'cyfr', 'cyfrach', 'cyframi', 'cyfrom', 'digits');
const POSITION = any('pozycj\\w*', 'positions?', 'miejsc\\w*');
const ORDINAL = any(
  ...['pierwsz\\w*', 'drug\\w*', 'trzeci\\w*', 'czwart\\w*', 'piat\\w*', 'szost\\w*', 'siodm\\w*', 'osm\\w*', 'dziewiat\\w*', 'dziesiat\\w*', 'jedenast\\w*', 'ostatni\\w*'],
  ...['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'last', '\\d+(?:st|nd|rd|th)'],
  '\\{ordinal\\}',
  '\\{position\\}',
);
/** A few, never all: at most four (a script asks 1–4 positions). */
const QUANT = any(ORDINAL, '[1-4]', 'jedn\\w*', 'dwie', 'dwoch', 'dwu', 'trzy', 'trzech', 'cztery', 'czterech', 'kilka', 'kilku', 'pare', 'paru', 'one', 'two', 'three', 'four', 'few', 'couple', 'several', 'some');
const MOD = any('a', 'the', 'any', 'other', 'another', 'of', 'selected', 'chosen', 'wybran\\w*', 'dowoln\\w*', 'inn\\w*', 'losow\\w*');
const QUANTIFIED = `(?:${MOD} )*${QUANT}(?: ${any(MOD, QUANT)})*`;
const NUMBER_LIST = `${any('\\d+', '\\{position\\}')}(?: ${any('i', 'and', 'oraz', 'lub', 'or')} ${any('\\d+', '\\{position\\}')})*`;
/** One or a few digits: "piątą cyfrę", "dwie cyfry", "a few digits", "pozycji 5 i 7". */
const FEW_DIGITS = any(SINGLE_DIGIT, `${QUANTIFIED} ${any(PLURAL_DIGIT, POSITION)}`, `${POSITION} ${NUMBER_LIST}`);

/** The PESEL named as the owner of a few digits: "piątą cyfrę numeru PESEL". */
const PARTIAL_BEFORE = new RegExp(`(?:^| )${FEW_DIGITS}(?: ${GOVERN})* $`);
/** The PESEL named as the owner of its digits, unquantified: "cyfry numeru PESEL" — all of them. */
const ALL_DIGITS_BEFORE = new RegExp(`(?:^| )${any(PLURAL_DIGIT, POSITION)}(?: ${GOVERN})* $`);
/**
 * The PESEL as a topic: "jedno z nich dotyczy numeru PESEL", "a question
 * about your PESEL", "one of them about your PESEL" — but not "What about
 * your PESEL?", which asks for it.
 */
const TOPIC_BEFORE = new RegExp(
  `(?:^| )${any('dotycz\\w*', 'na temat', 'w sprawie', 'zwiazan\\w* z', 'pytani\\w* o', 'pytan o', `${any('questions?', 'them', 'one')} ${any('about', 'regarding', 'concerning')}`)}(?: ${GOVERN})* $`,
);
/** "Z numeru PESEL poproszę piątą cyfrę": the PESEL as the source of digits asked in the same sentence. */
const FROM_BEFORE = new RegExp(`(?:^| )${any('z', 'ze', 'w', 'we', 'from', 'in')}(?: ${GOVERN})* $`);
const FEW_DIGITS_ANYWHERE = new RegExp(whole(FEW_DIGITS));
const ORDINALS = new RegExp(whole(ORDINAL), 'g');
/** A script asks at most four positions: naming more ordinals than that ("pierwszą, drugą, … i jedenastą cyfrę") is the whole number. */
const MAX_ORDINALS = 4;

/** Other numbers a sentence may want in full: "cały numer telefonu". */
const OTHER_NUMBER = any('telefon\\w*', 'konta', 'rachunku', 'umowy', 'referencyjn\\w*', 'klienta', 'zamowienia', 'sprawy', 'phone', 'account', 'contract', 'reference', 'order', 'case');
const OTHER_NUMBER_ANYWHERE = new RegExp(whole(OTHER_NUMBER));
const WHOLE = any('caly', 'calego', 'calym', 'cala', 'cale', 'pelny', 'pelnego', 'pelnym', 'pelen', 'full', 'whole', 'entire', 'complete');

/** Asks for every digit, whatever the number: "cały numer", "11 cyfr", "cyfra po cyfrze", "digit by digit". */
const FULL_NUMBER = new RegExp(
  whole(
    any(
      `${WHOLE} ${DETS}(?:${any(NUMER, 'number')} )?${PESEL}`,
      `${WHOLE} ${DETS}${any(NUMER, 'number')}(?! ${DETS}${any(OTHER_NUMBER, KARTA, CARD)})`,
      ...['w calosci', 'in full', 'all of it', 'od poczatku do konca', `od pierwsz\\w* do ${any('ostatni\\w*', 'jedenast\\w*')}`, 'from the first to the (?:last|eleventh)'],
      `wszystk\\w* (?:${W} ){0,2}${any('cyfr\\w*', 'pozycj\\w*')}`,
      `all (?:${W} ){0,2}${any('digits', 'positions', 'numbers')}`,
      `${any('11', 'jedenascie', 'eleven')} ${any('cyfr\\w*', 'digits?')}`,
      '(?:11|jedenasto) ?cyfrow\\w*',
      ...['cyfr\\w* po cyfrze', 'digit by digit', 'one digit at a time', 'kazd\\w* cyfr\\w*', '(?:each|every) digit'],
    ),
  ),
);

/**
 * The built-in clause that says the whole number is not asked for, at the
 * end of a sentence: "… cyfr numeru PESEL — nie o cały numer", "… of your
 * PESEL — not the whole number", "— never the whole number".
 */
const NOT_THE_WHOLE_NUMBER = new RegExp(
  `\\s*[,—–-]+\\s*(?:${any('a', 'ale', 'but', 'and')}\\s+)?${any('nie', 'not', 'never', 'nigdy')}\\s+(?:${any('o', 'for')}\\s+)?(?:${any('the', 'your')}\\s+)?${WHOLE}\\s+${any('numer', 'number')}(?:\\s+pesel)?\\s*$`,
);

/**
 * Where a prompt sentence asks for the whole PESEL, or -1. A few digit
 * positions may be asked ("piątą cyfrę numeru PESEL", "two digits of your
 * PESEL") and the PESEL may be a topic ("jedno z nich dotyczy numeru PESEL");
 * it may not be asked for itself ("Jaki jest Pana PESEL?", "Your PESEL,
 * please"), nor all its digits ("kolejno cyfry numeru PESEL", "cały numer",
 * "digit by digit").
 */
function peselHit(words: string, question: boolean): number {
  const full = FULL_NUMBER.exec(words);
  if (full) {
    const aboutPesel = PESEL_MENTION.test(words);
    const askedWithoutOtherNumber = (question || ASK_ANYWHERE.test(words)) && !OTHER_NUMBER_ANYWHERE.test(words);
    if (aboutPesel || askedWithoutOtherNumber) return full.index;
  }
  const mentions = [...words.matchAll(PESEL_MENTIONS)];
  const first = mentions[0];
  if (first && [...words.matchAll(ORDINALS)].length > MAX_ORDINALS) return first.index;
  for (const mention of mentions) {
    const before = lastWords(words.slice(0, mention.index));
    if (PARTIAL_BEFORE.test(before)) continue;
    if (ALL_DIGITS_BEFORE.test(before)) return mention.index;
    if (TOPIC_BEFORE.test(before)) continue;
    if (FROM_BEFORE.test(before) && FEW_DIGITS_ANYWHERE.test(words)) continue;
    if (question || isAskedFor(words, mention.index, mention.index + mention[0].length)) return mention.index;
  }
  return -1;
}

// ---------------------------------------------------------------------------
// Reassurances: a sentence that is only a promise not to ask.

const LEAD_IN = `(?:${any('please remember', 'remember', 'pamietaj\\w*', 'prosze pamietac', 'uwaga', 'note')}(?: ${any('that', 'ze')})?,? )?`;
const PL_ASKING = any('poprosz\\w*', 'poprosimy', 'poprosi', 'poprosza', 'prosimy', 'prosi', 'prosze', 'prosza', 'prosic', 'pytamy', 'pyta', 'pytac', 'zapytam\\w*', 'zapytamy', 'zapyta', 'zapytaja', 'zapytac');
const PL_YOU = any('pana', 'pani', 'panstwa', 'cie', 'ciebie', 'was', 'klient\\w*', 'pana pani', '\\{you[a-z]*\\}');
const PL_BY_PHONE = any('przez telefon', 'telefonicznie', 'nigdy');
const PL_PROMISE = any(
  // "(Bank|My) nigdy nie (będziemy) poprosimy Pana o"
  `(?:${any('my', 'ja', 'bank', 'nasz bank', '\\{institution\\}', 'nasi \\w+', 'pracownicy banku')} )?(?:nigdy )?nie (?:nigdy )?(?:bed\\w* )?${PL_ASKING}`,
  // "Nikt z banku (nigdy) nie poprosi o"
  `${any('nikt', 'zaden\\w*')}(?: ${W}){0,3} (?:nigdy )?nie (?:bed\\w* )?${PL_ASKING}`,
);
const EN_ASKING = `${any('ask', 'asks', 'request', 'requests')}(?: you)? ${any('for', `to ${any('give', 'tell', 'read', 'share', 'provide', 'say', 'disclose', 'confirm', 'send')}(?: ${any('us', 'me')})?(?: out)?`)}`;
const EN_NEVER = any('will never', 'would never', 'shall never', 'never', 'will not', 'won t', 'wont', 'do not', 'don t', 'dont', 'does not', 'doesn t', 'doesnt', 'are never going to', 'am never going to', 'never going to');
const EN_PROMISE = any(
  // "I'll never", "we'd never", "we're never going to": the contraction is a word of its own here.
  `${any('i', 'we', 'the bank', 'our bank', '\\{institution\\}', 'our \\w+')}(?: ${any('ll', 'd', 'm', 're', 've')})? ${EN_NEVER} (?:ever )?${EN_ASKING}`,
  `${any('nobody', 'no one')}(?: ${W}){0,3} (?:${any('will', 'would', 'shall')} )?(?:ever )?${EN_ASKING}`,
);
const PROMISE_HEAD = new RegExp(`^${LEAD_IN}${any(`${PL_PROMISE}(?: ${PL_YOU})?(?: ${PL_BY_PHONE})? o`, EN_PROMISE)} `);
const PROMISE_TAIL = new RegExp(
  `(?: ${any('przez telefon', 'telefonicznie', 'w rozmowie', 'podczas rozmowy', 'over the phone', 'on the phone', 'by phone', 'in a call', 'during (?:a|this|the) call', 'by text', 'by e ?mail')})+$`,
);
const LIST_SEPARATOR = new RegExp(` ?, ?(?:${any('ani', 'nor', 'or', 'and', 'i', 'lub', 'albo', 'czy', 'oraz')} )?| ${any('ani', 'nor', 'or', 'and', 'i', 'lub', 'albo', 'czy', 'oraz')} `);
/** What may stand before an item in the list: "o", "for", "your", "cały", "żadnego", "kod" (of "kod CVV"). */
const ITEM_DET = any(DET, WHOLE, 'o', 'for', 'any', 'zadn\\w*', 'zaden', 'of', KOD, 'codes?', NUMER, 'number');
/** One forbidden item and nothing else: "cały numer PESEL", "a code from a text message", "kod BLIK". */
const PROMISED_ITEM = new RegExp(
  `^(?:${ITEM_DET} )*${any(...ITEMS.flatMap((item) => item.named), PESEL, NUMER, 'number', KOD, 'codes?')}(?: ${any(KOD, 'codes?', NUMER, 'numbers?')})?$`,
);

/**
 * "Nigdy nie poproszę o cały numer PESEL, PIN, hasło ani kod z SMS-a." / "We
 * will never ask you for your PIN." — a promise and a list of items, with
 * nothing else in the sentence. "Nie rozłączaj się i podaj PIN" or "I will
 * never ask for your PIN, but tell me it now" are not.
 */
function isReassurance(sentence: string): boolean {
  const text = sentence
    .replace(/[^a-z0-9{},]+/g, ' ')
    .replace(/ ?, ?/g, ', ')
    // A relative clause belongs to its item: "kod, który przyszedł SMS-em".
    .replace(/, (?=(?:ktor\w*|jaki\w*|that|which) )/g, ' ')
    .trim();
  const head = PROMISE_HEAD.exec(text);
  if (!head) return false;
  const items = text.slice(head[0].length).replace(PROMISE_TAIL, '').split(LIST_SEPARATOR);
  return items.every((item) => PROMISED_ITEM.test(item) && !ASK_ANYWHERE.test(item));
}

// ---------------------------------------------------------------------------
// Sentences and words.

interface Sentence {
  /** Folded text of the sentence without its final punctuation. */
  text: string;
  question: boolean;
}

/** Abbreviations whose dot does not end a sentence ("np.", "nr.", "m.in."). */
const ABBREVIATION_END = /(?<![a-z0-9])(?:np|nr|tzn|tj|tzw|ul|dr|m\.in|e\.g|i\.e|wg|ds|godz|pkt)\.$/;

/**
 * Sentences of folded text. A colon and a semicolon end one too, so that a
 * promise after "Pamiętaj:" stands alone; a dash does not, so that "— a
 * właściwie cały numer" stays with the ask before it.
 */
function sentences(folded: string): Sentence[] {
  const chunks: string[] = [];
  for (const chunk of folded.split(/(?<=[.!?;:…])\s+|\n+/)) {
    const previous = chunks.at(-1);
    if (previous !== undefined && ABBREVIATION_END.test(previous)) chunks[chunks.length - 1] = `${previous} ${chunk}`;
    else chunks.push(chunk);
  }
  return chunks
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk.length > 0)
    .map((chunk) => ({ text: chunk.replace(/[.!?;:…]+$/, ''), question: /\?[.!?…]*$/.test(chunk) }));
}

/** The words of a folded text separated by single spaces: what every pattern runs on. */
function wordsOf(text: string): string {
  return text.replace(/[^a-z0-9{}]+/g, ' ').trim();
}

interface Hit {
  ask: UnsafeAsk;
  index: number;
}

/** The forbidden item named (or asked for) first in `words`; items in {@link ITEMS} order win ties. */
function firstItem(words: string): Hit | undefined {
  let first: Hit | undefined;
  for (const { ask, named, asked } of ITEM_PATTERNS) {
    let index = named.exec(words)?.index ?? Infinity;
    for (const match of asked ? words.matchAll(asked) : []) {
      if (match.index >= index) break;
      if (isAskedFor(words, match.index, match.index + match[0].length)) index = match.index;
    }
    if (index < (first?.index ?? Infinity)) first = { ask, index };
  }
  return first;
}

function earlier(a: Hit | undefined, b: Hit | undefined): Hit | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.index < a.index ? b : a;
}

function questionHit(folded: string): Hit | undefined {
  const words = wordsOf(folded);
  const pesel = PESEL_MENTION.exec(words);
  return earlier(firstItem(words), pesel ? { ask: 'full-pesel', index: pesel.index } : undefined);
}

function promptHit(folded: string): Hit | undefined {
  for (const sentence of sentences(folded)) {
    if (isReassurance(sentence.text)) continue;
    const words = wordsOf(sentence.text.replace(NOT_THE_WHOLE_NUMBER, ''));
    const pesel = peselHit(words, sentence.question);
    const hit = earlier(firstItem(words), pesel >= 0 ? { ask: 'full-pesel', index: pesel } : undefined);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * What `text` asks for that an institution must never ask for on the phone,
 * or `undefined` when it is safe.
 *
 * - `'question'` (a knowledge question) is strict: naming the PESEL or any
 *   forbidden item is unsafe, even in a negated sentence — the PESEL
 *   challenge is the only place digits are asked.
 * - `'prompt'` (every other text the agent reads) may ask for a few PESEL
 *   digit positions, name the PESEL as a topic, and hold a reassurance that
 *   is only a promise not to ask ("Nigdy nie poprosimy Pana o PIN."). A
 *   negation elsewhere in a sentence changes nothing.
 *
 * The text is folded first (case, diacritics, full-width and look-alike
 * letters, zero-width characters, letters spelled apart, digits for letters).
 *
 * @example
 * ```ts
 * findUnsafeAsk('Proszę podać P.I.N.', 'prompt'); // 'pin'
 * findUnsafeAsk('Proszę podać piątą cyfrę numeru PESEL.', 'prompt'); // undefined
 * findUnsafeAsk('Nie rozłączaj się i podaj kod z SMS-a.', 'prompt'); // 'one-time-code'
 * findUnsafeAsk('Jaka jest piąta cyfra Pana PESEL?', 'question'); // 'full-pesel'
 * ```
 */
export function findUnsafeAsk(text: string, kind: TextKind): UnsafeAsk | undefined {
  for (const folded of lintReadings(text)) {
    const hit = kind === 'question' ? questionHit(folded) : promptHit(folded);
    if (hit) return hit.ask;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Every text of a script.

/**
 * Keys whose values are never read aloud: identifiers, settings, dates and
 * enum values. Skipped at any depth; everything else that is a string is
 * checked, so a field added later is checked without anyone remembering to.
 */
const NOT_SPOKEN = new Set(['$schema', 'id', 'version', 'locale', 'title', 'officialNumber', 'from', 'to', 'announcedOn', 'answer', 'threat', 'channel', 'when', 'whenExhausted', 'timeZone', 'advisorForm']);
/** Top-level sections of settings: only their texts (per-locale strings or `text` fields) are read aloud. */
const SETTINGS = new Set(['callback', 'verifier', 'pesel']);
const TEXT_KEYS = new Set<string | number>([...LOCALES, 'text']);

const WHAT: Readonly<Record<UnsafeAsk, string>> = {
  'full-pesel': 'the full PESEL (ask for a few digit positions in the PESEL step instead)',
  pin: 'a PIN',
  password: 'a password',
  'one-time-code': 'a one-time code (SMS, BLIK, app)',
  'card-number': 'a card number',
  cvv: 'a CVV/CVC code',
};

/**
 * Every text the agent may read in a parsed script that asks for what an
 * institution never asks for on the phone, with its path. Walks all string
 * leaves — institution name and caller-ID label, purpose, VIP advisor,
 * questions, prompt overrides, and any field added later — except the keys
 * that are never spoken (ids, versions, locale, title, the official number,
 * dates, enum values) and the settings sections `callback`, `verifier` and
 * `pesel` (there only per-locale texts are checked). Texts under
 * `questions[i].text` are read as `'question'`, the rest as `'prompt'`
 * (see {@link findUnsafeAsk}). Messages name what is asked for and never
 * quote the text.
 *
 * @example
 * ```ts
 * unsafeScriptIssues({ institution: { name: 'Bank', callerIdLabel: 'Podaj PIN' } });
 * // [{ path: ['institution', 'callerIdLabel'], message: 'asks for a PIN: an institution never asks for this on the phone' }]
 * ```
 */
export function unsafeScriptIssues(data: unknown): SafecallIssue[] {
  const issues: SafecallIssue[] = [];
  const seen = new Set<object>();
  const visit = (value: unknown, path: (string | number)[], inSettings: boolean): void => {
    if (typeof value === 'string') {
      if (inSettings && !path.some((key) => TEXT_KEYS.has(key))) return;
      const kind: TextKind = path[0] === 'questions' && path[2] === 'text' ? 'question' : 'prompt';
      const ask = findUnsafeAsk(value, kind);
      if (ask) issues.push({ path, message: `asks for ${WHAT[ask]}: an institution never asks for this on the phone` });
      return;
    }
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((child: unknown, index) => visit(child, [...path, index], inSettings));
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      if (NOT_SPOKEN.has(key)) continue;
      visit(child, [...path, key], inSettings || (path.length === 0 && SETTINGS.has(key)));
    }
  };
  visit(data, [], false);
  return issues;
}
