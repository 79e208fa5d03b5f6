import { createActor, type Actor, type InspectionEvent, type Observer, type Snapshot, type StateValue, type Subscription } from 'xstate';
import { systemClock, type Clock } from '../core/clock.js';
import { SafecallError, isSafecallError } from '../core/errors.js';
import { pooledCryptoRandom, type RandomSource } from '../core/random.js';
import { parseOrThrow } from '../core/validate.js';
import { sessionEventSchema, type AuditEvent, type CallbackDecision, type CallOutcome, type SessionEvent, type SessionEventInput } from '../model/index.js';
import { renderPrompt, type PromptStep } from '../prompts/index.js';
import { mainSteps, type CallScript } from '../script/index.js';
import { initialContext, type CallContext, type MachineEvent } from './context.js';
import { assertScript, parseDeps, type CallSessionDeps } from './deps.js';
import { createCallMachine, type CallMachine, type CallMachineSnapshot, type MachineEmitted } from './machine.js';
import { bindRuntime, type SessionRuntime } from './runtime.js';
import { SNAPSHOT_CONTEXT, SNAPSHOT_FORMAT, type CallSnapshot, type CallSnapshotInput } from './snapshot.js';
import { randomId } from './ids.js';
import { DEFAULT_OUTCOME, progressOf, stepOf, viewOf } from './view.js';
import { Vault } from './vault.js';

/**
 * What subscribers hear.
 *
 * @example
 * ```ts
 * session.subscribe((notice) => {
 *   if (notice.type === 'recording') softphone.setRecording(notice.recording === 'resume');
 * });
 * ```
 */
export type SessionNotice =
  /** The prompt changed: re-render. */
  | { type: 'prompt'; prompt: PromptStep }
  /** Pause or resume call recording: digits are about to be spoken or typed, or are done. */
  | { type: 'recording'; recording: 'pause' | 'resume' }
  /** The call ended. */
  | { type: 'done'; outcome: CallOutcome }
  /** The audit sink threw or rejected; the call itself is unaffected. */
  | { type: 'audit-error'; error: unknown };

/**
 * The session's xstate actor, for reading only: `getSnapshot`, `subscribe`
 * (what `@xstate/react`'s `useSelector` needs) and `system.inspect` for
 * Stately's inspector. It has no `send`: events go through `session.send`,
 * which validates them; nothing sent around it could verify a call anyway.
 *
 * @example
 * ```ts
 * const step = useSelector(session.actor, (snapshot) => snapshot.getMeta());
 * ```
 */
export interface ReadonlyCallActor {
  readonly id: string;
  getSnapshot(): CallMachineSnapshot;
  subscribe(observer: Observer<CallMachineSnapshot> | ((snapshot: CallMachineSnapshot) => void)): Subscription;
  readonly system: { inspect(observer: Observer<InspectionEvent> | ((event: InspectionEvent) => void)): Subscription };
}

/**
 * One outbound call, driven by the agent desktop. `send`, `can` and
 * `subscribe` may be passed around unbound (e.g. to `useSyncExternalStore`).
 *
 * @example
 * ```ts
 * const session = createCallSession(script, { agent, customer, verifier });
 * render(session.prompt);
 * session.send({ type: 'CONFIRM' });
 * ```
 */
export interface CallSession {
  readonly id: string;
  readonly script: CallScript;
  /** What to render now. */
  readonly prompt: PromptStep;
  readonly done: boolean;
  /** `undefined` until the call is done. */
  readonly outcome: CallOutcome | undefined;
  /** `'paused'` while digits are spoken or typed: pause call recording. */
  readonly recording: 'active' | 'paused';
  /** True while the verification service is being asked; answer events are rejected then. */
  readonly pending: boolean;
  /** The service's id of this call, once opened. */
  readonly callId: string | undefined;
  /** The xstate actor, read-only (Stately tooling, `@xstate/react`). */
  readonly actor: ReadonlyCallActor;
  /** The xstate machine (shared by every session of the script). */
  readonly machine: CallMachine;
  /** Records what the customer said or did. Throws `INVALID_EVENT` / `EVENT_NOT_ALLOWED` and changes nothing on bad input. */
  readonly send: (event: SessionEventInput) => void;
  /** Whether `send(event)` would be accepted now. No side effects. */
  readonly can: (event: SessionEventInput) => boolean;
  /** Listens for prompt changes, recording signals and the end. Returns an unsubscribe function. */
  readonly subscribe: (listener: (notice: SessionNotice) => void) => () => void;
  /** Resolves once no call to the verification service is in flight. */
  settled(): Promise<void>;
  /** JSON-safe, secret-free state for `restoreCallSession` (fields at their initial value left out). */
  snapshot(): CallSnapshotInput;
  /** Stops timers and the actor without an outcome (e.g. the desktop closes). */
  stop(): void;
}

