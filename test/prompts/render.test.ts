import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { CallbackSlot } from '../../src/model/index.js';
import { actionEvent, LOCALE_TEXTS, renderPrompt, type PromptStep, type RenderContext, type StepView } from '../../src/prompts/index.js';
import { defineScript, findUnsafeAsk } from '../../src/script/index.js';
import { allViews, becausePurpose, contexts, englishSubstitute, fraudAlert, keypadGreeting, overrides, questionsOnly, SCRIPTS, slots, vipAdvisor, vipSubstitute, WINDOW } from './fixtures.js';

const progress = { index: 1, total: 9 };
const render = (view: StepView, ctx: RenderContext): PromptStep => renderPrompt(view, ctx, progress);

function ctxOf(script: RenderContext['script'], locale: 'pl' | 'en', form: 'pan' | 'pani' = 'pan', agentForm: 'pan' | 'pani' | 'none' = 'pani'): RenderContext {
  return {
    script,
    locale,
    agent: { name: 'Anna Zielińska', form: agentForm === 'none' ? undefined : agentForm },
    customer: { name: form === 'pan' ? 'Jan Kowalski' : 'Anna Nowak', form },
  };
}

const MONTHS =
  'stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia|January|February|March|April|May|June|July|August|September|October|November|December';
// A day of a month ("23 listopada", "23–27 listopada", "23 to 27 November"), with the year when one is said.
const DATE = new RegExp(`\\d{1,2}(?:(?:–| to )\\d{1,2})? (?:${MONTHS})(?: \\d{4})?`, 'gu');
const TIME = /\d{1,2}:\d{2}/g;
const ATTEMPT = /(?:Próba|Attempt) \d (?:z|of) \d\./g;

/**
 * The digit rule: a digit may appear in what the agent reads or sees only as
 * (1) a digit on the reveal step, read out after "to"/"—"/"is";
 * (2) a date (day, month name, year) or a time of day ("8:00");
 * (3) the institution's official phone number;
 * (4) a callback reference;
 * (5) in a note, the attempt count ("Próba 1 z 2").
 * Every other count is said in words. Returns the text with the allowed digits taken out.
 */
function withoutAllowedDigits(text: string, view: StepView, ctx: RenderContext): string {
  let rest = text.replaceAll(ctx.script.institution.officialNumber, '#PHONE');
  if (view.step === 'closing' && view.outcome.kind === 'callback-scheduled') rest = rest.replaceAll(view.outcome.callback.reference, '#REF');
  if (view.step === 'reveal') {
    for (const { digit } of view.revealed) rest = rest.replace(new RegExp(`(?<=(?: to| —| is) )${digit}(?=[,. ])`), '#DIGIT');
  }
  return rest.replace(DATE, '#DATE').replace(TIME, '#TIME').replace(ATTEMPT, '#ATTEMPT');
}

