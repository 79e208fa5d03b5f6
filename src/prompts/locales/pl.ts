import type { CallOutcome, CallbackSlot, FailedReason, FailureCause, RefusedPosition, WillCallBackReason } from '../../model/index.js';
import { sayDay, sayDayRange } from '../dates.js';
import { afterColon, capitalize, examplePositions, joinList, sentences } from '../fill.js';
import { askable, peselAmongQuestions, questionTotal, refusedByReason, withDetailsNote } from '../flow.js';
import { gendered, plAddress, plAdvisor, plInstrumental, type AddressForms, type PlAddress } from '../forms.js';
import { plDigits, plOrdinalAccusative, plOrdinalGenitive, plOrdinalNominative, plQuestions } from '../ordinals.js';
import { placeholderValues, purposeText, scriptText, type PlaceholderWords } from '../placeholders.js';
import type { LocaleTexts, PromptReply, RenderContext, StepView } from '../types.js';

/*
 * Polish prompts, written to be said on the phone: short sentences, the
 * customer addressed as Pan or Pani (capitalised, never "Pan/Pani"), numbers
 * in words up to ten, ordinals agreeing with the feminine "cyfra", no comma in
 * dates, lower case after a colon. The agent never uses a gendered first-person
 * form unless `agent.form` says which ("jestem Pana opiekunką").
 */

type Pesel = Extract<StepView, { step: 'pesel-digit' }>;
type Mutual = Extract<StepView, { step: 'mutual' }>;

type You = PlAddress & { said: string; checked: string; self: string };

// Built once per form: prompts ask for them on every render (a spread per call showed in profiles).
const YOU: Readonly<Record<PlAddress['form'], You>> = {
  pan: youOf(plAddress('pan')),
  pani: youOf(plAddress('pani')),
};

function youOf(y: PlAddress): You {
  return { ...y, said: gendered(y.form, 'podał', 'podała'), checked: gendered(y.form, 'sprawdził', 'sprawdziła'), self: gendered(y.form, 'sam', 'sama') };
}

/** The customer's forms of address and the gendered words the prompts need. */
function you(ctx: RenderContext): You {
  return YOU[plAddress(ctx.customer.form).form];
}

/** "w dniach 23–27 listopada", or the one day. */
function substituteDates(from: string, to: string): string {
  return from === to ? sayDay(from, 'pl') : `w dniach ${sayDayRange(from, to, 'pl')}`;
}

/** The Polish words for placeholder values; the forms of address need the customer's form. */
function words(ctx: RenderContext): PlaceholderWords {
  return { you: plAddress(ctx.customer.form), questionCount: plQuestions, ordinal: plOrdinalAccusative, substituteDates, day: (date) => sayDay(date, 'pl') };
}

// The purpose completes "Dzwonię …"; a subordinate clause takes a comma ("Dzwonię, ponieważ …").
const CLAUSE = /^(?:ponieważ|bo|gdyż|żeby|aby|by|bowiem|jako że|skoro)(?!\p{L})/u;

function callingAbout(ctx: RenderContext): string {
  const text = purposeText(ctx, words(ctx));
  return CLAUSE.test(text) ? `Dzwonię, ${text}.` : `Dzwonię ${text}.`;
}

/** "Możemy zadzwonić … albo …. Który termin Panu odpowiada?" */
function offerSlots(slots: readonly CallbackSlot[], y: AddressForms, also: boolean): string {
  const can = also ? 'Możemy też zadzwonić' : 'Możemy zadzwonić';
  if (slots.length === 1) return `${can} ${slots[0]!.spoken}. Czy ten termin ${y.dat} odpowiada?`;
  return `${can} ${joinList(slots.map((s) => s.spoken), 'albo')}. Który termin ${y.dat} odpowiada?`;
}

