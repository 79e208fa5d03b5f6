import { describeDate, describeDateRange } from '../callback/index.js';
import type { CallOutcome, RefusedPosition } from '../session/outcome.js';
import type { LocaleTexts, RenderContext } from './types.js';
import { capitalize, joinLead, joinList } from './fill.js';

const ACCUSATIVE = ['pierwszą', 'drugą', 'trzecią', 'czwartą', 'piątą', 'szóstą', 'siódmą', 'ósmą', 'dziewiątą', 'dziesiątą', 'jedenastą'];
const NOMINATIVE = ['pierwsza', 'druga', 'trzecia', 'czwarta', 'piąta', 'szósta', 'siódma', 'ósma', 'dziewiąta', 'dziesiąta', 'jedenasta'];

/** "piątą" — the accusative feminine ordinal for "cyfra" ("Proszę podać piątą cyfrę"). */
export function plOrdinalAccusative(position: number): string {
  return ACCUSATIVE[position - 1] ?? String(position);
}

/** "piąta" — the nominative feminine ordinal ("Piąta cyfra to 1"). */
export function plOrdinalNominative(position: number): string {
  return NOMINATIVE[position - 1] ?? String(position);
}

/** Polish plural: 1 pytanie, 2-4 pytania, 5+ pytań (12-14 pytań, 22 pytania). */
function plural(n: number, one: string, few: string, many: string): string {
  if (n === 1) return one;
  const lastTwo = n % 100;
  const last = n % 10;
  return last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? few : many;
}

const list = (items: readonly string[]) => joinList(items, 'i');

/** Forms of address: "Pan", "Pani", or both when the script does not know. */
function you(ctx: RenderContext) {
  const f = ctx.customer.form;
  const pick = (pan: string, pani: string, both: string) => (f === 'pan' ? pan : f === 'pani' ? pani : both);
  return {
    nom: pick('Pan', 'Pani', 'Pan/Pani'),
    gen: pick('Pana', 'Pani', 'Pana/Pani'),
    dat: pick('Panu', 'Pani', 'Panu/Pani'),
    said: pick('podał Pan', 'podała Pani', 'podał(a) Pan/Pani'),
    self: pick('sam', 'sama', 'sam(a)'),
  };
}

function refusals(refused: readonly RefusedPosition[], ctx: RenderContext, max: number): string {
  const y = you(ctx);
  const parts: string[] = [];
  const said = refused.filter((r) => r.reason === 'said').map((r) => r.position);
  const birth = refused.filter((r) => r.reason === 'birth-date').map((r) => r.position);
  if (said.length) {
    parts.push(
      said.length === 1
        ? `${capitalize(plOrdinalAccusative(said[0]!))} cyfrę ${y.said} ${y.self} — jej powtórzenie niczego nie dowodzi.`
        : `Cyfry z pozycji ${list(said.map(String))} ${y.said} ${y.self} — ich powtórzenie niczego nie dowodzi.`,
    );
  }
  if (birth.length) parts.push('Pierwsze sześć cyfr to data urodzenia, którą może znać ktoś obcy.');
  if (refused.some((r) => r.reason === 'over-limit')) parts.push(`Mogę podać najwyżej ${max} ${plural(max, 'cyfrę', 'cyfry', 'cyfr')}.`);
  return parts.join(' ');
}


