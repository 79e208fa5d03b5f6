/*
 * The desktop's own words (its chrome: headings, hints, states). What the
 * agent reads to the customer comes from the library's prompts, in the
 * script's locale; the two switch together.
 *
 * Counts of received digits are written in words, never in numerals: the
 * screen of the digit step carries no numeral that changes as digits arrive
 * (test/browser/desktop-calls.test.ts checks it).
 */
import type { Locale, OutcomeKind, RefusalReason, StepId } from 'safecall-pl';

export interface UiTexts {
  appName: string;
  language: string;
  signIn: {
    title: string;
    explain: string;
    tokenLabel: string;
    submit: string;
    rejected: string;
  };
  start: {
    title: string;
    agent: (name: string) => string;
    script: string;
    customer: string;
    begin: string;
    loading: string;
    unreachable: string;
    retry: string;
  };
  restore: {
    restoring: string;
    unreachable: string;
    refused: (reason: string) => string;
    reason: (code: string) => string;
    retry: string;
    newCall: string;
  };
  call: {
    customer: string;
    script: string;
    progress: (index: number, total: number) => string;
    readAloud: string;
    noteTitle: string;
    replyTitle: (cue: string) => string;
    actions: string;
    pending: string;
    serverDown: string;
    serverDownHint: string;
    notAllowed: string;
    sideTitle: string;
  };
  recording: { active: string; paused: string };
  digits: {
    title: string;
    challenge: string;
    position: string;
    received: (count: number, total: number) => string;
    padLabel: string;
    hint: string;
  };
  keypad: {
    title: string;
    explain: string;
    accepted: string;
    dropped: Record<'not-expected' | 'not-a-digit' | 'ended' | 'refused', string>;
  };
  answer: { label: string; submit: string; datePlaceholder: string };
  picker: {
    title: string;
    explain: (max: number) => string;
    submit: string;
    selected: (positions: readonly number[]) => string;
    reasons: Record<RefusalReason | 'unavailable', string>;
    tooMany: (max: number) => string;
    refusedTitle: string;
    short: Record<RefusalReason | 'unavailable', string>;
    positionLabel: (position: number) => string;
  };
  reveal: { title: string; position: (position: number) => string };
  callback: {
    slots: string;
    other: string;
    otherLabel: (earliest: string, latest: string) => string;
    submit: string;
  };
  outcome: {
    title: Record<OutcomeKind, string>;
    callbackAt: string;
    reference: string;
    newCall: string;
    asked: string;
    passed: string;
    notPassed: string;
    revealed: string;
    questions: string;
  };
  steps: Record<StepId, string>;
  switchFailed: string;
}

const countPl = ['zero', 'jedną', 'dwie', 'trzy', 'cztery'];
const countPlGen = ['zera', 'jednej', 'dwóch', 'trzech', 'czterech'];
const countEn = ['no', 'one', 'two', 'three', 'four'];

