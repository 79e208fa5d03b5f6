import * as z from 'zod/mini';
import { SafecallError, type SafecallErrorCode } from '../core/errors.js';
import { callStateSchema, revealResultSchema, type CallOutcome, type CallState, type OpenCallRequest, type RevealResult, type Verifier } from '../model/index.js';

/**
 * Options of {@link httpVerifier}.
 *
 * @example
 * ```ts
 * const options: HttpVerifierOptions = { headers: () => ({ authorization: `Bearer ${auth.token()}` }), timeoutMs: 8000 };
 * ```
 */
export interface HttpVerifierOptions {
  /** The fetch to use (tests, proxies). Default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Headers for every request, e.g. the agent's bearer token; a function is asked per request. */
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /** Abort a request after this long (retryable `VERIFIER_UNAVAILABLE`). Default 10,000 ms. */
  timeoutMs?: number;
}

// Codes the service answers with that keep their meaning on the desktop; anything else is "unavailable".
const PASSED_ON = new Set<SafecallErrorCode>([
  'INVALID_ARGUMENT',
  'UNKNOWN_SCRIPT',
  'UNAUTHORIZED',
  'CALL_NOT_FOUND',
  'CALL_CLOSED',
  'STEP_NOT_ALLOWED',
  'REVEAL_REFUSED',
  'VERIFICATION_REFUSED',
  'PAYLOAD_TOO_LARGE',
  'STORE_UNAVAILABLE',
]);

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.optional(z.string()), reason: z.optional(z.string().check(z.maxLength(40))) }), state: z.optional(z.unknown()) });

function passedOn(code: string): SafecallErrorCode | undefined {
  for (const known of PASSED_ON) if (known === code) return known;
  return undefined;
}

/**
 * The desktop side of `verificationHandler`: a {@link Verifier} that talks to
 * the verification service over HTTP. Responses are validated; a network
 * error, a timeout, a 5xx or a malformed body is a retryable
 * `VERIFIER_UNAVAILABLE` (the session fails closed and offers RETRY); 4xx
 * answers keep the service's code (`REVEAL_REFUSED`, `CALL_NOT_FOUND`, ...); a
 * 423 (customer locked) returns the call's state, as the in-process service does.
 *
 * @example
 * ```ts
 * const verifier = httpVerifier('https://cc.bank.example/verify', {
 *   headers: () => ({ authorization: `Bearer ${agentToken()}` }),
 * });
 * const session = createCallSession(script, { agent, customer, verifier });
 * ```
 */
export function httpVerifier(baseUrl: string, options: HttpVerifierOptions = {}): Verifier {
  if (typeof baseUrl !== 'string' || !/^https?:\/\/\S+$/.test(baseUrl)) throw new SafecallError('INVALID_ARGUMENT', 'baseUrl must be an http(s) URL');
  const base = baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 600_000) throw new SafecallError('INVALID_ARGUMENT', 'timeoutMs must be an integer from 1 to 600000');

  const request = async <S extends z.core.$ZodType>(method: 'GET' | 'POST', path: string, body: unknown, schema: S): Promise<z.output<S>> => {
    const fetchImpl = options.fetch ?? globalThis.fetch;
    const extra = typeof options.headers === 'function' ? await options.headers() : (options.headers ?? {});
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        method,
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...extra },
        body: body === undefined ? null : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new SafecallError('VERIFIER_UNAVAILABLE', 'the verification service could not be reached', { cause: error });
    }
    let data: unknown;
    try {
      data = await response.json();
    } catch (error) {
      throw new SafecallError('VERIFIER_UNAVAILABLE', `the verification service answered ${response.status} without JSON`, { cause: error });
    }
    if (response.ok || response.status === 423) {
      const payload = response.status === 423 ? z.safeParse(errorSchema, data).data?.state : data;
      const parsed = z.safeParse(schema, payload);
      if (parsed.success) return parsed.data;
      throw new SafecallError('VERIFIER_UNAVAILABLE', 'the verification service answered in an unexpected shape');
    }
    const failure = z.safeParse(errorSchema, data);
    const code = passedOn(failure.data?.error.code ?? '');
    if (code && (response.status < 500 || code === 'STORE_UNAVAILABLE')) {
      const reason = failure.data?.error.reason;
      throw new SafecallError(code, failure.data?.error.message ?? code, reason === undefined ? undefined : { reason });
    }
    throw new SafecallError('VERIFIER_UNAVAILABLE', `the verification service failed (${response.status})`);
  };
  const call = (callId: string) => `/calls/${encodeURIComponent(callId)}`;

  return {
    open: (openRequest: OpenCallRequest): Promise<CallState> => request('POST', '/calls', openRequest, callStateSchema),
    resume: (callId: string) => request('GET', call(callId), undefined, callStateSchema),
    checkDigits: (callId: string, answers: Record<number, string>) => request('POST', `${call(callId)}/digits`, { answers }, callStateSchema),
    checkAnswer: (callId: string, questionId: string, value: string) => request('POST', `${call(callId)}/answer`, { questionId, value }, callStateSchema),
    reveal: async (callId: string, positions: number[]): Promise<RevealResult> => {
      const result = await request('POST', `${call(callId)}/reveal`, { positions }, revealResultSchema);
      return { digits: Object.fromEntries(Object.entries(result.digits).map(([p, d]) => [Number(p), d])), state: result.state };
    },
    close: (callId: string, outcome: CallOutcome) => request('POST', `${call(callId)}/close`, { outcome }, callStateSchema),
  };
}
