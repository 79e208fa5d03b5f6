import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findUnsafeAsk, unsafeScriptIssues, type TextKind, type UnsafeAsk } from '../../src/script/unsafe.js';

type Case = readonly [text: string, kind: TextKind, expected: UnsafeAsk];

const P = 'prompt';
const Q = 'question';

/** Texts an author could write by mistake or on purpose; each asks for something. */
const UNSAFE: readonly Case[] = [
  // The full PESEL.
  ['Proszę podać numer PESEL.', P, 'full-pesel'],
  ['Jaki jest Pana numer PESEL?', P, 'full-pesel'],
  ['Proszę podać cały numer PESEL, nie musi się Pan spieszyć.', P, 'full-pesel'],
  ['Proszę podać kolejno cyfry numeru PESEL.', P, 'full-pesel'],
  ['Proszę podawać numer PESEL cyfra po cyfrze.', P, 'full-pesel'],
  ['Please read me your PESEL digit by digit.', P, 'full-pesel'],
  ['Proszę podać swój numer ewidencyjny.', P, 'full-pesel'],
  ['What is your PESEL?', P, 'full-pesel'],
  ['Your PESEL number, please.', P, 'full-pesel'],
  ['Proszę podać wszystkie 11 cyfr numeru PESEL.', P, 'full-pesel'],
  ['Poproszę o pełny PESEL.', P, 'full-pesel'],
  ['Can you tell me your full PESEL number?', P, 'full-pesel'],
  ['Nie rozłączaj się i podaj numer PESEL.', P, 'full-pesel'],
  ['Nigdy nie poprosimy o PESEL, ale jaki jest Pana PESEL?', P, 'full-pesel'],
  ['Proszę podać cały numer.', P, 'full-pesel'],
  ['Poproszę o kilka cyfr Pana numeru PESEL, a potem o cały numer.', P, 'full-pesel'],
  ['Proszę podać piątą cyfrę i numer PESEL.', P, 'full-pesel'],
  ['Dla pewności proszę przeliterować PESEL.', P, 'full-pesel'],
  ['Proszę podać P-E-S-E-L.', P, 'full-pesel'],
  ['Proszę podać PE5EL.', P, 'full-pesel'],
  ['Proszę podać \u03a1\u0395SEL.', P, 'full-pesel'], // Greek Ρ and Ε
  ['Proszę podać PES\u200BEL.', P, 'full-pesel'],
  ['W którym roku nadano Panu numer PESEL?', Q, 'full-pesel'],
  ['Jaka jest piąta cyfra Pana numeru PESEL?', Q, 'full-pesel'],
  ['We never ask for your PESEL. In which city do you live?', Q, 'full-pesel'],
  // A PIN.
  ['Proszę podać PIN.', P, 'pin'],
  ['Poproszę o PIN do karty.', P, 'pin'],
  ['Jaki jest Pana PIN?', Q, 'pin'],
  ['What is your card PIN?', Q, 'pin'],
  ['Proszę podać P I N.', P, 'pin'],
  ['Poproszę o P I N i hasło.', P, 'pin'],
  ['Proszę podać P.I.N.', P, 'pin'],
  ['Proszę podać p_i_n', P, 'pin'],
  ['Podaj P1N', P, 'pin'],
  ['Proszę podać \u0420IN.', P, 'pin'], // Cyrillic Р
  ['Poproszę o P\u0399\u039d.', P, 'pin'], // Greek Ι and Ν
  ['Proszę podać P\u200BI\u200CN\u2060.', P, 'pin'],
  ['Proszę podać ＰＩＮ.', P, 'pin'],
  ['Proszę podać 𝐏𝐈𝐍.', P, 'pin'],
  ['Proszę podać P🔒I🔒N.', P, 'pin'],
  ['Proszę podać ⓅⒾⓃ.', P, 'pin'],
  ['Proszę podać PlN.', P, 'pin'], // small L between capitals
  ['Don\u2019t worry, just tell me your PIN.', P, 'pin'],
  ['Nie rozłączaj się i podaj PIN.', P, 'pin'],
  ['Nigdy nie poproszę o PIN, ale teraz proszę go podać.', P, 'pin'],
  ['Nigdy nie poproszę o PIN, chyba że teraz.', P, 'pin'],
  ['I will never ask for your PIN, but please tell me it now.', P, 'pin'],
  ['Please enter your personal identification number.', P, 'pin'],
  ['Proszę potwierdzić transakcję PIN-em.', P, 'pin'],
  ['Proszę o podanie P-I-N-u.', P, 'pin'],
  ['Czy wie Pan, że nigdy nie prosimy o PIN?', Q, 'pin'],
  // A password.
  ['Podaj hasło do bankowości.', P, 'password'],
  ['Proszę podać hasełko.', P, 'password'],
  ['Proszę podać has1o.', P, 'password'],
  ['Proszę podać H4SŁO.', P, 'password'],
  ["What's your passwd?", P, 'password'],
  ['Please tell me your passcode.', P, 'password'],
  ['Please tell me your passphrase.', P, 'password'],
  ['Proszę podać kod dostępu do bankowości.', P, 'password'],
  ['Poproszę o pierwszą literę hasła.', P, 'password'],
  ['Jakiego hasła używa Pan do logowania?', Q, 'password'],
  ['Proszę się zalogować hasłem i przeczytać mi, co widać.', P, 'password'],
  ['Żadnych haseł nie zapisujemy, proszę je podać.', P, 'password'],
  // A one-time code.
  ['Proszę podać kod z SMS-a.', P, 'one-time-code'],
  ['Poproszę o kod BLIK.', P, 'one-time-code'],
  ['Proszę przeczytać kod, który przyszedł SMS-em.', P, 'one-time-code'],
  ['Proszę podać kod z aplikacji.', P, 'one-time-code'],
  ['Proszę podać 0TP.', P, 'one-time-code'],
  ['Read me the code we just texted you.', P, 'one-time-code'],
  ['Please give me the one-time password.', P, 'one-time-code'],
  ['What is the OTP you received?', P, 'one-time-code'],
  ['Please read out the security code we sent.', P, 'one-time-code'],
  ['Proszę podać kod weryfikacyjny.', P, 'one-time-code'],
  ['Proszę podać B L I K.', P, 'one-time-code'],
  ['Proszę podać 8L1K.', P, 'one-time-code'],
  ['Proszę podać kod, który Pan dostał.', P, 'one-time-code'],
  ['Please tell me the verification code from the app.', P, 'one-time-code'],
  ['Jaki kod wyświetla się teraz w aplikacji?', Q, 'one-time-code'],
  ['Proszę podać jednorazowe hasło.', P, 'one-time-code'],
  ['Proszę podać kod.', P, 'one-time-code'],
  ['Please read me the code from the text message we sent you.', P, 'one-time-code'],
  ['w sprawie kodu SMS, który proszę mi przeczytać', P, 'one-time-code'],
  // A card number.
  ['Proszę podać numer karty.', P, 'card-number'],
  ['Jaki jest numer Pana karty?', Q, 'card-number'],
  ['Proszę podać nr karty.', P, 'card-number'],
  ['Proszę podać 16 cyfr karty.', P, 'card-number'],
  ['Proszę przeczytać numer z przodu karty.', P, 'card-number'],
  ['Please read me the long number on your card.', P, 'card-number'],
  ['What is your card number?', P, 'card-number'],
  ['Proszę podać numer z karty.', P, 'card-number'],
  ['Please give me the 16-digit number.', P, 'card-number'],
  ['Proszę podać numer swojej karty kredytowej.', P, 'card-number'],
  ['Proszę podać ostatnie cztery cyfry karty.', P, 'card-number'],
  ["What's the number on the front of your card?", P, 'card-number'],
  ['Proszę podać cały numer karty płatniczej, nie musi się Pan spieszyć.', P, 'card-number'],
  ['Proszę podać 16cyfr karty.', P, 'card-number'],
  // A CVV.
  ['Proszę podać kod CVV.', P, 'cvv'],
  ['Proszę podać CVC2.', P, 'cvv'],
  ['Read me the three digits on the back.', P, 'cvv'],
  ['Proszę podać trzy cyfry z tyłu karty.', P, 'cvv'],
  ['What is the security code on the back of your card?', P, 'cvv'],
  ['Proszę podać kod z odwrotu karty.', P, 'cvv'],
  ['Proszę podać trzycyfrowy kod.', P, 'cvv'],
  ['Proszę podać C V V.', P, 'cvv'],
  ['Proszę podać \u0421VV.', P, 'cvv'], // Cyrillic С
  ['Read me the CVV on the back of the card.', P, 'cvv'],  // More phrasings.
  ['Proszę mi podyktować numer PESEL.', P, 'full-pesel'],
  ['Poproszę PESEL.', P, 'full-pesel'],
  ['Proszę Pana o numer PESEL.', P, 'full-pesel'],
  ['Jak brzmi Pana PESEL?', P, 'full-pesel'],
  ['PESEL?', P, 'full-pesel'],
  ["I'll need your PESEL.", P, 'full-pesel'],
  ['May I have your national ID number?', P, 'full-pesel'],
  ['Potrzebuję Pana numeru PESEL.', P, 'full-pesel'],
  ['Proszę potwierdzić swój numer PESEL.', P, 'full-pesel'],
  ['Proszę podać jedenaście cyfr.', P, 'full-pesel'],
  ['Proszę podać pięć cyfr PESEL.', P, 'full-pesel'],
  ['Proszę podać cyfry od pierwszej do jedenastej numeru PESEL.', P, 'full-pesel'],
  ['Proszę podać pierwszą, drugą, trzecią, czwartą, piątą, szóstą, siódmą, ósmą, dziewiątą, dziesiątą i jedenastą cyfrę numeru PESEL.', P, 'full-pesel'],
  ['Proszę podać PESEL — nie o cały numer.', P, 'full-pesel'],
  ['Proszę podać czterocyfrowy kod.', P, 'pin'],
  ['Proszę o podanie PIN-u.', P, 'pin'],
  ["Don't worry, just tell me your PIN.", P, 'pin'],
  ['Jaki numer ma karta, którą Pan płacił?', P, 'card-number'],
  ['Niech Pan poda PIN.', P, 'pin'],
  ['Pamiętaj: podaj PIN.', P, 'pin'],
  ['Podaj login i hasło.', P, 'password'],
  ['Proszę podać kod do aplikacji.', P, 'password'],
  ['Nie martw się — podaj hasło.', P, 'password'],
  ['Proszę podać kod, który za chwilę wyślemy.', P, 'one-time-code'],
  ['Proszę przeczytać sześciocyfrowy kod.', P, 'one-time-code'],
  ["What's the code on your screen?", P, 'one-time-code'],
  ['Podaj cyfry z karty.', P, 'card-number'],
  ['Jaki jest numer na Pana karcie?', P, 'card-number'],
  ['Please give me your card details.', P, 'card-number'],
  ['Podaj numer z tyłu karty.', P, 'cvv'],
  ['Proszę podać kod z karty.', P, 'cvv'],
  ['Please confirm the expiry date and the CVC.', P, 'cvv'],
];

