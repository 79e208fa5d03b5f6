import * as z from 'zod/mini';
import { SafecallError, isSafecallError } from '../core/errors.js';
import { cryptoRandom, type RandomSource } from '../core/random.js';
import { parseOrThrow } from '../core/validate.js';
import {
  callOutcomeSchema,
  openCallRequestSchema,
  positionSchema,
  positionsSchema,
  type CallOutcome,
  type CallState,
  type OpenCallRequest,
  type RefusalReason,
  type RevealResult,
  type Verifier,
} from '../model/index.js';
import { isValidPesel } from '../pesel/index.js';
import type { CallScript } from '../script/index.js';
import { answerMatches } from './answers.js';
import { signAttestation } from './attestation.js';
import { round, toCallState } from './callState.js';
import { constantTimeEqual } from './constantTimeEqual.js';
import type { CustomerDirectory } from './customers.js';
import { bitsLeft, issueChallenge, spokenSince } from './disclosure.js';
import type { ServiceEvent } from './events.js';
import { customerTag, importHmacKey, newCallId, tagOfCallId } from './keys.js';
import { limitsOf, parseVerificationPolicy, type VerificationPolicy, type VerificationPolicyInput } from './policy.js';
import { memoryStore } from './store/memoryStore.js';
import { PESEL_ITEM, type CallRecord, type LedgerRecord } from './store/records.js';
import type { AttemptTicket, VerificationStore } from './store/types.js';

/**
 * Options of {@link createVerificationService}.
 *
 * @example
 * ```ts
 * const options: VerificationServiceOptions = { customers, scripts: [fraudAlert], attestationKey: process.env.SAFECALL_KEY! };
 * ```
 */
export interface VerificationServiceOptions {
  /** Where ledgers and calls live. Default: {@link memoryStore} (one process). */
  store?: VerificationStore;
  /** The PESEL and expected answers, looked up per check and never stored. */
  customers: CustomerDirectory;
  /** The scripts the service accepts calls for (from `defineScript`); their policies are the ones enforced. */
  scripts: readonly CallScript[];
  /** Limits across calls; see {@link VerificationPolicyInput}. */
  policy?: VerificationPolicyInput;
  /** Secret (≥ 32 bytes) for attestations and store keys. Keep it in the server's secret store. */
  attestationKey: string | Uint8Array;
  /** Challenge randomness. Default: Web Crypto. Tests inject `seededRandom`. */
  random?: RandomSource;
  /** Epoch-ms clock. Default `Date.now`. */
  now?: () => number;
  /** The service's own trail of decisions (no digits, no answers). A throwing hook is ignored. */
  onEvent?: (event: ServiceEvent) => void;
}

/**
 * What a back end learns about a call from {@link VerificationService.status}.
 *
 * @example
 * ```ts
 * const { outcome } = await service.status(callId);
 * ```
 */
export interface CallStatus {
  callId: string;
  customerRef: string;
  script: { id: string; version: number };
  agentId: string;
  openedAt: string;
  closedAt?: string;
  outcome?: CallOutcome;
  state: CallState;
}

/**
 * The verification service: the {@link Verifier} port plus what a business back
 * end asks to trust a call without trusting the desktop.
 *
 * @example
 * ```ts
 * const token = await service.attestation(callId);
 * ```
 */
export interface VerificationService extends Verifier {
  /** The call's record as the service holds it. */
  status(callId: string): Promise<CallStatus>;
  /** A signed statement of how a closed call ended; check it with `verifyAttestation`. */
  attestation(callId: string): Promise<string>;
  /** The limits in force. */
  readonly policy: VerificationPolicy;
}

/** An attempt's state and whether it was evaluated (false: refused during a lock-out). */
export interface CheckResult {
  state: CallState;
  evaluated: boolean;
}

/** What the HTTP handler needs beyond the port (internal). */
export interface ServiceInternals {
  open(request: unknown): Promise<CallState>;
  checkDigits(callId: string, answers: unknown): Promise<CheckResult>;
  checkAnswer(callId: string, questionId: unknown, value: unknown): Promise<CheckResult>;
  reveal(callId: string, positions: unknown): Promise<RevealResult>;
  close(callId: string, outcome: unknown): Promise<CallState>;
}

const internals = new WeakMap<object, ServiceInternals>();

/** The handler's view of a service made by {@link createVerificationService} (internal). */
export function internalsOf(service: VerificationService): ServiceInternals {
  const found = internals.get(service);
  if (!found) throw new SafecallError('INVALID_ARGUMENT', 'expected a service made by createVerificationService()');
  return found;
}