/** The official number, read out with where to find it — never after a mismatch (see `DIAL_KNOWN_NUMBER`). */
function callUs(ctx: RenderContext, later: boolean): string {
  return `Proszę zadzwonić do nas${later ? ' później' : ''} na numer ${ctx.script.institution.officialNumber} — ten sam znajdzie ${you(ctx).nom} na karcie i na naszej stronie internetowej.`;
}

// The caller may be the fraudster: no number is read out, the customer dials one they already know.
const DIAL_KNOWN_NUMBER = 'Proszę się rozłączyć i zadzwonić na numer z karty lub z naszej strony internetowej.';

function refusals(refused: readonly RefusedPosition[], ctx: RenderContext): string {
  const y = you(ctx);
  const by = refusedByReason(refused);
  const said = by.said.length
    ? `${capitalize(joinList(by.said.map(plOrdinalAccusative), 'i'))} cyfrę ${y.said} ${y.nom} przed chwilą, więc ${by.said.length === 1 ? 'jej' : 'ich'} powtórzenie niczego by nie potwierdziło.`
    : '';
  const birth = by['birth-date'].length ? 'Pierwsze sześć cyfr to data urodzenia, którą może znać także ktoś obcy, więc ich podanie niczego by nie potwierdziło.' : '';
  const disclosure = by.disclosure.length
    ? `${capitalize(joinList(by.disclosure.map(plOrdinalGenitive), 'ani'))} cyfry nie mogę podać: razem z cyframi, które padły już w naszych rozmowach, ${by.disclosure.length === 1 ? 'zdradziłaby' : 'zdradziłyby'} zbyt dużą część numeru.`
    : '';
  const limit = by['over-limit'].length ? `W tej rozmowie podam najwyżej ${plDigits(ctx.script.mutual.maxPositions)}.` : '';
  return sentences(said, birth, disclosure, limit);
}

function mutual(view: Mutual, ctx: RenderContext): string {
  const y = you(ctx);
  const positions = askable(view);
  const count = Math.min(view.max, positions.length);
  const choice = positions.length > count;
  const examples = joinList(examplePositions(positions).map(plOrdinalAccusative), 'lub');
  const exact = `${joinList(positions.map(plOrdinalAccusative), 'i')} cyfrę`;
  if (view.refused.length) {
    const next = choice ? `Proszę wybrać ${count === 1 ? 'inną cyfrę' : 'inne cyfry'} — na przykład ${examples}.` : positions.length ? `Mogę podać ${exact}.` : '';
    return sentences(refusals(view.refused, ctx), next);
  }
  const ask = choice
    ? `proszę zapytać mnie o ${plDigits(count)} swojego numeru PESEL, ${count === 1 ? 'inną' : 'inne'} niż te, które ${y.nom} ${y.said} — na przykład ${examples}.`
    : `proszę zapytać mnie o ${exact} swojego numeru PESEL.`;
  return `Zgadza się. Teraz może ${y.nom} sprawdzić, czy naprawdę dzwoni ${ctx.script.institution.name}: ${ask}`;
}

function reveal(view: Extract<StepView, { step: 'reveal' }>, ctx: RenderContext): string {
  const [first, ...rest] = view.revealed;
  if (!first) return sentences(refusals(view.refused, ctx));
  // "Dziesiąta cyfra to 3, a jedenasta — 4": the noun and "to" once, then a dash.
  const parts = [`${capitalize(plOrdinalNominative(first.position))} cyfra to ${first.digit}`, ...rest.map((r) => `${plOrdinalNominative(r.position)} — ${r.digit}`)];
  const digits = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')}, a ${parts[parts.length - 1]}`;
  return sentences(refusals(view.refused, ctx), `${digits}. Zgadza się?`);
}

const RETRY = 'Spróbujmy jeszcze raz — zapytam o te same cyfry.';

/**
 * The sentence before the first digit of a retry: why we ask again, never
 * which digit was wrong (the service checks them together). Kept when a
 * script overrides the ask.
 *
 * @example
 * ```ts
 * plRetryLead({ step: 'pesel-digit', position: 5, index: 0, count: 3, previous: null, attempt: 2, attempts: 2, retryAfter: 'timeout' }, ctx);
 * // 'Nie słyszę odpowiedzi. Spróbujmy jeszcze raz — zapytam o te same cyfry.'
 * ```
 */