/** Texts that must pass: the built-in forms, partial PESEL asks, ordinary call-center sentences and names. */
const SAFE: readonly (readonly [text: string, kind: TextKind])[] = [
  // Reassurances in the built-in form.
  ['Nigdy nie poproszę o cały numer PESEL, PIN, hasło ani kod z SMS-a.', P],
  ['Nigdy nie poprosimy Pana o PIN.', P],
  ['I will never ask for your full PESEL, a PIN, a password or a code from a text message.', P],
  ['We will never ask you for your PIN.', P],
  ['I will never ask for your full PESEL number, your PIN, a password or a code from a text message.', P],
  ['Nigdy nie poproszę o PIN, hasło ani kod BLIK.', P],
  ['We will never ask for your PIN or a code from a text message.', P],
  ["I'll never ask for your full PESEL, a PIN, a password or a code from a text message.", P],
  ["We'll never ask you for your PIN over the phone.", P],
  ['Dzień dobry, tu Bank Komercyjny, nazywam się Anna Nowak. Dzwonię w sprawie transakcji na rachunku. Nigdy nie poproszę o cały numer PESEL, PIN, hasło ani kod z SMS-a.', P],
  // Partial PESEL asks.
  ['Proszę podać piątą cyfrę numeru PESEL.', P],
  ['Piąta cyfra?', P],
  ['A ósma?', P],
  ['{ordinal} cyfrę numeru PESEL', P],
  ['Poproszę o {ordinal} cyfrę numeru PESEL.', P],
  ['Poproszę o kilka cyfr Pana numeru PESEL — nie o cały numer. Możemy zaczynać?', P],
  [
    'Teraz może Pan sprawdzić, czy naprawdę dzwoni bank: proszę zapytać mnie o dwie cyfry swojego numeru PESEL, inne niż te, które Pan podał — na przykład siódmą, dziesiątą lub jedenastą.',
    P,
  ],
  ['Dziewiątą cyfrę podał Pan przed chwilą, więc jej powtórzenie niczego by nie potwierdziło.', P],
  ['Dziesiąta cyfra to 3, a jedenasta — 4. Zgadza się?', P],
  ["I'll ask for a few digits of your PESEL — not the whole number. Shall we start?", P],
  ['Now you can check it\u2019s really us: ask me for any two digits of your PESEL, for example the seventh, tenth or eleventh.', P],
  ['What is the fifth digit of your PESEL?', P],
  ['Poproszę teraz o 3 wybrane cyfry numeru PESEL — nie o cały numer. Proszę podać piątą cyfrę numeru PESEL.', P],
  ['I will now ask for 2 digits of your PESEL number — never the whole number. Please tell me the fifth digit of your PESEL number.', P],
  ['Proszę wpisać na klawiaturze telefonu {ordinal} cyfrę numeru PESEL.', P],
  ["Please type the {ordinal} digit of your PESEL number on your phone's keypad.", P],
  ['Z numeru PESEL poproszę teraz piątą cyfrę.', P],
  ['Proszę podać cyfrę z pozycji {position} numeru PESEL.', P],
  [
    'Dziękuję, to się zgadza. Teraz {youNom} może sprawdzić, że naprawdę mamy {youGen} dane: proszę zapytać mnie o 2 wybrane cyfry swojego numeru PESEL spośród pozycji 7, 8 i 10. Inne niż te, które {youNom} podał.',
    P,
  ],
  ['Thank you, that matches. Now you can check that we really hold your details: ask me for 2 digits of your PESEL number, choosing from positions 7, 8 and 10, other than the ones you gave me.', P],
  ['Piąta cyfra to 1, a ósma to 0. Czy się zgadza?', P],
  ['Pierwsze sześć cyfr to data urodzenia, którą może znać ktoś obcy.', P],
  // The PESEL as a topic.
  ['Zadam {questionCount}, jedno dotyczy numeru PESEL. Czy jest Pan w bezpiecznym miejscu?', P],
  ['Zanim będziemy kontynuować, muszę zadać 3 pytania weryfikacyjne — jedno z nich dotyczy numeru PESEL. Czy jest Pan w miejscu, w którym nikt nie usłyszy ani nie nagra Pana odpowiedzi?', P],
  ['Before we continue, I need to ask you 3 verification questions, one of them about your PESEL number. Are you somewhere nobody can overhear or record your answers?', P],
  // Caller-ID check and numbers to dial.
  ['Dzwonię z numeru +48 22 500 60 70, który mamy w Pana umowie. Na ekranie telefonu powinien wyświetlić się jako „Bank-kredyty”. Czy tak jest?', P],
  ['Proszę się rozłączyć i zadzwonić do nas na numer z Pana karty lub umowy albo z naszej oficjalnej strony internetowej — nigdy na numer podany w rozmowie.', P],
  ['Jeśli numer się nie zgadza, proszę zadzwonić na numer z karty lub strony internetowej.', P],
  ['If in doubt, call the number printed on your card.', P],
  ['Please hang up and call us on the number on the back of your card.', P],
  ['Proszę porównać go z numerem na ekranie telefonu.', P],
  ['Rozumiem Pana ostrożność. Proszę zadzwonić na numer +48 22 500 60 70 z karty lub naszej strony internetowej albo bezpośrednio do swojego opiekuna.', P],
  ['Zadzwonimy jutro o 10:30 z tego samego numeru. Numer referencyjny to AB12 — może go Pan podać, dzwoniąc do nas.', P],
  ['Proszę podać cały numer telefonu, na który mamy oddzwonić.', P],
  // Names and labels.
  ['Bank-kredyty', P],
  ['Bank Komercyjny', P],
  ['PKO Bank Polski', P],
  ['Pinecrest Bank', P],
  // "Hasłowska" is not a form of "hasło": a name like this one must stay usable.
  ['Kasa Hasłowska', P],
  ['Katarzyna Wiśniewska', P],
  // Purposes and knowledge questions.
  ['w sprawie transakcji kartą, które wydają nam się podejrzane', P],
  ['about transactions on your account that look suspicious to us', P],
  ['Jaka była kwota ostatniego przelewu wychodzącego z rachunku, w złotych?', Q],
  ['W którym roku założono ten rachunek?', Q],
  ['In which city was the last meeting with your advisor?', Q],
  ['Jaki jest kod pocztowy adresu korespondencyjnego?', Q],
  ['Ile kart płatniczych ma Pan w naszym banku?', Q],
  ['Ze względów bezpieczeństwa nie mogę kontynuować rozmowy.', P],
  ['Muszę zadać 3 pytania weryfikacyjne, a odpowiedzi zajmą 2 minuty.', P],
  ['Oddzwonię za 15 minut.', P],  // Ordinary call-center sentences.
  ['Proszę sprawdzić, czy numer na ekranie zgadza się z numerem z karty.', P],
  ['Proszę porównać go z numerem z karty.', P],
  ['W razie wątpliwości proszę zadzwonić na numer z karty.', P],
  ['Proszę zadzwonić pod numer z tyłu karty.', P],
  ['Of course. Please call us on +48 22 500 60 70 — you will find the same number on your card and on our website.', P],
  ['Zadzwonimy 24 listopada o 14:30 z tego samego numeru. Numer referencyjny to CB-7Q4K — może go Pan podać, dzwoniąc do nas.', P],
  ['Cyfry z pozycji 7 i 8 podał Pan sam — ich powtórzenie niczego nie dowodzi.', P],
  ['Proszę wybrać inne pozycje spośród pozycji 9, 10 i 11.', P],
  ['The seventh digit is 4 and the tenth digit is 5. Does that match?', P],
  ['Please tell me digit number 5 of your PESEL.', P],
  ['A jaka jest ósma cyfra numeru PESEL?', P],
  ['Wysłaliśmy SMS z informacją o transakcji.', P],
  ['The code of conduct requires me to record this call.', P],
  ['Transakcja kartą kończącą się na 1234 wydaje nam się podejrzana.', P],
  ['Nikt z banku nigdy nie poprosi Pana o PIN ani hasło.', P],
  ['Pamiętaj: nigdy nie poprosimy o kod BLIK.', P],
  ['Nobody from the bank will ever ask you for your password.', P],
  ['Bank nigdy nie prosi o hasło przez telefon.', P],
  ['Proszę podać kod pocztowy.', P],
  ['Nigdy nie poproszę o PIN ani o hasło.', P],
  ['Nie poproszę o numer karty ani kod CVV.', P],
  ['Nigdy nie poprosimy o kod, który przyszedł SMS-em.', P],
  ['I need to ask you a verification question about your PESEL number.', P],
  ['OTP Bank', P],
];

