import type { AuditEvent, CallOutcome, CallSession, CallState, Locale, StepId } from '../index.js';
import type { RedactedTurn } from './turns.js';

/**
 * One line of a simulated call, in order:
 *
 * - `agent` — a prompt the agent read (`say`, in the script's locale). Only
 *   the `reveal` step's line contains PESEL digits: the agent reads them.
 * - `customer` — what the customer did, redacted (`[digit given]`,
 *   `[answer given]`); `text` is the button label the agent would click.
 * - `system` — something no one says: recording paused or resumed.
 *
 * @example
 * ```ts
 * const lines = result.transcript.filter((e) => e.who === 'agent').map((e) => e.say);
 * ```
 */
export type TranscriptEntry =
  | { who: 'agent'; step: StepId; say: string }
  | { who: 'customer'; step: StepId; turn: number; event: RedactedTurn; text: string }
  | { who: 'system'; step: StepId; text: string };

/**
 * What {@link simulateCall} returns.
 *
 * @example
 * ```ts
 * const { outcome, transcript, audit, state } = await simulateCall(script, customerBot('cooperative'));
 * state?.outcome; // the service's own record: { kind: 'verified' }
 * ```
 */
export interface SimulationResult {
  script: { id: string; version: number; locale: Locale };
  sessionId: string;
  /** Who played the customer: a bot's persona, or `'turns'` for a turn list. */
  customer: string;
  /** Simulated instants (ISO, UTC) of the first prompt and of the last turn. */
  startedAt: string;
  endedAt: string;
  transcript: TranscriptEntry[];
  /** How the call ended as the session saw it; `undefined` when the turns ran out first (`done` is false). */
  outcome: CallOutcome | undefined;
  done: boolean;
  /** Customer turns taken. */
  turns: number;
  /** Every audit event the session emitted, in order. */
  audit: AuditEvent[];
  /** The verification service's id of the call; `undefined` if the service never opened it. */
  callId: string | undefined;
  /**
   * The service's own state of the call at the end (`state.outcome` is what it
   * recorded); `undefined` if it could not be read (e.g. a simulated outage).
   */
  state: CallState | undefined;
  /** The session itself: ended, or waiting where the turns ran out (it can be driven further with `send`). */
  session: CallSession;
}
