import { metaOf, type CallMachine, type CallMachineSnapshot } from '../session/internal.js';
import { reachableSteps } from './stepReach.js';

/*
 * Where scriptPaths cuts a call: at checkpoints, where a main step, the next
 * question or the next attempt starts afresh, where the handoff asks the
 * service to record the call as verified, where the customer steps aside
 * (not-safe, on hold), and where the call closes. Routes are enumerated from
 * one checkpoint to the next, so the work grows with the sum of the steps'
 * routes rather than their product. The step-aside detours are cut because a
 * customer can come back through them to a step already passed: with every
 * state of such a loop a checkpoint, counting full paths stays exact.
 */

/**
 * Whether scriptPaths cuts the call at this state: a main step (or the next
 * question, or the next attempt at the PESEL digits or a question) starting
 * afresh — nothing given, pending or refused yet in it, and no service error
 * in a row —, the handoff's first request to record the call as verified,
 * a step-aside detour (not-safe, on hold), or the call closing (`ending`:
 * the outcome is decided).
 *
 * @example
 * ```ts
 * isCheckpoint(snapshot); // true at `pesel.digits.asking` before the first digit of an attempt
 * ```
 */
export function isCheckpoint(snapshot: CallMachineSnapshot): boolean {
  if (snapshot.status !== 'active') return false;
  const meta = metaOf(snapshot);
  const c = snapshot.context;
  // Closing, and the detours a customer can step aside through and come back from (a cut there keeps such loops countable).
  if (meta.step === 'closing' || meta.step === 'not-safe' || meta.step === 'on-hold') return true;
  if (c.verifierErrors !== 0 || c.answered !== 0 || c.mutual.pending.length !== 0) return false;
  if (meta.task === 'close') return c.outcome === null;
  if (meta.step === 'pesel-digit' || meta.step === 'question') return true;
  if (meta.main === undefined || meta.step === 'reveal') return false;
  return c.failures === 0 && c.lastFailure === null && c.refusal === null && (meta.step !== 'mutual' || c.mutual.refused.length === 0);
}

/**
 * What the future of a checkpoint depends on: its state, the service's state of
 * the call without its history (failure counts, bits, attempts left at items
 * already passed), the counters the machine's guards read, and — while the
 * call can still get there — the positions revealed (mutual verification) and
 * `afterHold`, a latch that lets a customer step aside once more; at closing,
 * only the outcome and whether the service opened the call. Checkpoints with
 * equal future keys have the same routes ahead, only with other attempt
 * numbers in their audit trail, so one of them stands for all (`scriptPaths`
 * replays the routes from the others).
 *
 * @example
 * ```ts
 * const futureKey = futureKeyOf(machine);
 * futureKey(passedOnFirstTry) === futureKey(passedOnSecondTry); // true
 * ```
 */
export function futureKeyOf(machine: CallMachine): (snapshot: CallMachineSnapshot) => string {
  const reach = reachableSteps(machine);
  return (snapshot) => {
    const c = snapshot.context;
    const call = c.call;
    // Closing: the outcome is decided, and the service is told it if it opened the call.
    if (metaOf(snapshot).step === 'closing') return JSON.stringify({ value: snapshot.value, outcome: c.outcome, opened: call !== null });
    const ahead = reach(snapshot);
    const open = (id: string) => !call?.passed.questions.includes(id);
    return JSON.stringify({
      value: snapshot.value,
      call: call && {
        challenge: call.challenge,
        attemptsLeft: call.passed.pesel ? null : call.attemptsLeft,
        questionAttemptsLeft: Object.entries(call.questionAttemptsLeft).filter(([id]) => open(id)),
        passed: call.passed,
        revealed: ahead.has('mutual') ? call.revealed : null,
        locked: call.locked ?? null,
        outcome: call.outcome ?? null,
      },
      answered: c.answered,
      question: c.question,
      verifierErrors: c.verifierErrors,
      pending: c.mutual.pending,
      outcome: c.outcome,
      afterHold: ahead.has('on-hold') ? c.afterHold : null,
    });
  };
}
