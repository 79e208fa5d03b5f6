/**
 * Shared fixtures for the benchmarks and the budget tests: the example
 * scripts, a `Verifier` stub that answers with precomputed `CallState`s at
 * once, session deps, and the fraud-alert call as a fixed list of events — the
 * same list for the session (`session.send`) and for the bare actor (machine
 * events), so both make exactly the same transitions.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCallSession, defineScript, type CallOutcome, type CallScript, type CallSession, type CallSessionDeps, type CallState, type SessionEventInput, type Verifier } from '../src/index.js';
import type { MachineEvent } from '../src/session/context.js';

/** The repository root, found upwards from this module: it also runs bundled, from bench/.cache/perf/. */
export const ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'examples'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('bench: repository root not found');
    dir = up;
  }
  return `${dir}/`;
})();

export const SCRIPTS_DIR = `${ROOT}examples/scripts/`;

/** Every example script, validated, by file name without `.json`. */
export function exampleScripts(): Record<string, CallScript> {
  const out: Record<string, CallScript> = {};
  for (const file of readdirSync(SCRIPTS_DIR).filter((f) => f.endsWith('.json')).sort()) {
    out[file.replace(/\.json$/, '')] = defineScript(JSON.parse(readFileSync(SCRIPTS_DIR + file, 'utf8')));
  }
  return out;
}

export function scriptJson(name: string): unknown {
  return JSON.parse(readFileSync(`${SCRIPTS_DIR}${name}.json`, 'utf8'));
}

export function loadScript(name: string): CallScript {
  return defineScript(scriptJson(name));
}

/** Jan Kowalski's PESEL; only the stub's reveal reads it (the desktop never holds it). */
export const PESEL = '85031583834';
/** The challenge the stub issues: 7, 8, 9 (≈ 9.97 bits against an acquaintance). */
export const CHALLENGE = [7, 8, 9] as const;
/** What the customer asks for in mutual verification: the last two digits. */
export const ASKED = [10, 11] as const;

/**
 * The service's answers along a verified call of `script`, computed once:
 * `open`, then one state per passed step. Shapes as the real service sends
 * them (strict `callStateSchema`), positions and counts only.
 */
export function precomputedStates(script: CallScript): {
  opened: CallState;
  digitsPassed: CallState;
  revealed: { digits: Record<number, string>; state: CallState };
  answered: Record<string, CallState>;
  closed: (outcome: CallOutcome) => CallState;
} {
  const questions = script.questions.map((q) => q.id);
  const attempts = Object.fromEntries(script.questions.map((q) => [q.id, q.attempts]));
  const opened: CallState = {
    callId: 'bench-call-0001',
    challenge: script.pesel.enabled ? [...CHALLENGE] : null,
    challengeBits: script.pesel.enabled ? 9.97 : 0,
    reissued: false,
    attemptsLeft: script.pesel.attempts,
    questionAttemptsLeft: attempts,
    failures: { pesel: 0, questions: {} },
    passed: { pesel: false, questions: [] },
    revealed: [],
    disclosure: { bitsLeft: 12.29 },
  };
  const digitsPassed: CallState = { ...opened, passed: { pesel: true, questions: [] }, disclosure: { bitsLeft: 3.32 } };
  const digits: Record<number, string> = {};
  for (const p of ASKED) digits[p] = PESEL.charAt(p - 1);
  const afterReveal: CallState = { ...digitsPassed, revealed: [...ASKED], disclosure: { bitsLeft: 0 } };
  const answered: Record<string, CallState> = {};
  const before = script.mutual.enabled && script.mutual.when === 'after-pesel' ? afterReveal : digitsPassed;
  questions.forEach((id, i) => {
    answered[id] = { ...before, passed: { pesel: before.passed.pesel, questions: questions.slice(0, i + 1) } };
  });
  const last = questions.length ? answered[questions[questions.length - 1]!]! : before;
  const closedStates = new Map<string, CallState>();
  return {
    opened,
    digitsPassed,
    revealed: { digits, state: afterReveal },
    answered,
    closed: (outcome) => {
      let state = closedStates.get(outcome.kind);
      if (!state) closedStates.set(outcome.kind, (state = { ...last, outcome: { ...outcome } }));
      return state;
    },
  };
}

/**
 * A `Verifier` that answers every request at once with the precomputed state
 * of a verified call: no store, no PESEL lookup, no HTTP. The session and the
 * bare actor get the same stub, so what differs between them is the
 * session's own work.
 */
export function stubVerifier(script: CallScript): Verifier {
  const states = precomputedStates(script);
  return {
    open: () => Promise.resolve(states.opened),
    // The state of a call reloaded mid-challenge (restore's `resume`).
    resume: () => Promise.resolve(states.opened),
    checkDigits: () => Promise.resolve(states.digitsPassed),
    checkAnswer: (_callId, questionId) => Promise.resolve(states.answered[questionId] ?? states.digitsPassed),
    reveal: () => Promise.resolve(states.revealed),
    close: (_callId, outcome) => Promise.resolve(states.closed(outcome)),
  };
}