const pl: UiTexts = {
  appName: 'safecall · pulpit konsultanta',
  language: 'Język rozmowy',
  signIn: {
    title: 'Zaloguj się',
    explain: 'Otwórz link, który wypisał `npm run desktop` (zawiera token konsultanta), albo wklej token poniżej.',
    tokenLabel: 'Token konsultanta',
    submit: 'Zaloguj',
    rejected: 'Serwer odrzucił token. Otwórz link wypisany przy ostatnim uruchomieniu serwera.',
  },
  start: {
    title: 'Nowa rozmowa wychodząca',
    agent: (name) => `Konsultant: ${name}`,
    script: 'Skrypt rozmowy',
    customer: 'Klient z kolejki',
    begin: 'Rozpocznij rozmowę',
    loading: 'Wczytuję kolejkę…',
    unreachable: 'Serwer nie odpowiada.',
    retry: 'Spróbuj ponownie',
  },
  restore: {
    restoring: 'Wznawiam rozmowę po odświeżeniu strony…',
    unreachable: 'Nie mogę wznowić rozmowy: serwer weryfikacji nie odpowiada. Nic nie zostało utracone.',
    refused: (reason) => `Tej rozmowy nie da się wznowić: ${reason}`,
    reason: (code) =>
      ({
        SNAPSHOT_TAMPERED: 'zapis w przeglądarce twierdzi więcej, niż wie serwer weryfikacji — obowiązuje stan serwera.',
        CALL_NOT_FOUND: 'serwer weryfikacji nie zna tej rozmowy (na przykład został uruchomiony od nowa).',
        CALL_CLOSED: 'rozmowa została już zakończona.',
        SNAPSHOT_MISMATCH: 'zapis dotyczy innej wersji skryptu.',
        INVALID_SNAPSHOT: 'zapis rozmowy jest uszkodzony.',
        UNAUTHORIZED: 'serwer odrzucił token konsultanta.',
      })[code] ?? `nieoczekiwany błąd (${code}).`,
    retry: 'Spróbuj ponownie',
    newCall: 'Nowa rozmowa',
  },
  call: {
    customer: 'Klient',
    script: 'Skrypt',
    progress: (index, total) => `Krok ${index} z ${total}`,
    readAloud: 'Przeczytaj klientowi',
    noteTitle: 'Tylko dla Ciebie — nie czytaj na głos',
    replyTitle: (cue) => `Gotowa odpowiedź — ${cue.charAt(0).toLowerCase()}${cue.slice(1)}`,
    actions: 'Co odpowiedział klient?',
    pending: 'Czekam na system weryfikacji…',
    serverDown: 'Serwer weryfikacji nie odpowiada.',
    serverDownHint: 'Nic nie zostało potwierdzone ani utracone. Gdy serwer wróci, wybierz „Spróbuj ponownie”.',
    notAllowed: 'Ta akcja nie jest już dostępna — ekran się zmienił.',
    sideTitle: 'Wskazówki i klawiatura klienta',
  },
  recording: { active: 'Nagrywanie trwa', paused: 'Nagrywanie wstrzymane — padają cyfry' },
  digits: {
    title: 'Cyfry numeru PESEL',
    challenge: 'Pozycje, o które pytasz',
    position: 'pozycja',
    received: (count, total) => `Odebrano ${countPl[count] ?? count} z ${countPlGen[total] ?? total} cyfr`,
    padLabel: 'Wpisz cyfrę podaną przez klienta',
    hint: 'Klawisze 0–9 wpisują cyfrę. Cyfra nie jest wyświetlana.',
  },
  keypad: {
    title: 'Klawiatura telefonu klienta',
    explain: 'Zastępuje softphone: klawisze trafiają do rozmowy przez connectKeypad, a na ekranie widać tylko „•”.',
    accepted: 'Odebrano cyfrę z klawiatury klienta.',
    dropped: {
      'not-expected': 'Klawisz zignorowany: teraz nie pytamy o cyfrę.',
      'not-a-digit': 'Klawisz zignorowany: to nie cyfra.',
      ended: 'Klawisz zignorowany: rozmowa się zakończyła.',
      refused: 'Klawisz zignorowany: krok właśnie się zmienił.',
    },
  },
  answer: { label: 'Odpowiedź klienta', submit: 'Zapisz odpowiedź', datePlaceholder: 'RRRR-MM-DD' },
  picker: {
    title: 'O które cyfry pyta klient?',
    explain: (max) => `Zaznacz najwyżej ${countPl[max] ?? max}. Pozycji wyszarzonych nie można odczytać — wybierz je, by zobaczyć dlaczego.`,
    submit: 'Klient pyta o te cyfry',
    selected: (positions) => (positions.length ? `Zaznaczone pozycje: ${positions.join(', ')}` : 'Nic nie zaznaczono'),
    reasons: {
      said: 'Klient podał tę cyfrę w tej rozmowie — jej odczytanie niczego nie dowodzi.',
      'birth-date': 'Cyfry 1–6 to data urodzenia — może ją znać także ktoś obcy.',
      'over-limit': 'Przekracza limit cyfr, które skrypt pozwala odczytać.',
      disclosure: 'Odczytanie zdradziłoby zbyt dużą część numeru.',
      unavailable: 'Tej pozycji nie można teraz odczytać.',
    },
    tooMany: (max) => `Można odczytać najwyżej ${countPl[max] ?? max} — odznacz inną pozycję.`,
    refusedTitle: 'Odmówiono odczytania',
    short: { said: 'podana', 'birth-date': 'data ur.', 'over-limit': 'limit', disclosure: 'za dużo', unavailable: 'niedostępna' },
    positionLabel: (position) => `Pozycja ${position}`,
  },
  reveal: { title: 'Przeczytaj te cyfry klientowi', position: (position) => `${position}. cyfra` },
  callback: {
    slots: 'Terminy oddzwonienia',
    other: 'Inny termin (czas polski)',
    otherLabel: (earliest, latest) => `Od ${earliest} do ${latest}`,
    submit: 'Zaproponuj ten termin',
  },
  outcome: {
    title: {
      verified: 'Klient zweryfikowany',
      failed: 'Weryfikacja nieudana',
      locked: 'Weryfikacja zablokowana',
      'wrong-person': 'Rozmowa z inną osobą',
      'callback-scheduled': 'Oddzwonienie zaplanowane',
      'customer-will-call-back': 'Klient zadzwoni sam',
      abandoned: 'Rozmowa przerwana',
    },
    callbackAt: 'Termin',
    reference: 'Numer referencyjny',
    newCall: 'Nowa rozmowa',
    asked: 'Pozycje PESEL, o które pytano',
    passed: 'potwierdzone',
    notPassed: 'niepotwierdzone',
    revealed: 'Pozycje odczytane klientowi',
    questions: 'Zaliczone pytania',
  },
  steps: {
    introduce: 'Powitanie',
    'vip-substitute': 'Zastępstwo opiekuna',
    purpose: 'Cel rozmowy',
    'caller-id': 'Numer na ekranie klienta',
    'safe-place': 'Bezpieczne miejsce',
    'not-safe': 'Miejsce nie jest bezpieczne',
    'on-hold': 'Klient odszedł na bok',
    callback: 'Termin oddzwonienia',
    consent: 'Zgoda na pytania o PESEL',
    'pesel-digit': 'Cyfry numeru PESEL',
    mutual: 'Weryfikacja wzajemna',
    reveal: 'Cyfry do odczytania',
    question: 'Pytanie weryfikacyjne',
    verifying: 'Sprawdzanie',
    'verifier-error': 'Serwer weryfikacji nie odpowiada',
    handoff: 'Zweryfikowano',
    closing: 'Koniec rozmowy',
  },
  switchFailed: 'Nie udało się zmienić języka — spróbuj ponownie.',
};