/** The machine's state as `createActor` restores it: persisted data, not a resolved snapshot. */
export type RestoredSnapshot = Snapshot<CallOutcome> & { value: StateValue; context: CallContext; children: Record<string, never>; historyValue: Record<string, never> };

/** A snapshot-based start: what `restoreCallSession` checked against the service. */
export interface Restored {
  snapshot: CallSnapshot;
  machineSnapshot: RestoredSnapshot;
}

const ignore = (): void => undefined;

// can() must not draw a callback reference: it asks with a decision that needs no planning.
const PROBE_DECISION: CallbackDecision = { ok: false, reason: 'outside-hours', suggestions: [] };

// Set in Session's static block: the one way in to a session's private `#changed`.
let changedOf: (session: Session, snapshot: CallMachineSnapshot | undefined) => void;

/**
 * The session's observer of its actor, with prototype methods rather than
 * two closures per session (a desktop keeps many live sessions).
 */
class SnapshotObserver {
  readonly #session: Session;
  constructor(session: Session) {
    this.#session = session;
  }
  next(snapshot: CallMachineSnapshot): void {
    changedOf(this.#session, snapshot);
  }
  /** Present so that an actor error ends the session here instead of being reported as unhandled. */
  error(): void {
    changedOf(this.#session, undefined);
  }
}

/** The session (internal class; `createCallSession` and `restoreCallSession` make them). */
export class Session implements CallSession {
  static {
    changedOf = (session, snapshot) => session.#changed(snapshot ?? session.#actor.getSnapshot());
  }

  readonly id: string;
  readonly script: CallScript;
  readonly #actor: Actor<CallMachine>;
  readonly #deps: CallSessionDeps;
  readonly #clock: Clock;
  readonly #random: RandomSource;
  readonly #runtime: SessionRuntime;
  // Made on first use, like `#view`: a desktop keeps hundreds of sessions alive
  // and a softphone bridge never subscribes nor reads the actor (BENCHMARKS.md, heap).
  #listeners: Set<(notice: SessionNotice) => void> | undefined;
  #view: ReadonlyCallActor | undefined;
  // Epoch ms for a new call, formatted when a snapshot is taken; a restored call keeps its snapshot's text.
  readonly #startedAt: number | string;
  readonly #total: number;
  #prompt: { for: CallMachineSnapshot; prompt: PromptStep } | undefined;
  #paused = false;
  // The last snapshot observers saw: emitted audits arrive after the snapshot moved on, so this is where they happened.
  #seen: CallMachineSnapshot | undefined;

  constructor(script: CallScript, deps: CallSessionDeps, restored?: Restored) {
    this.script = script;
    this.#deps = deps;
    this.#clock = deps.clock ?? systemClock;
    // Web Crypto, drawn in blocks (see core/random.ts).
    this.#random = deps.random ?? pooledCryptoRandom();
    this.id = restored?.snapshot.sessionId ?? deps.id ?? randomId(this.#random);
    this.#startedAt = restored?.snapshot.startedAt ?? this.#clock.now();
    this.#total = mainSteps(script).length;
    this.#runtime = {
      verifier: deps.verifier,
      request: { customerRef: deps.customer.ref, script: { id: script.id, version: script.version }, agentId: deps.agent.id },
      vault: new Vault(),
      opening: undefined,
    };
    if (!restored) {
      // Opened at once, so the PESEL step rarely waits; the first prompt does not wait for it.
      const opening = deps.verifier.open(this.#runtime.request);
      opening.catch(ignore); // handled where it is awaited (the machine's `connecting`)
      this.#runtime.opening = opening;
    }
    const machine = createCallMachine(script);
    this.#actor = createActor(machine, restored ? { clock: this.#clock, snapshot: restored.machineSnapshot } : { clock: this.#clock });
    bindRuntime(this.#actor.system, this.#runtime);
    // Without a sink, emitted audits would be dropped anyway: no listener, no stamping.
    if (deps.audit) {
      this.#actor.on('audit', (emitted) => this.#record(emitted));
      this.#emit({ type: 'call-started', step: 'introduce', data: { agentId: deps.agent.id, locale: script.locale, restored: !!restored } });
    }
    this.#actor.subscribe(new SnapshotObserver(this));
    this.#actor.start();
    this.#paused = this.#actor.getSnapshot().hasTag('recording-paused');
    if (restored && this.#actor.getSnapshot().status === 'active') {
      this.#actor.send({ type: 'safecall.restored' });
      if (this.#paused) this.#notify({ type: 'recording', recording: 'pause' });
    }
  }

  /** The xstate machine (shared by every session of the script). */
  get machine(): CallMachine {
    return this.#actor.logic;
  }

  get actor(): ReadonlyCallActor {
    if (this.#view) return this.#view;
    const actor = this.#actor;
    return (this.#view = {
      id: actor.id,
      getSnapshot: () => actor.getSnapshot(),
      subscribe: (observer) => (typeof observer === 'function' ? actor.subscribe(observer) : actor.subscribe(observer)),
      system: { inspect: (observer) => actor.system.inspect(observer) },
    });
  }

  get done(): boolean {
    return this.#actor.getSnapshot().status !== 'active';
  }

  get outcome(): CallOutcome | undefined {
    return this.done ? (this.#actor.getSnapshot().context.outcome ?? DEFAULT_OUTCOME) : undefined;
  }

  get recording(): 'active' | 'paused' {
    return this.#actor.getSnapshot().hasTag('recording-paused') ? 'paused' : 'active';
  }

  get pending(): boolean {
    return this.#actor.getSnapshot().hasTag('pending');
  }

  get callId(): string | undefined {
    return this.#actor.getSnapshot().context.call?.callId;
  }

  get prompt(): PromptStep {
    const snapshot = this.#actor.getSnapshot();
    if (this.#prompt?.for === snapshot) return this.#prompt.prompt;
    const now = this.#clock.now();
    const view = viewOf(snapshot, this.script, this.#runtime.vault, this.#deps.callbacks, now);
    const prompt = renderPrompt(view, { script: this.script, locale: this.script.locale, agent: this.#deps.agent, customer: this.#deps.customer }, progressOf(snapshot, this.#total));
    this.#prompt = { for: snapshot, prompt };
    return prompt;
  }

  readonly send = (input: SessionEventInput): void => {
    const event = parseOrThrow(sessionEventSchema, input, 'INVALID_EVENT', 'Invalid event');
    this.#assertOpen(event);
    const machineEvent = this.#toMachineEvent(event, false);
    if (!this.#actor.getSnapshot().can(machineEvent)) this.#refuse(event);
    const vault = this.#runtime.vault;
    if (event.type === 'ANSWER_DIGIT') {
      if (this.#actor.getSnapshot().context.answered === 0) vault.clearDigits();
      vault.putDigit(event.position, event.digit);
    } else if (event.type === 'ANSWER') {
      vault.putAnswer(event.value);
    }
    this.#actor.send(machineEvent);
  };

  readonly can = (input: SessionEventInput): boolean => {
    try {
      const event = parseOrThrow(sessionEventSchema, input, 'INVALID_EVENT', 'Invalid event');
      if (this.done || (event.type === 'REQUEST_CALLBACK' && !this.#deps.callbacks)) return false;
      // As send: while the service is asked, only HANG_UP.
      if (this.pending && event.type !== 'HANG_UP') return false;
      return this.#actor.getSnapshot().can(this.#toMachineEvent(event, true));
    } catch {
      return false;
    }
  };

  readonly subscribe = (listener: (notice: SessionNotice) => void): (() => void) => {
    const listeners = (this.#listeners ??= new Set());
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };

  settled(): Promise<void> {
    const idle = (snapshot: CallMachineSnapshot) => Object.keys(snapshot.children).length === 0;
    if (idle(this.#actor.getSnapshot())) return Promise.resolve();
    return new Promise((resolve) => {
      const subscription = this.#actor.subscribe({
        next: (snapshot) => {
          if (!idle(snapshot)) return;
          subscription.unsubscribe();
          resolve();
        },
        error: () => resolve(),
        complete: () => resolve(),
      });
    });
  }

  snapshot(): CallSnapshotInput {
    const snapshot = this.#actor.getSnapshot();
    const { call, ...context } = snapshot.context;
    const stored: CallSnapshotInput = {
      format: SNAPSHOT_FORMAT,
      script: { id: this.script.id, version: this.script.version },
      sessionId: this.id,
      startedAt: typeof this.#startedAt === 'number' ? new Date(this.#startedAt).toISOString() : this.#startedAt,
      state: statePath(snapshot.value),
    };
    if (call) {
      stored.callId = call.callId;
      const claims: NonNullable<CallSnapshotInput['claims']> = { challenge: call.challenge ? [...call.challenge] : null, attemptsLeft: call.attemptsLeft };
      if (call.passed.pesel || call.passed.questions.length) claims.passed = { pesel: call.passed.pesel, questions: call.passed.questions.length };
      if (call.revealed.length) claims.revealed = [...call.revealed];
      stored.claims = claims;
    }
    // Only what differs from a new call: the snapshot is stored on every step.
    const initial = initialContext();
    const changed: Record<string, unknown> = {};
    // On the reveal step the digits are asked again after a reload: what was pending or refused is not needed.
    const keep = stored.state === 'mutual.revealed' ? SNAPSHOT_CONTEXT.filter((key) => key !== 'mutual') : SNAPSHOT_CONTEXT;
    for (const key of keep) {
      if (JSON.stringify(context[key]) !== JSON.stringify(initial[key])) changed[key] = structuredClone(context[key]);
    }
    if (Object.keys(changed).length) stored.context = changed;
    return stored;
  }

  stop(): void {
    this.#actor.stop();
    this.#runtime.vault.clear();
  }

  #assertOpen(event: SessionEvent): void {
    if (this.done) throw new SafecallError('EVENT_NOT_ALLOWED', `${event.type} is not allowed: the call has ended`);
    if (this.pending && event.type !== 'HANG_UP') throw new SafecallError('EVENT_NOT_ALLOWED', `${event.type} is not allowed while the verification service is being asked`);
    if (event.type === 'REQUEST_CALLBACK' && !this.#deps.callbacks) throw new SafecallError('EVENT_NOT_ALLOWED', 'REQUEST_CALLBACK needs a callback planner (deps.callbacks)');
  }

  #refuse(event: SessionEvent): never {
    const step = stepOf(this.#actor.getSnapshot());
    let why = '';
    const { context } = this.#actor.getSnapshot();
    if (event.type === 'ANSWER_DIGIT' && step === 'pesel-digit') why = `: expected the digit at position ${context.call?.challenge?.[context.answered] ?? '?'}`;
    else if (event.type === 'ANSWER' && step === 'question') why = `: expected an answer to "${this.script.questions[context.question]?.id ?? '?'}"`;
    throw new SafecallError('EVENT_NOT_ALLOWED', `${event.type} is not allowed at step "${step}"${why}`);
  }

  #toMachineEvent(event: SessionEvent, probe: boolean): MachineEvent {
    switch (event.type) {
      case 'ANSWER_DIGIT':
        // The digit stays out of the actor: events are visible to inspectors.
        return { type: 'ANSWER_DIGIT', position: event.position, via: event.via };
      case 'ANSWER':
        return { type: 'ANSWER', questionId: event.questionId };
      case 'CUSTOMER_ASKS_DIGITS':
        return { type: 'CUSTOMER_ASKS_DIGITS', positions: [...event.positions] };
      case 'REQUEST_CALLBACK':
        return { type: 'REQUEST_CALLBACK', decision: probe ? PROBE_DECISION : this.#planCallback(event) };
      default:
        return { type: event.type };
    }
  }

  #planCallback(event: Extract<SessionEvent, { type: 'REQUEST_CALLBACK' }>): CallbackDecision {
    const planner = this.#deps.callbacks;
    if (!planner) throw new SafecallError('EVENT_NOT_ALLOWED', 'REQUEST_CALLBACK needs a callback planner (deps.callbacks)');
    const request = event.at !== undefined ? { at: event.at } : event.inMinutes !== undefined ? { inMinutes: event.inMinutes } : { earliestAfterMinutes: 0 };
    try {
      return planner.plan(request, this.script.callback, this.#clock.now(), this.script.locale, this.#random);
    } catch (error) {
      if (isSafecallError(error)) throw new SafecallError('INVALID_EVENT', `Invalid event: at: ${error.message}`, { issues: [{ path: ['at'], message: error.message }] });
      throw error;
    }
  }

  #changed(snapshot: CallMachineSnapshot): void {
    const paused = snapshot.hasTag('recording-paused');
    if (paused !== this.#paused) {
      this.#paused = paused;
      this.#notify({ type: 'recording', recording: paused ? 'pause' : 'resume' });
    }
    if (this.#listeners?.size) this.#notify({ type: 'prompt', prompt: this.prompt });
    if (snapshot.status !== 'active') {
      this.#runtime.vault.clear();
      const outcome = snapshot.context.outcome ?? DEFAULT_OUTCOME;
      // Opened but never reached: tell the service how it ended rather than leave it to expire.
      if (!snapshot.context.call && this.#runtime.opening) {
        const { verifier } = this.#runtime;
        this.#runtime.opening.then((state) => verifier.close(state.callId, outcome)).catch(() => undefined);
        this.#runtime.opening = undefined;
      }
      if (snapshot.status === 'done') this.#notify({ type: 'done', outcome });
    }
    this.#seen = snapshot;
  }

  #emit(record: { type: 'call-started'; step: 'introduce'; data: { agentId: string; locale: 'pl' | 'en'; restored: boolean } }): void {
    this.#record({ type: 'audit', audit: { type: record.type, data: record.data }, step: record.step });
  }

  #record(emitted: MachineEmitted): void {
    const sink = this.#deps.audit;
    if (!sink) return;
    const event = {
      at: isoAt(this.#clock.now()),
      sessionId: this.id,
      scriptId: this.script.id,
      scriptVersion: this.script.version,
      step: emitted.step ?? stepOf(this.#seen ?? this.#actor.getSnapshot()),
      ...emitted.audit,
    } satisfies AuditEvent;
    try {
      const result = sink(event);
      if (result) result.then(undefined, (error: unknown) => this.#notify({ type: 'audit-error', error }));
    } catch (error) {
      this.#notify({ type: 'audit-error', error });
    }
  }

  #notify(notice: SessionNotice): void {
    if (!this.#listeners?.size) return;
    for (const listener of [...this.#listeners]) {
      try {
        listener(notice);
      } catch {
        // A broken listener must not break the call or the other listeners.
      }
    }
  }
}

// Most audit events of a transition share their millisecond: one Date and one toISOString for all of them.
let lastMs = NaN;
let lastIso = '';
function isoAt(ms: number): string {
  if (ms !== lastMs) {
    lastIso = new Date(ms).toISOString();
    lastMs = ms;
  }
  return lastIso;
}

/** `{ pesel: { digits: 'asking' } }` → `'pesel.digits.asking'`. */
export function statePath(value: unknown): string {
  if (typeof value === 'string') return value;
  for (const key in value as Record<string, unknown>) {
    if (Object.hasOwn(value as object, key)) return `${key}.${statePath((value as Record<string, unknown>)[key])}`;
  }
  return '';
}

/**
 * Starts a call session for `script`. The session opens the verification at
 * once (the first prompt does not wait for it).
 *
 * @example
 * ```ts
 * const session = createCallSession(script, {
 *   agent: { name: 'Anna Zielińska', id: 'a-17', form: 'pani' },
 *   customer: { name: 'Jan Kowalski', ref: 'c-4411', form: 'pan' },
 *   verifier: httpVerifier('/verify'),
 *   audit: (event) => auditLog.write(event),
 * });
 * session.prompt.say; // "Dzień dobry, nazywam się Anna Zielińska, dzwonię z Banku… Czy rozmawiam z Panem Janem Kowalskim?"
 * ```
 */
export function createCallSession(script: CallScript, deps: CallSessionDeps): CallSession {
  assertScript(script);
  return new Session(script, parseDeps(script, deps));
}
