/*
 * A harness for session tests: a real verification service in-process (memory
 * store, seeded challenge randomness, the session's simulated clock), a
 * session on it, and everything a test reads afterwards — the audit trail,
 * the session's notices, the service's own events and how many times it
 * looked up a PESEL.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import {
  createCallSession,
  defineScript,
  isSafecallError,
  restoreCallSession,
  SafecallError,
  type AuditEvent,
  type CallScript,
  type CallScriptInput,
  type CallSession,
  type CallSessionDeps,
  type CallState,
  type RestoreOptions,
  type SessionEventInput,
  type SessionNotice,
  type Verifier,
} from 'safecall-pl';
import { callbackPlanner } from 'safecall-pl/callback';
import { createVerificationService, memoryStore, type ServiceEvent, type VerificationPolicyInput, type VerificationService } from 'safecall-pl/server';
import { simulatedClock, type SimulatedClockControl } from '../../src/testing/clocks.js';
import { seededRandom } from '../../src/testing/seeded-random.js';
import { forged } from '../support/forged.js';

/** Monday 23 November 2026, 14:00 in Warsaw (CET): an ordinary working afternoon. */
export const MONDAY_AFTERNOON = '2026-11-23T13:00:00Z';

/** Jan Kowalski (born 15 March 1985, male): digits 5, 8, 9 are 1, 3, 8 as in the article; 10 and 11 are 3 and 4. */
export const JAN_PESEL = '85031583834';
/** Another man born the same day: same digits 1–6, different 7–11. */
export const TWIN_PESEL = '85031512351';
export const JAN = 'cust-jan';
export const KEY = 'session-tests-attestation-key-0123456789';

/** The expected answers the service looks up (never the desktop). */
export const ANSWERS: Readonly<Record<string, string>> = {
  'account-opened-year': '2009',
  'home-city': 'Kraków',
  'advisor-meeting-city': 'Kraków',
};

export const AGENT = { name: 'Anna Zielińska', id: 'agent-17', form: 'pani' as const };
export const CUSTOMER = { name: 'Jan Kowalski', ref: JAN, form: 'pan' as const };

const scriptPath = (name: string) => fileURLToPath(new URL(`../../examples/scripts/${name}.json`, import.meta.url));

/** An example script's JSON, to make variants from. */
export function scriptJson(name: 'fraud-alert' | 'loan-offer' | 'vip-substitute'): CallScriptInput {
  return JSON.parse(readFileSync(scriptPath(name), 'utf8')) as CallScriptInput;
}

/** An example script, as `defineScript` makes it. */
export function loadScript(name: 'fraud-alert' | 'loan-offer' | 'vip-substitute'): CallScript {
  return defineScript(scriptJson(name));
}

/** A variant of an example script (deep-merged one level down: `pesel`, `mutual`, ...). */
export function variant(name: 'fraud-alert' | 'loan-offer' | 'vip-substitute', changes: Record<string, unknown>): CallScript {
  const base = scriptJson(name) as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    const old = base[key];
    merged[key] = value && typeof value === 'object' && !Array.isArray(value) && old && typeof old === 'object' && !Array.isArray(old) ? { ...old, ...value } : value;
  }
  return defineScript(merged as CallScriptInput);
}

export const fraudAlert = loadScript('fraud-alert');
export const loanOffer = loadScript('loan-offer');
export const vipSubstitute = loadScript('vip-substitute');

export interface ServiceHarness {
  service: VerificationService;
  clock: SimulatedClockControl;
  scripts: readonly CallScript[];
  /** How many times the service looked up a PESEL. */
  lookups(): number;
  /** The service's own trail (call-opened, attempt, revealed, closed, ...). */
  events: ServiceEvent[];
}

export interface ServiceOptions {
  clock?: SimulatedClockControl;
  /** Challenge randomness: 7 gives the article's 5, 8, 9 on fraud-alert. */
  seed?: number;
  policy?: VerificationPolicyInput;
  /** Customer ref → PESEL. Default: Jan. */
  pesels?: Record<string, string>;
  answers?: Record<string, string>;
}