const en: UiTexts = {
  appName: 'safecall · agent desktop',
  language: 'Call language',
  signIn: {
    title: 'Sign in',
    explain: 'Open the link `npm run desktop` printed (it carries the agent token), or paste the token below.',
    tokenLabel: 'Agent token',
    submit: 'Sign in',
    rejected: 'The server refused the token. Open the link printed when the server last started.',
  },
  start: {
    title: 'New outbound call',
    agent: (name) => `Agent: ${name}`,
    script: 'Call script',
    customer: 'Customer from the queue',
    begin: 'Start the call',
    loading: 'Loading the queue…',
    unreachable: 'The server does not answer.',
    retry: 'Try again',
  },
  restore: {
    restoring: 'Resuming the call after the reload…',
    unreachable: 'Cannot resume the call: the verification server does not answer. Nothing was lost.',
    refused: (reason) => `This call cannot be resumed: ${reason}`,
    reason: (code) =>
      ({
        SNAPSHOT_TAMPERED: 'the copy in the browser claims more than the verification service knows — the service’s state wins.',
        CALL_NOT_FOUND: 'the verification service does not know this call (it may have been restarted).',
        CALL_CLOSED: 'the call has already ended.',
        SNAPSHOT_MISMATCH: 'the copy belongs to another version of the script.',
        INVALID_SNAPSHOT: 'the copy of the call is damaged.',
        UNAUTHORIZED: 'the server refused the agent token.',
      })[code] ?? `an unexpected error (${code}).`,
    retry: 'Try again',
    newCall: 'New call',
  },
  call: {
    customer: 'Customer',
    script: 'Script',
    progress: (index, total) => `Step ${index} of ${total}`,
    readAloud: 'Read to the customer',
    noteTitle: 'For you only — do not read aloud',
    replyTitle: (cue) => `Ready answer — ${cue.charAt(0).toLowerCase()}${cue.slice(1)}`,
    actions: 'What did the customer say?',
    pending: 'Waiting for the verification service…',
    serverDown: 'The verification server does not answer.',
    serverDownHint: 'Nothing was confirmed and nothing was lost. When the server is back, choose “Try again”.',
    notAllowed: 'That action is no longer available — the screen has changed.',
    sideTitle: 'Guidance and the customer keypad',
  },
  recording: { active: 'Recording', paused: 'Recording paused — digits are being given' },
  digits: {
    title: 'PESEL digits',
    challenge: 'Positions you ask for',
    position: 'position',
    received: (count, total) => `${countEn[count] ?? count} of ${countEn[total] ?? total} digits received`.replace(/^./, (c) => c.toUpperCase()),
    padLabel: 'Type the digit the customer gives',
    hint: 'Keys 0–9 enter the digit. The digit is not shown.',
  },
  keypad: {
    title: "Customer's phone keypad",
    explain: 'Stands in for the softphone: keys reach the call through connectKeypad, and the screen shows only “•”.',
    accepted: "Digit received from the customer's keypad.",
    dropped: {
      'not-expected': 'Key ignored: no digit is asked for now.',
      'not-a-digit': 'Key ignored: not a digit.',
      ended: 'Key ignored: the call has ended.',
      refused: 'Key ignored: the step just changed.',
    },
  },
  answer: { label: "Customer's answer", submit: 'Record the answer', datePlaceholder: 'YYYY-MM-DD' },
  picker: {
    title: 'Which digits does the customer ask for?',
    explain: (max) => `Select at most ${countEn[max] ?? max}. Greyed positions cannot be read out — select one to see why.`,
    submit: 'The customer asks for these',
    selected: (positions) => (positions.length ? `Selected positions: ${positions.join(', ')}` : 'Nothing selected'),
    reasons: {
      said: 'The customer said this digit in this call — reading it back proves nothing.',
      'birth-date': 'Digits 1–6 are the birth date — a stranger may know it too.',
      'over-limit': 'Beyond the number of digits the script lets you read out.',
      disclosure: 'Reading it out would give away too much of the number.',
      unavailable: 'This position cannot be read out now.',
    },
    tooMany: (max) => `At most ${countEn[max] ?? max} can be read out — unselect another position.`,
    refusedTitle: 'Refused',
    short: { said: 'said', 'birth-date': 'birth date', 'over-limit': 'limit', disclosure: 'too much', unavailable: 'unavailable' },
    positionLabel: (position) => `Position ${position}`,
  },
  reveal: { title: 'Read these digits to the customer', position: (position) => `Digit ${position}` },
  callback: {
    slots: 'Callback times',
    other: 'Another time (Polish time)',
    otherLabel: (earliest, latest) => `From ${earliest} to ${latest}`,
    submit: 'Offer this time',
  },
  outcome: {
    title: {
      verified: 'Customer verified',
      failed: 'Verification failed',
      locked: 'Verification locked',
      'wrong-person': 'Wrong person',
      'callback-scheduled': 'Callback scheduled',
      'customer-will-call-back': 'The customer will call back',
      abandoned: 'Call abandoned',
    },
    callbackAt: 'When',
    reference: 'Reference',
    newCall: 'New call',
    asked: 'PESEL positions asked',
    passed: 'confirmed',
    notPassed: 'not confirmed',
    revealed: 'Positions read to the customer',
    questions: 'Questions passed',
  },
  steps: {
    introduce: 'Greeting',
    'vip-substitute': 'Substitute advisor',
    purpose: 'Purpose of the call',
    'caller-id': 'Number on the customer’s screen',
    'safe-place': 'Safe place',
    'not-safe': 'Not a safe place',
    'on-hold': 'Customer stepped aside',
    callback: 'Callback time',
    consent: 'Consent to PESEL questions',
    'pesel-digit': 'PESEL digits',
    mutual: 'Mutual verification',
    reveal: 'Digits to read out',
    question: 'Verification question',
    verifying: 'Checking',
    'verifier-error': 'Verification server not answering',
    handoff: 'Verified',
    closing: 'Call ended',
  },
  switchFailed: 'Could not switch the language — try again.',
};

/** The desktop's words per locale. */
export const UI: Readonly<Record<Locale, UiTexts>> = { pl, en };
