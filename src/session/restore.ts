import * as z from 'zod/mini';
import type { StateValue } from 'xstate';
import { SafecallError } from '../core/errors.js';
import { formatIssues, toIssues } from '../core/validate.js';
import { callStateSchema, type CallState, type MainStepId } from '../model/index.js';
import { mainSteps, type CallScript } from '../script/index.js';
import { initialContext, type CallContext } from './context.js';
import { assertScript, parseDeps, type CallSessionDeps } from './deps.js';
import { createCallMachine } from './machine.js';
import { Session, type CallSession, type RestoredSnapshot } from './session.js';
import { DEFAULT_OUTCOME } from './view.js';
import { callSnapshotSchema, type CallSnapshot } from './snapshot.js';

/**
 * Options of {@link restoreCallSession}.
 *
 * @example
 * ```ts
 * const options: RestoreOptions = { migrate: (snapshot, script) => ({ ...snapshot, script: { id: script.id, version: script.version } }) };
 * ```
 */
export interface RestoreOptions {
  /** Upgrades a snapshot taken on another script id/version; without it such a snapshot is refused. */
  migrate?: (snapshot: CallSnapshot, script: CallScript) => CallSnapshot;
}

// Top-level states a call can only be in after the service opened it.
const NEEDS_CALL = new Set(['pesel', 'mutual', 'questions', 'handoff', 'verified']);
// The main step a top-level state stands for, to tell which steps a snapshot claims to be past.
const STEP_OF_STATE: Readonly<Record<string, MainStepId>> = { pesel: 'pesel-digit', mutual: 'mutual', questions: 'question', handoff: 'handoff', verified: 'handoff' };
// A check may have been in flight at the reload: its result is read back from the service, never sent again.
const IN_FLIGHT = /\.(checking|error|resyncing)$/;

function parseSnapshot(snapshot: unknown): CallSnapshot {
  const result = z.safeParse(callSnapshotSchema, snapshot);
  if (!result.success) {
    const issues = toIssues(result.error.issues);
    throw new SafecallError('INVALID_SNAPSHOT', `Invalid snapshot: ${formatIssues(issues)}`, { issues });
  }
  return result.data;
}

function tampered(why: string): never {
  throw new SafecallError('SNAPSHOT_TAMPERED', `the snapshot claims more than the verification service knows: ${why}`);
}

/**
 * Continues a call from `session.snapshot()` after a desktop reload. It asks
 * the verification service for the call's state (`resume`) and the service's
 * state wins: a snapshot that claims more — other positions, fewer failures, a
 * pass, a step past the challenge, a verified outcome — is refused with
 * `SNAPSHOT_TAMPERED`. Attempts, positions and reveals carry over: a reload
 * never gives a second chance. Digits given in an unfinished attempt lived only
 * in memory, so that attempt restarts at its first position (same positions;
 * a check that was in flight is read back from the service, not repeated).
 *
 * A snapshot of another script id or version is refused (`SNAPSHOT_MISMATCH`)
 * unless `options.migrate` upgrades it.
 *
 * @example
 * ```ts
 * const session = await restoreCallSession(script, JSON.parse(sessionStorage.getItem('call')!), deps);
 * ```
 */