/** The verification service as a back end runs it: memory store, the scripts it knows, a customer directory. */
export function createService(scripts: readonly CallScript[], options: ServiceOptions = {}): ServiceHarness {
  const clock = options.clock ?? simulatedClock(MONDAY_AFTERNOON);
  const pesels = options.pesels ?? { [JAN]: JAN_PESEL };
  const answers = options.answers ?? ANSWERS;
  const events: ServiceEvent[] = [];
  let lookups = 0;
  const service = createVerificationService({
    store: memoryStore({ now: clock.now }),
    scripts: [...scripts],
    attestationKey: KEY,
    random: seededRandom(options.seed ?? 7),
    now: clock.now,
    ...(options.policy ? { policy: options.policy } : {}),
    onEvent: (event) => events.push(event),
    customers: {
      pesel: (ref) => {
        lookups++;
        return pesels[ref];
      },
      answer: (_ref, questionId) => answers[questionId],
    },
  });
  return { service, clock, scripts, lookups: () => lookups, events };
}

export interface Call {
  script: CallScript;
  session: CallSession;
  server: ServiceHarness;
  service: VerificationService;
  clock: SimulatedClockControl;
  audit: AuditEvent[];
  notices: SessionNotice[];
  /** The deps the session was made with (for a restore on the same desktop). */
  deps: CallSessionDeps;
  /** Calls to the verifier not answered yet (including a close sent after the session ended). */
  inFlight: Set<Promise<unknown>>;
}

export interface CallOptions {
  /** A service shared with other calls (same customer ledger); default: a new one for `script`. */
  server?: ServiceHarness;
  service?: ServiceOptions;
  /** Wraps the service as the session's verifier (faults, spies, HTTP). */
  verifier?: (service: VerificationService) => Verifier;
  customer?: Partial<CallSessionDeps['customer']>;
  /** Without a callback planner no callback is offered. Default: with one. */
  callbacks?: boolean;
  /** The desktop's own random draws (session ids, callback references). */
  seed?: number;
  id?: string;
  audit?: CallSessionDeps['audit'];
}

/** Keeps every promise the session's verifier returns until it settles, so a test can wait for them all. */
function tracked(verifier: Verifier, inFlight: Set<Promise<unknown>>): Verifier {
  const track = <T>(promise: Promise<T>): Promise<T> => {
    inFlight.add(promise);
    promise.then(
      () => inFlight.delete(promise),
      () => inFlight.delete(promise),
    );
    return promise;
  };
  return {
    open: (request) => track(verifier.open(request)),
    resume: (callId) => track(verifier.resume(callId)),
    checkDigits: (callId, answers) => track(verifier.checkDigits(callId, answers)),
    checkAnswer: (callId, questionId, value) => track(verifier.checkAnswer(callId, questionId, value)),
    reveal: (callId, positions) => track(verifier.reveal(callId, positions)),
    close: (callId, outcome) => track(verifier.close(callId, outcome)),
  };
}

function depsOf(server: ServiceHarness, options: CallOptions, audit: AuditEvent[], inFlight: Set<Promise<unknown>>): CallSessionDeps {
  const deps: CallSessionDeps = {
    agent: { ...AGENT },
    customer: { ...CUSTOMER, ...options.customer },
    verifier: tracked(options.verifier ? options.verifier(server.service) : server.service, inFlight),
    clock: server.clock,
    random: seededRandom(options.seed ?? 1),
    audit: options.audit ?? ((event) => void audit.push(event)),
    id: options.id ?? 'session-1',
  };
  if (options.callbacks !== false) deps.callbacks = callbackPlanner();
  return deps;
}

function listen(session: CallSession, notices: SessionNotice[]): void {
  session.subscribe((notice) => notices.push(notice));
}

