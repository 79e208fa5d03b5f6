import type { CallbackSlot, CallOutcome, Form, Locale, RefusedPosition } from '../../src/model/index.js';
import type { RenderContext, StepView } from '../../src/prompts/index.js';
import { defineScript, type CallScript, type CallScriptInput } from '../../src/script/index.js';

const institution = { name: 'Bank Komercyjny', officialNumber: '+48 22 500 60 70', callerIdLabel: 'Bank-kredyty' };

const questions: CallScriptInput['questions'] = [
  { id: 'account-year', text: { pl: 'W którym roku założono {youGen} rachunek?', en: 'In which year did you open this account?' }, answer: 'number' },
  { id: 'branch-city', text: { pl: 'W jakim mieście jest oddział, w którym {youNom} zwykle bywa?', en: 'In which city is the branch you usually visit?' } },
];

/** The article's call: Bank Komercyjny, "Bank-kredyty", three questions (the PESEL and two more), mutual check right after the digits. */
export const fraudAlert = defineScript({
  id: 'fraud-alert-test',
  version: 1,
  institution,
  purpose: {
    pl: 'w sprawie transakcji na rachunku, które wydają nam się podejrzane',
    en: 'about transactions on your account that look suspicious to us',
  },
  pesel: { count: 3, minStrengthBits: 6.5 },
  mutual: { when: 'after-pesel', maxPositions: 2 },
  questions: [
    { id: 'account-year', text: { pl: 'W którym roku założono ten rachunek?', en: 'In which year was this account opened?' }, answer: 'number' },
    { id: 'branch-city', text: { pl: 'W jakim mieście jest oddział, w którym {youNom} zwykle bywa?', en: 'In which city is the branch you usually visit?' } },
  ],
});

/** A purpose that is a clause ("Dzwonię, ponieważ …"), with a form of address in it. */
export const becausePurpose = defineScript({
  id: 'because-purpose',
  version: 1,
  institution,
  purpose: {
    pl: 'ponieważ na {youGen} rachunku pojawiły się transakcje, które wydają nam się podejrzane',
    en: 'because we noticed transactions on your account that look suspicious to us',
  },
  questions,
});

/** The advisor calls a VIP customer. */
export const vipAdvisor = defineScript({
  id: 'vip-advisor',
  version: 1,
  institution: { name: 'Bank Komercyjny Private Banking', officialNumber: '+48 22 500 60 99', callerIdLabel: 'Bank-opiekun' },
  purpose: { pl: 'w sprawie przedłużenia lokaty, która kończy się w tym tygodniu', en: 'about renewing the deposit that matures this week' },
  vip: { advisor: 'Anna Zielińska', advisorForm: 'pani' },
  questions: questions.slice(1),
});

/** A substitute calls in the advisor's place (23–27 November, announced on 18 November). */
export const vipSubstitute = defineScript({
  id: 'vip-substitute',
  version: 1,
  institution: { name: 'Bank Komercyjny Private Banking', officialNumber: '+48 22 500 60 99', callerIdLabel: 'Bank-opiekun' },
  purpose: { pl: 'w sprawie przedłużenia lokaty, która kończy się w tym tygodniu', en: 'about renewing the deposit that matures this week' },
  vip: { advisor: 'Katarzyna Wiśniewska', advisorForm: 'pani', substitute: { from: '2026-11-23', to: '2026-11-27', announcedOn: '2026-11-18' } },
  mutual: { maxPositions: 3 },
  questions: questions.slice(0, 1),
});

/** An English script: a male advisor's substitute across two months and two years, no advisor form. */
export const englishSubstitute = defineScript({
  id: 'english-substitute',
  version: 1,
  locale: 'en',
  institution: { name: 'Komercyjny Bank', officialNumber: '+48 22 500 60 98', callerIdLabel: 'Bank-advisor' },
  purpose: { pl: 'w sprawie {youGen} portfela', en: 'about your portfolio' },
  vip: { advisor: 'Piotr Nowak', substitute: { from: '2026-12-30', to: '2027-01-04', announcedOn: '2026-12-18' } },
  pesel: { count: 2, minStrengthBits: 6 },
  mutual: { maxPositions: 1, allowBirthDate: true },
});