export function plRetryLead(view: Pesel, ctx: RenderContext): string {
  if (view.index > 0 || view.attempt <= 1) return '';
  return sentences(causeLead(view.retryAfter, ctx, true), RETRY);
}

/** Why we ask again, kindly: the ID card helps with the PESEL, not with a knowledge question. */
function causeLead(cause: FailureCause | null, ctx: RenderContext, pesel: boolean): string {
  if (cause === 'timeout') return 'Nie słyszę odpowiedzi.';
  if (cause === 'dont-know') return pesel ? `Nic nie szkodzi, proszę się nie spieszyć — może ${you(ctx).nom} zajrzeć do dowodu osobistego.` : 'Nic nie szkodzi, proszę się nie spieszyć.';
  return '';
}

function peselAsk(view: Pesel, ctx: RenderContext): string {
  const keypad = ctx.script.pesel.channel === 'keypad';
  const ordinal = plOrdinalAccusative(view.position);
  if (view.index > 0) return keypad ? `A teraz ${ordinal}.` : `A ${plOrdinalNominative(view.position)}?`;
  if (view.attempt > 1) {
    return keypad ? `Proszę wpisać na klawiaturze telefonu ${ordinal} cyfrę numeru PESEL.` : `Proszę podać ${ordinal} cyfrę numeru PESEL.`;
  }
  // The article's short form: consent has just said what is coming.
  return keypad ? `Proszę wpisać na klawiaturze telefonu ${ordinal} cyfrę.` : `${capitalize(plOrdinalNominative(view.position))} cyfra?`;
}

function willCallBack(reason: WillCallBackReason, ctx: RenderContext): string {
  const y = you(ctx);
  switch (reason) {
    case 'caller-id-mismatch':
      return sentences(`Dobrze, że ${y.nom} to ${y.checked}.`, DIAL_KNOWN_NUMBER, 'Do widzenia.');
    case 'vip-doubt':
      return `Rozumiem i dziękuję za ostrożność. Proszę się rozłączyć i zadzwonić na numer z karty lub z naszej strony internetowej — tam potwierdzą ${y.dat} zastępstwo. Do widzenia.`;
    case 'challenge-exhausted':
      return sentences('Ze względów bezpieczeństwa nie dokończę dziś weryfikacji przez telefon.', callUs(ctx, false), 'Do usłyszenia.');
    case 'customer-request':
      return sentences('Oczywiście.', callUs(ctx, false), 'Do usłyszenia.');
  }
}

function failed(reason: FailedReason, ctx: RenderContext): string {
  const y = you(ctx);
  switch (reason) {
    case 'mutual-mismatch':
      return sentences(`Dziękuję, że ${y.nom} to ${y.checked}.`, `Skoro cyfry się nie zgadzają, ${afterColon(DIAL_KNOWN_NUMBER)}`, 'Do widzenia.');
    case 'verifier-unavailable':
      return sentences('Przepraszam, z przyczyn technicznych nie mogę teraz dokończyć weryfikacji.', callUs(ctx, true), 'Do widzenia.');
    case 'challenge-failed':
    case 'question-failed':
      return sentences(`Niestety nie udało się potwierdzić ${y.gen} tożsamości, więc nie mogę kontynuować rozmowy.`, callUs(ctx, false), 'Do widzenia.');
  }
}