const optionsSchema = z.object({
  store: z.optional(z.custom<VerificationStore>((s) => !!s && typeof s === 'object', 'a VerificationStore')),
  customers: z.custom<CustomerDirectory>((c) => !!c && typeof (c as { pesel?: unknown }).pesel === 'function', 'an object with a pesel(ref) function'),
  scripts: z.array(z.custom<CallScript>((s) => !!s && typeof s === 'object' && Object.isFrozen(s), 'a script made by defineScript()')).check(z.minLength(1)),
  attestationKey: z.union([z.string().check(z.minLength(32)), z.instanceof(Uint8Array).check(z.refine((b) => b.length >= 32, 'at least 32 bytes'))]),
  random: z.optional(z.custom<RandomSource>((r) => typeof (r as { getRandomValues?: unknown } | null)?.getRandomValues === 'function', 'a RandomSource')),
  now: z.optional(z.custom<() => number>((f) => typeof f === 'function', 'a function')),
  onEvent: z.optional(z.custom<(event: ServiceEvent) => void>((f) => typeof f === 'function', 'a function')),
});

const answersSchema = z
  .record(z.string().check(z.regex(/^(?:[1-9]|1[01])$/, 'a position 1-11')), z.string().check(z.regex(/^[0-9]$/, 'a single digit')))
  .check(z.refine((a) => Object.keys(a).length <= 11, 'at most 11 positions'));
const questionIdSchema = z.string().check(z.minLength(1), z.maxLength(64));
const answerValueSchema = z.string().check(z.maxLength(200));
const revealSchema = positionsSchema.check(z.minLength(1));
const RETRIES = 5;

// The two refusals every operation can meet: messages say what happened, never which call or customer.
const noSuchCall = () => new SafecallError('CALL_NOT_FOUND', 'no such call');
const callEnded = () => new SafecallError('CALL_CLOSED', 'the call has ended');

/**
 * Creates the verification service: it issues challenges, counts attempts
 * across calls (atomically, in its store), decides every answer and reveal,
 * and records the outcome. Implements the {@link Verifier} port, so tests and
 * `simulateCall` run it in-process; `verificationHandler(service)` puts it
 * behind HTTP for desktops.
 *
 * @example
 * ```ts
 * const service = createVerificationService({
 *   store: memoryStore(),
 *   customers: { pesel: (ref) => db.pesel(ref), answer: (ref, q) => db.answer(ref, q) },
 *   scripts: [defineScript(fraudAlertJson)],
 *   attestationKey: process.env.SAFECALL_KEY!,
 * });
 * const state = await service.open({ customerRef: 'c-4411', script: { id: 'fraud-alert', version: 3 }, agentId: 'a-17' });
 * ```
 */