/** No person check and no caller-ID check; digits on the keypad; no questions. */
export const keypadGreeting = defineScript({
  id: 'keypad-greeting',
  version: 1,
  institution: { name: 'Telekom Polska', officialNumber: '800 100 200', callerIdLabel: 'Telekom' },
  purpose: { pl: 'żeby potwierdzić zmianę taryfy', en: 'to confirm your new tariff' },
  steps: { confirmPerson: false, callerId: false },
  pesel: { count: 4, minStrengthBits: 8, channel: 'keypad', attempts: 3 },
  mutual: { maxPositions: 1 },
});

/** Questions alone, straight to the PESEL-less questions after the purpose. */
export const questionsOnly = defineScript({
  id: 'questions-only',
  version: 1,
  institution,
  purpose: { pl: 'w sprawie {youGen} wniosku kredytowego', en: 'about your loan application' },
  steps: { callerId: false, safePlace: false },
  pesel: { enabled: false },
  mutual: { enabled: false },
  questions,
});

/** A script that overrides every overridable step, with placeholders. */
export const overrides = defineScript({
  id: 'overrides',
  version: 1,
  institution,
  purpose: { pl: 'w sprawie {youGen} karty', en: 'about your card' },
  pesel: { count: 3, minStrengthBits: 6.5 },
  vip: { advisor: 'Katarzyna Wiśniewska', advisorForm: 'pani', substitute: { from: '2026-11-23', to: '2026-11-23', announcedOn: '2026-11-18' } },
  questions: questions.slice(0, 1),
  prompts: {
    introduce: { pl: 'Dzień dobry, {agent} z {institution}. Czy rozmawiam z osobą o nazwisku {customer}?', en: 'Good morning, {agent} from {institution}. Is that {customer}?' },
    'vip-substitute': { pl: 'Dzwonię w zastępstwie {substituteDates}. {youGen} opiekunka to {advisor}; pisaliśmy o tym w e-mailu z {announcedOn}.', en: 'I am standing in for {advisor} {substituteDates}, as we wrote on {announcedOn}.' },
    purpose: { pl: 'Dzwonię {purpose}. Zadam {youDat} {questionCount}.', en: 'I am calling {purpose}. I will ask you {questionCount}.' },
    'caller-id': { pl: 'Nasz numer wyświetli się {youDat} jako „{callerIdLabel}”. Czy tak jest?', en: 'Our number shows as “{callerIdLabel}”. Does it?' },
    'safe-place': { pl: 'Czy nikt nie słyszy {youGen} odpowiedzi?', en: 'Can anyone hear your answers?' },
    'not-safe': { pl: 'Rozumiem. Proszę zadzwonić na numer {officialNumber}.', en: 'I understand. Please call {officialNumber}.' },
    'on-hold': { pl: 'Poczekam na {youAcc}.', en: 'I will wait for {youAcc}.' },
    consent: { pl: 'Czy możemy zacząć, {youNom} {customer}?', en: 'Shall we start, {customer}?' },
    'pesel-digit': { pl: 'Proszę podać {ordinal} cyfrę.', en: 'Please give me the {ordinal} digit.' },
    mutual: { pl: 'Teraz {youNom} może zapytać mnie o cyfry.', en: 'Now you can ask me for digits.' },
    handoff: { pl: 'Dziękuję {youDat}. Przejdźmy do sprawy.', en: 'Thank you. Let us get to the point.' },
  },
});

