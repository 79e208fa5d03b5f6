import * as z from 'zod/mini';
import type { AuditEvent, AuditSink } from '../audit/index.js';
import { SafecallError, isSafecallError } from '../core/errors.js';
import { parseOrThrow } from '../core/validate.js';
import { isValidPesel } from '../pesel/index.js';
import type { PromptStep, StepId } from '../prompts/index.js';
import type { CallScript } from '../script/index.js';
import { createCallSession, type CallSession } from '../session/index.js';
import { createPeselVerifier, type Verifier } from '../verifier/index.js';
import { simulatedClock, type SimulatedClockControl } from './clocks.js';
import { defaultAnswer, SIMULATION_START, TEST_PESEL } from './defaults.js';
import { seededRandom } from './seeded-random.js';
import type { SimulationResult, TranscriptEntry } from './transcript.js';
import { describeTurn, resolveTurn } from './resolveTurn.js';
import { redactTurn, type CustomerBot, type CustomerTurn, type Turn, type TurnView } from './turns.js';

/**
 * Options of {@link simulateCall}. Every field has a deterministic default,
 * so the same script and turns give the same transcript on every run.
 *
 * @example
 * ```ts
 * const options: SimulateOptions = { seed: 7, answers: { city: 'Kraków' }, start: '2026-12-01T09:00:00+01:00' };
 * ```
 */
export interface SimulateOptions {
  /** The customer's PESEL, known to the in-memory verifier and to the simulated customer. Default {@link TEST_PESEL}. */
  pesel?: string;
  /** Answers to the script's questions, by question id. Default `"answer:<questionId>"` ({@link defaultAnswer}). */
  answers?: Readonly<Record<string, string>>;
  /** Seeds the random source: challenge positions and callback references. Default 1. */
  seed?: number;
  /** The simulated instant the call starts. Default {@link SIMULATION_START} (Monday 14:00 in Warsaw). */
  start?: string;
  /** Simulated seconds the customer takes before each turn. Default 5. */
  secondsPerTurn?: number;
  /** Most turns a bot may take before the simulation stops unfinished. Default 100. */
  maxTurns?: number;
  agent?: { name: string; id: string };
  customer?: { name: string; ref: string; form?: 'pan' | 'pani'; recentPositions?: number[] };
  /** Replaces the in-memory verifier, e.g. to simulate an outage. */
  verifier?: Verifier;
  /** Also receives every audit event (they are collected in the result either way). */
  audit?: AuditSink;
  /** Default `sim-<seed>`. */
  sessionId?: string;
}