const SLASH_FORM = /\bPan[a-zą]*\/|\/Pan|\/Pani|\((?:a|y|em|ą)\)/;
const LOWER_ADDRESS = /(?<!\p{L})pan(?:a|u|i|ią|em)?(?!\p{L})/u;
const CAPITAL_AFTER_COLON = /: (\p{Lu}[\p{L}'’]*)/gu;

/** Words that keep a capital after a colon: forms of address, acronyms, "I", names and the institution. */
function allowedAfterColon(word: string, ctx: RenderContext): boolean {
  const names = [ctx.agent.name, ctx.customer.name, ctx.script.institution.name, ctx.script.vip?.advisor ?? ''].join(' ').split(' ');
  return /^(?:Pan|Pana|Panu|Pani|Panią|Panem|PESEL|I|I'm|I'll|I've)$/.test(word) || names.includes(word);
}

/** What is wrong with a text the agent reads or sees, as messages (none when it reads well). */
function problems(text: string, kind: string, view: StepView, ctx: RenderContext): string[] {
  const found: string[] = [];
  const fail = (what: string) => found.push(`${ctx.script.id} ${ctx.locale} ${ctx.customer.form}/${ctx.agent.form ?? '-'} ${view.step} ${kind} — ${what}: ${text}`);
  if (text.trim() !== text) fail('leading or trailing space');
  if (SLASH_FORM.test(text)) fail('a slash form of address');
  if (/[{}]/.test(text)) fail('a placeholder left');
  if (/ {2}/.test(text)) fail('a double space');
  if (/\s[.,;:!?…]/.test(text)) fail('a space before punctuation');
  if (/undefined|null|NaN|\[object/.test(text)) fail('a missing value');
  for (const [, word] of text.matchAll(CAPITAL_AFTER_COLON)) if (!allowedAfterColon(word!, ctx)) fail(`a capital "${word}" after a colon`);
  if (/\d/.test(withoutAllowedDigits(text, view, ctx))) fail('a digit that is not a date, time, phone number, reference, attempt count or revealed digit');
  if (ctx.locale === 'pl' && LOWER_ADDRESS.test(text)) fail('a form of address in lower case');
  if (ctx.locale === 'pl' && (ctx.customer.form === 'pan' ? /(?<!\p{L})Pani[ą]?(?!\p{L})/u : /(?<!\p{L})Pan(?:a|u|em)?(?!\p{L})/u).test(text)) fail('a form of address of the other gender');
  if (ctx.locale === 'en' && /(?<!\p{L})Pan(?:a|u|i|ią|em)?(?!\p{L})/u.test(text)) fail('a Polish form of address in English');
  return found;
}

// The shipped example scripts too: their prompts must read as well as the built-in ones.
const EXAMPLES = join(__dirname, '../../examples/scripts');
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => defineScript(JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8'))));

const every = [...Object.values(SCRIPTS), ...examples].flatMap((script) => contexts(script).flatMap((ctx) => allViews(script, ctx.locale).map((view) => [view, ctx] as const)));

describe('every step view, in every script, locale and form of address', () => {
  it(`renders ${every.length} prompts that read well aloud`, () => {
    const found: string[] = [];
    const ends = (text: string, kind: string, view: StepView) => {
      if (!/[.?!]$/.test(text)) found.push(`${view.step} ${kind} does not end a sentence: ${text}`);
    };
    for (const [view, ctx] of every) {
      const prompt = render(view, ctx);
      if (prompt.step !== view.step) found.push(`${view.step} rendered as ${prompt.step}`);
      found.push(...problems(prompt.say, 'say', view, ctx));
      ends(prompt.say, 'say', view);
      if (prompt.note !== undefined) {
        found.push(...problems(prompt.note, 'note', view, ctx));
        ends(prompt.note, 'note', view);
      }
      if (prompt.reply) {
        found.push(...problems(prompt.reply.say, 'reply', view, ctx), ...problems(prompt.reply.cue, 'cue', view, ctx));
        ends(prompt.reply.say, 'reply', view);
      }
      for (const action of prompt.actions) found.push(...problems(action.label, 'label', view, ctx));
    }
    expect(found.slice(0, 20)).toEqual([]);
  });

  it('never makes the agent ask for what the unsafe-text lint forbids', () => {
    for (const [view, ctx] of every) {
      const prompt = render(view, ctx);
      expect(findUnsafeAsk(prompt.say, 'prompt'), `${view.step}: ${prompt.say}`).toBeUndefined();
      if (prompt.reply) expect(findUnsafeAsk(prompt.reply.say, 'prompt'), prompt.reply.say).toBeUndefined();
    }
  });

  it('carries revealed digits only on the reveal step, pending only while verifying, an outcome only at the end', () => {
    for (const [view, ctx] of every) {
      const prompt = render(view, ctx);
      expect(prompt.revealed !== undefined, view.step).toBe(view.step === 'reveal');
      expect(prompt.pending === true, view.step).toBe(view.step === 'verifying');
      expect(prompt.outcome !== undefined, view.step).toBe(view.step === 'handoff' || view.step === 'closing');
      if (view.step === 'closing') expect(prompt.outcome).toEqual(view.outcome);
      if (view.step === 'handoff') expect(prompt.outcome).toEqual({ kind: 'verified' });
      if (view.step === 'reveal') expect(prompt.revealed).toEqual(view.revealed);
    }
  });

  it('offers the buttons each step expects, and callback buttons only with slots or a window', () => {
    const expected: Record<StepView['step'], string[]> = {
      introduce: ['CONFIRM', 'DENY', 'HANG_UP'],
      'vip-substitute': ['CONFIRM', 'DENY', 'HANG_UP'],
      purpose: ['CONFIRM', 'CUSTOMER_WILL_CALL_BACK', 'HANG_UP'],
      'caller-id': ['CONFIRM', 'DENY', 'HANG_UP'],
      'safe-place': ['CONFIRM', 'DENY', 'HOLD', 'CUSTOMER_WILL_CALL_BACK', 'HANG_UP'],
      'not-safe': ['HOLD', 'CUSTOMER_WILL_CALL_BACK', 'HANG_UP'],
      'on-hold': ['RESUME', 'CUSTOMER_WILL_CALL_BACK', 'HANG_UP'],
      callback: ['CUSTOMER_WILL_CALL_BACK', 'HANG_UP'],
      consent: ['CONFIRM', 'DENY', 'HOLD', 'CUSTOMER_WILL_CALL_BACK', 'HANG_UP'],
      'pesel-digit': ['DONT_KNOW', 'CUSTOMER_WILL_CALL_BACK', 'HANG_UP'],
      question: ['DONT_KNOW', 'CUSTOMER_WILL_CALL_BACK', 'HANG_UP'],
      mutual: ['DENY', 'HANG_UP'],
      reveal: ['CONFIRM', 'DENY', 'HANG_UP'],
      verifying: ['HANG_UP'],
      'verifier-error': ['RETRY', 'CUSTOMER_WILL_CALL_BACK', 'HANG_UP'],
      handoff: [],
      closing: [],
    };
    for (const [view, ctx] of every) {
      const prompt = render(view, ctx);
      const callbacks = prompt.actions.filter((a) => a.event === 'REQUEST_CALLBACK');
      const others = prompt.actions.filter((a) => a.event !== 'REQUEST_CALLBACK').map((a) => a.event);
      const greetingOnly = view.step === 'introduce' && !ctx.script.steps.confirmPerson;
      expect(others, view.step).toEqual(greetingOnly ? ['CONFIRM', 'HANG_UP'] : expected[view.step]);
      if (view.step === 'not-safe' || view.step === 'callback') {
        const withSlots = callbacks.filter((a) => a.payload !== undefined);
        expect(withSlots.map((a) => a.payload)).toEqual(view.slots.map((s: CallbackSlot) => ({ at: s.at })));
        expect(callbacks.length - withSlots.length).toBe(view.slots.length || view.window ? 1 : 0);
        expect(prompt.input?.kind === 'callback-time').toBe(view.window !== undefined);
      } else {
        expect(callbacks, view.step).toEqual([]);
      }
    }
  });

  it('asks for positions among the allowed ones only, never a forbidden or said one', () => {
    for (const [view, ctx] of every) {
      if (view.step !== 'mutual') continue;
      const input = render(view, ctx).input;
      if (input?.kind !== 'positions') throw new Error('mutual needs a positions input');
      expect(input.max).toBe(view.max);
      expect(input.forbidden).toEqual(view.forbidden);
      for (const p of input.allowed) {
        expect(view.said).not.toContain(p);
        expect(input.forbidden.map((r) => r.position)).not.toContain(p);
      }
    }
  });

  it('collects a digit on the PESEL step and an answer on a question', () => {
    const ctx = ctxOf(fraudAlert, 'pl');
    expect(render({ step: 'pesel-digit', position: 5, index: 0, count: 3, previous: null, attempt: 1, attempts: 2, retryAfter: null }, ctx).input).toEqual({ kind: 'digit', position: 5 });
    const question = fraudAlert.questions[0]!;
    expect(render({ step: 'question', question, index: 0, attempt: 1, attempts: 2, retryAfter: null }, ctx).input).toEqual({ kind: 'answer', questionId: 'account-year', answer: 'number' });
  });
});

describe('the words of issue 14', () => {
  const pan = ctxOf(fraudAlert, 'pl', 'pan');
  const pani = ctxOf(fraudAlert, 'pl', 'pani');
  const say = (view: StepView, ctx: RenderContext) => render(view, ctx).say;
  const digit = (position: number, index: number, previous: number | null, attempt = 1, retryAfter: 'wrong' | 'dont-know' | 'timeout' | null = null): StepView => ({
    step: 'pesel-digit',
    position,
    index,
    count: 3,
    previous,
    attempt,
    attempts: 2,
    retryAfter,
  });

  it('confirms the person first, with the name declined, and says the purpose only after', () => {
    expect(say({ step: 'introduce' }, pan)).toBe('Dzień dobry, tu Anna Zielińska, Bank Komercyjny. Czy rozmawiam z Panem Janem Kowalskim?');
    expect(say({ step: 'introduce' }, pani)).toBe('Dzień dobry, tu Anna Zielińska, Bank Komercyjny. Czy rozmawiam z Panią Anną Nowak?');
    expect(say({ step: 'introduce' }, { ...pan, customer: { name: 'Tadeusz Dudek', form: 'pan' } })).toBe('Dzień dobry, tu Anna Zielińska, Bank Komercyjny. Czy to Pan Tadeusz Dudek?');
    expect(say({ step: 'introduce' }, pan)).not.toMatch(/transakc/);
    expect(say({ step: 'purpose' }, pan)).toBe(
      'Dzwonię w sprawie transakcji na rachunku, które wydają nam się podejrzane. Zanim przejdę do szczegółów, upewnię się, że rozmawiam z Panem. Nigdy nie poproszę o cały numer PESEL, PIN, hasło ani kod z SMS-a.',
    );
    expect(say({ step: 'purpose' }, ctxOf(becausePurpose, 'pl', 'pani'))).toMatch(/^Dzwonię, ponieważ na Pani rachunku pojawiły się transakcje, które wydają nam się podejrzane\. /);
    expect(say({ step: 'purpose' }, ctxOf(fraudAlert, 'en'))).toMatch(/^I'm calling about transactions on your account that look suspicious to us\. /);
    expect(say({ step: 'purpose' }, ctxOf(fraudAlert, 'en'))).toContain("I'll never ask for your full PESEL, a PIN, a password or a code from a text message.");
  });

  it('greets without the person check, and the advisor says who they are', () => {
    expect(say({ step: 'introduce' }, ctxOf(keypadGreeting, 'pl', 'pani'))).toBe('Dzień dobry, tu Anna Zielińska, Telekom Polska. Czy ma Pani chwilę na rozmowę?');
    expect(say({ step: 'introduce' }, ctxOf(vipAdvisor, 'pl', 'pan', 'pani'))).toBe(
      'Dzień dobry, tu Anna Zielińska, Bank Komercyjny Private Banking. Jestem Pana opiekunką. Czy rozmawiam z Panem Janem Kowalskim?',
    );
    expect(say({ step: 'introduce' }, ctxOf(vipAdvisor, 'pl', 'pani', 'pan'))).toContain('Jestem Pani opiekunem.');
    // No agent form: no gendered first person.
    expect(say({ step: 'introduce' }, ctxOf(vipAdvisor, 'pl', 'pan', 'none'))).toContain('Opiekuję się Pana sprawami.');
    expect(say({ step: 'introduce' }, ctxOf(vipAdvisor, 'en'))).toBe('Hello, this is Anna Zielińska from Bank Komercyjny Private Banking, your personal advisor. Am I speaking with Mr Jan Kowalski?');
  });

  it('has the substitute introduce themselves, names in the nominative, dates without commas', () => {
    expect(say({ step: 'vip-substitute' }, ctxOf(vipSubstitute, 'pl', 'pani'))).toBe(
      'Zastępuję Pani opiekunkę w dniach 23–27 listopada. Pani opiekunka to Katarzyna Wiśniewska, a ja nazywam się Anna Zielińska — pisaliśmy o tym w e-mailu z 18 listopada. Czy możemy kontynuować?',
    );
    expect(say({ step: 'vip-substitute' }, ctxOf(vipSubstitute, 'en'))).toBe(
      "I'm standing in for your advisor from 23 to 27 November. Your advisor is Katarzyna Wiśniewska, and my name is Anna Zielińska — we told you about this in our e-mail of 18 November. Shall we go on?",
    );
    expect(say({ step: 'vip-substitute' }, ctxOf(englishSubstitute, 'en'))).toContain('from 30 December 2026 to 4 January 2027');
    expect(say({ step: 'vip-substitute' }, ctxOf(englishSubstitute, 'pl', 'pan'))).toBe(
      'Na co dzień Pana sprawami zajmuje się Piotr Nowak, a w dniach 30 grudnia 2026 – 4 stycznia 2027 zastępstwo mam ja: nazywam się Anna Zielińska. Pisaliśmy o tym w e-mailu z 18 grudnia. Czy możemy kontynuować?',
    );
  });

  it('asks for a safe place with the number of questions in words, and briefly after a hold', () => {
    expect(say({ step: 'safe-place', afterHold: false, questions: 3 }, pan)).toBe(
      'Muszę zadać Panu trzy pytania weryfikacyjne — jedno z nich dotyczy numeru PESEL. Czy jest Pan w miejscu, w którym nikt nie usłyszy ani nie nagra Pana odpowiedzi?',
    );
    expect(say({ step: 'safe-place', afterHold: true, questions: 3 }, pan)).toBe('Dziękuję. Czy teraz nikt nie usłyszy Pana odpowiedzi?');
    expect(say({ step: 'safe-place', afterHold: false, questions: 2 }, pani)).toBe(
      'Muszę zadać Pani dwa pytania weryfikacyjne. Czy jest Pani w miejscu, w którym nikt nie usłyszy ani nie nagra Pani odpowiedzi?',
    );
  });

  it('offers callback slots as a spoken list with "albo" and a question', () => {
    const notSafe = say({ step: 'not-safe', slots: slots('pl'), window: WINDOW }, pan);
    expect(notSafe).toContain('zadzwonić w sobotę 28 listopada o 10:00, w poniedziałek 30 listopada o 8:00 albo we wtorek 1 grudnia o 8:00. Który termin Panu odpowiada?');
    expect(notSafe).toContain('Może Pan również sam zadzwonić do nas później na numer z karty lub z naszej strony internetowej.');
    expect(say({ step: 'callback', reason: 'closed-day', slots: slots('pl'), window: WINDOW }, pani)).toBe(
      'Niestety wtedy nie możemy zadzwonić: tego dnia nie pracujemy. Możemy zadzwonić w sobotę 28 listopada o 10:00, w poniedziałek 30 listopada o 8:00 albo we wtorek 1 grudnia o 8:00. Który termin Pani odpowiada?',
    );
    expect(say({ step: 'callback', reason: 'nonexistent-time', slots: [], window: WINDOW }, ctxOf(fraudAlert, 'en'))).toContain('the clocks go forward');
    expect(say({ step: 'not-safe', slots: slots('en'), window: WINDOW }, ctxOf(fraudAlert, 'en'))).toContain(
      'on Saturday 28 November at 10:00, on Monday 30 November at 8:00 or on Tuesday 1 December at 8:00. Which time suits you?',
    );
  });

  it('asks for consent, then the article\'s short follow-ups', () => {
    expect(say({ step: 'consent', count: 3 }, pan)).toBe('Poproszę o kilka cyfr Pana numeru PESEL — nie o cały numer. Możemy zaczynać?');
    expect(say(digit(5, 0, null), pan)).toBe('Piąta cyfra?');
    expect(say(digit(8, 1, 5), pan)).toBe('A ósma?');
    expect(say(digit(9, 2, 8), pan)).toBe('A dziewiąta?');
    expect(say(digit(5, 0, null), ctxOf(fraudAlert, 'en'))).toBe('The fifth digit?');
    expect(say(digit(8, 1, 5), ctxOf(fraudAlert, 'en'))).toBe('And the eighth?');
  });

  it('retries with the full sentence and a lead that never hints which digit was wrong', () => {
    expect(say(digit(5, 0, null, 2, 'wrong'), pan)).toBe('Spróbujmy jeszcze raz — zapytam o te same cyfry. Proszę podać piątą cyfrę numeru PESEL.');
    expect(say(digit(5, 0, null, 2, 'timeout'), pan)).toBe('Nie słyszę odpowiedzi. Spróbujmy jeszcze raz — zapytam o te same cyfry. Proszę podać piątą cyfrę numeru PESEL.');
    expect(say(digit(5, 0, null, 2, 'dont-know'), pani)).toMatch(/^Nic nie szkodzi, .* Spróbujmy jeszcze raz — zapytam o te same cyfry\. Proszę podać piątą cyfrę numeru PESEL\.$/);
    expect(say(digit(8, 1, 5, 2), pan)).toBe('A ósma?');
    expect(say(digit(5, 0, null, 2, 'wrong'), ctxOf(fraudAlert, 'en'))).toBe("Let's try again with the same digits. Please tell me the fifth digit of your PESEL.");
    for (const cause of ['wrong', 'dont-know', 'timeout'] as const) {
      for (const locale of ['pl', 'en'] as const) {
        const line = say(digit(5, 0, null, 2, cause), ctxOf(fraudAlert, locale));
        // The lead names no position: only the ask that follows does.
        const lead = line.slice(0, line.lastIndexOf(locale === 'pl' ? 'Proszę podać' : 'Please tell'));
        expect(lead).not.toMatch(/piąt|ósm|dziewiąt|fifth|eighth|ninth|błędn|wrong/i);
      }
    }
  });

  it('asks for the digits on the keypad when the script says so', () => {
    const ctx = ctxOf(keypadGreeting, 'pl', 'pani');
    expect(say({ step: 'consent', count: 4 }, ctx)).toBe('Poproszę o kilka cyfr Pani numeru PESEL — nie o cały numer. Wpisze je Pani na klawiaturze telefonu. Możemy zaczynać?');
    expect(say(digit(5, 0, null), ctx)).toBe('Proszę wpisać na klawiaturze telefonu piątą cyfrę.');
    expect(say(digit(8, 1, 5), ctx)).toBe('A teraz ósmą.');
    expect(say(digit(5, 0, null), ctxOf(keypadGreeting, 'en'))).toBe("Please type the fifth digit on your phone's keypad.");
  });

  it('says the mutual check, refusals without a lecture, and the reveal', () => {
    const mutual: StepView = { step: 'mutual', said: [5, 8, 9], allowed: [7, 10, 11], max: 2, refused: [], forbidden: [] };
    expect(say(mutual, pan)).toBe(
      'Zgadza się. Teraz może Pan sprawdzić, czy naprawdę dzwoni Bank Komercyjny: proszę zapytać mnie o dwie cyfry swojego numeru PESEL, inne niż te, które Pan podał — na przykład siódmą, dziesiątą lub jedenastą.',
    );
    expect(say(mutual, pani)).toContain('inne niż te, które Pani podała');
    expect(say(mutual, ctxOf(fraudAlert, 'en'))).toBe(
      "That's right. Now you can check that it really is Bank Komercyjny calling: ask me for any two digits of your PESEL other than the ones you gave me, for example the seventh, tenth or eleventh.",
    );
    const reveal: StepView = { step: 'reveal', revealed: [{ position: 10, digit: '3' }, { position: 11, digit: '4' }], refused: [{ position: 9, reason: 'said' }] };
    expect(say(reveal, pan)).toBe('Dziewiątą cyfrę podał Pan przed chwilą, więc jej powtórzenie niczego by nie potwierdziło. Dziesiąta cyfra to 3, a jedenasta — 4. Zgadza się?');
    expect(say({ ...reveal, refused: [] }, ctxOf(fraudAlert, 'en'))).toBe('The tenth digit is 3, and the eleventh is 4. Is that right?');
    expect(say({ step: 'reveal', revealed: [{ position: 11, digit: '4' }], refused: [] }, pan)).toBe('Jedenasta cyfra to 4. Zgadza się?');
    expect(say({ ...mutual, refused: [{ position: 9, reason: 'said' }] }, pani)).toBe(
      'Dziewiątą cyfrę podała Pani przed chwilą, więc jej powtórzenie niczego by nie potwierdziło. Proszę wybrać inne cyfry — na przykład siódmą, dziesiątą lub jedenastą.',
    );
    expect(say({ ...mutual, refused: [{ position: 11, reason: 'disclosure' }] }, pan)).toMatch(/^Jedenastej cyfry nie mogę podać: /);
  });

  it('retries a question with lower case after the colon', () => {
    const question = fraudAlert.questions[0]!;
    expect(say({ step: 'question', question, index: 0, attempt: 2, attempts: 2, retryAfter: 'wrong' }, pan)).toBe(
      'Ta odpowiedź się nie zgadza. Spróbujmy jeszcze raz: w którym roku założono ten rachunek?',
    );
    // A form of address keeps its capital after the colon.
    const other = fraudAlert.questions[1]!;
    expect(say({ step: 'question', question: other, index: 1, attempt: 1, attempts: 2, retryAfter: null }, pani)).toBe('W jakim mieście jest oddział, w którym Pani zwykle bywa?');
    expect(say({ step: 'question', question, index: 0, attempt: 2, attempts: 2, retryAfter: 'wrong' }, ctxOf(fraudAlert, 'en'))).toBe(
      "That answer doesn't match. Let's try again: in which year was this account opened?",
    );
  });

  it('ends a mismatch without reading out any phone number', () => {
    for (const locale of ['pl', 'en'] as const) {
      for (const outcome of [
        { kind: 'failed', reason: 'mutual-mismatch' },
        { kind: 'customer-will-call-back', reason: 'caller-id-mismatch' },
        { kind: 'customer-will-call-back', reason: 'vip-doubt' },
      ] as const) {
        const prompt = render({ step: 'closing', outcome }, ctxOf(fraudAlert, locale));
        expect(prompt.say).not.toMatch(/\d/);
        expect(prompt.say).toMatch(locale === 'pl' ? /zadzwonić na numer z karty lub z naszej strony internetowej/ : /call the number on your card or on our website/);
      }
    }
    expect(say({ step: 'closing', outcome: { kind: 'failed', reason: 'mutual-mismatch' } }, pan)).toContain('proszę się rozłączyć i zadzwonić na numer z karty lub z naszej strony internetowej');
    expect(say({ step: 'closing', outcome: { kind: 'customer-will-call-back', reason: 'challenge-exhausted' } }, pan)).toContain('+48 22 500 60 70');
    const scheduled = say({ step: 'closing', outcome: { kind: 'callback-scheduled', callback: { at: '2026-11-28T07:00:00.000Z', spoken: 'jutro o 8:00', reference: 'K7F-3Q' } } }, pan);
    expect(scheduled).toMatch(/^Zadzwonimy jutro o 8:00 z tego samego numeru co dziś — wyświetli się jako „Bank-kredyty”\. Numer referencyjny to K7F-3Q: /);
  });

  it('gives the step right after the purpose a ready reply to "Jakie to transakcje?"', () => {
    const reply = render({ step: 'caller-id' }, pan).reply;
    expect(reply).toEqual({ cue: 'Klient pyta o szczegóły sprawy', say: 'Wszystko opowiem, gdy tylko się upewnię, że rozmawiam z Panem — to dla Pana bezpieczeństwa.' });
    expect(render({ step: 'caller-id' }, pan).note).toMatch(/szczegóły sprawy/);
    expect(render({ step: 'safe-place', afterHold: false, questions: 3 }, pan).reply).toBeUndefined();
    // Whichever step follows the purpose gets it.
    expect(render({ step: 'safe-place', afterHold: false, questions: 3 }, ctxOf(keypadGreeting, 'pl')).reply).toBeDefined();
    expect(render({ step: 'consent', count: 3 }, ctxOf(keypadGreeting, 'pl')).reply).toBeUndefined();
    expect(render({ step: 'question', question: questionsOnly.questions[0]!, index: 0, attempt: 1, attempts: 2, retryAfter: null }, ctxOf(questionsOnly, 'pl')).reply).toBeUndefined();
  });

  it('never reads a form of address as a slash: a Polish prompt needs the customer\'s form', () => {
    const noForm: RenderContext = { ...pan, customer: { name: 'Jan Kowalski' } };
    expect(() => render({ step: 'safe-place', afterHold: false, questions: 3 }, noForm)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(render({ step: 'safe-place', afterHold: false, questions: 3 }, { ...noForm, locale: 'en' }).say).toMatch(/^I need to ask you three/);
    expect(render({ step: 'introduce' }, { ...noForm, locale: 'en' }).say).toMatch(/Am I speaking with Jan Kowalski\?$/);
  });
});

describe('script overrides', () => {
  it('replace the line, with every placeholder filled in the locale and form', () => {
    const pani = ctxOf(overrides, 'pl', 'pani');
    expect(render({ step: 'purpose' }, pani).say).toBe('Dzwonię w sprawie Pani karty. Zadam Pani dwa pytania weryfikacyjne.');
    expect(render({ step: 'on-hold' }, pani).say).toBe('Poczekam na Panią.');
    expect(render({ step: 'vip-substitute' }, pani).say).toBe('Dzwonię w zastępstwie 23 listopada. Pani opiekunka to Katarzyna Wiśniewska; pisaliśmy o tym w e-mailu z 18 listopada.');
    expect(render({ step: 'vip-substitute' }, ctxOf(overrides, 'en')).say).toBe('I am standing in for Katarzyna Wiśniewska on 23 November, as we wrote on 18 November.');
    expect(render({ step: 'not-safe', slots: [], window: undefined }, pani).say).toBe('Rozumiem. Proszę zadzwonić na numer +48 22 500 60 70.');
  });

  it('on the PESEL step replace the ask only: the retry lead stays', () => {
    const ctx = ctxOf(overrides, 'pl');
    const view = (attempt: number, retryAfter: 'timeout' | null): StepView => ({ step: 'pesel-digit', position: 8, index: 0, count: 3, previous: null, attempt, attempts: 2, retryAfter });
    expect(render(view(1, null), ctx).say).toBe('Proszę podać ósmą cyfrę.');
    expect(render(view(2, 'timeout'), ctx).say).toBe('Nie słyszę odpowiedzi. Spróbujmy jeszcze raz — zapytam o te same cyfry. Proszę podać ósmą cyfrę.');
    expect(render(view(2, 'timeout'), ctxOf(overrides, 'en')).say).toBe("I can't hear an answer. Let's try again with the same digits. Please give me the eighth digit.");
  });

  it('leave steps without an override to the built-in texts', () => {
    expect(render({ step: 'reveal', revealed: [{ position: 10, digit: '3' }], refused: [] }, ctxOf(overrides, 'pl')).say).toBe('Dziesiąta cyfra to 3. Zgadza się?');
  });
});

describe('the checks above', () => {
  it('catch what a native reader would', () => {
    const view: StepView = { step: 'purpose' };
    const ctx = ctxOf(fraudAlert, 'pl');
    const bad = [
      'Czy jest Pan/Pani w bezpiecznym miejscu?',
      'Cyfry, które Pan podał(a).',
      'Proszę podać {ordinal} cyfrę.',
      'Dziękuję.  Poczekam.',
      'Dziękuję . Poczekam.',
      'Spróbujmy jeszcze raz: Proszę podać cyfrę.',
      'Mogę podać 2 cyfry.',
      'Nasz numer jest w pana umowie.',
      'Czy to Pani Anna Nowak?',
      'Dzwonię undefined.',
    ];
    for (const text of bad) expect(problems(text, 'say', view, ctx), text).not.toEqual([]);
    expect(problems('Proszę zadzwonić na numer +48 22 500 60 70 w dniach 23–27 listopada o 8:00.', 'say', view, ctx)).toEqual([]);
  });
});

describe('actionEvent', () => {
  it('sends the event of a button, with its payload', () => {
    const prompt = render({ step: 'not-safe', slots: slots('pl'), window: WINDOW }, ctxOf(fraudAlert, 'pl'));
    expect(prompt.actions.map(actionEvent)).toEqual([
      { type: 'REQUEST_CALLBACK', at: '2026-11-28T09:00:00.000Z' },
      { type: 'REQUEST_CALLBACK', at: '2026-11-30T07:00:00.000Z' },
      { type: 'REQUEST_CALLBACK', at: '2026-12-01T07:00:00.000Z' },
      { type: 'HOLD' },
      { type: 'REQUEST_CALLBACK' },
      { type: 'CUSTOMER_WILL_CALL_BACK' },
      { type: 'HANG_UP' },
    ]);
  });

  it('refuses a button for an event that needs what the customer said', () => {
    expect(() => actionEvent({ event: 'ANSWER_DIGIT', label: 'x' })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(actionEvent({ event: 'ANSWER_DIGIT', label: 'x', payload: { position: 5, digit: '1' } })).toEqual({ type: 'ANSWER_DIGIT', position: 5, digit: '1' });
  });
});

describe('renderPrompt is pure and cheap', () => {
  it('gives the same prompt for the same input, and shares nothing mutable with the view', () => {
    for (const [view, ctx] of every.slice(0, 400)) {
      const a = render(view, ctx);
      const b = render(view, ctx);
      expect(a).toEqual(b);
      if (a.revealed && view.step === 'reveal') {
        a.revealed[0]!.digit = 'x';
        expect(view.revealed[0]!.digit).not.toBe('x');
      }
    }
  });

  it('builds no Intl object and no RegExp per call', () => {
    const views = allViews(vipSubstitute, 'pl');
    const ctx = ctxOf(vipSubstitute, 'pl');
    for (const view of views) render(view, ctx); // warm the caches
    const intl = vi.spyOn(Intl, 'DateTimeFormat');
    const regexp = vi.spyOn(globalThis, 'RegExp');
    try {
      for (const view of views) render(view, ctx);
      for (const view of allViews(englishSubstitute, 'en')) render(view, ctxOf(englishSubstitute, 'en'));
      expect(intl).not.toHaveBeenCalled();
      expect(regexp).not.toHaveBeenCalled();
    } finally {
      intl.mockRestore();
      regexp.mockRestore();
    }
  });

  it('keeps regular-expression literals at module level in src/prompts', () => {
    const root = join(__dirname, '../../src/prompts');
    const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
    const literal = /(?:[=(,:!&|?]|return)\s*\/(?![/*\s])(?:\\.|\[(?:\\.|[^\]])*\]|[^/\n[])+\/[dgimsuvy]*/;
    for (const file of files(root).filter((f) => f.endsWith('.ts'))) {
      for (const [i, line] of readFileSync(file, 'utf8').split('\n').entries()) {
        if (/^\s+/.test(line) && !/^\s*(?:\*|\/\/)/.test(line)) expect(literal.test(line), `${file}:${i + 1}: ${line}`).toBe(false);
      }
    }
  });

  it('renders a prompt in microseconds', () => {
    const views = allViews(fraudAlert, 'pl');
    const ctx = ctxOf(fraudAlert, 'pl');
    const start = performance.now();
    let n = 0;
    for (let round = 0; round < 50; round++) for (const view of views) (render(view, ctx), n++);
    const perCall = (performance.now() - start) / n;
    expect(perCall).toBeLessThan(0.1); // ms: generous for a slow CI machine
  });
});

describe('labels', () => {
  it('has a label for every event in both locales', () => {
    for (const texts of Object.values(LOCALE_TEXTS)) for (const label of Object.values(texts.labels)) expect(label.length).toBeGreaterThan(1);
  });
});
