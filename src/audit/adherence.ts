import { MAIN_STEP_IDS, type MainStepId, type StepId } from '../model/index.js';
import { mainSteps, type CallScript } from '../script/index.js';

const MAIN = new Set<StepId>(MAIN_STEP_IDS.filter((step) => step !== 'handoff'));
/** What a call whose PESEL challenge was exhausted (`pesel.whenExhausted: 'questions'`) legitimately skips. */
const SKIPPED_WHEN_EXHAUSTED = new Set<StepId>(['consent', 'mutual', 'pesel-digit']);

/**
 * Whether a step counts for adherence: a main step other than `handoff`
 * (the `verified` outcome is the handoff; detours such as `on-hold` or
 * `verifying` happen inside main steps).
 *
 * @example
 * ```ts
 * isCheckedStep('safe-place'); // true
 * isCheckedStep('verifying'); // false
 * ```
 */
export function isCheckedStep(step: StepId): boolean {
  return MAIN.has(step);
}

/**
 * The steps a call of `script` is checked against: its main steps in order,
 * without `handoff`.
 *
 * @example
 * ```ts
 * expectedSteps(loanOffer); // ['introduce', 'purpose', 'caller-id', 'safe-place', 'consent', 'pesel-digit']
 * ```
 */
export function expectedSteps(script: CallScript): MainStepId[] {
  return mainSteps(script).filter((step) => step !== 'handoff');
}

/**
 * Script adherence of one call. A verified call adheres when it went through
 * exactly the expected steps in order; a call that ended early, when its
 * steps are the start of them (nothing skipped, nothing out of order). A call
 * whose challenge was exhausted and went on with the questions is checked
 * against the expected steps without `consent`, `pesel-digit` and `mutual`.
 *
 * @example
 * ```ts
 * adheres(['introduce', 'purpose'], expectedSteps(loanOffer), { verified: false, exhausted: false }); // true
 * ```
 */
export function adheres(steps: readonly StepId[], expected: readonly StepId[], call: { verified: boolean; exhausted: boolean }): boolean {
  const order = call.exhausted ? expected.filter((step) => !SKIPPED_WHEN_EXHAUSTED.has(step)) : expected;
  if (call.verified ? steps.length !== order.length : steps.length > order.length) return false;
  return steps.every((step, i) => step === order[i]);
}
