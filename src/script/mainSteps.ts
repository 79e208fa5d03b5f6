import type { CallScript } from './schema.js';

/** A main step of a call: what `prompt.step` shows on the script's main path. */
export type MainStepId = 'introduce' | 'confirm-person' | 'caller-id' | 'safe-place' | 'pesel-digit' | 'question' | 'mutual' | 'vip-substitute' | 'handoff';

/**
 * The main steps a script runs, in order, ending with `handoff`. The session's
 * machine is built in this order, and audits check calls against it.
 *
 * @example
 * ```ts
 * mainSteps(defineScript(loanOffer)); // ['introduce', 'confirm-person', 'caller-id', 'safe-place', 'pesel-digit', 'handoff']
 * ```
 */
export function mainSteps(script: CallScript): MainStepId[] {
  const steps: MainStepId[] = ['introduce'];
  if (script.steps.confirmPerson) steps.push('confirm-person');
  if (script.steps.callerId) steps.push('caller-id');
  if (script.steps.safePlace) steps.push('safe-place');
  if (script.pesel.enabled) steps.push('pesel-digit');
  const mutual = script.mutual.enabled && script.pesel.enabled;
  if (mutual && script.mutual.when === 'after-pesel') steps.push('mutual');
  if (script.questions.length) steps.push('question');
  if (mutual && script.mutual.when === 'after-questions') steps.push('mutual');
  if (script.vip?.substitute) steps.push('vip-substitute');
  steps.push('handoff');
  return steps;
}