describe('findUnsafeAsk', () => {
  it('has enough cases to mean something', () => {
    expect(UNSAFE.length).toBeGreaterThanOrEqual(60);
    expect(SAFE.length).toBeGreaterThanOrEqual(30);
  });

  it.each(UNSAFE)('unsafe: %s (%s → %s)', (text, kind, expected) => {
    expect(findUnsafeAsk(text, kind)).toBe(expected);
  });

  it.each(SAFE)('safe: %s (%s)', (text, kind) => {
    expect(findUnsafeAsk(text, kind)).toBeUndefined();
  });

  it('reads a knowledge question strictly: a reassurance or a partial ask is still unsafe there', () => {
    expect(findUnsafeAsk('Nigdy nie poprosimy Pana o PIN.', 'prompt')).toBeUndefined();
    expect(findUnsafeAsk('Nigdy nie poprosimy Pana o PIN.', 'question')).toBe('pin');
    expect(findUnsafeAsk('Proszę podać piątą cyfrę numeru PESEL.', 'prompt')).toBeUndefined();
    expect(findUnsafeAsk('Proszę podać piątą cyfrę numeru PESEL.', 'question')).toBe('full-pesel');
  });

  it('accepts a promise only when nothing follows it in the sentence', () => {
    expect(findUnsafeAsk('Nigdy nie poproszę o PIN ani o hasło.', 'prompt')).toBeUndefined();
    expect(findUnsafeAsk('Nigdy nie poproszę o PIN ani o hasło, proszę podać PESEL.', 'prompt')).toBe('pin');
    expect(findUnsafeAsk('Nigdy nie poproszę o PIN. Proszę podać PIN.', 'prompt')).toBe('pin');
    expect(findUnsafeAsk('What about your PESEL?', 'prompt')).toBe('full-pesel');
  });

  it('reports what is asked first when a text asks for several things', () => {
    expect(findUnsafeAsk('Proszę podać PIN i numer karty.', 'prompt')).toBe('pin');
    expect(findUnsafeAsk('Proszę podać numer karty i PIN.', 'prompt')).toBe('card-number');
    expect(findUnsafeAsk('Dzień dobry. Proszę podać hasło. Potem PIN.', 'prompt')).toBe('password');
  });
});

