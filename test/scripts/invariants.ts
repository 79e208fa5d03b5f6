import type { CallScript, CallState } from '../../src/index.js';
import { delayOf, isServiceAnswer, isServiceFailure, type PathEvent, type ScriptPath } from '../../src/testing/index.js';

/*
 * DESIGN.md §4's rules as properties of one path of a script. Each check
 * returns a list of violations (empty = the path keeps the rule). They read
 * what happened along the path — the customer's events, the service's answers
 * and the states reached — and never the machine's own counters, so a machine
 * that miscounts is caught too.
 */

/** The service's answers along a path, with the index of the event that carried each. */
function answers(path: ScriptPath): { at: number; output: CallState; type: PathEvent['type'] }[] {
  return path.events.flatMap((event, at) => (isServiceAnswer(event) ? [{ at, output: event.output, type: event.type }] : []));
}

/** The challenge the service issued: its `open` answer. */
function issued(path: ScriptPath): CallState | undefined {
  return answers(path).find((a) => a.type === 'xstate.done.actor.openCall')?.output;
}

/** Every path ends — in a final state, with an outcome, and exactly one `outcome` audit record saying it. */
export function endsWithOutcome(path: ScriptPath): string[] {
  const problems: string[] = [];
  if (!path.ended) problems.push(`the call never ends: stuck at ${path.states.at(-1)}`);
  if (path.ended && path.outcome === null) problems.push(`ended at ${path.states.at(-1)} without an outcome`);
  const recorded = path.audit.filter((a) => a.record.type === 'outcome');
  if (path.ended && recorded.length !== 1) problems.push(`${recorded.length} outcome audit records`);
  const [record] = recorded;
  if (record?.record.type === 'outcome' && record.record.data.kind !== path.outcome?.kind) problems.push(`audit says ${record.record.data.kind}, the call ${path.outcome?.kind}`);
  return problems;
}

/**
 * §4.6: `verified` only when the service's `closeCall` answered verified, after
 * the service said the PESEL challenge was passed — or, with no challenge strong
 * enough and `whenExhausted: 'questions'`, after it said every question was —
 * and every script question passed.
 */
export function verifiedOnlyByService(script: CallScript, path: ScriptPath): string[] {
  const problems: string[] = [];
  const reached = path.states.indexOf('verified');
  if (reached < 0 && path.outcome?.kind !== 'verified') return problems;
  const said = answers(path);
  const closed = said.findIndex((a) => a.type === 'xstate.done.actor.closeCall' && a.output.outcome?.kind === 'verified');
  if (closed < 0) return ['verified, but the service never answered closeCall with verified'];
  const close = said[closed]!;
  if (reached !== close.at + 1) problems.push(`reached verified at state ${reached}, not right after the service recorded it (event ${close.at})`);
  const before = said.slice(0, closed);
  const exhausted = issued(path)?.challenge === null;
  if (script.pesel.enabled && !exhausted && !before.some((a) => a.output.passed.pesel)) problems.push('verified without the service saying the PESEL challenge passed');
  if (exhausted && script.pesel.whenExhausted !== 'questions') problems.push('verified with no challenge issued, though the script ends such calls');
  for (const question of script.questions) {
    if (!before.some((a) => a.output.passed.questions.includes(question.id))) problems.push(`verified without the service saying question ${question.id} passed`);
  }
  if (!script.pesel.enabled && script.questions.length === 0) problems.push('verified with nothing to verify');
  return problems;
}

/**
 * §4.3: a failed check never re-rolls the positions — every answer of the
 * service keeps the issued challenge — and each attempt asks them from the
 * first, in order; they are checked together, once all are given (or the
 * customer said "I don't know", or stayed silent).
 */
export function sameChallengeEveryAttempt(path: ScriptPath): string[] {
  const problems: string[] = [];
  const challenge = issued(path)?.challenge ?? null;
  for (const { output, type } of answers(path)) {
    if (JSON.stringify(output.challenge) !== JSON.stringify(challenge)) problems.push(`${type} changed the challenge from ${challenge} to ${output.challenge}`);
  }
  let given: number[] = [];
  path.events.forEach((event, i) => {
    const from = path.states[i]!;
    const to = path.states[i + 1]!;
    if (event.type === 'ANSWER_DIGIT') {
      given.push(event.position);
      if (JSON.stringify(given) !== JSON.stringify(challenge?.slice(0, given.length))) problems.push(`digits ${given} in one attempt, the challenge is ${challenge}`);
    }
    if (from === 'pesel.digits.asking' && to === 'pesel.digits.checking') {
      const early = event.type === 'ANSWER_DIGIT' && given.length !== challenge?.length;
      if (early) problems.push(`checked after ${given.length} of ${challenge?.length} digits`);
      given = [];
    }
    if (to === 'pesel.digits.asking' && from !== 'pesel.digits.asking') given = [];
  });
  return problems;
}

/**
 * §4.2: digits are read out only after the service said this call passed the
 * challenge, and only for positions the customer may ask: never one they
 * said, never the birth date unless the script allows, never more than the
 * script's limit.
 */
