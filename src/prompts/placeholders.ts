import { fillPlaceholders } from './fill.js';
import { questionTotal } from './flow.js';
import type { AddressForms } from './forms.js';
import type { RenderContext, StepView } from './types.js';

/**
 * How one locale says the placeholder values that are not plain script fields.
 *
 * @example
 * ```ts
 * const words: PlaceholderWords = { you: EN_ADDRESS, questionCount: (n) => `${n} questions`, ordinal: enOrdinal, substituteDates: (a, b) => `${a}–${b}`, day: (d) => d };
 * ```
 */
export interface PlaceholderWords {
  /** The customer's forms of address (`{youNom}` …), when known. */
  you: Readonly<AddressForms> | undefined;
  /** `{questionCount}`: "trzy pytania weryfikacyjne" / "three verification questions". */
  questionCount: (n: number) => string;
  /** `{ordinal}` on the PESEL step: "piątą" / "fifth". */
  ordinal: (position: number) => string;
  /** `{substituteDates}`, with its preposition: "w dniach 23–27 listopada" / "from 23 to 27 November". */
  substituteDates: (from: string, to: string) => string;
  /** `{announcedOn}`: "18 listopada" / "18 November". */
  day: (date: string) => string;
}

const TRAILING_STOP = /[\s.!…]+$/u;

function baseValues(view: StepView | undefined, ctx: RenderContext, words: PlaceholderWords): Record<string, string | undefined> {
  const { script } = ctx;
  const sub = script.vip?.substitute;
  const questions = view ? questionTotal(view, script) : (script.pesel.enabled ? 1 : 0) + script.questions.length;
  return {
    agent: ctx.agent.name,
    customer: ctx.customer.name,
    institution: script.institution.name,
    officialNumber: script.institution.officialNumber,
    callerIdLabel: script.institution.callerIdLabel,
    questionCount: words.questionCount(questions),
    ordinal: view?.step === 'pesel-digit' ? words.ordinal(view.position) : undefined,
    position: view?.step === 'pesel-digit' ? String(view.position) : undefined,
    advisor: script.vip?.advisor,
    substituteDates: sub ? words.substituteDates(sub.from, sub.to) : undefined,
    announcedOn: sub ? words.day(sub.announcedOn) : undefined,
    youNom: words.you?.nom,
    youGen: words.you?.gen,
    youDat: words.you?.dat,
    youAcc: words.you?.acc,
    youIns: words.you?.ins,
    youLoc: words.you?.loc,
  };
}

/**
 * The script's purpose in the prompt's locale (the other locale's when it has
 * none), its placeholders filled and its final full stop dropped: it is said
 * inside a sentence ("Dzwonię {purpose}.").
 *
 * @example
 * ```ts
 * purposeText(ctx, words); // 'w sprawie Pana karty'
 * ```
 */
export function purposeText(ctx: RenderContext, words: PlaceholderWords): string {
  const { purpose } = ctx.script;
  const template = (purpose[ctx.locale] ?? purpose.pl ?? purpose.en ?? '').replace(TRAILING_STOP, '');
  return template.includes('{') ? fillPlaceholders(template, baseValues(undefined, ctx, words)) : template;
}

/**
 * Every placeholder value for a step (see `PLACEHOLDERS` in the script
 * schema): the script's fields, and the locale's words for the rest.
 *
 * @example
 * ```ts
 * placeholderValues({ step: 'on-hold' }, ctx, words).youAcc; // 'Panią'
 * ```
 */
export function placeholderValues(view: StepView, ctx: RenderContext, words: PlaceholderWords): Record<string, string | undefined> {
  return { ...baseValues(view, ctx, words), purpose: purposeText(ctx, words) };
}

/**
 * A script text (a question) in the prompt's locale, the other locale's when
 * it has none, with its placeholders filled.
 *
 * @example
 * ```ts
 * scriptText({ pl: 'W którym roku założono {youGen} rachunek?' }, view, ctx, words); // 'W którym roku założono Pana rachunek?'
 * ```
 */
export function scriptText(text: { readonly pl?: string | undefined; readonly en?: string | undefined }, view: StepView, ctx: RenderContext, words: PlaceholderWords): string {
  const template = text[ctx.locale] ?? text.pl ?? text.en ?? '';
  return template.includes('{') ? fillPlaceholders(template, placeholderValues(view, ctx, words)) : template;
}
