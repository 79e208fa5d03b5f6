import type { CallState, SafecallErrorCode } from '../index.js';
import type { MachineEvent } from '../session/internal.js';

/**
 * The invoke ids of the session's calls to the verification service (one per
 * `Verifier` method; `resumeCall` re-reads the call after a lost check).
 *
 * @example
 * ```ts
 * const id: ServiceActorId = 'checkDigits';
 * ```
 */
export type ServiceActorId = 'openCall' | 'resumeCall' | 'checkDigits' | 'checkAnswer' | 'revealDigits' | 'closeCall';

/**
 * The machine's named delays: silence past the per-question timeout, and a
 * service that did not answer in time.
 *
 * @example
 * ```ts
 * const delay: DelayName = 'answerTimeout';
 * ```
 */
export type DelayName = 'answerTimeout' | 'serviceTimeout';

/**
 * How a service call failed, as the machine's guards read it: `retryable`
 * errors let the agent retry, others end the attempt.
 *
 * @example
 * ```ts
 * const outage: ServiceFailure = { code: 'VERIFIER_UNAVAILABLE', retryable: true };
 * ```
 */
export interface ServiceFailure {
  code: SafecallErrorCode;
  retryable: boolean;
}

/**
 * What the customer said or did, or the agent's retry, as the machine receives
 * it: digits and answer values are not in it (the session keeps them out of the
 * machine). The session's internal restore event is never part of a path.
 *
 * @example
 * ```ts
 * const event: CallEvent = { type: 'ANSWER_DIGIT', position: 7, via: 'voice' };
 * ```
 */
export type CallEvent = Exclude<MachineEvent, { type: 'safecall.restored' }>;

/**
 * An event along a script path, in xstate's own shapes: a {@link CallEvent};
 * the service's answer to a call (`xstate.done.actor.<id>` with the
 * `CallState` it returned); a failed service call (`xstate.error.actor.<id>`);
 * or a named delay that ran out (`xstate.after.<delay>.<state id>`).
 *
 * @example
 * ```ts
 * const passed = (e: PathEvent) => e.type === 'xstate.done.actor.checkDigits' && e.output.passed.pesel;
 * ```
 */
export type PathEvent =
  | CallEvent
  | { type: `xstate.done.actor.${ServiceActorId}`; output: CallState }
  | { type: `xstate.error.actor.${ServiceActorId}`; error: ServiceFailure }
  | { type: `xstate.after.${DelayName}.${string}` };

/**
 * Narrows a path event to a service answer, optionally of one call.
 *
 * @example
 * ```ts
 * path.events.some((e) => isServiceAnswer(e, 'closeCall') && e.output.outcome?.kind === 'verified');
 * ```
 */
export function isServiceAnswer(event: PathEvent, id?: ServiceActorId): event is Extract<PathEvent, { output: CallState }> {
  return 'output' in event && (id === undefined || event.type === `xstate.done.actor.${id}`);
}

/**
 * Narrows a path event to a failed service call, optionally of one call.
 *
 * @example
 * ```ts
 * path.events.filter((e) => isServiceFailure(e, 'checkDigits')).length;
 * ```
 */
export function isServiceFailure(event: PathEvent, id?: ServiceActorId): event is Extract<PathEvent, { error: ServiceFailure }> {
  return 'error' in event && (id === undefined || event.type === `xstate.error.actor.${id}`);
}

/**
 * The named delay of a timeout event, or `undefined` for any other event.
 *
 * @example
 * ```ts
 * delayOf({ type: 'xstate.after.answerTimeout.call.pesel.digits.asking' }); // 'answerTimeout'
 * ```
 */
export function delayOf(event: PathEvent): DelayName | undefined {
  const match = /^xstate\.after\.(answerTimeout|serviceTimeout)\./.exec(event.type);
  return match?.[1] === 'answerTimeout' || match?.[1] === 'serviceTimeout' ? match[1] : undefined;
}