export function revealsOnlyAfterPass(script: CallScript, path: ScriptPath): string[] {
  const problems: string[] = [];
  let passed = false;
  let asked: readonly number[] = [];
  const challenge = issued(path)?.challenge ?? [];
  path.events.forEach((event, i) => {
    if (isServiceAnswer(event) && event.type !== 'xstate.done.actor.revealDigits' && event.output.passed.pesel) passed = true;
    if (event.type === 'CUSTOMER_ASKS_DIGITS') asked = event.positions;
    const to = path.states[i + 1]!;
    if (to === 'mutual.revealing' && path.states[i] === 'mutual.inviting') {
      if (!passed) problems.push('asked the service to reveal before it said the challenge passed');
      for (const position of asked) {
        if (challenge.includes(position)) problems.push(`asked to reveal position ${position}, which the customer said`);
        if (position <= 6 && !script.mutual.allowBirthDate) problems.push(`asked to reveal birth-date position ${position}`);
      }
    }
    if (path.steps[i + 1] === 'reveal' && !passed) problems.push('reading digits out before a pass');
  });
  const revealed = answers(path).at(-1)?.output.revealed ?? [];
  if (revealed.length > script.mutual.maxPositions) problems.push(`${revealed.length} digits revealed, more than ${script.mutual.maxPositions}`);
  return problems;
}

/** Recording is paused whenever digits are asked for or read out, and a digit is never taken while it runs. */
export function recordingPausedForDigits(path: ScriptPath): string[] {
  const problems: string[] = [];
  path.steps.forEach((step, i) => {
    if ((step === 'pesel-digit' || step === 'reveal') && path.recording[i] !== 'paused') problems.push(`recording runs at ${path.states[i]} (${step})`);
  });
  path.events.forEach((event, i) => {
    if (event.type === 'ANSWER_DIGIT' && path.recording[i] !== 'paused') problems.push(`a digit given at ${path.states[i]} while recording`);
  });
  return problems;
}

/**
 * §4.3, §4.7: once the service says no attempts are left (or the customer is
 * locked out), nothing more is asked for that item; a lock-out ends the call
 * as `locked`.
 */
export function noAttemptPastTheLimit(path: ScriptPath): string[] {
  const problems: string[] = [];
  let peselClosed = false;
  let locked = false;
  const closedQuestions = new Set<string>();
  path.events.forEach((event) => {
    if (event.type === 'ANSWER_DIGIT' && (peselClosed || locked)) problems.push('a digit taken after the service said no attempt is left');
    if (event.type === 'ANSWER' && (closedQuestions.has(event.questionId) || locked)) problems.push(`an answer to ${event.questionId} taken after the service said no attempt is left`);
    if (!isServiceAnswer(event)) return;
    const call = event.output;
    if (call.locked) locked = true;
    if (!call.passed.pesel && call.challenge && call.attemptsLeft === 0 && event.type !== 'xstate.done.actor.openCall') peselClosed = true;
    for (const [id, left] of Object.entries(call.questionAttemptsLeft)) if (left === 0 && !call.passed.questions.includes(id)) closedQuestions.add(id);
  });
  if (locked && path.ended && path.outcome?.kind !== 'locked' && path.outcome?.kind !== 'abandoned') problems.push(`locked out, yet the call ended ${path.outcome?.kind}`);
  return problems;
}

/** §4.6: a failed or silent service call never moves the call forward: the agent retries, or the call fails closed. */
export function failsClosed(path: ScriptPath): string[] {
  const problems: string[] = [];
  path.events.forEach((event, i) => {
    const silent = delayOf(event) === 'serviceTimeout';
    if (!isServiceFailure(event) && !silent) return;
    const step = path.steps[i + 1];
    const refusedReveal = isServiceFailure(event, 'revealDigits') && event.error.code === 'REVEAL_REFUSED' && step === 'mutual';
    if (step !== 'verifier-error' && step !== 'closing' && !refusedReveal) problems.push(`a ${silent ? 'silent' : 'failed'} service call at ${path.states[i]} led to ${path.states[i + 1]}`);
    if (path.states[i + 1] === 'verified') problems.push('verified after a service failure');
  });
  return problems;
}

/** A field that would hold what the customer said, a single digit as text, or a whole PESEL. */
const SECRET = /"(digit|digits|value|answer)":|:"\d"|"\d{11}"/;

/** §4.1: no digit and no answer value in the audit trail, the events or the service state the machine holds. */
export function noSecretsInTrail(path: ScriptPath): string[] {
  const problems: string[] = [];
  for (const { record } of path.audit) if (SECRET.test(JSON.stringify(record))) problems.push(`audit record ${record.type} carries a digit or an answer`);
  for (const call of path.calls) if (call && SECRET.test(JSON.stringify(call))) problems.push('the call state carries a digit or an answer');
  for (const event of path.events) if (SECRET.test(JSON.stringify(event))) problems.push(`event ${event.type} carries a digit or an answer`);
  return problems;
}

/** Every rule above, for one script. */
export function rules(script: CallScript): Record<string, (path: ScriptPath) => string[]> {
  return {
    'every path ends, with one outcome': endsWithOutcome,
    'verified only when the service recorded it, after the required passes (§4.6)': (path) => verifiedOnlyByService(script, path),
    'a failed check never re-rolls the positions; digits are checked together (§4.3)': sameChallengeEveryAttempt,
    'digits are read out only after a pass, only allowed positions (§4.2)': (path) => revealsOnlyAfterPass(script, path),
    'recording is paused whenever digits are asked or read out': recordingPausedForDigits,
    'nothing is asked past the attempt limit; a lock-out ends the call (§4.3, §4.7)': noAttemptPastTheLimit,
    'a failed or silent service fails closed (§4.6)': failsClosed,
    'no digit or answer in the audit trail or the machine state (§4.1)': noSecretsInTrail,
  };
}
