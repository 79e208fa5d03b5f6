import type { CallState, Verifier } from '../index.js';
import type { VerificationService } from '../server/index.js';

/**
 * A call to the verifier that has not answered yet. `reliable` calls are the
 * simulation's own service at work, which always answers; the others come
 * from a verifier of the test's own, which may never answer.
 *
 * @example
 * ```ts
 * const waiting: InFlight[] = port.inFlight();
 * ```
 */
export interface InFlight {
  promise: Promise<unknown>;
  reliable: boolean;
}

/**
 * A verifier port that keeps count of its calls, so a simulation knows when
 * every call has answered and which call the service opened.
 *
 * @example
 * ```ts
 * const port = trackVerifier(service, () => true);
 * createCallSession(script, { ...deps, verifier: port.verifier });
 * await Promise.allSettled(port.inFlight().map((call) => call.promise));
 * ```
 */
export interface TrackedVerifier {
  /** The port to give the session: the base verifier, every call recorded. */
  readonly verifier: Verifier;
  /** Calls still waiting for an answer (leaving out those given up on). */
  inFlight(): InFlight[];
  /** Stops waiting for these calls: the simulation treats them as unanswered. */
  giveUp(calls: readonly Promise<unknown>[]): void;
  /** The id of the first call the service opened, once it answered. */
  callId(): string | undefined;
}

/**
 * Wraps `base` so that its calls can be awaited and its call id read;
 * `reliable(promise)` tells the simulation's own service's answers from the rest.
 *
 * @example
 * ```ts
 * const port = trackVerifier(simulationService(script), () => true);
 * ```
 */
export function trackVerifier(base: Verifier, reliable: (promise: Promise<unknown>) => boolean): TrackedVerifier {
  const waiting = new Map<Promise<unknown>, boolean>();
  let opened: string | undefined;
  const track = <T>(call: () => Promise<T>): Promise<T> => {
    let promise: Promise<T>;
    try {
      promise = call();
    } catch (error) {
      // A verifier that throws instead of rejecting still fails like one that rejects.
      promise = Promise.reject(error);
    }
    waiting.set(promise, reliable(promise));
    const forget = () => waiting.delete(promise);
    promise.then(forget, forget);
    return promise;
  };
  const verifier: Verifier = {
    open: (request) => {
      const promise = track(() => base.open(request));
      promise.then((state: CallState) => (opened ??= state.callId), () => undefined);
      return promise;
    },
    resume: (callId) => track(() => base.resume(callId)),
    checkDigits: (callId, answers) => track(() => base.checkDigits(callId, answers)),
    checkAnswer: (callId, questionId, value) => track(() => base.checkAnswer(callId, questionId, value)),
    reveal: (callId, positions) => track(() => base.reveal(callId, positions)),
    close: (callId, outcome) => track(() => base.close(callId, outcome)),
  };
  return {
    verifier,
    inFlight: () => [...waiting].map(([promise, isReliable]) => ({ promise, reliable: isReliable })),
    giveUp: (calls) => {
      for (const call of calls) waiting.delete(call);
    },
    callId: () => opened,
  };
}

/**
 * The service as a test's own verifier sees it (`options.verifier` as a
 * function of the service): the same service, whose answers are marked so the
 * simulation waits for them however long they take.
 *
 * @example
 * ```ts
 * const marked = new WeakSet<Promise<unknown>>();
 * const outage = ((service) => ({ ...service, checkDigits: () => new Promise(() => {}) }))(markedService(service, marked));
 * ```
 */
export function markedService(service: VerificationService, marked: WeakSet<Promise<unknown>>): VerificationService {
  const mark = <T>(promise: Promise<T>): Promise<T> => {
    marked.add(promise);
    return promise;
  };
  return {
    policy: service.policy,
    open: (request) => mark(service.open(request)),
    resume: (callId) => mark(service.resume(callId)),
    checkDigits: (callId, answers) => mark(service.checkDigits(callId, answers)),
    checkAnswer: (callId, questionId, value) => mark(service.checkAnswer(callId, questionId, value)),
    reveal: (callId, positions) => mark(service.reveal(callId, positions)),
    close: (callId, outcome) => mark(service.close(callId, outcome)),
    status: (callId) => service.status(callId),
    attestation: (callId) => service.attestation(callId),
  };
}
