import { SafecallError, isSafecallError } from '../core/errors.js';
import type { CallSession } from './session.js';

/**
 * Anything that emits the keys the customer presses on their phone (DTMF): a
 * softphone SDK's tone event, a test double, the desktop's stand-in panel.
 * `subscribe` returns the function that stops the subscription.
 *
 * @example
 * ```ts
 * const source: KeypadSource = {
 *   subscribe: (onDigit) => {
 *     const listener = (tone: { digit: string }) => onDigit(tone.digit);
 *     softphone.on('dtmf', listener);
 *     return () => softphone.off('dtmf', listener);
 *   },
 * };
 * ```
 */
export interface KeypadSource {
  subscribe(onDigit: (digit: string) => void): () => void;
}

/**
 * Why a key did not answer anything:
 * `not-expected` — the current step asks for no digit (or the service is being asked);
 * `not-a-digit` — `*`, `#` or anything else than one of 0–9;
 * `ended` — the call is over;
 * `refused` — the session refused the answer (the step moved on as the key arrived).
 *
 * @example
 * ```ts
 * const reason: KeypadDropReason = 'not-expected';
 * ```
 */
export type KeypadDropReason = 'not-expected' | 'not-a-digit' | 'ended' | 'refused';

/**
 * What happened to one key, without the key: `accepted` answered the digit
 * prompt at `position` (show a "•"), `dropped` answered nothing.
 *
 * @example
 * ```ts
 * const event: KeypadEvent = { kind: 'accepted', position: 8 };
 * ```
 */
export type KeypadEvent = { kind: 'accepted'; position: number } | { kind: 'dropped'; reason: KeypadDropReason };

/**
 * Options of {@link connectKeypad}.
 *
 * @example
 * ```ts
 * const options: KeypadOptions = { onKey: (event) => (event.kind === 'accepted' ? addDot() : warn(event.reason)) };
 * ```
 */
export interface KeypadOptions {
  /** Told about every key, accepted or dropped — never which digit it was. A throwing callback is ignored. */
  onKey?: (event: KeypadEvent) => void;
}

const DIGIT = /^[0-9]$/;

function isSession(value: unknown): value is CallSession {
  if (!value || typeof value !== 'object') return false;
  const session = value as Partial<Record<keyof CallSession, unknown>>;
  return typeof session.send === 'function' && 'prompt' in session && 'done' in session;
}

/**
 * Connects the customer's phone keypad to a call session: each key 0–9 that
 * arrives while the session asks for a PESEL digit answers it with
 * `via: 'keypad'`. The digit goes from the source straight into the session:
 * it is never returned, rendered or passed to `onKey`, so a desktop shows one
 * "•" per accepted key and nothing else. Keys arriving when no digit is
 * expected, `*`/`#`, and keys after the end of the call are dropped and
 * reported as such (`onKey` with `kind: 'dropped'`).
 *
 * Call recording is already paused while digits are expected (the session's
 * `recording` notices): tones in a recording can be decoded. Dropped keys may
 * have been recorded — tell the customer to wait for the question.
 *
 * Returns the function that disconnects the keypad (idempotent).
 *
 * @throws SafecallError `INVALID_ARGUMENT` when `session` is not a call session or `source` has no `subscribe` function.
 * @example
 * ```ts
 * const disconnect = connectKeypad(session, softphoneKeys, {
 *   onKey: (event) => {
 *     if (event.kind === 'accepted') dots.textContent += '•';
 *     else status.textContent = `Key ignored (${event.reason})`;
 *   },
 * });
 * // when the call window closes:
 * disconnect();
 * ```
 */
export function connectKeypad(session: CallSession, source: KeypadSource, options: KeypadOptions = {}): () => void {
  if (!isSession(session)) throw new SafecallError('INVALID_ARGUMENT', 'connectKeypad needs a call session from createCallSession or restoreCallSession');
  if (!source || typeof source.subscribe !== 'function') throw new SafecallError('INVALID_ARGUMENT', 'connectKeypad needs a source with subscribe(onDigit)');
  if (options.onKey !== undefined && typeof options.onKey !== 'function') throw new SafecallError('INVALID_ARGUMENT', 'connectKeypad: onKey must be a function');
  const report = (event: KeypadEvent) => {
    try {
      options.onKey?.(event);
    } catch {
      // The desktop's feedback never decides whether the customer's key counts.
    }
  };

  let connected = true;
  const onDigit = (digit: string): void => {
    if (!connected) return;
    if (typeof digit !== 'string' || !DIGIT.test(digit)) return report({ kind: 'dropped', reason: 'not-a-digit' });
    if (session.done) return report({ kind: 'dropped', reason: 'ended' });
    const input = session.prompt.input;
    if (input?.kind !== 'digit' || session.pending) return report({ kind: 'dropped', reason: 'not-expected' });
    try {
      session.send({ type: 'ANSWER_DIGIT', position: input.position, digit, via: 'keypad' });
    } catch (error) {
      // A key racing a step change is refused by the session and changes nothing; anything else is a bug to surface.
      if (isSafecallError(error) && (error.code === 'EVENT_NOT_ALLOWED' || error.code === 'INVALID_EVENT')) return report({ kind: 'dropped', reason: 'refused' });
      throw error;
    }
    report({ kind: 'accepted', position: input.position });
  };

  const unsubscribe = source.subscribe(onDigit);
  if (typeof unsubscribe !== 'function') {
    connected = false;
    throw new SafecallError('INVALID_ARGUMENT', 'connectKeypad: source.subscribe must return an unsubscribe function');
  }
  return () => {
    if (!connected) return;
    connected = false;
    unsubscribe();
  };
}