export function createVerificationService(options: VerificationServiceOptions): VerificationService {
  const parsed = parseOrThrow(optionsSchema, options, 'INVALID_ARGUMENT', 'Invalid verification service options');
  const policy = parseVerificationPolicy(options.policy);
  const limits = limitsOf(policy);
  const store = parsed.store ?? memoryStore();
  const customers = parsed.customers;
  const random = parsed.random ?? cryptoRandom();
  const clock = parsed.now ?? Date.now;
  const scripts = new Map<string, CallScript>();
  for (const script of parsed.scripts) scripts.set(`${script.id}@${script.version}`, script);
  const key = importHmacKey(parsed.attestationKey, 'attestationKey');
  key.catch(() => undefined); // reported by the first operation that awaits it

  const emit = (event: ServiceEvent) => {
    try {
      parsed.onEvent?.(event);
    } catch {
      // the service's decisions never depend on its logger
    }
  };
  const iso = (t: number) => new Date(t).toISOString();

  /** Store calls fail closed: whatever the store throws becomes a retryable STORE_UNAVAILABLE. */
  const guarded = async <T>(operation: Promise<T>): Promise<T> => {
    try {
      return await operation;
    } catch (error) {
      if (isSafecallError(error)) throw error;
      throw new SafecallError('STORE_UNAVAILABLE', 'the verification store did not answer; nothing was changed, try again', { cause: error });
    }
  };
  const lookup = async <T>(operation: () => Promise<T> | T): Promise<T> => {
    try {
      return await operation();
    } catch (error) {
      throw new SafecallError('STORE_UNAVAILABLE', 'the customer directory did not answer; try again', { cause: error });
    }
  };

  const scriptOf = (id: string, version: number): CallScript => {
    const script = scripts.get(`${id}@${version}`);
    if (!script) throw new SafecallError('UNKNOWN_SCRIPT', `the service does not know script "${id}" v${version}`);
    return script;
  };
  const tagOf = (callId: unknown): string => {
    const tag = tagOfCallId(callId);
    if (!tag) throw noSuchCall();
    return tag;
  };
  const stateOf = (call: CallRecord, ledger: LedgerRecord, now = clock()) => toCallState(call, ledger, scriptOf(call.scriptId, call.scriptVersion), limits, now);
  const read = async (callId: string) => {
    const found = await guarded(store.read(tagOf(callId), callId));
    if (!found) throw noSuchCall();
    return found;
  };

  /** begin → evaluate → settle: the attempt is counted before anything is looked up. */
  const attempt = async (callId: string, item: string, evaluate: (call: CallRecord) => Promise<{ ok: boolean; spoken: number[] }>): Promise<CheckResult> => {
    const tag = tagOf(callId);
    const begun = await guarded(store.begin(tag, callId, { item, now: clock(), limits, keepMs: limits.keepMs }));
    switch (begun.status) {
      case 'not-found':
        throw noSuchCall();
      case 'closed':
        throw callEnded();
      case 'no-challenge':
        throw new SafecallError('STEP_NOT_ALLOWED', 'no PESEL challenge was issued in this call');
      case 'unknown-item':
        throw new SafecallError('STEP_NOT_ALLOWED', 'the script of this call has no such question');
      case 'passed':
        throw new SafecallError('STEP_NOT_ALLOWED', 'already passed in this call');
      case 'exhausted':
        emit({ type: 'attempt', at: iso(clock()), callId, item, result: 'exhausted' });
        throw new SafecallError('STEP_NOT_ALLOWED', 'no attempts left in this call');
      case 'locked':
        emit({ type: 'attempt', at: iso(clock()), callId, item, result: 'locked' });
        return { state: stateOf(begun.call, begun.ledger), evaluated: false };
      case 'go':
        break;
    }
    const { ticket } = begun;
    let verdict: { ok: boolean; spoken: number[] };
    try {
      verdict = await evaluate(begun.call);
    } catch (error) {
      await settle(tag, callId, ticket, 'void', []).catch(() => undefined);
      emit({ type: 'attempt', at: iso(clock()), callId, item, result: 'void' });
      throw error;
    }
    const settled = await settle(tag, callId, ticket, verdict.ok ? 'pass' : 'fail', verdict.spoken);
    emit({ type: 'attempt', at: iso(clock()), callId, item, result: verdict.ok ? 'pass' : 'fail' });
    return { state: stateOf(settled.call, settled.ledger), evaluated: true };
  };
  const settle = async (tag: string, callId: string, ticket: AttemptTicket, verdict: 'pass' | 'fail' | 'void', spoken: number[]) => {
    const result = await guarded(store.settle(tag, callId, { ticket, verdict, spoken, now: clock(), keepMs: limits.keepMs }));
    if (result.status !== 'ok') throw new SafecallError('CALL_NOT_FOUND', 'the call expired during the check');
    return result;
  };

  const checkDigits = async (callId: string, answers: unknown): Promise<CheckResult> => {
    tagOf(callId);
    const given = parseOrThrow(answersSchema, answers, 'INVALID_ARGUMENT', 'Invalid answers');
    return attempt(callId, PESEL_ITEM, async (call) => {
      const challenge = call.challenge ?? [];
      const positions = Object.keys(given).map(Number);
      // Only issued positions count as spoken: anything else was not asked on the line.
      const spoken = positions.filter((p) => challenge.includes(p));
      // Exactly the issued positions, or it is a failed attempt — never an oracle for other digits.
      if (positions.length !== challenge.length || spoken.length !== challenge.length) return { ok: false, spoken };
      const pesel = await lookup(() => customers.pesel(call.customerRef));
      const known = typeof pesel === 'string' && isValidPesel(pesel);
      let ok = known;
      // Every position is compared, right or wrong, so timing does not tell which digit failed.
      for (const position of challenge) ok = constantTimeEqual(known ? pesel.charAt(position - 1) : '#', given[String(position)] ?? '') && ok;
      return { ok, spoken };
    });
  };

  const checkAnswer = async (callId: string, questionId: unknown, value: unknown): Promise<CheckResult> => {
    tagOf(callId);
    const id = parseOrThrow(questionIdSchema, questionId, 'INVALID_ARGUMENT', 'Invalid question id');
    const answer = parseOrThrow(answerValueSchema, value, 'INVALID_ARGUMENT', 'Invalid answer');
    return attempt(callId, id, async (call) => {
      const question = scriptOf(call.scriptId, call.scriptVersion).questions.find((q) => q.id === id);
      if (!question || answer.trim() === '') return { ok: false, spoken: [] };
      const expected = await lookup(() => customers.answer?.(call.customerRef, id));
      return { ok: answerMatches(answer, expected, question.answer), spoken: [] };
    });
  };

  const open = async (request: unknown): Promise<CallState> => {
    const input = parseOrThrow(openCallRequestSchema, request, 'INVALID_ARGUMENT', 'Invalid open request');
    const script = scriptOf(input.script.id, input.script.version);
    const tag = await customerTag(await key, input.customerRef);
    for (let i = 0; i < RETRIES; i++) {
      const now = clock();
      const ledger = await guarded(store.ledger(tag));
      const challenge = script.pesel.enabled ? issueChallenge(script, ledger, now, limits, random) : null;
      const questions = script.questions.map((q) => q.id);
      const exhausted = script.pesel.enabled && challenge === null;
      const call: CallRecord = {
        callId: newCallId(tag, random),
        customerRef: input.customerRef,
        scriptId: script.id,
        scriptVersion: script.version,
        agentId: input.agentId,
        openedAt: now,
        challenge: challenge ? challenge.positions : null,
        challengeBits: challenge ? round(challenge.bits) : 0,
        reissued: challenge?.reissued ?? false,
        maxFailures: Object.fromEntries([...(challenge ? [[PESEL_ITEM, script.pesel.attempts] as const] : []), ...script.questions.map((q) => [q.id, q.attempts] as const)]),
        failures: {},
        required: exhausted && script.pesel.whenExhausted === 'end' ? null : [...(challenge ? [PESEL_ITEM] : []), ...questions],
        passed: [],
        revealed: [],
        outcome: null,
        closedAt: 0,
      };
      const pin = challenge && !challenge.reissued ? challenge.positions : null;
      const result = await guarded(store.open(tag, call, { expectVersion: ledger.version, pin, now, callMs: limits.callMs, keepMs: limits.keepMs }));
      if (result.status === 'ok') {
        emit({ type: 'call-opened', at: iso(now), callId: call.callId, scriptId: script.id, scriptVersion: script.version, agentId: input.agentId, challenge: call.challenge, reissued: call.reissued, bits: call.challengeBits });
        return stateOf(result.call, result.ledger, now);
      }
    }
    throw new SafecallError('STORE_UNAVAILABLE', "the customer's record kept changing while the call opened; try again");
  };

  const reveal = async (callId: string, positions: unknown): Promise<RevealResult> => {
    const tag = tagOf(callId);
    const asked = [...parseOrThrow(revealSchema, positions, 'INVALID_ARGUMENT', 'Invalid positions')].sort((a, b) => a - b);
    for (let i = 0; i < RETRIES; i++) {
      const now = clock();
      const { call, ledger } = await read(callId);
      const script = scriptOf(call.scriptId, call.scriptVersion);
      const refuse = (reason: RefusalReason | 'not-passed' | 'locked' | 'mutual-off', message: string): never => {
        emit({ type: 'reveal-refused', at: iso(now), callId, reason });
        throw new SafecallError('REVEAL_REFUSED', `reveal refused: ${message}`, { reason });
      };
      if (call.outcome) throw callEnded();
      if (!script.mutual.enabled) refuse('mutual-off', 'the script has no mutual verification');
      if (!call.passed.includes(PESEL_ITEM)) refuse('not-passed', 'the customer has not passed the challenge in this call');
      if (ledger.lockedUntil === -1 || ledger.lockedUntil > now) refuse('locked', 'the customer is locked out');
      const fresh = asked.filter((p) => !call.revealed.includes(p));
      if (fresh.length) {
        const said = fresh.filter((p) => call.challenge?.includes(p));
        if (said.length) refuse('said', `position ${said.join(', ')} was said by the customer in this call`);
        const birth = fresh.filter((p) => p <= 6);
        if (birth.length && !script.mutual.allowBirthDate) refuse('birth-date', `position ${birth.join(', ')} is part of the birth date`);
        if (call.revealed.length + fresh.length > script.mutual.maxPositions) refuse('over-limit', `at most ${script.mutual.maxPositions} digits may be revealed in a call`);
        const spoken = spokenSince(ledger, now - limits.ledgerMs);
        if (bitsLeft(script, [...spoken, ...fresh]) < script.mutual.minBitsLeft - 1e-9) refuse('disclosure', `the digits left unspoken would fall under ${script.mutual.minBitsLeft} bits`);
        const result = await guarded(store.reveal(tag, callId, { positions: fresh, expectVersion: ledger.version, max: script.mutual.maxPositions, now, keepMs: limits.keepMs }));
        if (result.status === 'conflict') continue;
        if (result.status === 'not-found') throw noSuchCall();
        if (result.status === 'closed') throw callEnded();
        if (result.status === 'refused') refuse('over-limit', 'the call reached its reveal limit');
        if (result.status !== 'ok') continue;
        const state = stateOf(result.call, result.ledger, now);
        emit({ type: 'revealed', at: iso(now), callId, positions: fresh, bitsLeft: state.disclosure.bitsLeft });
        return { digits: await digitsOf(result.call, asked), state };
      }
      // Asked again for what this call already revealed (a reload mid-reveal): the same digits, nothing new spoken.
      return { digits: await digitsOf(call, asked), state: stateOf(call, ledger, now) };
    }
    throw new SafecallError('STORE_UNAVAILABLE', "the customer's record kept changing during the reveal; try again");
  };

  const close = async (callId: string, outcome: unknown): Promise<CallState> => {
    const tag = tagOf(callId);
    const claimed = parseOrThrow(callOutcomeSchema, outcome, 'INVALID_ARGUMENT', 'Invalid outcome');
    const now = clock();
    const result = await guarded(store.close(tag, callId, { outcome: claimed, now, keepMs: limits.keepMs }));
    switch (result.status) {
      case 'not-found':
        throw noSuchCall();
      case 'conflict':
        throw new SafecallError('STORE_UNAVAILABLE', 'try again');
      case 'refused':
        emit({ type: 'close-refused', at: iso(now), callId, claimed: claimed.kind });
        throw new SafecallError('VERIFICATION_REFUSED', "the service's record does not show every required step passed; the call is not verified");
      case 'closed':
        if (result.call.outcome?.kind !== claimed.kind) throw new SafecallError('CALL_CLOSED', 'the call has already ended with another outcome');
        return stateOf(result.call, result.ledger, now);
      case 'ok':
        emit({ type: 'closed', at: iso(now), callId, outcome: claimed.kind });
        return stateOf(result.call, result.ledger, now);
    }
  };

  const service: VerificationService = {
    policy,

    async open(request: OpenCallRequest) {
      return open(request);
    },

    async resume(callId: string) {
      const { call, ledger } = await read(callId);
      return stateOf(call, ledger);
    },

    async checkDigits(callId: string, answers: Record<number, string>) {
      return (await checkDigits(callId, answers)).state;
    },

    async checkAnswer(callId: string, questionId: string, value: string) {
      return (await checkAnswer(callId, questionId, value)).state;
    },

    async reveal(callId: string, positions: number[]) {
      return reveal(callId, positions);
    },

    async close(callId: string, outcome: CallOutcome) {
      return close(callId, outcome);
    },

    async status(callId: string) {
      const { call, ledger } = await read(callId);
      const status: CallStatus = {
        callId: call.callId,
        customerRef: call.customerRef,
        script: { id: call.scriptId, version: call.scriptVersion },
        agentId: call.agentId,
        openedAt: iso(call.openedAt),
        state: stateOf(call, ledger),
      };
      if (call.outcome) {
        status.outcome = call.outcome;
        status.closedAt = iso(call.closedAt);
      }
      return status;
    },

    async attestation(callId: string) {
      const { call } = await read(callId);
      if (!call.outcome) throw new SafecallError('STEP_NOT_ALLOWED', 'the call is still open: nothing to attest yet');
      const outcome = 'reason' in call.outcome ? { kind: call.outcome.kind, reason: call.outcome.reason } : { kind: call.outcome.kind };
      return signAttestation(await key, { callId: call.callId, customerRef: call.customerRef, outcome, at: iso(call.closedAt) });
    },
  };

  const digitsOf = async (call: CallRecord, positions: readonly number[]): Promise<Record<number, string>> => {
    const pesel = await lookup(() => customers.pesel(call.customerRef));
    if (typeof pesel !== 'string' || !isValidPesel(pesel)) throw new SafecallError('STORE_UNAVAILABLE', 'the customer directory gave no PESEL for a passed call; try again');
    const digits: Record<number, string> = {};
    for (const position of positions) digits[z.parse(positionSchema, position)] = pesel.charAt(position - 1);
    return digits;
  };

  internals.set(service, { open, checkDigits, checkAnswer, reveal, close });
  return service;
}