export async function restoreCallSession(script: CallScript, snapshot: unknown, deps: CallSessionDeps, options: RestoreOptions = {}): Promise<CallSession> {
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
  const validDeps = parseDeps(script, deps);
  const machine = createCallMachine(script);
  const path = parsed.state.split('.');
  let node;
  try {
    node = machine.getStateNodeById(`call.${parsed.state}`);
  } catch {
    throw new SafecallError('INVALID_SNAPSHOT', `snapshot state "${parsed.state}" does not exist in script "${script.id}"`);
  }
  if (Object.keys(node.states).length > 0) throw new SafecallError('INVALID_SNAPSHOT', `snapshot state "${parsed.state}" is not a place a call can be`);
  const top = path[0]!;
  const context: CallContext = { ...initialContext(), ...parsed.context, mutual: { ...parsed.context.mutual } };

  let call: CallState | null = null;
  if (parsed.callId === null) {
    if (NEEDS_CALL.has(top)) tampered('a step that needs the service, without a call');
  } else {
    const resumed = z.safeParse(callStateSchema, await validDeps.verifier.resume(parsed.callId));
    if (!resumed.success) throw new SafecallError('VERIFIER_UNAVAILABLE', 'the verification service answered in an unexpected shape');
    call = resumed.data;
    checkClaims(parsed, call, top, script);
    const item = top === 'questions' ? script.questions[parsed.context.question]?.id : undefined;
    if (IN_FLIGHT.test(parsed.state)) {
      // What the desktop believed before the check: the machine compares it with the service's state to learn whether the check counted.
      context.call = believed(call, parsed, item, script);
      context.failures = parsed.context.failures;
    } else {
      context.call = call;
      context.failures = item === undefined ? call.failures.pesel : (call.failures.questions[item] ?? 0);
    }
  }

  let value: StateValue = valueOf(path);
  if (call?.outcome) {
    // The service already recorded the end: the call ends there, whatever the desktop saw.
    context.outcome = call.outcome;
    value = call.outcome.kind === 'verified' ? 'verified' : 'ended';
  }
  // Handed to createActor as persisted data: xstate resolves the state nodes of
  // a snapshot it restores, so resolving them here (machine.resolveState) did it twice.
  const final = machine.root.states[typeof value === 'string' ? value : top]?.type === 'final';
  const shape = { value, context, children: {}, historyValue: {} };
  const machineSnapshot: RestoredSnapshot = final
    ? { ...shape, status: 'done', output: context.outcome ?? DEFAULT_OUTCOME, error: undefined }
    : { ...shape, status: 'active', output: undefined, error: undefined };
  return new Session(script, validDeps, { snapshot: parsed, machineSnapshot });
}

function checkClaims(snapshot: CallSnapshot, call: CallState, top: string, script: CallScript): void {
  const claims = snapshot.claims;
  if (!claims) tampered('a call without its claims');
  if (JSON.stringify(claims.challenge) !== JSON.stringify(call.challenge)) tampered('other positions');
  if (claims.passed.pesel && !call.passed.pesel) tampered('a pass');
  if (script.questions.slice(0, claims.passed.questions).some((q) => !call.passed.questions.includes(q.id))) tampered('a passed question');
  // Where the snapshot stands implies what was passed before it: the service must show it.
  const steps = mainSteps(script);
  const step = STEP_OF_STATE[top];
  const past = step === undefined ? [] : steps.slice(0, steps.indexOf(step));
  if (past.includes('pesel-digit') && call.challenge !== null && !call.passed.pesel) tampered('a step past the challenge');
  const questionsBefore = past.includes('question') ? script.questions : top === 'questions' ? script.questions.slice(0, snapshot.context.question) : [];
  if (questionsBefore.some((q) => !call.passed.questions.includes(q.id))) tampered('a step past a question');
  if ((snapshot.context.outcome?.kind === 'verified' || top === 'verified') && call.outcome?.kind !== 'verified') tampered('a verified outcome');
  if (snapshot.state === 'mutual.revealed' && call.revealed.length === 0) tampered('digits revealed that the service never revealed');
  // A check in flight at the reload may have been counted since: one more failure is not a lie.
  const inFlight = IN_FLIGHT.test(snapshot.state) ? 1 : 0;
  const item = top === 'questions' ? script.questions[snapshot.context.question]?.id : undefined;
  const counted = item === undefined ? call.failures.pesel : (call.failures.questions[item] ?? 0);
  if ((top === 'pesel' || top === 'questions') && snapshot.context.failures + inFlight < counted) tampered('fewer failures');
}

/** The service's state with the passes and failures the desktop believed before its last check. */
function believed(call: CallState, snapshot: CallSnapshot, item: string | undefined, script: CallScript): CallState {
  const claimed = snapshot.claims?.passed ?? { pesel: false, questions: 0 };
  const failures = item === undefined ? { ...call.failures, pesel: snapshot.context.failures } : { ...call.failures, questions: { ...call.failures.questions, [item]: snapshot.context.failures } };
  return { ...call, passed: { pesel: claimed.pesel, questions: script.questions.slice(0, claimed.questions).map((q) => q.id) }, failures, ...(snapshot.claims ? { attemptsLeft: snapshot.claims.attemptsLeft } : {}) };
}

function valueOf(path: readonly string[]): StateValue {
  let value: StateValue = path[path.length - 1]!;
  for (let i = path.length - 2; i >= 0; i--) value = { [path[i]!]: value };
  return value;
}
