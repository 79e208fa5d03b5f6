import { __unsafe_getAllOwnEventDescriptors } from 'xstate';
import type { CallScript } from '../script/index.js';
import { revealablePositions, type CallbackDecision, type CallContext, type MachineEvent } from '../session/index.js';

/**
 * The verifier calls a session makes, by their invoke ids in the machine.
 *
 * @example
 * ```ts
 * const call: VerifierCall = 'checkDigits';
 * ```
 */
export type VerifierCall = 'checkDigits' | 'checkAnswer' | 'revealDigits';

/**
 * An event along a script path: what the customer or agent did (the
 * machine's secret-free events), a verifier answer, a verifier failure, or a
 * timeout (`xstate.after.<ms>.<state id>`: silence past the per-question
 * timeout, or a verifier that did not answer in time).
 *
 * @example
 * ```ts
 * const passed = (e: PathEvent) => e.type === 'xstate.done.actor.checkDigits' && e.output.ok;
 * ```
 */
export type PathEvent =
  | Exclude<MachineEvent, { type: 'safecall.restored' }>
  | { type: 'xstate.done.actor.checkDigits' | 'xstate.done.actor.checkAnswer'; output: { ok: boolean; locked: boolean } }
  | { type: 'xstate.done.actor.revealDigits'; output: { positions: number[] } }
  | { type: `xstate.error.actor.${VerifierCall}`; error: string }
  | { type: `xstate.after.${number}.${string}` };

/** A machine snapshot, as far as event offering needs it. */
interface OfferState {
  status: string;
  context: CallContext;
}

const VERDICTS = [
  { ok: true, locked: false },
  { ok: false, locked: false },
  { ok: false, locked: true },
] as const;

const SPOKEN = { pl: 'dziś o 14:30', en: 'today at 14:30' } as const;

/** Events a session sends only to itself: never part of a call's path. */
const INTERNAL = new Set(['safecall.restored']);

const BARE = new Set<string>(['CONFIRM', 'DENY', 'HOLD', 'RESUME', 'DONT_KNOW', 'RETRY', 'CUSTOMER_WILL_CALL_BACK', 'HANG_UP']);

/**
 * The events {@link scriptPaths} offers in a state: one concrete event for
 * every kind of thing that can happen there, and no more — the digit at the
 * position asked (its value is not in machine events), the current question's
 * answer, pass / fail / locked for each verifier check, the digits asked for
 * a reveal, one verifier error, every timeout, one accepted and one refused
 * callback request, and for mutual verification one request the rules allow
 * and one they refuse (a position the customer said).
 *
 * Throws for an event type it does not know, so a new machine event can never
 * be skipped silently.
 *
 * @example
 * ```ts
 * const offer = offerEvents(script);
 * offer(snapshot); // [{ type: 'CONFIRM' }, { type: 'HANG_UP' }, ...]
 * ```
 */
export function offerEvents(script: CallScript): (state: OfferState) => PathEvent[] {
  const accepted: CallbackDecision = { ok: true, at: '2026-11-23T13:30:00.000Z', spoken: SPOKEN[script.locale], reference: 'ABC-123' };
  const refused: CallbackDecision = { ok: false, reason: 'outside-hours', suggestions: [] };
  return (state) => {
    if (state.status !== 'active') return [];
    const context = state.context;
    const events: PathEvent[] = [];
    // xstate lists every event type the active state nodes (and their ancestors) handle.
    for (const type of __unsafe_getAllOwnEventDescriptors(state as never) as string[]) {
      if (INTERNAL.has(type)) continue;
      if (BARE.has(type)) events.push({ type } as PathEvent);
      else if (type === 'ANSWER_DIGIT') {
        const position = context.challenge?.positions[context.answered];
        if (position !== undefined) events.push({ type, position, via: 'voice' });
      } else if (type === 'ANSWER') {
        const question = script.questions[context.question];
        if (question) events.push({ type, questionId: question.id });
      } else if (type === 'CUSTOMER_ASKS_DIGITS') {
        const room = script.mutual.maxPositions - context.mutual.revealed.length;
        const allowed = revealablePositions(context, script.mutual).slice(0, Math.max(0, room));
        if (allowed.length) events.push({ type, positions: allowed });
        const said = context.challenge?.positions[0];
        if (said !== undefined) events.push({ type, positions: [said] });
      } else if (type === 'REQUEST_CALLBACK') {
        events.push({ type, decision: accepted }, { type, decision: refused });
      } else if (type === 'xstate.done.actor.checkDigits' || type === 'xstate.done.actor.checkAnswer') {
        for (const output of VERDICTS) events.push({ type, output: { ...output } });
      } else if (type === 'xstate.done.actor.revealDigits') {
        events.push({ type, output: { positions: [...context.mutual.pending] } });
      } else if (/^xstate\.error\.actor\.(checkDigits|checkAnswer|revealDigits)$/.test(type)) {
        events.push({ type: type as `xstate.error.actor.${VerifierCall}`, error: 'verifier unavailable' });
      } else if (/^xstate\.after\.\d+\./.test(type)) {
        events.push({ type: type as `xstate.after.${number}.${string}` });
      } else {
        throw new Error(`scriptPaths does not know how to offer the event "${type}"; teach offerEvents about it`);
      }
    }
    return events;
  };
}