function closing(outcome: CallOutcome, ctx: RenderContext): string {
  switch (outcome.kind) {
    case 'verified':
      return 'Dziękuję, wszystko się zgadza.';
    case 'wrong-person':
      return 'Przepraszam za pomyłkę. Do widzenia.';
    case 'customer-will-call-back':
      return willCallBack(outcome.reason, ctx);
    case 'callback-scheduled':
      return `Zadzwonimy ${outcome.callback.spoken} z tego samego numeru co dziś — wyświetli się jako „${ctx.script.institution.callerIdLabel}”. Numer referencyjny to ${outcome.callback.reference}: przyda się, jeśli zechce ${you(ctx).nom} zadzwonić do nas wcześniej. Do usłyszenia.`;
    case 'failed':
      return failed(outcome.reason, ctx);
    case 'locked':
      return sentences('Ze względów bezpieczeństwa nie mogę teraz kontynuować weryfikacji.', callUs(ctx, true), 'Do widzenia.');
    case 'abandoned':
      return 'Rozmowa została przerwana.';
  }
}

function closingNote(outcome: CallOutcome): string | undefined {
  switch (outcome.kind) {
    case 'wrong-person':
      return 'Nie podawaj żadnych informacji o sprawie ani o kliencie.';
    case 'customer-will-call-back':
      if (outcome.reason === 'challenge-exhausted') return 'W ostatnich rozmowach klienta padło zbyt wiele pozycji numeru PESEL, by bezpiecznie zapytać o kolejne.';
      if (outcome.reason === 'customer-request') return undefined;
      return 'Nie podawaj żadnego numeru telefonu: klient zadzwoni na numer, który zna z karty lub ze strony internetowej.';
    case 'failed':
      if (outcome.reason === 'mutual-mismatch') return 'Cyfry się nie zgadzają: nie podawaj żadnego numeru telefonu i zgłoś rozmowę do działu bezpieczeństwa.';
      if (outcome.reason === 'verifier-unavailable') return 'System weryfikacji był niedostępny: nic nie zostało potwierdzone.';
      return 'Nie mów klientowi, która odpowiedź była błędna.';
    case 'locked':
      return 'Nie mów klientowi, która odpowiedź była błędna.';
    case 'callback-scheduled':
      return 'Oddzwonienie zapisane: klient zna termin i numer referencyjny.';
    case 'abandoned':
      return 'Klient się rozłączył. Nic nie zostało potwierdzone.';
    case 'verified':
      return undefined;
  }
}

const DETAILS_NOTE = 'Jeśli klient pyta o szczegóły sprawy, nie podawaj ich przed weryfikacją — użyj gotowej odpowiedzi.';

function detailsReply(ctx: RenderContext): PromptReply {
  const y = you(ctx);
  return {
    cue: 'Klient pyta o szczegóły sprawy',
    say: `Wszystko opowiem, gdy tylko się upewnię, że rozmawiam z ${y.ins} — to dla ${y.gen} bezpieczeństwa.`,
  };
}

const CALLBACK_REFUSAL = {
  'too-soon': 'to dla nas za wcześnie',
  'outside-hours': 'to poza naszymi godzinami pracy',
  'closed-day': 'tego dnia nie pracujemy',
  'beyond-horizon': 'to zbyt odległy termin',
  'nonexistent-time': 'tej nocy zegarki przestawia się o godzinę do przodu, więc takiej godziny nie będzie',
} as const;

const VERIFYING_NOTE = {
  open: 'Trwa łączenie z systemem weryfikacji.',
  digits: 'System sprawdza cyfry — poczekaj na wynik.',
  answer: 'System sprawdza odpowiedź — poczekaj na wynik.',
  reveal: 'System przygotowuje cyfry do odczytania — poczekaj.',
  close: 'System zapisuje wynik rozmowy.',
} as const;

const VERIFIER_ERROR_NOTE = {
  open: 'Nie udało się połączyć z systemem weryfikacji.',
  digits: 'Nie udało się sprawdzić cyfr — nie proś klienta o ich powtórzenie.',
  answer: 'Nie udało się sprawdzić odpowiedzi — nie proś klienta o jej powtórzenie.',
  reveal: 'Nie udało się pobrać cyfr do odczytania.',
  close: 'Nie udało się zapisać wyniku rozmowy.',
} as const;