function closing(outcome: CallOutcome, ctx: RenderContext): string {
  const y = you(ctx);
  const number = ctx.script.institution.officialNumber;
  switch (outcome.kind) {
    case 'verified':
      return 'Dziękuję, weryfikacja zakończona.';
    case 'wrong-person':
      return 'Przepraszam za pomyłkę. Do widzenia.';
    case 'customer-will-call-back':
      if (outcome.reason === 'caller-id-mismatch') {
        return `Rozumiem. Proszę się rozłączyć i zadzwonić do nas na numer z ${y.gen} karty lub umowy albo z naszej oficjalnej strony internetowej — nigdy na numer podany w rozmowie. Do usłyszenia.`;
      }
      if (outcome.reason === 'vip-doubt') {
        return `Rozumiem ${y.gen} ostrożność. Proszę zadzwonić na numer ${number} z karty lub naszej strony internetowej albo bezpośrednio do swojego opiekuna. Do usłyszenia.`;
      }
      return `Oczywiście. Prosimy dzwonić na numer ${number} — ten sam znajdzie ${y.nom} na karcie i na naszej stronie internetowej. Do usłyszenia.`;
    case 'callback-scheduled':
      return `Zadzwonimy ${outcome.callback.spoken} z tego samego numeru, ${number}. Numer referencyjny to ${outcome.callback.reference} — może go ${y.nom} podać, dzwoniąc do nas. Do usłyszenia.`;
    case 'failed':
      if (outcome.reason === 'mutual-mismatch') {
        return `Dziękuję, że ${y.nom} to sprawdza. Przerwę teraz rozmowę. Proszę zadzwonić na numer ${number} z karty lub naszej strony internetowej, żeby to wyjaśnić. Do widzenia.`;
      }
      if (outcome.reason === 'verifier-unavailable') {
        return `Przepraszam, z przyczyn technicznych nie mogę teraz dokończyć weryfikacji. Proszę zadzwonić na numer ${number} albo poczekać na nasz telefon. Do widzenia.`;
      }
      return `Niestety nie udało się potwierdzić tożsamości, więc nie mogę kontynuować rozmowy. Proszę zadzwonić na numer ${number} lub odwiedzić nasz oddział. Do widzenia.`;
    case 'locked':
      return `Ze względów bezpieczeństwa nie mogę kontynuować rozmowy. Proszę zadzwonić na numer ${number}. Do widzenia.`;
    case 'abandoned':
      return 'Rozmowa została przerwana.';
  }
}

/**
 * Polish prompts, written for the phone: short sentences, the customer
 * addressed as Pan/Pani, ordinals in the accusative ("piątą cyfrę").
 */
