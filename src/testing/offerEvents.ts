import { __unsafe_getAllOwnEventDescriptors } from 'xstate';
import { SafecallError, type CallScript, type CallState } from '../index.js';
import type { CallbackDecision } from '../model/index.js';
import { metaOf, type CallMachineSnapshot } from '../session/internal.js';
import { SIMULATION_START } from './defaults.js';
import type { CallEvent, PathEvent, ServiceActorId } from './pathEvents.js';
import { answerAnswers, closeAnswer, digitAnswers, openAnswers, REVEAL_REFUSED, revealAnswer, UNAVAILABLE, VERIFICATION_REFUSED } from './serviceAnswers.js';

/** Events that need nothing but their type. */
const BARE = new Set<string>(['CONFIRM', 'DENY', 'HOLD', 'RESUME', 'DONT_KNOW', 'RETRY', 'CUSTOMER_WILL_CALL_BACK', 'HANG_UP']);
const SERVICE_ACTORS = new Set<string>(['openCall', 'resumeCall', 'checkDigits', 'checkAnswer', 'revealDigits', 'closeCall']);
/** Sent by `restoreCallSession` only: never part of a call's path. */
const INTERNAL = 'safecall.restored';

const isBare = (type: string): type is Extract<CallEvent, { type: 'CONFIRM' | 'DENY' | 'HOLD' | 'RESUME' | 'DONT_KNOW' | 'RETRY' | 'CUSTOMER_WILL_CALL_BACK' | 'HANG_UP' }>['type'] => BARE.has(type);
const isServiceActor = (id: string): id is ServiceActorId => SERVICE_ACTORS.has(id);

/**
 * The events {@link scriptPaths} offers in a state: for every event the
 * state handles (xstate's own descriptors of the active states), one concrete
 * event per kind of thing that can happen there, and no more —
 *
 * - the customer's events (only `HANG_UP` while the service is asked: the
 *   session refuses the others then): the digit at the position asked (its value is not
 *   in machine events), the current question's answer, one mutual request the
 *   rules allow and one they refuse (a position the customer said, or the
 *   birth date), an accepted and a refused callback decision;
 * - for each active service call (`xstate.done.actor.<id>`), its
 *   representative answers: after a pass, a failure with attempts left, a
 *   failure with none left, a lock-out; for `openCall` also an exhausted
 *   challenge and a locked-out customer; for `closeCall` verified and not
 *   recorded; and `xstate.error.actor.<id>` (unavailable, and the service's
 *   own refusals where the machine tells them apart);
 * - `xstate.after.<delay>.<state id>` for the named delays.
 *
 * Throws for an event type it does not know, so a new machine event can
 * never be skipped silently.
 *
 * @example
 * ```ts
 * const offer = offerEvents(script, [7, 8, 9]);
 * offer(snapshot); // [{ type: 'HANG_UP' }, { type: 'CONFIRM' }, ...]
 * ```
 */
export function offerEvents(script: CallScript, challenge: readonly number[] | null): (snapshot: CallMachineSnapshot) => PathEvent[] {
  const accepted: CallbackDecision = {
    ok: true,
    callback: { at: new Date(Date.parse(SIMULATION_START) + 30 * 60_000).toISOString(), spoken: script.locale === 'pl' ? 'dziś o 14:30' : 'today at 14:30', reference: 'SIM-0001' },
  };
  const refused: CallbackDecision = { ok: false, reason: 'outside-hours', suggestions: [] };
  const opened = openAnswers(script, challenge);
  return (snapshot) => {
    if (snapshot.status !== 'active') return [];
    // While the service is asked the session lets only a hang-up through (it refuses the rest unchanged).
    const pending = snapshot.hasTag('pending');
    const events: PathEvent[] = [];
    for (const type of __unsafe_getAllOwnEventDescriptors(snapshot)) {
      if (type === INTERNAL || (pending && !type.startsWith('xstate.') && type !== 'HANG_UP')) continue;
      if (isBare(type)) events.push({ type });
      else if (type === 'ANSWER_DIGIT' || type === 'ANSWER' || type === 'CUSTOMER_ASKS_DIGITS') events.push(...customerAnswers(script, snapshot, type));
      else if (type === 'REQUEST_CALLBACK') events.push({ type, decision: accepted }, { type, decision: refused });
      else if (type.startsWith('xstate.after.')) events.push(afterEvent(type));
      else events.push(...serviceEvents(script, snapshot, type, opened));
    }
    return events;
  };
}

