import * as z from 'zod/mini';
import { createActor, type Actor } from 'xstate';
import type { AuditEvent, AuditRecord, AuditSink } from '../audit/index.js';
import { callbackReference, describeCallback, planCallback, type CallbackRequest } from '../callback/index.js';
import { systemClock, type Clock } from '../core/clock.js';
import { SafecallError } from '../core/errors.js';
import { pooledCryptoRandom, type RandomSource } from '../core/random.js';
import { formatIssues, parseOrThrow, toIssues } from '../core/validate.js';
import { challengeStrength, pickChallenge } from '../pesel/index.js';
import { renderPrompt, type PromptStep, type StepId } from '../prompts/index.js';
import type { CallScript } from '../script/index.js';
import type { Verifier } from '../verifier/index.js';
import type { CallbackDecision, CallContext, IssuedChallenge, MachineEvent } from './context.js';
import { sessionEventSchema, type SessionEvent, type SessionEventInput } from './events.js';
import { createCallMachine } from './machine.js';
import type { CallOutcome } from './outcome.js';
import { bindRuntime, clearVault, emptyVault, type SessionRuntime } from './runtime.js';
import { callSnapshotSchema, SNAPSHOT_FORMAT, type CallSnapshot } from './snapshot.js';
import { progressOf, statePath, stepOfPath, stepOfValue, topState, viewOf } from './view.js';

/** Schema of {@link CallSessionDeps}. */
const depsSchema = z.object({
  agent: z.object({ name: z.string().check(z.trim(), z.minLength(1)), id: z.string().check(z.minLength(1)) }),
  customer: z.object({
    name: z.string().check(z.trim(), z.minLength(1)),
    ref: z.string().check(z.minLength(1)),
    form: z.optional(z.enum(['pan', 'pani'])),
    recentPositions: z.optional(z.array(z.int().check(z.minimum(1), z.maximum(11)))),
  }),
  verifier: z.custom<Verifier>(
    (v) => !!v && typeof v === 'object' && ['checkDigits', 'revealDigits', 'checkAnswer'].every((k) => typeof (v as unknown as Record<string, unknown>)[k] === 'function'),
    'a Verifier with checkDigits, revealDigits and checkAnswer',
  ),
  clock: z.optional(z.custom<Clock>((c) => !!c && typeof c === 'object' && ['now', 'setTimeout', 'clearTimeout'].every((k) => typeof (c as unknown as Record<string, unknown>)[k] === 'function'), 'a Clock')),
  random: z.optional(z.custom<RandomSource>((r) => !!r && typeof (r as RandomSource).getRandomValues === 'function', 'a RandomSource')),
  audit: z.optional(z.custom<AuditSink>((a) => typeof a === 'function', 'a function')),
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
});

/**
 * What a session needs from its host. The customer is an opaque reference:
 * the PESEL stays on the server, behind `verifier`.
 */
export interface CallSessionDeps {
  agent: { name: string; id: string };
  /** `form`: how Polish prompts address the customer (Pan/Pani); `recentPositions`: PESEL positions asked in recent calls, avoided. */
  customer: { name: string; ref: string; form?: 'pan' | 'pani'; recentPositions?: number[] };
  verifier: Verifier;
  clock?: Clock;
  random?: RandomSource;
  audit?: AuditSink;
  id?: string;
}

/** Options of {@link restoreCallSession}. */
export interface RestoreOptions {
  /** Upgrades a snapshot taken on another script id/version; without it such a snapshot is refused. */
  migrate?: (snapshot: CallSnapshot, script: CallScript) => CallSnapshot;
}

/** What subscribers hear. */
export type SessionNotice =
  /** The prompt changed: re-render. */
  | { type: 'prompt'; prompt: PromptStep }
  /** Pause or resume call recording: digits are about to be spoken, or are done. */
  | { type: 'recording'; recording: 'pause' | 'resume' }
  /** The call ended. */
  | { type: 'done'; outcome: CallOutcome }
  /** The audit sink threw or rejected; the call itself is unaffected. */
  | { type: 'audit-error'; error: unknown };