/** Every script above, by name. */
export const SCRIPTS: Readonly<Record<string, CallScript>> = {
  fraudAlert,
  becausePurpose,
  vipAdvisor,
  vipSubstitute,
  englishSubstitute,
  keypadGreeting,
  questionsOnly,
  overrides,
};

/** Callback slots as the callback module says them, per locale. */
export function slots(locale: Locale): CallbackSlot[] {
  return locale === 'pl'
    ? [
        { at: '2026-11-28T09:00:00.000Z', spoken: 'w sobotę 28 listopada o 10:00' },
        { at: '2026-11-30T07:00:00.000Z', spoken: 'w poniedziałek 30 listopada o 8:00' },
        { at: '2026-12-01T07:00:00.000Z', spoken: 'we wtorek 1 grudnia o 8:00' },
      ]
    : [
        { at: '2026-11-28T09:00:00.000Z', spoken: 'on Saturday 28 November at 10:00' },
        { at: '2026-11-30T07:00:00.000Z', spoken: 'on Monday 30 November at 8:00' },
        { at: '2026-12-01T07:00:00.000Z', spoken: 'on Tuesday 1 December at 8:00' },
      ];
}

export const WINDOW = { earliest: '2026-11-27T15:05:00.000Z', latest: '2026-12-11T15:00:00.000Z' };

const tomorrow = (locale: Locale): CallbackSlot => ({ at: '2026-11-28T07:00:00.000Z', spoken: locale === 'pl' ? 'jutro o 8:00' : 'tomorrow at 8:00' });

/** Every outcome kind with every reason. */
export function outcomes(locale: Locale): CallOutcome[] {
  return [
    { kind: 'verified' },
    { kind: 'failed', reason: 'challenge-failed' },
    { kind: 'failed', reason: 'question-failed' },
    { kind: 'failed', reason: 'mutual-mismatch' },
    { kind: 'failed', reason: 'verifier-unavailable' },
    { kind: 'locked' },
    { kind: 'wrong-person' },
    { kind: 'callback-scheduled', callback: { at: tomorrow(locale).at, spoken: tomorrow(locale).spoken, reference: 'K7F-3Q' } },
    { kind: 'customer-will-call-back', reason: 'caller-id-mismatch' },
    { kind: 'customer-will-call-back', reason: 'customer-request' },
    { kind: 'customer-will-call-back', reason: 'vip-doubt' },
    { kind: 'customer-will-call-back', reason: 'challenge-exhausted' },
    { kind: 'abandoned', reason: 'hang-up' },
  ];
}

const CAUSES = ['wrong', 'dont-know', 'timeout', null] as const;
const REFUSALS: RefusedPosition[][] = [
  [{ position: 9, reason: 'said' }],
  [{ position: 5, reason: 'said' }, { position: 9, reason: 'said' }],
  [{ position: 3, reason: 'birth-date' }],
  [{ position: 11, reason: 'over-limit' }],
  [{ position: 11, reason: 'disclosure' }],
  [{ position: 10, reason: 'disclosure' }, { position: 11, reason: 'disclosure' }],
  [{ position: 9, reason: 'said' }, { position: 2, reason: 'birth-date' }, { position: 7, reason: 'over-limit' }, { position: 11, reason: 'disclosure' }],
];

/** The positions said in the challenge, in the order asked. */
const CHALLENGE = [5, 8, 9, 7];

