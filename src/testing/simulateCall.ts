import * as z from 'zod/mini';
import { callbackPlanner } from '../callback/index.js';
import {
  createCallSession,
  isSafecallError,
  isValidPesel,
  SafecallError,
  type AuditEvent,
  type AuditSink,
  type CallScript,
  type CallSession,
  type CallState,
  type Form,
  type PromptStep,
  type Verifier,
} from '../index.js';
import type { VerificationService } from '../server/index.js';
import { parseOrThrow } from '../session/internal.js';
import { simulatedClock, type SimulatedClockControl } from './clocks.js';
import { defaultAnswer, SIMULATION_AGENT, SIMULATION_CUSTOMER, SIMULATION_START, TEST_PESEL } from './defaults.js';
import { describeTurn, resolveTurn } from './resolveTurn.js';
import { seededRandom } from './seeded-random.js';
import { simulationService } from './simulationService.js';
import { markedService, trackVerifier, type TrackedVerifier } from './trackedVerifier.js';
import type { SimulationResult, TranscriptEntry } from './transcript.js';
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
  /** The customer's PESEL: what the service's records hold and what the simulated customer knows. Default {@link TEST_PESEL}. */
  pesel?: string;
  /** Answers to the script's questions, by question id. Default `"answer:<questionId>"` ({@link defaultAnswer}). */
  answers?: Readonly<Record<string, string>>;
  /** Seeds the service's random source (challenge positions) and the desktop's (callback references). Default 1. */
  seed?: number;
  /** The simulated instant the call starts. Default {@link SIMULATION_START} (Monday 14:00 in Warsaw). */
  start?: string;
  /** Simulated seconds the customer takes before each turn. Default 5. */
  secondsPerTurn?: number;
  /** Most turns a bot may take before the simulation stops unfinished. Default 100. */
  maxTurns?: number;
  /** Default `SIMULATION_AGENT` (Anna Zielińska, `form: 'pani'`). */
  agent?: { name: string; id: string; form?: Form };
  /** Default `SIMULATION_CUSTOMER` (Jan Kowalski, `form: 'pan'`). */
  customer?: { name: string; ref: string; form?: Form };
  /**
   * The verification service to run the call against, e.g. one made by
   * `simulationService` and shared by several calls of one customer (one
   * ledger). It must know the script and the customer; `pesel` and `answers`
   * then only say what the simulated customer knows. Default: a new
   * `simulationService` on the simulation's clock.
   */
  service?: VerificationService;
  /**
   * What the session talks to instead of the service itself, e.g. an outage:
   * a `Verifier`, or a function of the service that wraps it. The service's
   * own answers are always waited for; any other call that has not answered
   * after a few dozen event-loop turns is taken as silent (the script's
   * verifier timeout fires) — so make a fake answer at once, or never.
   */
  verifier?: Verifier | ((service: VerificationService) => Verifier);
  /** Also receives every audit event (they are collected in the result either way). */
  audit?: AuditSink;
  /** Default `sim-<seed>`. */
  sessionId?: string;
}

