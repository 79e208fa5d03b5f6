import type { SessionEventInput, SessionEventType } from '../session/events.js';
import { en } from './en.js';
import { fillPlaceholders, joinLead } from './fill.js';
import { pl } from './pl.js';
import type { CallbackSlot, LocaleTexts, PromptAction, PromptInput, PromptStep, RenderContext, StepView } from './types.js';

/** Texts per locale. One file per locale; add a locale by adding a file here. */
export const LOCALE_TEXTS: Readonly<Record<RenderContext['locale'], LocaleTexts>> = { pl, en };

type Buttons = readonly SessionEventType[];
const LEAVE: Buttons = ['REQUEST_CALLBACK', 'CUSTOMER_WILL_CALL_BACK', 'HANG_UP'];

/** The buttons of each step, in display order (slot buttons are added separately). */
const BUTTONS: { [K in StepView['step']]: Buttons } = {
  introduce: ['CONFIRM', ...LEAVE],
  'confirm-person': ['CONFIRM', 'DENY', 'HANG_UP'],
  'caller-id': ['CONFIRM', 'DENY', 'HANG_UP'],
  'safe-place': ['CONFIRM', 'DENY', 'HOLD', ...LEAVE],
  'not-safe': ['HOLD', 'CUSTOMER_WILL_CALL_BACK', 'HANG_UP'],
  'on-hold': ['RESUME', ...LEAVE],
  callback: ['CUSTOMER_WILL_CALL_BACK', 'HANG_UP'],
  'pesel-digit': ['DONT_KNOW', ...LEAVE],
  question: ['DONT_KNOW', ...LEAVE],
  mutual: ['DENY', 'HANG_UP'],
  reveal: ['CONFIRM', 'DENY', 'HANG_UP'],
  'vip-substitute': ['CONFIRM', 'DENY', 'HANG_UP'],
  verifying: ['HANG_UP'],
  'verifier-error': ['RETRY', ...LEAVE],
  handoff: [],
  closing: [],
};

/**
 * Renders what the agent desktop shows for a step: the line to read, the
 * guidance, the buttons and the input to collect. Pure: same view, same
 * context, same prompt.
 *
 * @example
 * ```ts
 * renderPrompt({ step: 'caller-id' }, ctx, { index: 3, total: 8 }).say;
 * // "Dzwonię z numeru +48 22 123 45 67, który mamy w Pana umowie. ..."
 * ```
 */
export function renderPrompt(view: StepView, ctx: RenderContext, progress: PromptStep['progress']): PromptStep {
  const texts = LOCALE_TEXTS[ctx.locale];
  const say = overridden(view, ctx, texts) ?? (texts.say[view.step] as (v: StepView, c: RenderContext) => string)(view, ctx);
  const note = (texts.note[view.step] as ((v: StepView, c: RenderContext) => string | undefined) | undefined)?.(view, ctx);
  const labels = texts.stepLabels[view.step];
  const actions: PromptAction[] = [];
  const slots: CallbackSlot[] = view.step === 'not-safe' || view.step === 'callback' ? view.slots : [];
  for (const slot of slots) actions.push({ event: 'REQUEST_CALLBACK', label: texts.callbackAt(slot), payload: { at: slot.at } });
  for (const event of BUTTONS[view.step]) {
    actions.push({ event, label: labels?.[event] ?? texts.labels[event] } as PromptAction);
  }
  const prompt: PromptStep = { step: view.step, say, actions, progress };
  if (note !== undefined) prompt.note = note;
  const input = inputOf(view, ctx);
  if (input) prompt.input = input;
  if (view.step === 'reveal') prompt.revealed = view.revealed.map((r) => ({ ...r }));
  if (view.step === 'verifying') prompt.pending = true;
  if (view.step === 'closing') prompt.outcome = view.outcome;
  if (view.step === 'handoff') prompt.outcome = { kind: 'verified' };
  return prompt;
}

/**
 * The event a button sends: `{ type: action.event, ...action.payload }`, typed.
 *
 * @example
 * ```ts
 * prompt.actions.map((action) => button(action.label, () => session.send(actionEvent(action))));
 * ```
 */
export function actionEvent(action: PromptAction): SessionEventInput {
  return { type: action.event, ...action.payload } as SessionEventInput;
}

function inputOf(view: StepView, ctx: RenderContext): PromptInput | undefined {
  switch (view.step) {
    case 'pesel-digit':
      return { kind: 'digit', position: view.position };
    case 'question':
      return { kind: 'answer', questionId: view.question.id, answer: view.question.answer };
    case 'mutual':
      return { kind: 'positions', max: view.max, suggested: [...view.suggested] };
    case 'not-safe':
    case 'callback':
      return { kind: 'callback-time', earliest: view.window.earliest, latest: view.window.latest, suggestions: view.slots.map((s) => ({ ...s })) };
    default:
      void ctx;
      return undefined;
  }
}

function overridden(view: StepView, ctx: RenderContext, texts: LocaleTexts): string | undefined {
  const template = (ctx.script.prompts as Partial<Record<string, { pl?: string; en?: string }>>)[view.step]?.[ctx.locale];
  if (template === undefined) return undefined;
  const { script } = ctx;
  const questions = (script.pesel.enabled ? 1 : 0) + script.questions.length;
  const values: Record<string, string | undefined> = {
    agent: ctx.agent.name,
    customer: ctx.customer.name,
    institution: script.institution.name,
    officialNumber: script.institution.officialNumber,
    callerIdLabel: script.institution.callerIdLabel,
    purpose: script.purpose[ctx.locale],
    questionCount: texts.questionCount(questions),
    advisor: script.vip?.advisor,
    substituteDates: script.vip?.substitute ? texts.dateRange(script.vip.substitute.from, script.vip.substitute.to) : undefined,
    announcedOn: script.vip?.substitute ? texts.date(script.vip.substitute.announcedOn) : undefined,
  };
  if (view.step === 'pesel-digit') {
    values['ordinal'] = texts.ordinal(view.position);
    values['position'] = String(view.position);
    // The override is the ask; the lead (why we ask, or that we ask again) stays
    // built in so a retry never hints at which digit was wrong.
    return joinLead(texts.peselLead(view, ctx), fillPlaceholders(template, values));
  }
  return fillPlaceholders(template, values);
}