/** The machine type of a session. */
export type CallMachine = ReturnType<typeof createCallMachine>;

/**
 * One outbound call, driven by the agent desktop.
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
  /** Whether call recording should be paused now (digits being spoken). */
  readonly recording: 'active' | 'paused';
  /** True while the verifier is being asked; answer events are rejected then. */
  readonly pending: boolean;
  /** The xstate actor, for Stately tooling and `@xstate/react`. */
  readonly actor: Actor<CallMachine>;
  /** The xstate machine (shared by every session of the script). */
  readonly machine: CallMachine;
  /** Records what the customer said or did. Throws `INVALID_EVENT` / `EVENT_NOT_ALLOWED` and changes nothing on bad input. */
  send(event: SessionEventInput): void;
  /** Whether `send(event)` would be accepted now. */
  can(event: SessionEventInput): boolean;
  /** Listens for prompt changes, recording signals and the end. Returns an unsubscribe function. */
  subscribe(listener: (notice: SessionNotice) => void): () => void;
  /** Resolves once no verifier call is pending. */
  settled(): Promise<void>;
  /** JSON-safe, secret-free state for `restoreCallSession`. */
  snapshot(): CallSnapshot;
  /** Stops timers and the actor without an outcome (e.g. the desktop closes). */
  stop(): void;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** A new session id: 128 random bits as 32 hex digits (internal). */
export function randomId(random: RandomSource): string {
  const words = random.getRandomValues(new Uint32Array(4));
  // 32 hex digits, each word zero-padded (a byte table: toString(16) is slow).
  let id = '';
  for (const w of words) id += HEX[w >>> 24]! + HEX[(w >>> 16) & 0xff]! + HEX[(w >>> 8) & 0xff]! + HEX[w & 0xff]!;
  return id;
}

function issueChallenge(script: CallScript, deps: CallSessionDeps, random: RandomSource): IssuedChallenge | null {
  if (!script.pesel.enabled) return null;
  const base = { count: script.pesel.count, minStrengthBits: script.pesel.minStrengthBits, threat: script.pesel.threat, random } as const;
  let positions: number[];
  let avoidRelaxed = false;
  try {
    positions = pickChallenge({ ...base, avoid: deps.customer.recentPositions ?? [] });
  } catch (error) {
    if (!(error instanceof SafecallError) || error.code !== 'NO_CHALLENGE') throw error;
    // Too many recently asked positions: a strong challenge beats an unused one.
    positions = pickChallenge(base);
    avoidRelaxed = true;
  }
  return { positions, strengthBits: challengeStrength(positions, script.pesel.threat), avoidRelaxed };
}

class Session implements CallSession {
  readonly id: string;
  readonly script: CallScript;
  readonly actor: Actor<CallMachine>;
  readonly machine: CallMachine;
  private readonly deps: CallSessionDeps;
  private readonly clock: Clock;
  private readonly random: RandomSource;
  private readonly runtime: SessionRuntime;
  private readonly listeners = new Set<(notice: SessionNotice) => void>();
  private readonly startedAt: string;
  private cachedPrompt: PromptStep | undefined;
  private cachedFor: unknown;
  private lastStep: StepId;
  private lastMainIndex: number;

  constructor(script: CallScript, deps: CallSessionDeps, restored?: CallSnapshot) {
    this.script = script;
    this.deps = deps;
    this.clock = deps.clock ?? systemClock;
    // Web Crypto, drawn in blocks (see core/random.ts).
    this.random = deps.random ?? pooledCryptoRandom();
    this.id = restored?.sessionId ?? deps.id ?? randomId(this.random);
    this.startedAt = restored?.startedAt ?? new Date(this.clock.now()).toISOString();
    this.machine = createCallMachine(script);
    this.runtime = { verifier: deps.verifier, customerRef: deps.customer.ref, vault: emptyVault() };
    const options = { clock: this.clock, input: { challenge: restored ? null : issueChallenge(script, deps, this.random) } };
    if (restored) {
      const [top, child] = restored.state.split('.');
      const value = child ? { [top!]: child } : top!;
      const resolved = this.machine.resolveState({ value: value as never, context: restored.context as CallContext });
      this.actor = createActor(this.machine, { ...options, snapshot: resolved });
    } else {
      this.actor = createActor(this.machine, options);
    }
    bindRuntime(this.actor.system, this.runtime);
    this.lastStep = 'introduce';
    this.lastMainIndex = restored?.progress ?? 1;
    this.actor.on('audit', (emitted) => this.record(emitted.audit));
    this.actor.subscribe({ next: () => this.changed(), error: () => this.changed() });
    this.record({ type: 'call-started', step: 'introduce', data: { agentId: deps.agent.id, locale: script.locale, restored: !!restored } });
    this.actor.start();
    this.lastStep = stepOfPath(this.path);
    if (restored) {
      this.actor.send({ type: 'safecall.restored' });
      if (this.context.recording === 'paused') this.notify({ type: 'recording', recording: 'pause' });
    }
  }