/**
 * Polish prompts: every step's line, the agent's guidance, button labels and
 * placeholder values.
 *
 * @example
 * ```ts
 * pl.labels.HANG_UP; // 'Klient się rozłączył'
 * ```
 */
export const pl: LocaleTexts = {
  say: {
    introduce: (_, ctx) => {
      const { script, agent } = ctx;
      const hello = `Dzień dobry, tu ${agent.name}, ${script.institution.name}.`;
      if (!script.steps.confirmPerson) return `${hello} Czy ma ${you(ctx).nom} chwilę na rozmowę?`;
      const y = you(ctx);
      const advisor =
        script.vip && !script.vip.substitute
          ? agent.form
            ? `Jestem ${y.gen} ${plAdvisor(agent.form, 'ins')}.`
            : `Opiekuję się ${y.gen} sprawami.`
          : '';
      const name = plInstrumental(ctx.customer.name, y.form);
      // A name that cannot be declined safely stays in the nominative.
      const question = name ? `Czy rozmawiam z ${y.ins} ${name}?` : `Czy to ${y.nom} ${ctx.customer.name}?`;
      return sentences(hello, advisor, question);
    },
    'vip-substitute': (_, ctx) => {
      const vip = ctx.script.vip;
      const sub = vip?.substitute;
      if (!vip || !sub) return 'Czy możemy kontynuować?';
      const y = you(ctx);
      const dates = substituteDates(sub.from, sub.to);
      const email = `pisaliśmy o tym w e-mailu z ${sayDay(sub.announcedOn, 'pl')}`;
      const form = vip.advisorForm;
      // "X to Y" keeps both names in the nominative: no declension of names is needed.
      const who = form
        ? [`Zastępuję ${y.gen} ${plAdvisor(form, 'acc')} ${dates}.`, `${y.gen} ${plAdvisor(form, 'nom')} to ${vip.advisor}, a ja nazywam się ${ctx.agent.name} — ${email}.`]
        : // Polish scripts must give advisorForm; without it (an English script said in Polish) nothing gendered is said.
          [`Na co dzień ${y.gen} sprawami zajmuje się ${vip.advisor}, a ${dates} zastępstwo mam ja: nazywam się ${ctx.agent.name}.`, `${capitalize(email)}.`];
      return sentences(...who, 'Czy możemy kontynuować?');
    },
    purpose: (_, ctx) => {
      const y = you(ctx);
      return sentences(
        callingAbout(ctx),
        `Zanim przejdę do szczegółów, upewnię się, że rozmawiam z ${y.ins}.`,
        'Nigdy nie poproszę o cały numer PESEL, PIN, hasło ani kod z SMS-a.',
      );
    },
    'caller-id': (_, ctx) =>
      `Proszę spojrzeć na ekran telefonu: nasz numer, zapisany w ${you(ctx).gen} umowie, powinien się wyświetlać jako „${ctx.script.institution.callerIdLabel}”. Czy tak jest?`,
    'safe-place': (view, ctx) => {
      const y = you(ctx);
      if (view.afterHold) return `Dziękuję. Czy teraz nikt nie usłyszy ${y.gen} odpowiedzi?`;
      const n = questionTotal(view, ctx.script);
      const pesel = peselAmongQuestions(view, ctx.script);
      const what =
        pesel && n === 1
          ? `Muszę zadać ${y.dat} jedno pytanie weryfikacyjne — o kilka cyfr numeru PESEL.`
          : pesel
            ? `Muszę zadać ${y.dat} ${plQuestions(n)} — jedno z nich dotyczy numeru PESEL.`
            : `Muszę zadać ${y.dat} ${plQuestions(n)}.`;
      return sentences(what, `Czy jest ${y.nom} w miejscu, w którym nikt nie usłyszy ani nie nagra ${y.gen} odpowiedzi?`);
    },
    'not-safe': (view, ctx) => {
      const y = you(ctx);
      const later = view.slots.length
        ? offerSlots(view.slots, y, true)
        : view.window
          ? `Możemy też zadzwonić w innym terminie. Kiedy będzie ${y.dat} wygodnie?`
          : '';
      return sentences(
        'Rozumiem.',
        `Jeśli może ${y.nom} przejść w miejsce, w którym nikt nie usłyszy rozmowy, poczekam.`,
        `Może ${y.nom} również ${y.self} zadzwonić do nas później na numer z karty lub z naszej strony internetowej.`,
        later,
      );
    },
    'on-hold': () => 'Oczywiście, poczekam.',
    callback: (view, ctx) => {
      const y = you(ctx);
      const next = view.slots.length
        ? offerSlots(view.slots, y, false)
        : view.window
          ? `Jaki inny termin ${y.dat} odpowiada?`
          : `Może ${y.nom} ${y.self} zadzwonić do nas na numer z karty lub z naszej strony internetowej.`;
      return sentences(`Niestety wtedy nie możemy zadzwonić: ${CALLBACK_REFUSAL[view.reason]}.`, next);
    },
    consent: (view, ctx) => {
      const y = you(ctx);
      const what = view.count === 1 ? 'jedną cyfrę' : view.count === 2 ? 'dwie cyfry' : 'kilka cyfr';
      const keypad = ctx.script.pesel.channel === 'keypad' ? `Wpisze ${view.count === 1 ? 'ją' : 'je'} ${y.nom} na klawiaturze telefonu.` : '';
      return sentences(`Poproszę o ${what} ${y.gen} numeru PESEL — nie o cały numer.`, keypad, 'Możemy zaczynać?');
    },
    'pesel-digit': (view, ctx) => sentences(plRetryLead(view, ctx), peselAsk(view, ctx)),
    question: (view, ctx) => {
      const text = scriptText(view.question.text, view, ctx, words(ctx));
      if (view.attempt <= 1) return text;
      const lead = view.retryAfter === 'wrong' ? 'Ta odpowiedź się nie zgadza.' : causeLead(view.retryAfter, ctx, false);
      return sentences(lead, `Spróbujmy jeszcze raz: ${afterColon(text)}`);
    },
    mutual,
    reveal,
    verifying: (view) => (view.what === 'digits' || view.what === 'answer' ? 'Dziękuję. Chwileczkę, sprawdzam.' : view.what === 'reveal' ? 'Chwileczkę, sprawdzam.' : 'Proszę o chwilę cierpliwości.'),
    'verifier-error': () => 'Przepraszam, mamy chwilowy problem z systemem. Proszę chwilę poczekać.',
    handoff: () => 'Dziękuję, wszystko się zgadza. Przejdźmy teraz do sprawy, w której dzwonię.',
    closing: (view, ctx) => closing(view.outcome, ctx),
  },
  note: {
    introduce: (_, ctx) => (ctx.script.steps.confirmPerson ? 'Nie mów nic o sprawie, dopóki klient nie potwierdzi, kim jest.' : 'Nie mów nic o sprawie przed weryfikacją.'),
    'vip-substitute': () => 'Jeśli klient ma wątpliwości, nie przekonuj go: wybierz „Klient ma wątpliwości” — zadzwoni sam na numer, który zna.',
    purpose: () => 'Nie podawaj szczegółów sprawy przed weryfikacją.',
    'caller-id': (view, ctx) =>
      withDetailsNote(view, ctx, 'Jeśli numer się nie zgadza, nie podawaj żadnego numeru telefonu: klient ma się rozłączyć i zadzwonić na numer z karty lub ze strony internetowej.', DETAILS_NOTE),
    'safe-place': (view, ctx) => withDetailsNote(view, ctx, 'Jeśli klient chce przejść w inne miejsce, wybierz „Klient odchodzi na bok”.', DETAILS_NOTE),
    'not-safe': (view) =>
      view.slots.length || view.window ? 'Zaproponuj jeden z terminów albo zapisz inny, który poda klient.' : 'Nie ma terminów do zaproponowania: klient może poczekać przy telefonie albo zadzwonić sam.',
    'on-hold': () => 'Nie rozłączaj się. Gdy klient wróci, wybierz „Klient wrócił”.',
    callback: (view) => (view.slots.length || view.window ? 'Zaproponuj jeden z terminów albo zapisz inny, który poda klient.' : 'Nie ma terminów do zaproponowania: klient może zadzwonić sam.'),
    consent: (view, ctx) => withDetailsNote(view, ctx, 'Jeśli klient nie chce podawać cyfr, nie naciskaj.', DETAILS_NOTE),
    'pesel-digit': (view, ctx) =>
      sentences(
        ctx.script.pesel.channel === 'keypad' ? 'Cyfra przyjdzie z klawiatury telefonu klienta.' : 'Zapisz cyfrę i nie powtarzaj jej na głos.',
        `Próba ${view.attempt} z ${view.attempts}.`,
      ),
    question: (view) => `Zapisz odpowiedź i nie powtarzaj jej na głos. Próba ${view.attempt} z ${view.attempts}.`,
    mutual: (view) => `Zapisz, o które cyfry pyta klient (najwyżej ${plDigits(view.max)}). Cyfr, które klient już podał, nie odczytuj — system ich nie pokaże.`,
    reveal: () => 'Odczytaj tylko cyfry pokazane na ekranie. Jeśli klient powie, że się nie zgadzają, nie podawaj żadnego numeru telefonu.',
    verifying: (view) => VERIFYING_NOTE[view.what],
    'verifier-error': (view) => sentences(VERIFIER_ERROR_NOTE[view.what], 'Nic nie zostało potwierdzone. Wybierz „Spróbuj ponownie”.'),
    handoff: () => 'Weryfikacja zakończona: przejdź do części merytorycznej rozmowy.',
    closing: (view) => closingNote(view.outcome),
  },
  reply: {
    'caller-id': (_, ctx) => detailsReply(ctx),
    'safe-place': (_, ctx) => detailsReply(ctx),
    consent: (_, ctx) => detailsReply(ctx),
  },
  labels: {
    CONFIRM: 'Tak',
    DENY: 'Nie',
    HOLD: 'Klient odchodzi na bok',
    RESUME: 'Klient wrócił',
    ANSWER_DIGIT: 'Zapisz cyfrę',
    ANSWER: 'Zapisz odpowiedź',
    CUSTOMER_ASKS_DIGITS: 'Klient pyta o cyfry',
    DONT_KNOW: 'Klient nie wie',
    REQUEST_CALLBACK: 'Oddzwonić w najbliższym terminie',
    CUSTOMER_WILL_CALL_BACK: 'Klient zadzwoni sam',
    HANG_UP: 'Klient się rozłączył',
    RETRY: 'Spróbuj ponownie',
  },
  stepLabels: {
    introduce: { CONFIRM: 'Tak, to ta osoba', DENY: 'Nie, to ktoś inny' },
    'vip-substitute': { CONFIRM: 'Klient przyjmuje zastępstwo', DENY: 'Klient ma wątpliwości' },
    purpose: { CONFIRM: 'Klient zgadza się kontynuować' },
    'caller-id': { CONFIRM: 'Numer się zgadza', DENY: 'Numer się nie zgadza' },
    'safe-place': { CONFIRM: 'Tak, jest bezpiecznie', DENY: 'Nie jest bezpiecznie' },
    'not-safe': { HOLD: 'Klient przejdzie w bezpieczne miejsce' },
    consent: { CONFIRM: 'Klient się zgadza', DENY: 'Klient nie chce podawać cyfr' },
    mutual: { DENY: 'Klient nie chce sprawdzać' },
    reveal: { CONFIRM: 'Klient: zgadza się', DENY: 'Klient: nie zgadza się' },
  },
  callbackAt: (slot) => `Oddzwonić ${slot.spoken}`,
  placeholders: (view, ctx) => placeholderValues(view, ctx, words(ctx)),
};