const person = z.object({ name: z.string(), form: z.optional(z.enum(['pan', 'pani'])) });
const optionsSchema = z.strictObject({
  pesel: z.optional(z.string().check(z.refine(isValidPesel, 'not a valid PESEL'))),
  answers: z.optional(z.record(z.string(), z.string().check(z.maxLength(200)))),
  seed: z.optional(z.int()),
  start: z.optional(z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO instant'))),
  secondsPerTurn: z.optional(z.number().check(z.minimum(0), z.maximum(3600))),
  maxTurns: z.optional(z.int().check(z.minimum(1), z.maximum(10_000))),
  agent: z.optional(z.extend(person, { id: z.string() })),
  customer: z.optional(z.extend(person, { ref: z.string() })),
  service: z.optional(z.custom<VerificationService>((s) => typeof (s as { status?: unknown } | null)?.status === 'function', 'a service made by createVerificationService()')),
  verifier: z.optional(z.custom<Verifier | ((service: VerificationService) => Verifier)>((v) => typeof v === 'function' || (typeof v === 'object' && v !== null), 'a Verifier or a function of the service')),
  audit: z.optional(z.custom<AuditSink>((a) => typeof a === 'function', 'a function')),
  sessionId: z.optional(z.string()),
});

/** Event-loop turns a verifier of the test's own may take before it counts as silent. */
const PATIENCE = 50;

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function isBot(turns: readonly Turn[] | CustomerBot): turns is CustomerBot {
  return !Array.isArray(turns) && typeof (turns as { next?: unknown }).next === 'function';
}

/**
 * Plays a call with a scripted customer against the real verification service,
 * in-process, and returns the transcript, the outcome, the audit trail and the
 * service's own record of the call. The clock is simulated (starting at
 * `options.start`), every random source is seeded, and the service is
 * `simulationService` — `createVerificationService` over a `memoryStore()`
 * that knows `options.pesel` and `options.answers` — so there is no setup, no
 * network and the same result on every run. The session plans callbacks with
 * `callbackPlanner()`.
 *
 * `turns` is either a list (each a desktop event, a {@link SimulationTurn}
 * such as `ANSWER_CORRECTLY`, or a function of the current prompt) or a
 * {@link customerBot}. After every turn the simulation waits until the
 * service has answered. A turn the session rejects throws the session's
 * `SafecallError`, prefixed with the turn number and step.
 *
 * @example
 * ```ts
 * const result = await simulateCall(script, [
 *   { type: 'CONFIRM' }, { type: 'CONFIRM' }, { type: 'CONFIRM' }, { type: 'CONFIRM' }, { type: 'CONFIRM' },
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
  const customer = options.customer ?? SIMULATION_CUSTOMER;
  const service = options.service ?? simulationService(script, { pesel, answers: options.answers ?? {}, customerRef: customer.ref, seed, now: clock.now });
  // The service's own answers always come, however slowly: only a verifier of the test's own may stay silent.
  const marked = new WeakSet<Promise<unknown>>();
  const custom = typeof options.verifier === 'function' ? options.verifier(markedService(service, marked)) : options.verifier;
  const port = trackVerifier(custom ?? service, (promise) => !custom || marked.has(promise));
  const audit: AuditEvent[] = [];
  const transcript: TranscriptEntry[] = [];
  const session = createCallSession(script, {
    agent: options.agent ?? SIMULATION_AGENT,
    customer,
    verifier: port.verifier,
    clock,
    random: seededRandom(seed),
    callbacks: callbackPlanner(),
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
  const settle = () => settled(session, port, clock, script);
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
    play(next, view, session, clock, transcript);
    await settle();
  }
  await settle();
  const callId = session.callId ?? port.callId();
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
    callId,
    state: callId === undefined ? undefined : await finalState(service, callId),
    session,
  };
}

function play(turn: CustomerTurn, view: TurnView, session: CallSession, clock: SimulatedClockControl, transcript: TranscriptEntry[]): void {
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

/**
 * Waits until nothing is asked of the verifier any more: no call in flight, no
 * invoked service call in the session. The simulation's own service always
 * answers, so it is simply waited for; a call to a verifier of the test's own
 * that has not answered after {@link PATIENCE} event-loop turns is taken as
 * silent, and simulated time runs into the script's verifier timeout.
 */
async function settled(session: CallSession, port: TrackedVerifier, clock: SimulatedClockControl, script: CallScript): Promise<void> {
  const busy = () => port.inFlight().length > 0 || Object.keys(session.actor.getSnapshot().children).length > 0;
  while (busy()) {
    const calls = port.inFlight();
    const reliable = calls.filter((call) => call.reliable).map((call) => call.promise);
    const unreliable = calls.filter((call) => !call.reliable).map((call) => call.promise);
    if (reliable.length) {
      await Promise.allSettled(reliable);
      continue;
    }
    // With no call in flight, the session is taking an answer in — or waits for a call given up on.
    const waiting = unreliable.length ? Promise.allSettled(unreliable) : session.settled();
    const answered = await Promise.race([waiting.then(() => true), waitTurns(PATIENCE)]);
    if (answered) continue;
    // Waiting for a call already given up on, in a state with no timeout of its own: the customer's turn.
    if (unreliable.length === 0) return;
    port.giveUp(unreliable);
    clock.advance(script.verifier.timeoutSeconds * 1000);
  }
}

async function waitTurns(turns: number): Promise<false> {
  for (let i = 0; i < turns; i++) await macrotask();
  return false;
}

/** The service's record of the call, read from the service itself (never through a simulated outage). */
async function finalState(service: VerificationService, callId: string): Promise<CallState | undefined> {
  try {
    return (await service.status(callId)).state;
  } catch {
    return undefined;
  }
}