  private get path(): string {
    return statePath(this.actor.getSnapshot().value);
  }

  private get context(): CallContext {
    return this.actor.getSnapshot().context;
  }

  get done(): boolean {
    return this.actor.getSnapshot().status !== 'active';
  }

  get outcome(): CallOutcome | undefined {
    return this.done ? (this.context.outcome ?? undefined) : undefined;
  }

  get recording(): 'active' | 'paused' {
    return this.context.recording;
  }

  get pending(): boolean {
    return stepOfValue(this.actor.getSnapshot().value) === 'verifying';
  }

  get prompt(): PromptStep {
    const snapshot = this.actor.getSnapshot();
    if (this.cachedPrompt && this.cachedFor === snapshot) return this.cachedPrompt;
    const path = statePath(snapshot.value);
    const now = this.clock.now();
    const view = viewOf(path, snapshot.context, this.script, this.runtime.vault, now);
    const prompt = renderPrompt(
      view,
      { script: this.script, locale: this.script.locale, agent: this.deps.agent, customer: this.deps.customer },
      progressOf(path, this.script, this.lastMainIndex),
    );
    this.cachedPrompt = prompt;
    this.cachedFor = snapshot;
    return prompt;
  }

  send(input: SessionEventInput): void {
    const event = this.parse(input);
    const machineEvent = this.toMachineEvent(event);
    this.assertAllowed(event, machineEvent);
    const vault = this.runtime.vault;
    if (event.type === 'ANSWER_DIGIT') {
      if (this.context.answered === 0) vault.digits.clear();
      vault.digits.set(event.position, event.digit);
    } else if (event.type === 'ANSWER') {
      vault.answer = event.value;
    }
    this.actor.send(machineEvent);
  }

  can(input: SessionEventInput): boolean {
    try {
      const event = this.parse(input);
      return !this.done && this.actor.getSnapshot().can(this.toMachineEvent(event));
    } catch {
      return false;
    }
  }

