import * as z from 'zod/mini';
import { fromPromise } from 'xstate';
import { SafecallError } from '../core/errors.js';
import { callStateSchema, type CallOutcome, type CallState } from '../model/index.js';
import { runtimeOf } from './runtime.js';

/** Anything but a well-formed state fails closed: a custom Verifier cannot slip nonsense past the machine. */
function checked(state: unknown): CallState {
  const parsed = z.safeParse(callStateSchema, state);
  if (!parsed.success) throw new SafecallError('VERIFIER_UNAVAILABLE', 'the verification service answered in an unexpected shape');
  return parsed.data;
}

/** `open`: the call's verification; awaits the one the session started at once, if any. */
export const openCall = fromPromise<CallState>(async ({ system }) => {
  const runtime = runtimeOf(system);
  const pending = (runtime.opening ??= runtime.verifier.open(runtime.request));
  try {
    return checked(await pending);
  } finally {
    // Settled: the machine holds the call now, or a RETRY opens afresh. Until then the session can still close it.
    if (runtime.opening === pending) runtime.opening = undefined;
  }
});

/** `resume`: the service's state of the call, e.g. after a failed check, to learn whether it counted. */
export const resumeCall = fromPromise<CallState, { callId: string }>(async ({ input, system }) => checked(await runtimeOf(system).verifier.resume(input.callId)));

/** `checkDigits`: the digits of this attempt, from the vault, checked together. */
export const checkDigits = fromPromise<CallState, { callId: string; positions: number[] }>(async ({ input, system }) => {
  const runtime = runtimeOf(system);
  const state = checked(await runtime.verifier.checkDigits(input.callId, runtime.vault.digitsAt(input.positions)));
  // Kept after a failure so RETRY can resend; gone once decided.
  runtime.vault.clearDigits();
  return state;
});

/** `checkAnswer`: the pending answer, or '' for "I don't know" and silence (a counted wrong attempt). */
export const checkAnswer = fromPromise<CallState, { callId: string; questionId: string; empty: boolean }>(async ({ input, system }) => {
  const runtime = runtimeOf(system);
  const state = checked(await runtime.verifier.checkAnswer(input.callId, input.questionId, input.empty ? '' : runtime.vault.answer()));
  runtime.vault.clearAnswer();
  return state;
});

/** `reveal`: digits for the agent to read out; exactly the positions asked, one digit each, or it fails closed. */
export const revealDigits = fromPromise<CallState, { callId: string; positions: number[] }>(async ({ input, system }) => {
  const runtime = runtimeOf(system);
  const result = await runtime.verifier.reveal(input.callId, [...input.positions]);
  const digits = result?.digits ?? {};
  const keys = Object.keys(digits);
  if (keys.length !== input.positions.length || input.positions.some((p) => !/^[0-9]$/.test(String(digits[p])))) {
    throw new SafecallError('VERIFIER_UNAVAILABLE', 'the verification service revealed other positions than asked');
  }
  const state = checked(result.state);
  runtime.vault.putRevealed(digits);
  return state;
});

/** `close`: how the call ended; the service records `verified` only on its own evidence. */
export const closeCall = fromPromise<CallState, { callId: string; outcome: CallOutcome }>(async ({ input, system }) => checked(await runtimeOf(system).verifier.close(input.callId, input.outcome)));