const verifiers = new WeakMap<CallScript, Verifier>();
/** One stub per script, shared (it holds no per-call state). */
export function verifierFor(script: CallScript): Verifier {
  let verifier = verifiers.get(script);
  if (!verifier) verifiers.set(script, (verifier = stubVerifier(script)));
  return verifier;
}

export const AGENT = { name: 'Anna Zielińska', id: 'agent-17', form: 'pani' as const };

/** Deps of one session. `n` makes the customer reference distinct. */
export function depsFor(script: CallScript, n = 0, extra: Partial<CallSessionDeps> = {}): CallSessionDeps {
  return { agent: AGENT, customer: { name: 'Jan Kowalski', ref: `c-${n}`, form: 'pan' }, verifier: verifierFor(script), ...extra };
}

/** One step of the call: what the desktop sends, or a wait for the service. */
export type CallStep = { send: SessionEventInput } | { settle: true };

/** The answer the customer gives to every question (the stub accepts anything). */
const ANSWER = '2009';

/**
 * The verified call of `script` as a fixed list: the customer's events and
 * the waits for the service, in order. Both drivers replay it, so no driver
 * reads state to decide what to send.
 */
export function verifiedCallSteps(script: CallScript): CallStep[] {
  const steps: CallStep[] = [];
  const send = (event: SessionEventInput) => steps.push({ send: event });
  const settle = () => steps.push({ settle: true });
  send({ type: 'CONFIRM' }); // introduce: "am I speaking with…"
  if (script.vip?.substitute) send({ type: 'CONFIRM' });
  send({ type: 'CONFIRM' }); // purpose
  if (script.steps.callerId) send({ type: 'CONFIRM' });
  if (script.steps.safePlace) send({ type: 'CONFIRM' });
  settle(); // open
  const mutual = script.mutual.enabled && script.pesel.enabled;
  const reveal = () => {
    send({ type: 'CUSTOMER_ASKS_DIGITS', positions: [...ASKED] });
    settle();
    send({ type: 'CONFIRM' });
  };
  if (script.pesel.enabled) {
    send({ type: 'CONFIRM' }); // consent
    for (const position of CHALLENGE.slice(0, script.pesel.count)) send({ type: 'ANSWER_DIGIT', position, digit: PESEL.charAt(position - 1) });
    settle();
    if (mutual && script.mutual.when === 'after-pesel') reveal();
  }
  for (const q of script.questions) {
    send({ type: 'ANSWER', questionId: q.id, value: ANSWER });
    settle();
  }
  if (mutual && script.mutual.when === 'after-questions') reveal();
  settle(); // close
  return steps;
}

/** What the machine receives for a session event: the session strips digits and answer values. */
export function machineEventOf(event: SessionEventInput): MachineEvent {
  switch (event.type) {
    case 'ANSWER_DIGIT':
      return { type: 'ANSWER_DIGIT', position: event.position, via: event.via ?? 'voice' };
    case 'ANSWER':
      return { type: 'ANSWER', questionId: event.questionId };
    case 'CUSTOMER_ASKS_DIGITS':
      return { type: 'CUSTOMER_ASKS_DIGITS', positions: [...event.positions] };
    case 'REQUEST_CALLBACK':
      throw new Error('not in a verified call');
    default:
      return { type: event.type };
  }
}

/** Plays a verified call through the session API only, as a softphone bridge would (no prompt read). */
export async function playVerifiedCall(session: CallSession, steps: readonly CallStep[], onStep?: (session: CallSession) => void): Promise<void> {
  for (const step of steps) {
    onStep?.(session);
    if ('send' in step) session.send(step.send);
    else await session.settled();
  }
  onStep?.(session);
  if (session.outcome?.kind !== 'verified') throw new Error(`the call ended ${JSON.stringify(session.outcome)} at ${JSON.stringify(session.actor.getSnapshot().value)}`);
}

/** The same call as a desktop plays it: the prompt is read after every event (rendered once per state). */
export async function playVerifiedCallReadingPrompts(session: CallSession, steps: readonly CallStep[]): Promise<void> {
  let chars = 0;
  for (const step of steps) {
    chars += session.prompt.say.length;
    if ('send' in step) session.send(step.send);
    else await session.settled();
  }
  chars += session.prompt.say.length;
  if (session.outcome?.kind !== 'verified' || chars === 0) throw new Error(`the call ended ${JSON.stringify(session.outcome)}`);
}

/** A session of `script` in the middle of the PESEL challenge: main steps confirmed, the service answered, the first digit given. */
export async function sessionMidCall(script: CallScript, deps: CallSessionDeps): Promise<CallSession> {
  const session = createCallSession(script, deps);
  for (const step of midCallSteps(script)) {
    if ('send' in step) session.send(step.send);
    else await session.settled();
  }
  return session;
}

/** The steps up to and including the first PESEL digit. */
export function midCallSteps(script: CallScript): CallStep[] {
  const steps = verifiedCallSteps(script);
  const first = steps.findIndex((s) => 'send' in s && s.send.type === 'ANSWER_DIGIT');
  return steps.slice(0, first + 1);
}