  subscribe(listener: (notice: SessionNotice) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  settled(): Promise<void> {
    if (!this.pending) return Promise.resolve();
    return new Promise((resolve) => {
      const subscription = this.actor.subscribe(() => {
        if (!this.pending) {
          subscription.unsubscribe();
          resolve();
        }
      });
    });
  }

  snapshot(): CallSnapshot {
    const context = this.context;
    return {
      format: SNAPSHOT_FORMAT,
      script: { id: this.script.id, version: this.script.version },
      sessionId: this.id,
      startedAt: this.startedAt,
      state: this.path,
      progress: this.lastMainIndex,
      // A structured copy: the caller may mutate or persist it freely.
      context: JSON.parse(JSON.stringify(context)) as CallSnapshot['context'],
    };
  }

  stop(): void {
    this.actor.stop();
    clearVault(this.runtime.vault);
  }

  private parse(input: SessionEventInput): SessionEvent {
    return parseOrThrow(sessionEventSchema, input, 'INVALID_EVENT', 'Invalid event');
  }

  private toMachineEvent(event: SessionEvent): MachineEvent {
    switch (event.type) {
      case 'ANSWER_DIGIT':
        // The digit stays out of the actor: events are visible to inspectors.
        return { type: 'ANSWER_DIGIT', position: event.position, via: event.via };
      case 'ANSWER':
        return { type: 'ANSWER', questionId: event.questionId };
      case 'REQUEST_CALLBACK':
        return { type: 'REQUEST_CALLBACK', decision: this.decideCallback(event) };
      case 'CUSTOMER_ASKS_DIGITS':
        return { type: 'CUSTOMER_ASKS_DIGITS', positions: [...event.positions] };
      default:
        return { type: event.type };
    }
  }

  private decideCallback(event: Extract<SessionEvent, { type: 'REQUEST_CALLBACK' }>): CallbackDecision {
    const now = this.clock.now();
    const request: CallbackRequest = event.at !== undefined ? { at: event.at } : event.inMinutes !== undefined ? { inMinutes: event.inMinutes } : { earliestAfterMinutes: 0 };
    const policy = this.script.callback;
    let plan: ReturnType<typeof planCallback>;
    try {
      plan = planCallback(request, policy, now);
    } catch (error) {
      // The policy was validated with the script, so a failure here is the event's `at`.
      if (error instanceof SafecallError) throw new SafecallError('INVALID_EVENT', `Invalid event: at: ${error.message}`, { issues: [{ path: ['at'], message: error.message }] });
      throw error;
    }
    const spoken = (at: string) => describeCallback(at, this.script.locale, now, { timeZone: policy.timeZone });
    if (plan.ok) return { ok: true, at: plan.at, spoken: spoken(plan.at), reference: callbackReference(this.random) };
    return { ok: false, reason: plan.reason, suggestions: plan.suggestions.map((at) => ({ at, spoken: spoken(at) })) };
  }

  private assertAllowed(event: SessionEvent, machineEvent: MachineEvent): void {
    if (this.done) {
      throw new SafecallError('EVENT_NOT_ALLOWED', `${event.type} is not allowed: the call has ended (${this.context.outcome?.kind ?? 'stopped'})`);
    }
    const snapshot = this.actor.getSnapshot();
    if (snapshot.can(machineEvent)) return;
    const step = stepOfPath(statePath(snapshot.value));
    let why = '';
    if (step === 'verifying') why = ': waiting for the verifier';
    else if (event.type === 'ANSWER_DIGIT' && step === 'pesel-digit') {
      why = `: expected the digit at position ${this.context.challenge?.positions[this.context.answered] ?? '?'}`;
    } else if (event.type === 'ANSWER' && step === 'question') {
      why = `: expected an answer to "${this.script.questions[this.context.question]?.id ?? '?'}"`;
    }
    throw new SafecallError('EVENT_NOT_ALLOWED', `${event.type} is not allowed at step "${step}"${why}`);
  }

  private changed(): void {
    const snapshot = this.actor.getSnapshot();
    // Runs on every transition: the step and top state straight from the state value, no path string.
    const top = topState(snapshot.value);
    const step = stepOfValue(snapshot.value);
    // A callback detour reports the index it was asked at, so this keeps it; the end keeps the last main step.
    if (step !== 'closing' && step !== 'handoff') this.lastMainIndex = progressOf(top, this.script, this.lastMainIndex).index;
    if (step !== this.lastStep) {
      this.lastStep = step;
      // The end of a call is recorded by its `outcome` event, which stays the last one.
      if (step !== 'closing' && step !== 'handoff') this.record({ type: 'step-entered', step, data: {} });
    }
    if (this.listeners.size) this.notify({ type: 'prompt', prompt: this.prompt });
    if (snapshot.status !== 'active') {
      clearVault(this.runtime.vault);
      if (snapshot.status === 'done') this.notify({ type: 'done', outcome: this.context.outcome ?? { kind: 'abandoned', reason: 'hang-up' } });
    }
  }

  private record(record: AuditRecord & { step?: string }): void {
    if (record.type === 'recording') this.notify({ type: 'recording', recording: record.data.recording });
    const sink = this.deps.audit;
    if (!sink) return;
    const event = {
      at: new Date(this.clock.now()).toISOString(),
      sessionId: this.id,
      scriptId: this.script.id,
      scriptVersion: this.script.version,
      type: record.type,
      step: (record.step ?? this.lastStep) as StepId,
      data: record.data,
    } as AuditEvent;
    try {
      const result = sink(event);
      if (result && typeof (result as Promise<void>).then === 'function') {
        (result as Promise<void>).then(undefined, (error: unknown) => this.notify({ type: 'audit-error', error }));
      }
    } catch (error) {
      this.notify({ type: 'audit-error', error });
    }
  }

  private notify(notice: SessionNotice): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(notice);
      } catch {
        // A broken listener must not break the call or the other listeners.
      }
    }
  }
}