/** Starts a call on `script` against the real service (a new one unless `options.server`). */
export function startCall(script: CallScript, options: CallOptions = {}): Call {
  const server = options.server ?? createService([script], options.service);
  const audit: AuditEvent[] = [];
  const notices: SessionNotice[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const deps = depsOf(server, options, audit, inFlight);
  const session = createCallSession(script, deps);
  listen(session, notices);
  return { script, session, server, service: server.service, clock: server.clock, audit, notices, deps, inFlight };
}

/**
 * A desktop reload: the snapshot through JSON (as sessionStorage keeps it),
 * the old session stopped, a new one restored against the same service.
 */
export async function reload(call: Call, snapshot: unknown = call.session.snapshot(), options: CallOptions & RestoreOptions & { script?: CallScript } = {}): Promise<Call> {
  call.session.stop();
  const script = options.script ?? call.script;
  const audit: AuditEvent[] = [];
  const notices: SessionNotice[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const deps = depsOf(call.server, { seed: 2, ...options }, audit, inFlight);
  const restoreOptions: RestoreOptions = options.migrate ? { migrate: options.migrate } : {};
  const session = await restoreCallSession(script, JSON.parse(JSON.stringify(snapshot)), deps, restoreOptions);
  listen(session, notices);
  return { ...call, script, session, audit, notices, deps, inFlight };
}

/** `send`, then wait until no call to the service is in flight. */
export async function say(session: CallSession, event: SessionEventInput): Promise<void> {
  session.send(event);
  await session.settled();
}

/** Answers yes until the call reaches `step` (introduce, VIP, purpose, caller ID, safe place, consent). */
export async function confirmUntil(session: CallSession, step: CallSession['prompt']['step']): Promise<void> {
  for (let i = 0; i < 10 && session.prompt.step !== step; i++) {
    if (!session.can({ type: 'CONFIRM' })) throw new Error(`cannot reach ${step}: stuck at ${session.prompt.step}`);
    await say(session, { type: 'CONFIRM' });
  }
  expect(session.prompt.step).toBe(step);
}

/** The position the prompt asks for now. */
export function askedPosition(session: CallSession): number {
  const input = session.prompt.input;
  if (input?.kind !== 'digit') throw new Error(`not at a digit prompt but at ${session.prompt.step}`);
  return input.position;
}

/** Every digit of `pesel` shifted by one: wrong at every position. */
export function wrongPesel(pesel = JAN_PESEL): string {
  return [...pesel].map((d) => String((Number(d) + 1) % 10)).join('');
}

/** Gives each digit the prompt asks for, from `pesel`, without waiting for the service. Returns the positions asked. */
export function sendDigits(session: CallSession, pesel = JAN_PESEL, via: 'voice' | 'keypad' = 'voice'): number[] {
  const asked: number[] = [];
  while (session.prompt.step === 'pesel-digit') {
    const position = askedPosition(session);
    if (asked.includes(position)) break; // a new attempt started: one attempt per call of this helper
    asked.push(position);
    session.send({ type: 'ANSWER_DIGIT', position, digit: pesel[position - 1]!, via });
  }
  return asked;
}

/** Gives each digit the prompt asks for, from `pesel`, then waits for the service. Returns the positions asked. */
export async function giveDigits(session: CallSession, pesel = JAN_PESEL, via: 'voice' | 'keypad' = 'voice'): Promise<number[]> {
  const asked = sendDigits(session, pesel, via);
  await session.settled();
  return asked;
}

/** Answers the current question with `value` (default: the right answer) and waits for the service. */
export async function answer(session: CallSession, value?: string): Promise<void> {
  const input = session.prompt.input;
  if (input?.kind !== 'answer') throw new Error(`not at a question but at ${session.prompt.step}`);
  await say(session, { type: 'ANSWER', questionId: input.questionId, value: value ?? ANSWERS[input.questionId]! });
}

/** The types of the audit events, in order. */
export const types = (audit: readonly AuditEvent[]) => audit.map((event) => event.type);

/** The `data` of audit events of one type. */
export type AuditData<T extends AuditEvent['type']> = Extract<AuditEvent, { type: T }>['data'];

/** The `data` of every audit event of `type`. */
export function dataOf<T extends AuditEvent['type']>(audit: readonly AuditEvent[], type: T): AuditData<T>[] {
  return forged<AuditData<T>[]>(audit.filter((event) => event.type === type).map((event) => event.data));
}

/** The steps entered, in order (`step-entered` audit events). */
export const stepsEntered = (audit: readonly AuditEvent[]) => audit.filter((event) => event.type === 'step-entered').map((event) => event.step);

/** The recording signals the softphone received, in order. */
export const recordingSignals = (notices: readonly SessionNotice[]) => notices.flatMap((notice) => (notice.type === 'recording' ? [notice.recording] : []));

/** The callId the service issued for this call (also when the session never needed it). */
export function openedCallIds(server: ServiceHarness): string[] {
  return server.events.flatMap((event) => (event.type === 'call-opened' ? [event.callId] : []));
}

/**
 * Waits until the session has nothing in flight with the service — also what
 * nothing awaits, such as the close a session sends after it ended. (Not for
 * verifiers built never to answer.)
 */
export async function idle(call: Call): Promise<void> {
  await call.session.settled();
  for (let round = 0; round < 50; round++) {
    await flush();
    if (call.inFlight.size === 0) return;
    await Promise.allSettled([...call.inFlight]);
  }
  throw new Error('the session kept calling the service');
}

/** What the service says about the call, once the session has told it everything it will. */
export async function statusOf(call: Call) {
  await idle(call);
  const callId = call.session.callId ?? openedCallIds(call.server).at(-1);
  if (!callId) throw new Error('the service opened no call');
  return call.service.status(callId);
}

/** Lets pending promise callbacks run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Runs `fn` and returns the SafecallError it throws, failing unless it has `code`. */
export function expectError(fn: () => unknown, code: SafecallError['code']): SafecallError {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(isSafecallError(thrown), `expected a SafecallError ${code}, got ${String(thrown)}`).toBe(true);
  expect((thrown as SafecallError).code).toBe(code);
  return thrown as SafecallError;
}

/** Awaits `promise` and returns the SafecallError it rejects with, failing unless it has `code`. */
export async function expectRejection(promise: Promise<unknown>, code: SafecallError['code']): Promise<SafecallError> {
  let thrown: unknown;
  try {
    await promise;
  } catch (error) {
    thrown = error;
  }
  expect(isSafecallError(thrown), `expected a SafecallError ${code}, got ${String(thrown)}`).toBe(true);
  expect((thrown as SafecallError).code).toBe(code);
  return thrown as SafecallError;
}

/** Everything the desktop sees of a prompt, for comparing two runs. */
export function promptTrace(session: CallSession): string {
  return JSON.stringify(session.prompt);
}

/**
 * A verifier in front of the service that can be switched off: while `down`
 * is above zero each call fails with a retryable `VERIFIER_UNAVAILABLE`
 * (and counts down). `lose` forwards the next call of a method to the service
 * and then throws, as when the answer is lost on the way back.
 */
export interface FaultyVerifier extends Verifier {
  down: number;
  lose: Set<keyof Verifier>;
  /** Methods called, in order (including failed ones). */
  calls: (keyof Verifier)[];
}

export function faulty(service: Verifier): FaultyVerifier {
  const methods = ['open', 'resume', 'checkDigits', 'checkAnswer', 'reveal', 'close'] as const;
  const verifier = { down: 0, lose: new Set<keyof Verifier>(), calls: [] as (keyof Verifier)[] } as FaultyVerifier;
  for (const method of methods) {
    forged<Record<string, unknown>>(verifier)[method] = async (...args: unknown[]) => {
      verifier.calls.push(method);
      if (verifier.down > 0) {
        verifier.down--;
        throw new SafecallError('VERIFIER_UNAVAILABLE', 'the verification service could not be reached');
      }
      const result = await (service[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      if (verifier.lose.delete(method)) throw new SafecallError('VERIFIER_UNAVAILABLE', 'the connection dropped before the answer arrived');
      return result;
    };
  }
  return verifier;
}

/** A verifier whose `method` never answers (the request never reached the service). */
export function hanging(service: Verifier, method: keyof Verifier): Verifier {
  return { ...bound(service), [method]: () => new Promise<never>(() => undefined) };
}

/** The port's methods bound to `service` (so they can be spread into a wrapper). */
export function bound(service: Verifier): Verifier {
  return {
    open: (request) => service.open(request),
    resume: (callId) => service.resume(callId),
    checkDigits: (callId, answers) => service.checkDigits(callId, answers),
    checkAnswer: (callId, questionId, value) => service.checkAnswer(callId, questionId, value),
    reveal: (callId, positions) => service.reveal(callId, positions),
    close: (callId, outcome) => service.close(callId, outcome),
  };
}

export type { CallState };