const optionsSchema = z.strictObject({
  pesel: z.optional(z.string().check(z.refine(isValidPesel, 'not a valid PESEL'))),
  answers: z.optional(z.record(z.string(), z.string().check(z.maxLength(200)))),
  seed: z.optional(z.int()),
  start: z.optional(z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO instant'))),
  secondsPerTurn: z.optional(z.number().check(z.minimum(0), z.maximum(3600))),
  maxTurns: z.optional(z.int().check(z.minimum(1), z.maximum(10_000))),
  agent: z.optional(z.object({ name: z.string(), id: z.string() })),
  customer: z.optional(z.object({ name: z.string(), ref: z.string() })),
  verifier: z.optional(z.unknown()),
  audit: z.optional(z.custom<AuditSink>((a) => typeof a === 'function', 'a function')),
  sessionId: z.optional(z.string()),
});

const DEFAULT_AGENT = { name: 'Anna Zielińska', id: 'agent-sim' };
const DEFAULT_CUSTOMER = { name: 'Jan Kowalski', ref: 'customer-sim', form: 'pan' as const };
/** Macrotask rounds a verifier may take before its timeout is made to fire. */
const PATIENCE = 20;

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function isBot(turns: readonly Turn[] | CustomerBot): turns is CustomerBot {
  return !Array.isArray(turns) && typeof (turns as CustomerBot).next === 'function';
}

/**
 * Plays a call with a scripted customer and returns its transcript, outcome
 * and audit trail. The clock is simulated (starting at `options.start`), the
 * random source is seeded, and the verifier is an in-memory
 * `createPeselVerifier` over `options.pesel` and `options.answers` — no setup,
 * no network, the same result on every run.
 *
 * `turns` is either a list (each a desktop event, a {@link SimulationTurn}
 * such as `ANSWER_CORRECTLY`, or a function of the current prompt) or a
 * {@link customerBot}. After every turn the simulation waits until the
 * verifier has answered; a verifier that never answers runs into the
 * script's verifier timeout. A turn the session rejects throws the session's
 * `SafecallError`, prefixed with the turn number and step.
 *
 * @example
 * ```ts
 * const result = await simulateCall(script, [
 *   { type: 'CONFIRM' }, { type: 'CONFIRM' }, { type: 'CONFIRM' }, { type: 'CONFIRM' },
 *   { type: 'ANSWER_CORRECTLY' }, { type: 'ANSWER_CORRECTLY' }, { type: 'ANSWER_CORRECTLY' },
 * ]);
 * result.transcript.at(-1); // the prompt the call stopped at
 * const full = await simulateCall(script, customerBot('unsafe-place'));
 * full.outcome?.kind; // 'callback-scheduled'
 * ```
 */
export async function simulateCall(script: CallScript, turns: readonly Turn[] | CustomerBot, options: SimulateOptions = {}): Promise<SimulationResult> {
  parseOrThrow(optionsSchema, options, 'INVALID_ARGUMENT', 'Invalid simulateCall options');
  if (!isBot(turns) && !Array.isArray(turns)) throw new SafecallError('INVALID_ARGUMENT', 'turns must be an array of turns or a customerBot()');
  const seed = options.seed ?? 1;
  const pesel = options.pesel ?? TEST_PESEL;
  const answerFor = (questionId: string) => options.answers?.[questionId] ?? defaultAnswer(questionId);
  const clock = simulatedClock(options.start ?? SIMULATION_START);
  const customer = options.customer ?? DEFAULT_CUSTOMER;
  const verifier =
    options.verifier ??
    createPeselVerifier((ref) => (ref === customer.ref ? pesel : undefined), {
      answers: (ref, questionId) => (ref === customer.ref ? answerFor(questionId) : undefined),
      now: () => clock.now(),
    });
  const audit: AuditEvent[] = [];
  const transcript: TranscriptEntry[] = [];
  const session = createCallSession(script, {
    agent: options.agent ?? DEFAULT_AGENT,
    customer,
    verifier,
    clock,
    random: seededRandom(seed),
    id: options.sessionId ?? `sim-${seed}`,
    audit: (event) => {
      audit.push(event);
      return options.audit?.(event);
    },
  });
  const startedAt = new Date(clock.now()).toISOString();
  let shown: PromptStep | undefined;
  const showPrompt = (prompt: PromptStep) => {
    if (shown && shown.step === prompt.step && shown.say === prompt.say) return;
    shown = prompt;
    transcript.push({ who: 'agent', step: prompt.step, say: prompt.say });
  };
  showPrompt(session.prompt);
  session.subscribe((notice) => {
    if (notice.type === 'prompt') showPrompt(notice.prompt);
    else if (notice.type === 'recording') transcript.push({ who: 'system', step: session.prompt.step, text: notice.recording === 'pause' ? 'recording paused' : 'recording resumed' });
  });

  const knowledge: TurnView['customer'] = {
    digit: (position) => {
      if (!Number.isInteger(position) || position < 1 || position > 11) throw new SafecallError('INVALID_ARGUMENT', 'a PESEL position is 1-11');
      return pesel.charAt(position - 1);
    },
    answer: answerFor,
  };
  const maxTurns = options.maxTurns ?? 100;
  const secondsPerTurn = options.secondsPerTurn ?? 5;
  let taken = 0;
  for (let index = 0; !session.done; index++) {
    const view: TurnView = { script, prompt: session.prompt, turn: taken + 1, audit: [...audit], customer: knowledge };
    let next: CustomerTurn | undefined;
    if (isBot(turns)) {
      if (taken >= maxTurns) break;
      next = turns.next(view);
    } else {
      const turn = turns[index];
      if (turn === undefined) break;
      next = typeof turn === 'function' ? turn(view) : turn;
    }
    if (next === undefined) break;
    taken++;
    if (secondsPerTurn > 0 && next.type !== 'WAIT') clock.advance(secondsPerTurn * 1000);
    await play(next, view, session, clock, transcript);
    await settle(session, clock, script);
  }
  return {
    script: { id: script.id, version: script.version, locale: script.locale },
    sessionId: session.id,
    customer: isBot(turns) ? turns.persona : 'turns',
    startedAt,
    endedAt: new Date(clock.now()).toISOString(),
    transcript,
    outcome: session.outcome,
    done: session.done,
    turns: taken,
    audit,
    session,
  };
}

async function play(turn: CustomerTurn, view: TurnView, session: CallSession, clock: SimulatedClockControl, transcript: TranscriptEntry[]): Promise<void> {
  const step = view.prompt.step;
  if (turn.type === 'WAIT') {
    if (!(turn.seconds > 0) || !Number.isFinite(turn.seconds)) throw new SafecallError('INVALID_ARGUMENT', `turn ${view.turn}: WAIT needs a positive number of seconds`);
    transcript.push({ who: 'customer', step, turn: view.turn, event: redactTurn({ type: 'WAIT', seconds: turn.seconds }), text: `(silence, ${turn.seconds} s)` });
    clock.advance(turn.seconds * 1000);
    return;
  }
  const event = resolveTurn(turn, view);
  transcript.push({ who: 'customer', step, turn: view.turn, event: redactTurn(event), text: describeTurn(event, view.prompt) });
  try {
    session.send(event);
  } catch (error) {
    // The session's messages carry no digits or answers; keep its code, add where it happened.
    if (isSafecallError(error)) throw new SafecallError(error.code, `turn ${view.turn} (${event.type}) at step "${step}": ${error.message}`, error.issues ? { issues: error.issues, cause: error } : { cause: error });
    throw error;
  }
}

async function settle(session: CallSession, clock: SimulatedClockControl, script: CallScript): Promise<void> {
  for (let round = 0; session.pending; round++) {
    // A verifier that never answers: let the session's own verifier timeout fire, as it would in a real call.
    if (round === PATIENCE) clock.advance(script.verifier.timeoutSeconds * 1000);
    if (round > PATIENCE * 2) throw new SafecallError('INVALID_ARGUMENT', `the call is stuck at step "${stepOf(session)}": the verifier neither answered nor timed out`);
    await Promise.race([session.settled(), macrotask()]);
  }
}

function stepOf(session: CallSession): StepId {
  return session.prompt.step;
}
