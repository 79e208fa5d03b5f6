import type { MainStepId } from '../model/index.js';
import type { CallScript } from './schema.js';

/**
 * The main steps a script runs, in the article's order, ending with
 * `handoff`. The session's machine is built in this order, and audits check
 * calls against it. A call whose challenge was exhausted
 * (`pesel.whenExhausted: 'questions'`) skips `consent`, `pesel-digit` and
 * `mutual`.
 *
 * @example
 * ```ts
 * mainSteps(defineScript(loanOffer)); // ['introduce', 'purpose', 'caller-id', 'safe-place', 'consent', 'pesel-digit', 'handoff']
 * ```
 */
export function mainSteps(script: CallScript): MainStepId[] {
  const steps: MainStepId[] = ['introduce'];
  if (script.vip?.substitute) steps.push('vip-substitute');
  steps.push('purpose');
  if (script.steps.callerId) steps.push('caller-id');
  if (script.steps.safePlace) steps.push('safe-place');
  if (script.pesel.enabled) steps.push('consent', 'pesel-digit');
  const mutual = script.mutual.enabled && script.pesel.enabled;
  if (mutual && script.mutual.when === 'after-pesel') steps.push('mutual');
  if (script.questions.length) steps.push('question');
  if (mutual && script.mutual.when === 'after-questions') steps.push('mutual');
  steps.push('handoff');
  return steps;
}