function validateDeps(deps: unknown): CallSessionDeps {
  return parseOrThrow(depsSchema, deps, 'INVALID_ARGUMENT', 'Invalid session dependencies') as CallSessionDeps;
}

function assertScript(script: unknown): asserts script is CallScript {
  if (!script || typeof script !== 'object' || !Object.isFrozen(script) || typeof (script as { id?: unknown }).id !== 'string') {
    throw new SafecallError('INVALID_ARGUMENT', 'expected a script made by defineScript()');
  }
}

/**
 * Starts a call session for `script`.
 *
 * @example
 * ```ts
 * const session = createCallSession(script, {
 *   agent: { name: 'Anna Zielińska', id: 'a-17' },
 *   customer: { name: 'Jan Kowalski', ref: 'c-4411', form: 'pan' },
 *   verifier,
 *   audit: (event) => auditLog.write(event),
 * });
 * session.prompt.say; // "Dzień dobry, tu Bank Przykładowy, nazywam się Anna Zielińska. ..."
 * ```
 */
export function createCallSession(script: CallScript, deps: CallSessionDeps): CallSession {
  assertScript(script);
  return new Session(script, validateDeps(deps));
}

/**
 * Continues a call from `session.snapshot()` after a desktop reload. Attempts,
 * positions and reveals carry over: a reload never grants a second chance.
 * Digits given in an unfinished attempt lived only in memory, so that attempt
 * restarts at its first position (same positions, not counted as a failure).
 *
 * @example
 * ```ts
 * const session = restoreCallSession(script, JSON.parse(saved), deps);
 * ```
 */
export function restoreCallSession(script: CallScript, snapshot: unknown, deps: CallSessionDeps, options: RestoreOptions = {}): CallSession {
  assertScript(script);
  let parsed = parseSnapshot(snapshot);
  if (parsed.script.id !== script.id || parsed.script.version !== script.version) {
    if (!options.migrate) {
      throw new SafecallError(
        'SNAPSHOT_MISMATCH',
        `snapshot was taken on script "${parsed.script.id}" v${parsed.script.version}, not "${script.id}" v${script.version}; pass a migrate function to continue on another version`,
      );
    }
    parsed = parseSnapshot(options.migrate(parsed, script));
    if (parsed.script.id !== script.id || parsed.script.version !== script.version) {
      throw new SafecallError('SNAPSHOT_MISMATCH', `migrate returned a snapshot for "${parsed.script.id}" v${parsed.script.version}, not "${script.id}" v${script.version}`);
    }
  }
  const validDeps = validateDeps(deps);
  if (!stateExists(createCallMachine(script), parsed.state)) {
    throw new SafecallError('INVALID_SNAPSHOT', `snapshot state "${parsed.state}" does not exist in script "${script.id}"`);
  }
  return new Session(script, validDeps, parsed);
}

function stateExists(machine: CallMachine, path: string): boolean {
  try {
    const node = machine.getStateNodeById(`call.${path}`);
    // A compound state alone is not a place a call can be.
    return Object.keys(node.states).length === 0;
  } catch {
    return false;
  }
}

function parseSnapshot(snapshot: unknown): CallSnapshot {
  const result = z.safeParse(callSnapshotSchema, snapshot);
  if (!result.success) {
    const issues = toIssues(result.error.issues);
    throw new SafecallError('INVALID_SNAPSHOT', `Invalid snapshot: ${formatIssues(issues)}`, { issues });
  }
  return result.data;
}

