import { SafecallError } from '../core/errors.js';
import type { Locale, SessionEventInput, SessionEventType, StepId } from '../model/index.js';
import type { OverridableStep } from '../script/schema.js';
import { fillPlaceholders, sentences } from './fill.js';
import { stepAfterPurpose } from './flow.js';
import { en, enRetryLead } from './locales/en.js';
import { pl, plRetryLead } from './locales/pl.js';
import type { LocaleTexts, PromptAction, PromptInput, PromptReply, PromptStep, RenderContext, StepView } from './types.js';

type PeselView = Extract<StepView, { step: 'pesel-digit' }>;

/**
 * One locale: its texts, and the retry lead that stays in front of a script's
 * own wording of the PESEL ask (`LocaleTexts` has no slot for it).
 */
interface LocaleBundle {
  texts: LocaleTexts;
  retryLead: (view: PeselView, ctx: RenderContext) => string;
}

const LOCALES: Readonly<Record<Locale, LocaleBundle>> = {
  pl: { texts: pl, retryLead: plRetryLead },
  en: { texts: en, retryLead: enRetryLead },
};

/**
 * The texts of every locale. Add a locale with a file in `locales/` and an
 * entry here.
 *
 * @example
 * ```ts
 * LOCALE_TEXTS.pl.labels.HANG_UP; // 'Klient się rozłączył'
 * ```
 */
export const LOCALE_TEXTS: Readonly<Record<Locale, LocaleTexts>> = { pl, en };

type Buttons = readonly SessionEventType[];
// Ways out of a step. REQUEST_CALLBACK is offered only where the view carries
// callback slots or a window (see `offersCallbacks`): only those views know
// whether the session can plan a callback at all.
const LEAVE: Buttons = ['CUSTOMER_WILL_CALL_BACK', 'HANG_UP'];

/** The buttons of each step, in display order (callback buttons are added where the view allows). */
const BUTTONS: { readonly [K in StepView['step']]: Buttons } = {
  introduce: ['CONFIRM', 'DENY', 'HANG_UP'],
  'vip-substitute': ['CONFIRM', 'DENY', 'HANG_UP'],
  purpose: ['CONFIRM', ...LEAVE],
  'caller-id': ['CONFIRM', 'DENY', 'HANG_UP'],
  'safe-place': ['CONFIRM', 'DENY', 'HOLD', ...LEAVE],
  'not-safe': ['HOLD', 'REQUEST_CALLBACK', ...LEAVE],
  'on-hold': ['RESUME', ...LEAVE],
  callback: ['REQUEST_CALLBACK', ...LEAVE],
  consent: ['CONFIRM', 'DENY', 'HOLD', ...LEAVE],
  'pesel-digit': ['DONT_KNOW', ...LEAVE],
  question: ['DONT_KNOW', ...LEAVE],
  mutual: ['DENY', 'HANG_UP'],
  reveal: ['CONFIRM', 'DENY', 'HANG_UP'],
  verifying: ['HANG_UP'],
  'verifier-error': ['RETRY', ...LEAVE],
  handoff: [],
  closing: [],
};

// Without the person check, "no" at the greeting means nothing the flow knows.
const INTRODUCE_WITHOUT_PERSON: Buttons = ['CONFIRM', 'HANG_UP'];

const OVERRIDABLE: { readonly [K in StepView['step']]: K extends OverridableStep ? true : false } = {
  introduce: true,
  'vip-substitute': true,
  purpose: true,
  'caller-id': true,
  'safe-place': true,
  'not-safe': true,
  'on-hold': true,
  callback: false,
  consent: true,
  'pesel-digit': true,
  question: false,
  mutual: true,
  reveal: false,
  verifying: false,
  'verifier-error': false,
  handoff: true,
  closing: false,
};

type ViewOf<K extends StepView['step']> = Extract<StepView, { step: K }>;

/*
 * Typed dispatch into the per-step tables: indexing a mapped type with the
 * generic key gives the function for exactly that step, so no cast is needed.
 */
function sayOf<K extends StepView['step']>(texts: LocaleTexts, step: K, view: ViewOf<K>, ctx: RenderContext): string {
  const say: LocaleTexts['say'][K] = texts.say[step];
  return say(view, ctx);
}

function noteOf<K extends StepView['step']>(texts: LocaleTexts, step: K, view: ViewOf<K>, ctx: RenderContext): string | undefined {
  const note: LocaleTexts['note'][K] = texts.note[step];
  return note?.(view, ctx);
}

function replyOf<K extends StepView['step']>(texts: LocaleTexts, step: K, view: ViewOf<K>, ctx: RenderContext): PromptReply | undefined {
  const reply: LocaleTexts['reply'][K] = texts.reply[step];
  return reply?.(view, ctx);
}

/**
 * Renders what the agent desktop shows for a step: the line to read, the
 * guidance, a ready reply where the customer is likely to ask something, the
 * buttons and the input to collect. Pure and cheap — it runs on every state
 * change: no `Intl` object and no regular expression is built per call.
 *
 * A script's override (`script.prompts[step][locale]`) replaces the line, with
 * its `{placeholders}` filled; on `pesel-digit` it replaces the ask only, and
 * the built-in retry lead stays in front (a retry never hints which digit was
 * wrong).
 *
 * @throws SafecallError `INVALID_ARGUMENT` for a Polish prompt without `ctx.customer.form`
 *   (a form of address is never read aloud as "Pan/Pani").
 * @example
 * ```ts
 * const prompt = renderPrompt({ step: 'consent', count: 3 }, ctx, { index: 5, total: 9 });
 * prompt.say; // 'Poproszę o kilka cyfr Pana numeru PESEL — nie o cały numer. Możemy zaczynać?'
 * ```
 */