const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\uFEFF', '\u00AD'];
const DIACRITIC: Readonly<Record<string, string>> = { a: 'ą', c: 'ć', e: 'ę', l: 'ł', n: 'ń', o: 'ó', s: 'ś', z: 'ż', A: 'Ą', C: 'Ć', E: 'Ę', L: 'Ł', N: 'Ń', O: 'Ó', S: 'Ś', Z: 'Ź' };

/** Changes one character of the text: its case, a Polish diacritic on or off, or a combining acute accent. */
function restyle(char: string, how: number): string {
  if (!/[a-ząćęłńóśźż]/i.test(char)) return char;
  switch (how % 4) {
    case 0:
      return char === char.toUpperCase() ? char.toLowerCase() : char.toUpperCase();
    case 1:
      return DIACRITIC[char] ?? char;
    case 2:
      return char.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace('ł', 'l').replace('Ł', 'L');
    default:
      return `${char}\u0301`;
  }
}

describe('disguises never make an unsafe text safe (property)', () => {
  const sample = fc.constantFrom(...UNSAFE);

  it('zero-width and format characters inserted anywhere', () => {
    fc.assert(
      fc.property(sample, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ZERO_WIDTH)), { minLength: 1, maxLength: 8 }), ([text, kind, expected], inserts) => {
        const chars = Array.from(text);
        for (const [at, invisible] of inserts) chars.splice(at % (chars.length + 1), 0, invisible);
        expect(findUnsafeAsk(chars.join(''), kind)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('case and diacritics changed on any letters', () => {
    // "PlN" is disguised by its case itself (a small l between capitals): in other cases it is the currency PLN.
    const caseless = fc.constantFrom(...UNSAFE.filter(([text]) => !text.includes('PlN')));
    fc.assert(
      fc.property(caseless, fc.array(fc.nat(), { minLength: 1, maxLength: 200 }), ([text, kind, expected], changes) => {
        const restyled = Array.from(text)
          .map((char, i) => restyle(char, changes[i % changes.length]! + Math.floor(i / changes.length)))
          .join('');
        expect(findUnsafeAsk(restyled, kind)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('unsafeScriptIssues', () => {
  const UNSAFE_TEXTS = {
    name: 'Bank Komercyjny — proszę podać hasło',
    label: 'Podaj kod BLIK',
    advisor: 'Anna Nowak, proszę podać PIN',
    purpose: 'to collect your card number',
    question: 'Jaki jest Pana PESEL?',
    consent: 'Proszę podać kod CVV.',
  };
  const script = {
    $schema: '../call-script.schema.json',
    id: 'pin-reset',
    version: 1,
    title: 'PIN reset: ask for the PIN',
    locale: 'pl',
    institution: { name: UNSAFE_TEXTS.name, officialNumber: '+48 22 500 60 70', callerIdLabel: UNSAFE_TEXTS.label },
    purpose: { pl: 'w sprawie transakcji na rachunku', en: UNSAFE_TEXTS.purpose },
    pesel: { count: 3, threat: 'acquaintance', channel: 'voice', note: { pl: 'Proszę podać cały numer PESEL.' } },
    questions: [
      { id: 'pin', text: { pl: 'W którym roku założono ten rachunek?' }, answer: 'number', attempts: 2 },
      { id: 'pesel', text: { pl: UNSAFE_TEXTS.question, en: 'In which year was the account opened?' }, answer: 'number', attempts: 2 },
    ],
    mutual: { enabled: true, when: 'after-pesel' },
    vip: { advisor: UNSAFE_TEXTS.advisor, substitute: { from: '2026-11-23', to: '2026-11-27', announcedOn: '2026-11-18' } },
    callback: { timeZone: 'Europe/Warsaw', hours: { sun: null } },
    verifier: { timeoutSeconds: 10 },
    prompts: {
      consent: { pl: UNSAFE_TEXTS.consent },
      'pesel-digit': { pl: 'Poproszę o {ordinal} cyfrę numeru PESEL.' },
      introduce: { pl: 'Dzień dobry. Nigdy nie poproszę o cały numer PESEL, PIN, hasło ani kod z SMS-a.' },
    },
  };

  it('reports every unsafe text, whatever its field, with its path', () => {
    const issues = unsafeScriptIssues(script);
    expect(issues.map((issue) => issue.path)).toEqual([
      ['institution', 'name'],
      ['institution', 'callerIdLabel'],
      ['purpose', 'en'],
      ['pesel', 'note', 'pl'],
      ['questions', 1, 'text', 'pl'],
      ['vip', 'advisor'],
      ['prompts', 'consent', 'pl'],
    ]);
    expect(issues.map((issue) => issue.message.split(':')[0])).toEqual([
      'asks for a password',
      'asks for a one-time code (SMS, BLIK, app)',
      'asks for a card number',
      'asks for the full PESEL (ask for a few digit positions in the PESEL step instead)',
      'asks for the full PESEL (ask for a few digit positions in the PESEL step instead)',
      'asks for a PIN',
      'asks for a CVV/CVC code',
    ]);
  });

  it('never quotes the text in a message', () => {
    for (const issue of unsafeScriptIssues(script)) {
      expect(issue.message).toMatch(/an institution never asks for this on the phone$/);
      for (const text of Object.values(UNSAFE_TEXTS)) expect(issue.message).not.toContain(text);
    }
  });

  it('skips keys that are never spoken, and settings other than their texts', () => {
    const issues = unsafeScriptIssues({
      id: 'pin',
      title: 'Podaj PIN',
      questions: [{ id: 'pin', answer: 'Podaj PIN', text: { pl: 'W którym roku założono ten rachunek?' } }],
      callback: { timeZone: 'PIN/Europe' },
      verifier: { url: 'https://bank.example/pin' },
    });
    expect(issues).toEqual([]);
  });

  it('reads question texts strictly and everything else as prompts', () => {
    const reassurance = 'Nigdy nie poprosimy Pana o PIN.';
    const issues = unsafeScriptIssues({ questions: [{ text: { pl: reassurance } }], prompts: { introduce: { pl: reassurance } } });
    expect(issues.map((issue) => issue.path)).toEqual([['questions', 0, 'text', 'pl']]);
  });

  it('accepts the example scripts and ignores what is not an object', () => {
    expect(unsafeScriptIssues(null)).toEqual([]);
    expect(unsafeScriptIssues('Podaj PIN')).toEqual([{ path: [], message: expect.stringContaining('a PIN') }]);
    const safe = { ...script, institution: { name: 'Bank Komercyjny', callerIdLabel: 'Bank-kredyty' }, purpose: { pl: 'w sprawie transakcji na rachunku' } };
    expect(unsafeScriptIssues({ ...safe, vip: undefined, questions: [], pesel: {}, prompts: {} })).toEqual([]);
  });

  it('checks a script of 30 texts well under 5 ms', () => {
    const texts = [...SAFE.map(([text]) => text), ...UNSAFE.map(([text]) => text)].slice(0, 30);
    const big = { prompts: Object.fromEntries(texts.map((text, i) => [`step-${i}`, { pl: text }])) };
    unsafeScriptIssues(big);
    let best = Infinity;
    for (let run = 0; run < 20; run++) {
      const start = performance.now();
      unsafeScriptIssues(big);
      best = Math.min(best, performance.now() - start);
    }
    expect(best).toBeLessThan(5);
  });
});