/** Every view a call on `script` can show, with every variant the prompts distinguish. */
export function allViews(script: CallScript, locale: Locale): StepView[] {
  const views: StepView[] = [{ step: 'introduce' }, { step: 'purpose' }, { step: 'caller-id' }, { step: 'on-hold' }, { step: 'handoff' }];
  if (script.vip?.substitute) views.push({ step: 'vip-substitute' });
  const total = (script.pesel.enabled ? 1 : 0) + script.questions.length;
  for (const afterHold of [false, true]) {
    views.push({ step: 'safe-place', afterHold, questions: total });
    if (script.pesel.enabled && script.questions.length) views.push({ step: 'safe-place', afterHold, questions: script.questions.length });
  }
  const all = slots(locale);
  const offers: [CallbackSlot[], typeof WINDOW | undefined][] = [
    [all, WINDOW],
    [all.slice(0, 1), undefined],
    [[], WINDOW],
    [[], undefined],
  ];
  for (const [s, window] of offers) {
    views.push({ step: 'not-safe', slots: s, window });
    for (const reason of ['too-soon', 'outside-hours', 'closed-day', 'beyond-horizon', 'nonexistent-time'] as const) views.push({ step: 'callback', reason, slots: s, window });
  }
  for (const count of [1, 2, 3, 4]) views.push({ step: 'consent', count });
  if (script.pesel.enabled) {
    const challenge = CHALLENGE.slice(0, script.pesel.count);
    for (const [index, position] of challenge.entries()) {
      const previous = index > 0 ? challenge[index - 1]! : null;
      views.push({ step: 'pesel-digit', position, index, count: challenge.length, previous, attempt: 1, attempts: script.pesel.attempts, retryAfter: null });
      for (const retryAfter of CAUSES) {
        views.push({ step: 'pesel-digit', position, index, count: challenge.length, previous, attempt: 2, attempts: script.pesel.attempts, retryAfter: index === 0 ? retryAfter : null });
      }
    }
    const said = challenge;
    const allowed = [1, 2, 3, 4, 6, 7, 10, 11].filter((p) => !said.includes(p) && (script.mutual.allowBirthDate || p > 6));
    const max = script.mutual.maxPositions;
    const forbidden: RefusedPosition[] = said.map((position) => ({ position, reason: 'said' }));
    views.push({ step: 'mutual', said, allowed, max, refused: [], forbidden });
    views.push({ step: 'mutual', said, allowed: allowed.slice(-1), max, refused: [], forbidden });
    views.push({ step: 'mutual', said, allowed, max: 1, refused: [], forbidden });
    for (const refused of REFUSALS) {
      views.push({ step: 'mutual', said, allowed, max, refused, forbidden });
      views.push({ step: 'reveal', revealed: [{ position: 10, digit: '3' }], refused });
    }
    views.push({ step: 'reveal', revealed: [{ position: 10, digit: '3' }], refused: [] });
    views.push({ step: 'reveal', revealed: [{ position: 10, digit: '3' }, { position: 11, digit: '4' }], refused: [] });
    views.push({ step: 'reveal', revealed: [{ position: 7, digit: '0' }, { position: 10, digit: '3' }, { position: 11, digit: '4' }], refused: [] });
  }
  for (const [index, question] of script.questions.entries()) {
    views.push({ step: 'question', question, index, attempt: 1, attempts: question.attempts, retryAfter: null });
    for (const retryAfter of CAUSES) views.push({ step: 'question', question, index, attempt: 2, attempts: question.attempts, retryAfter });
  }
  for (const what of ['open', 'digits', 'answer', 'reveal', 'close'] as const) {
    views.push({ step: 'verifying', what }, { step: 'verifier-error', what });
  }
  for (const outcome of outcomes(locale)) views.push({ step: 'closing', outcome });
  return views;
}

const NAMES: Readonly<Record<Form, string>> = { pan: 'Jan Kowalski', pani: 'Anna Nowak' };

/** Contexts to render in: both locales, both customer forms, every agent form (and none). */
export function contexts(script: CallScript): RenderContext[] {
  const out: RenderContext[] = [];
  for (const locale of ['pl', 'en'] as const) {
    for (const form of ['pan', 'pani'] as const) {
      for (const agentForm of ['pan', 'pani', undefined] as const) {
        out.push({
          script,
          locale,
          agent: { name: agentForm === 'pan' ? 'Piotr Lis' : 'Anna Zielińska', form: agentForm },
          customer: { name: NAMES[form], form },
        });
      }
    }
  }
  return out;
}