export const pl: LocaleTexts = {
  say: {
    introduce: (_, ctx) => {
      const advisor = ctx.script.vip && !ctx.script.vip.substitute ? ` Jestem ${you(ctx).gen} osobistym opiekunem.` : '';
      return `Dzień dobry, tu ${ctx.script.institution.name}, nazywam się ${ctx.agent.name}.${advisor} Dzwonię ${ctx.script.purpose.pl ?? ''}. Zanim przejdę do szczegółów, potwierdzę, że rozmawiam z właściwą osobą, i zadam kilka pytań weryfikacyjnych. Nigdy nie poproszę o cały numer PESEL, PIN, hasło ani kod z SMS-a.`;
    },
    'confirm-person': (_, ctx) => {
      const f = ctx.customer.form;
      // Names stay in the nominative: declining arbitrary surnames is not reliable.
      return f ? `Czy to ${f} ${ctx.customer.name}?` : `Czy rozmawiam z osobą o imieniu i nazwisku ${ctx.customer.name}?`;
    },
    'caller-id': (_, ctx) =>
      `Dzwonię z numeru ${ctx.script.institution.officialNumber}, który mamy w ${you(ctx).gen} umowie. Na ekranie telefonu powinien wyświetlić się jako „${ctx.script.institution.callerIdLabel}”. Czy tak jest?`,
    'safe-place': (_, ctx) => {
      const y = you(ctx);
      const questions = (ctx.script.pesel.enabled ? 1 : 0) + ctx.script.questions.length;
      const what = ctx.script.pesel.enabled
        ? questions === 1
          ? 'zadać pytanie weryfikacyjne dotyczące numeru PESEL'
          : `zadać ${pl.questionCount(questions)} — jedno z nich dotyczy numeru PESEL`
        : `zadać ${pl.questionCount(questions)}`;
      return `Zanim będziemy kontynuować, muszę ${what}. Czy jest ${y.nom} w miejscu, w którym nikt nie usłyszy ani nie nagra ${y.gen} odpowiedzi?`;
    },
    'not-safe': (view, ctx) => {
      const y = you(ctx);
      const first = view.slots[0];
      const later = first ? `zadzwonię później, na przykład ${first.spoken}` : 'zadzwonię później';
      return `Rozumiem. Możemy poczekać, aż przejdzie ${y.nom} w spokojne miejsce, albo ${later}. Może też ${y.nom} ${y.self} zadzwonić na numer ${ctx.script.institution.officialNumber}.`;
    },
    'on-hold': () => 'Oczywiście, poczekam.',
    callback: (view, ctx) => {
      const why = {
        'too-soon': 'to zbyt wcześnie',
        'outside-hours': 'to poza naszymi godzinami pracy',
        'closed-day': 'tego dnia nie pracujemy',
        'beyond-horizon': 'to zbyt odległy termin',
        'nonexistent-time': 'tej godziny nie ma tego dnia na zegarze, bo zmienia się czas',
      }[view.reason];
      const options = view.slots.length ? ` Najbliższe możliwe terminy to ${list(view.slots.map((s) => s.spoken))}. Który ${you(ctx).dat} odpowiada?` : '';
      return `Niestety nie możemy wtedy zadzwonić: ${why}.${options}`;
    },
    'pesel-digit': (view, ctx) => {
      const ask =
        ctx.script.pesel.channel === 'keypad'
          ? `Proszę wpisać na klawiaturze telefonu ${plOrdinalAccusative(view.position)} cyfrę numeru PESEL.`
          : `Proszę podać ${plOrdinalAccusative(view.position)} cyfrę numeru PESEL.`;
      return joinLead(pl.peselLead(view, ctx), ask);
    },
    question: (view, ctx) => {
      const text = view.question.text[ctx.locale] ?? view.question.text.pl ?? view.question.text.en ?? '';
      if (view.retryAfter === 'wrong') return `Ta odpowiedź się nie zgadza. Spróbujmy jeszcze raz: ${text}`;
      if (view.retryAfter) return `Spróbujmy jeszcze raz: ${text}`;
      return text;
    },
    mutual: (view, ctx) => {
      const y = you(ctx);
      const count = `${view.max === 1 ? 'jedną wybraną cyfrę' : `${view.max} wybrane cyfry`}`;
      // "spośród" when the customer has to choose, so nobody asks for all the listed ones at once.
      const among = view.suggested.length > view.max ? 'spośród pozycji' : 'z pozycji';
      const positions = list(view.suggested.map(String));
      if (view.refused.length) {
        const choose = view.refused.some((r) => r.reason === 'over-limit')
          ? `Proszę wybrać najwyżej ${view.max === 1 ? 'jedną' : view.max}`
          : `Proszę wybrać ${view.max === 1 ? 'inną pozycję' : 'inne pozycje'}`;
        return `${refusals(view.refused, ctx, view.max)} ${choose}${positions ? ` ${among} ${positions}` : ''}.`;
      }
      return `Dziękuję, to się zgadza. Teraz ${y.nom} może sprawdzić, że naprawdę mamy ${y.gen} dane: proszę zapytać mnie o ${count} swojego numeru PESEL${positions ? ` ${among} ${positions}` : ''}. Inne niż te, które ${y.said}.`;
    },
    reveal: (view, ctx) => {
      const digits = view.revealed.map((r, i) => `${i === 0 ? capitalize(plOrdinalNominative(r.position)) : plOrdinalNominative(r.position)} cyfra to ${r.digit}`);
      const note = view.refused.length ? `${refusals(view.refused, ctx, ctx.script.mutual.maxPositions)} ` : '';
      return `${note}${list(digits)}. Czy się zgadza?`;
    },
    'vip-substitute': (_, ctx) => {
      const vip = ctx.script.vip!;
      const sub = vip.substitute!;
      return `Dzwonię w zastępstwie ${you(ctx).gen} opiekuna, ${vip.advisor}, ${pl.dateRange(sub.from, sub.to)}. Informowaliśmy o tym w e-mailu z ${pl.date(sub.announcedOn)}. Czy możemy kontynuować?`;
    },
    verifying: () => 'Chwileczkę, sprawdzam.',
    'verifier-error': () => 'Przepraszam, mamy chwilowy problem z systemem. Proszę chwilę poczekać.',
    handoff: () => 'Dziękuję, weryfikacja zakończona. Przejdźmy do sprawy, w której dzwonię.',
    closing: (view, ctx) => closing(view.outcome, ctx),
  },
  note: {
    introduce: () => 'Poczekaj, aż klient zgodzi się kontynuować.',
    'confirm-person': () => 'Nie mów nic o sprawie, dopóki klient nie potwierdzi, że to on.',
    'caller-id': () => 'Jeśli numer się nie zgadza, nie podawaj innego numeru: klient ma zadzwonić na numer z karty lub strony internetowej.',
    'on-hold': () => 'Gdy klient wróci, zaznacz „Klient wrócił”.',
    'pesel-digit': (view) => `Nie powtarzaj cyfry na głos. Próba ${view.attempt} z ${view.attempts}.`,
    question: (view) => `Wpisz odpowiedź, nie powtarzaj jej na głos. Próba ${view.attempt} z ${view.attempts}.`,
    mutual: (view) => `Klient wybiera pozycje (najwyżej ${view.max}). Odpowiedzi pokaże system, dopiero gdy pozycje są dozwolone.`,
    reveal: () => 'Przeczytaj tylko cyfry pokazane na ekranie.',
    verifying: () => 'Trwa sprawdzanie w systemie — poczekaj na wynik.',
    'verifier-error': () => 'Nie udało się sprawdzić odpowiedzi z przyczyn technicznych. Nic nie zostało potwierdzone. Spróbuj ponownie.',
    handoff: () => 'Weryfikacja zakończona: przejdź do części merytorycznej rozmowy.',
    closing: (view) => {
      const o = view.outcome;
      if (o.kind === 'failed' && o.reason === 'mutual-mismatch') return 'Niezgodność cyfr PESEL: zgłoś rozmowę do działu bezpieczeństwa (możliwe oszustwo lub błąd w danych).';
      if (o.kind === 'wrong-person') return 'Nie podawaj żadnych informacji o sprawie ani o kliencie.';
      if (o.kind === 'failed' || o.kind === 'locked') return 'Nie mów klientowi, która odpowiedź była błędna.';
      return undefined;
    },
  },
  labels: {
    CONFIRM: 'Tak',
    DENY: 'Nie',
    HOLD: 'Klient odchodzi na bok',
    RESUME: 'Klient wrócił',
    ANSWER_DIGIT: 'Zapisz cyfrę',
    ANSWER: 'Zapisz odpowiedź',
    CUSTOMER_ASKS_DIGITS: 'Klient pyta o pozycje',
    DONT_KNOW: 'Klient nie wie',
    REQUEST_CALLBACK: 'Klient prosi o telefon później',
    CUSTOMER_WILL_CALL_BACK: 'Klient oddzwoni sam',
    HANG_UP: 'Klient się rozłączył',
    RETRY: 'Spróbuj ponownie',
  },
  stepLabels: {
    introduce: { CONFIRM: 'Klient zgadza się kontynuować' },
    'confirm-person': { CONFIRM: 'Tak, to ta osoba', DENY: 'Nie, inna osoba' },
    'caller-id': { CONFIRM: 'Numer się zgadza', DENY: 'Numer się nie zgadza' },
    'safe-place': { CONFIRM: 'Tak, jest bezpiecznie', DENY: 'Nie jest bezpiecznie' },
    'not-safe': { HOLD: 'Przejdzie w bezpieczne miejsce' },
    mutual: { DENY: 'Klient nie chce sprawdzać' },
    reveal: { CONFIRM: 'Klient: zgadza się', DENY: 'Klient: nie zgadza się' },
    'vip-substitute': { CONFIRM: 'Klient akceptuje zastępstwo', DENY: 'Klient ma wątpliwości' },
  },
  peselLead: (view) => {
    if (view.index > 0) return '';
    if (view.retryAfter === 'wrong') return 'Niestety, odpowiedzi się nie zgadzają. Spróbujmy jeszcze raz, te same pozycje.';
    if (view.retryAfter === 'dont-know') return 'Nic nie szkodzi, spróbujmy jeszcze raz od początku, te same pozycje.';
    if (view.retryAfter === 'timeout') return 'Nie dotarła do mnie odpowiedź. Spróbujmy jeszcze raz, te same pozycje.';
    return `Poproszę teraz o ${view.count === 1 ? 'jedną wybraną cyfrę' : `${view.count} wybrane cyfry`} numeru PESEL — nie o cały numer.`;
  },
  callbackAt: (slot) => `Oddzwonić ${slot.spoken}`,
  ordinal: plOrdinalAccusative,
  questionCount: (n) => `${n} ${plural(n, 'pytanie weryfikacyjne', 'pytania weryfikacyjne', 'pytań weryfikacyjnych')}`,
  dateRange: (from, to) => (from === to ? `w dniu ${describeDate(from, 'pl')}` : describeDateRange(from, to, 'pl').replace(/^od /, 'w dniach od ')),
  date: (date) => describeDate(date, 'pl'),
};
