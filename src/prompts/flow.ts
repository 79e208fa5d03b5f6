import type { MainStepId, RefusalReason, RefusedPosition, StepId } from '../model/index.js';
import { mainSteps } from '../script/mainSteps.js';
import type { CallScript } from '../script/schema.js';
import type { StepView } from './types.js';

// Scripts are frozen, so the answer never changes; prompts render on every
// state change, so it is worked out once per script.
const afterPurpose = new WeakMap<CallScript, MainStepId | null>();

/**
 * The main step that follows `purpose` in this script (caller-id, safe-place,
 * consent, …): where the customer typically asks "what is it about?" before
 * being verified (the article's "Jakie to transakcje?").
 *
 * @example
 * ```ts
 * stepAfterPurpose(script); // 'caller-id'
 * ```
 */
export function stepAfterPurpose(script: CallScript): MainStepId | null {
  let step = afterPurpose.get(script);
  if (step === undefined) {
    const steps = mainSteps(script);
    step = steps[steps.indexOf('purpose') + 1] ?? null;
    afterPurpose.set(script, step);
  }
  return step;
}

/**
 * Whether `step` is the one right after `purpose` in this script.
 *
 * @example
 * ```ts
 * if (followsPurpose('caller-id', script)) note += ' …';
 * ```
 */
export function followsPurpose(step: StepId, script: CallScript): boolean {
  return stepAfterPurpose(script) === step;
}

/**
 * A step's guidance, with `detailsNote` added on the step right after the
 * purpose (where the customer asks what the call is about).
 *
 * @example
 * ```ts
 * withDetailsNote(view, ctx, 'Numer musi się zgadzać.', 'Szczegóły sprawy dopiero po weryfikacji.');
 * ```
 */
export function withDetailsNote(view: StepView, ctx: { script: CallScript }, note: string, detailsNote: string): string {
  return followsPurpose(view.step, ctx.script) ? `${note} ${detailsNote}` : note;
}

/**
 * The number of verification questions the customer will be asked: the
 * safe-place view says it (the PESEL challenge is left out when it was
 * exhausted); elsewhere it is the script's.
 *
 * @example
 * ```ts
 * questionTotal({ step: 'safe-place', afterHold: false, questions: 3 }, script); // 3
 * ```
 */
export function questionTotal(view: StepView, script: CallScript): number {
  return view.step === 'safe-place' ? view.questions : (script.pesel.enabled ? 1 : 0) + script.questions.length;
}

/**
 * Whether the PESEL challenge is among the questions still to come (it is not
 * when it was exhausted and the script verifies with its questions alone).
 *
 * @example
 * ```ts
 * peselAmongQuestions({ step: 'safe-place', afterHold: false, questions: 3 }, script); // true with 2 script questions
 * ```
 */
export function peselAmongQuestions(view: StepView, script: CallScript): boolean {
  return script.pesel.enabled && questionTotal(view, script) > script.questions.length;
}

/**
 * The positions the customer may really ask for in mutual verification:
 * `allowed`, minus anything the view also lists as said, refused or
 * forbidden — so an example or a picker never offers a forbidden position.
 *
 * @example
 * ```ts
 * askable({ step: 'mutual', said: [5, 8, 9], allowed: [7, 9, 10, 11], max: 2, refused: [], forbidden: [] }); // [7, 10, 11]
 * ```
 */
export function askable(view: Extract<StepView, { step: 'mutual' }>): number[] {
  const out = new Set<number>([...view.said, ...view.refused.map((r) => r.position), ...view.forbidden.map((r) => r.position)]);
  return [...new Set(view.allowed)].filter((p) => !out.has(p)).sort((a, b) => a - b);
}

/**
 * Refused positions grouped by reason, each group in ascending order, so a
 * locale says one sentence per reason.
 *
 * @example
 * ```ts
 * refusedByReason([{ position: 9, reason: 'said' }]); // { said: [9], 'birth-date': [], 'over-limit': [], disclosure: [] }
 * ```
 */
export function refusedByReason(refused: readonly RefusedPosition[]): Record<RefusalReason, number[]> {
  const groups: Record<RefusalReason, number[]> = { said: [], 'birth-date': [], 'over-limit': [], disclosure: [] };
  for (const r of refused) if (!groups[r.reason].includes(r.position)) groups[r.reason].push(r.position);
  for (const list of Object.values(groups)) list.sort((a, b) => a - b);
  return groups;
}
