import { challengeStrength, type CallOutcome, type CallScript, type CallState } from '../index.js';
import type { ServiceFailure } from './pathEvents.js';
import { SIMULATION_START } from './defaults.js';

/*
 * The service's answers scriptPaths offers, one per kind of answer the
 * machine must handle. They are built the way the service builds its
 * CallState (positions and counts only, never a digit) from the state the
 * machine holds, so a path reads like a real call: the challenge never
 * changes, counts only go down, a pass stays a pass.
 */

const ALL = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const BIRTH_DATE = [1, 2, 3, 4, 5, 6];
const HOUR = 60 * 60_000;

/**
 * The service is unreachable: retryable.
 *
 * @example
 * ```ts
 * ({ type: 'xstate.error.actor.checkDigits', error: UNAVAILABLE });
 * ```
 */
export const UNAVAILABLE: ServiceFailure = { code: 'VERIFIER_UNAVAILABLE', retryable: true };
/**
 * The service refused a reveal the desktop thought allowed (the disclosure floor).
 *
 * @example
 * ```ts
 * ({ type: 'xstate.error.actor.revealDigits', error: REVEAL_REFUSED });
 * ```
 */
export const REVEAL_REFUSED: ServiceFailure = { code: 'REVEAL_REFUSED', retryable: false };
/**
 * The service refused to record `verified`.
 *
 * @example
 * ```ts
 * ({ type: 'xstate.error.actor.closeCall', error: VERIFICATION_REFUSED });
 * ```
 */
export const VERIFICATION_REFUSED: ServiceFailure = { code: 'VERIFICATION_REFUSED', retryable: false };

const round = (bits: number) => Math.round(bits * 100) / 100;

/**
 * The listener a challenge must hold against, as the service models it: the
 * script's threat model plus the positions already spoken on the line.
 *
 * @example
 * ```ts
 * listenerOf(script, [7, 8]); // { known: [1, 2, 3, 4, 5, 6, 7, 8], sex: true } under 'acquaintance'
 * ```
 */
export function listenerOf(script: CallScript, spoken: readonly number[]): { known: number[]; sex: boolean } {
  const acquaintance = script.pesel.threat === 'acquaintance';
  return { known: [...new Set([...(acquaintance ? BIRTH_DATE : []), ...spoken])].sort((a, b) => a - b), sex: acquaintance };
}

function bitsLeft(script: CallScript, spoken: readonly number[]): number {
  const listener = listenerOf(script, spoken);
  return round(challengeStrength(ALL.filter((p) => !listener.known.includes(p)), listener));
}

const counts = (script: CallScript, value: (attempts: number) => number) => Object.fromEntries(script.questions.map((q) => [q.id, value(q.attempts)]));
const locked = { until: new Date(Date.parse(SIMULATION_START) + HOUR).toISOString() };

/**
 * What `open` answers: a call with `challenge` (or with none left strong
 * enough, or for a locked-out customer).
 *
 * @example
 * ```ts
 * openAnswers(script, [7, 8, 9]).opened.challenge; // [7, 8, 9]
 * ```
 */
export function openAnswers(script: CallScript, challenge: readonly number[] | null): { opened: CallState; exhausted: CallState | undefined; locked: CallState } {
  const positions = challenge ? [...challenge] : null;
  const opened: CallState = {
    callId: 'call-sim',
    challenge: positions,
    challengeBits: positions ? round(challengeStrength(positions, listenerOf(script, []))) : 0,
    reissued: false,
    attemptsLeft: positions ? script.pesel.attempts : 0,
    questionAttemptsLeft: counts(script, (attempts) => attempts),
    failures: { pesel: 0, questions: counts(script, () => 0) },
    passed: { pesel: false, questions: [] },
    revealed: [],
    disclosure: { bitsLeft: bitsLeft(script, []) },
  };
  return {
    opened,
    exhausted: script.pesel.enabled ? { ...opened, challenge: null, challengeBits: 0, attemptsLeft: 0 } : undefined,
    locked: { ...opened, attemptsLeft: 0, questionAttemptsLeft: counts(script, () => 0), locked },
  };
}

/** After a check, the challenge's positions count as spoken on the line. */
const afterCheck = (script: CallScript, call: CallState): CallState => ({ ...call, disclosure: { bitsLeft: bitsLeft(script, [...(call.challenge ?? []), ...call.revealed]) } });

/**
 * What `checkDigits` can answer: passed (only when every digit was given: "I
 * don't know" and silence are wrong attempts); failed with attempts left (when
 * there are); failed with none left (the customer's own limit across calls can
 * cut an attempt short); locked out.
 *
 * @example
 * ```ts
 * digitAnswers(script, call, true).map((state) => state.passed.pesel); // [true, false, false, false]
 * ```
 */
export function digitAnswers(script: CallScript, call: CallState, answered: boolean): CallState[] {
  const checked = afterCheck(script, call);
  const failed = (attemptsLeft: number): CallState => ({ ...checked, attemptsLeft, failures: { ...call.failures, pesel: call.failures.pesel + 1 } });
  return [
    ...(answered ? [{ ...checked, passed: { ...call.passed, pesel: true } }] : []),
    ...(call.attemptsLeft > 1 ? [failed(call.attemptsLeft - 1)] : []),
    failed(0),
    { ...failed(0), questionAttemptsLeft: counts(script, () => 0), locked },
  ];
}

/**
 * What `checkAnswer` can answer for question `questionId`: passed (only when
 * the customer answered); failed with attempts left (when there are); failed
 * with none left; locked out.
 *
 * @example
 * ```ts
 * answerAnswers(script, call, 'home-city', true).map((state) => state.passed.questions);
 * ```
 */
export function answerAnswers(script: CallScript, call: CallState, questionId: string, answered: boolean): CallState[] {
  const left = call.questionAttemptsLeft[questionId] ?? 0;
  const failed = (attemptsLeft: number): CallState => ({
    ...call,
    questionAttemptsLeft: { ...call.questionAttemptsLeft, [questionId]: attemptsLeft },
    failures: { ...call.failures, questions: { ...call.failures.questions, [questionId]: (call.failures.questions[questionId] ?? 0) + 1 } },
  });
  return [
    ...(answered ? [{ ...call, passed: { ...call.passed, questions: [...call.passed.questions, questionId] } }] : []),
    ...(left > 1 ? [failed(left - 1)] : []),
    failed(0),
    { ...failed(0), attemptsLeft: 0, questionAttemptsLeft: counts(script, () => 0), locked },
  ];
}

/**
 * What `reveal` answers: the call with `positions` revealed (the digits go to
 * the agent's screen, never into a path).
 *
 * @example
 * ```ts
 * revealAnswer(script, call, [10, 11]).revealed; // [10, 11]
 * ```
 */
export function revealAnswer(script: CallScript, call: CallState, positions: readonly number[]): CallState {
  const revealed = [...new Set([...call.revealed, ...positions])].sort((a, b) => a - b);
  return { ...call, revealed, disclosure: { bitsLeft: bitsLeft(script, [...(call.challenge ?? []), ...revealed]) } };
}

/**
 * What `close` answers: the call with `outcome` recorded.
 *
 * @example
 * ```ts
 * closeAnswer(call, { kind: 'verified' }).outcome; // { kind: 'verified' }
 * ```
 */
export function closeAnswer(call: CallState, outcome: CallOutcome): CallState {
  return { ...call, outcome };
}