function afterEvent(type: string): PathEvent {
  const match = /^xstate\.after\.(answerTimeout|serviceTimeout)\.(.+)$/.exec(type);
  const delay = match?.[1];
  if ((delay !== 'answerTimeout' && delay !== 'serviceTimeout') || match?.[2] === undefined) throw new SafecallError('INVALID_ARGUMENT', `not a named delay: ${type}`);
  return { type: `xstate.after.${delay}.${match[2]}` };
}

/** What the customer says: the digit asked, the current question's answer, a mutual request allowed and one refused. */
function customerAnswers(script: CallScript, snapshot: CallMachineSnapshot, type: 'ANSWER_DIGIT' | 'ANSWER' | 'CUSTOMER_ASKS_DIGITS'): PathEvent[] {
  const { call, answered, question } = snapshot.context;
  if (type === 'ANSWER_DIGIT') {
    const position = call?.challenge?.[answered];
    return position === undefined ? [] : [{ type, position, via: 'voice' }];
  }
  if (type === 'ANSWER') {
    const current = script.questions[question];
    return current ? [{ type, questionId: current.id }] : [];
  }
  if (!call) return [];
  const said = call.challenge ?? [];
  const room = script.mutual.maxPositions - call.revealed.length;
  // The rules, written from DESIGN §4.2 rather than taken from the machine, so a path shows what the machine does with them.
  const open = [11, 10, 9, 8, 7, ...(script.mutual.allowBirthDate ? [6, 5, 4, 3, 2, 1] : [])].filter((p) => !said.includes(p) && !call.revealed.includes(p));
  const allowed = open.slice(0, Math.max(0, room)).sort((a, b) => a - b);
  const forbidden = said[0] ?? (script.mutual.allowBirthDate ? undefined : 1);
  return [...(allowed.length ? [{ type, positions: allowed }] : []), ...(forbidden === undefined ? [] : [{ type, positions: [forbidden] }])];
}

/** The answers and failures of the service call the state waits for. */
function serviceEvents(script: CallScript, snapshot: CallMachineSnapshot, type: string, opened: ReturnType<typeof openAnswers>): PathEvent[] {
  const match = /^xstate\.(done|error)\.actor\.(.+)$/.exec(type);
  const id = match?.[2];
  if (!match || id === undefined || !isServiceActor(id)) {
    throw new SafecallError('INVALID_ARGUMENT', `scriptPaths does not know how to offer the event "${type}"; teach offerEvents about it`);
  }
  const { call, outcome, question, mutual, cause } = snapshot.context;
  // "I don't know" and silence are wrong attempts: the service never passes them.
  const answered = cause === 'wrong';
  const task = metaOf(snapshot).task;
  if (match[1] === 'error') {
    const failures = [UNAVAILABLE];
    if (id === 'revealDigits') failures.push(REVEAL_REFUSED);
    if (id === 'closeCall' && outcome === null) failures.push(VERIFICATION_REFUSED);
    return failures.map((error) => ({ type: `xstate.error.actor.${id}`, error }));
  }
  const done = (outputs: readonly (CallState | undefined)[]): PathEvent[] => outputs.flatMap((output) => (output ? [{ type: `xstate.done.actor.${id}` as const, output }] : []));
  if (id === 'openCall') return done([opened.opened, opened.exhausted, opened.locked]);
  if (!call) return [];
  const questionId = script.questions[question]?.id;
  const checks = () => (task === 'answer' && questionId !== undefined ? answerAnswers(script, call, questionId, answered) : digitAnswers(script, call, answered));
  switch (id) {
    case 'checkDigits':
      return done(digitAnswers(script, call, answered));
    case 'checkAnswer':
      return questionId === undefined ? [] : done(answerAnswers(script, call, questionId, answered));
    case 'resumeCall':
      // Unchanged: the lost check never reached the service; otherwise it was counted.
      return done([call, ...checks()]);
    case 'revealDigits':
      return done([revealAnswer(script, call, mutual.pending)]);
    case 'closeCall':
      return outcome === null ? done([closeAnswer(call, { kind: 'verified' }), call]) : done([closeAnswer(call, outcome)]);
  }
}