export function renderPrompt(view: StepView, ctx: RenderContext, progress: PromptStep['progress']): PromptStep {
  const locale = LOCALES[ctx.locale];
  const { texts } = locale;
  const prompt: PromptStep = {
    step: view.step,
    say: overridden(view, ctx, locale) ?? sayOf(texts, view.step, view, ctx),
    actions: actionsOf(view, ctx, texts),
    progress: { index: progress.index, total: progress.total },
  };
  const note = noteOf(texts, view.step, view, ctx);
  if (note) prompt.note = note;
  // The details of the matter wait for verification: the customer asks right after hearing the purpose.
  if (stepAfterPurpose(ctx.script) === view.step) {
    const reply = replyOf(texts, view.step, view, ctx);
    if (reply) prompt.reply = reply;
  }
  const input = inputOf(view);
  if (input) prompt.input = input;
  switch (view.step) {
    case 'reveal':
      prompt.revealed = view.revealed.map((r) => ({ position: r.position, digit: r.digit }));
      break;
    case 'verifying':
      prompt.pending = true;
      break;
    case 'handoff':
      prompt.outcome = { kind: 'verified' };
      break;
    case 'closing':
      prompt.outcome = view.outcome;
      break;
  }
  return prompt;
}

/**
 * The event a button sends: `{ type: action.event, ...action.payload }`.
 *
 * @example
 * ```ts
 * prompt.actions.map((action) => button(action.label, () => session.send(actionEvent(action))));
 * ```
 */
export function actionEvent(action: PromptAction): SessionEventInput {
  switch (action.event) {
    case 'REQUEST_CALLBACK':
      return { type: 'REQUEST_CALLBACK', ...action.payload };
    case 'ANSWER_DIGIT':
      if (action.payload) return { type: 'ANSWER_DIGIT', ...action.payload };
      break;
    case 'ANSWER':
      if (action.payload) return { type: 'ANSWER', ...action.payload };
      break;
    case 'CUSTOMER_ASKS_DIGITS':
      if (action.payload) return { type: 'CUSTOMER_ASKS_DIGITS', ...action.payload };
      break;
    default:
      return { type: action.event };
  }
  // renderPrompt never makes such a button: these events carry what the customer said, from an input.
  throw new SafecallError('INVALID_ARGUMENT', `a ${action.event} action needs a payload`);
}

/** Whether the view can offer a callback: a session without a callback planner gives no slots and no window. */
function offersCallbacks(view: StepView): boolean {
  return (view.step === 'not-safe' || view.step === 'callback') && (view.slots.length > 0 || view.window !== undefined);
}

function actionsOf(view: StepView, ctx: RenderContext, texts: LocaleTexts): PromptAction[] {
  const actions: PromptAction[] = [];
  if (view.step === 'not-safe' || view.step === 'callback') {
    for (const slot of view.slots) actions.push({ event: 'REQUEST_CALLBACK', label: texts.callbackAt(slot), payload: { at: slot.at } });
  }
  const greetingOnly = view.step === 'introduce' && !ctx.script.steps.confirmPerson;
  const buttons = greetingOnly ? INTRODUCE_WITHOUT_PERSON : BUTTONS[view.step];
  // Step labels fit the question asked; "Tak, to ta osoba" would not fit "Czy ma Pan chwilę na rozmowę?".
  const labels = greetingOnly ? undefined : texts.stepLabels[view.step];
  const callbacks = offersCallbacks(view);
  for (const event of buttons) {
    if (event !== 'REQUEST_CALLBACK' || callbacks) actions.push({ event, label: labels?.[event] ?? texts.labels[event] });
  }
  return actions;
}

function inputOf(view: StepView): PromptInput | undefined {
  switch (view.step) {
    case 'pesel-digit':
      return { kind: 'digit', position: view.position };
    case 'question':
      return { kind: 'answer', questionId: view.question.id, answer: view.question.answer };
    case 'mutual': {
      const forbidden = new Set(view.forbidden.map((r) => r.position));
      for (const p of view.said) forbidden.add(p);
      return {
        kind: 'positions',
        max: view.max,
        allowed: view.allowed.filter((p) => !forbidden.has(p)),
        forbidden: view.forbidden.map((r) => ({ position: r.position, reason: r.reason })),
      };
    }
    case 'not-safe':
    case 'callback':
      return view.window
        ? { kind: 'callback-time', earliest: view.window.earliest, latest: view.window.latest, suggestions: view.slots.map((s) => ({ at: s.at, spoken: s.spoken })) }
        : undefined;
    default:
      return undefined;
  }
}

function isOverridable(step: StepId): step is OverridableStep {
  return OVERRIDABLE[step];
}

function overridden(view: StepView, ctx: RenderContext, locale: LocaleBundle): string | undefined {
  if (!isOverridable(view.step)) return undefined;
  const template = ctx.script.prompts[view.step]?.[ctx.locale];
  if (template === undefined) return undefined;
  const said = fillPlaceholders(template, locale.texts.placeholders(view, ctx));
  return view.step === 'pesel-digit' ? sentences(locale.retryLead(view, ctx), said) : said;
}
