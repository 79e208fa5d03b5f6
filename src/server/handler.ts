import * as z from 'zod/mini';
import { SafecallError, isSafecallError, type SafecallErrorCode } from '../core/errors.js';
import { parseOrThrow } from '../core/validate.js';
import { internalsOf, type VerificationService } from './service.js';

/**
 * Every operation the HTTP handler serves; `authorize` decides per operation
 * (e.g. desktops may not call `status` or `attestation`).
 *
 * @example
 * ```ts
 * const desktopOps: VerifierOperation[] = ['open', 'resume', 'checkDigits', 'checkAnswer', 'reveal', 'close'];
 * ```
 */
export type VerifierOperation = 'open' | 'resume' | 'checkDigits' | 'checkAnswer' | 'reveal' | 'close' | 'status' | 'attestation';

/**
 * Options of {@link verificationHandler}.
 *
 * @example
 * ```ts
 * const options: VerificationHandlerOptions = {
 *   authorize: (request) => request.headers.get('authorization') === `Bearer ${token}`,
 * };
 * ```
 */
export interface VerificationHandlerOptions {
  /** Whether this request may run this operation (check the agent's session, bind calls to agents). `false` → 401. */
  authorize: (request: Request, context: { operation: VerifierOperation; callId?: string }) => boolean | Promise<boolean>;
  /** Largest request body accepted, in bytes. Default 4096 → 413 beyond. */
  maxBodyBytes?: number;
  /** Path prefix the routes live under, e.g. `'/verify'`. Default `''`. */
  basePath?: string;
}

const STATUS: Partial<Record<SafecallErrorCode, number>> = {
  INVALID_ARGUMENT: 400,
  UNKNOWN_SCRIPT: 400,
  UNAUTHORIZED: 401,
  CALL_NOT_FOUND: 404,
  CALL_CLOSED: 409,
  STEP_NOT_ALLOWED: 409,
  REVEAL_REFUSED: 409,
  VERIFICATION_REFUSED: 409,
  PAYLOAD_TOO_LARGE: 413,
  CUSTOMER_LOCKED: 423,
  STORE_UNAVAILABLE: 503,
};

const bodies = {
  digits: z.strictObject({ answers: z.unknown() }),
  answer: z.strictObject({ questionId: z.unknown(), value: z.unknown() }),
  reveal: z.strictObject({ positions: z.unknown() }),
  close: z.strictObject({ outcome: z.unknown() }),
};

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers } });
}

function failure(error: unknown): Response {
  if (isSafecallError(error)) {
    const status = STATUS[error.code] ?? 500;
    // Messages of safecall errors never carry digits or answers; anything else stays on the server.
    if (status !== 500) return json(status, { error: { code: error.code, message: error.message, retryable: error.retryable, ...(error.reason ? { reason: error.reason } : {}) } });
  }
  return json(500, { error: { code: 'INTERNAL', message: 'the verification service failed; nothing was verified', retryable: true } });
}

async function readBody(request: Request, limit: number): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new SafecallError('PAYLOAD_TOO_LARGE', `the body is larger than ${limit} bytes`);
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) throw new SafecallError('INVALID_ARGUMENT', 'the body must be application/json');
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw new SafecallError('PAYLOAD_TOO_LARGE', `the body is larger than ${limit} bytes`);
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new SafecallError('INVALID_ARGUMENT', 'the body is not valid JSON');
  }
}

function parseBody<S extends z.core.$ZodType>(schema: S, body: unknown): z.output<S> {
  const result = z.safeParse(schema, body);
  if (!result.success) throw new SafecallError('INVALID_ARGUMENT', 'the body does not have the fields this route takes');
  return result.data;
}

const handlerOptionsSchema = z.object({
  authorize: z.custom<VerificationHandlerOptions['authorize']>((f) => typeof f === 'function', 'a function (request, { operation, callId }) => boolean'),
  maxBodyBytes: z.optional(z.int().check(z.minimum(256), z.maximum(1_048_576))),
  basePath: z.optional(z.string().check(z.regex(/^(?:\/[A-Za-z0-9._~-]+)*$/, 'a path such as "/verify", without a trailing slash'))),
});

/**
 * The verification service over HTTP, as a fetch-API handler
 * (`(request: Request) => Promise<Response>`): mounts on `node:http`, Hono,
 * Fastify, Next route handlers, Bun and Deno. Every body is validated; bad
 * input gets 400, unauthorized 401, unknown call 404, a step the call's state
 * forbids 409 (including a refused reveal), an oversized body 413, a locked
 * customer 423, a store outage 503 — each with a stable `code`. Responses
 * carry positions and counts only; digits only in an allowed reveal.
 *
 * Routes (under `basePath`): `POST /calls`, `GET /calls/:id`,
 * `POST /calls/:id/digits`, `POST /calls/:id/answer`, `POST /calls/:id/reveal`,
 * `POST /calls/:id/close`, and for back ends `GET /calls/:id/status`,
 * `GET /calls/:id/attestation`.
 *
 * @example
 * ```ts
 * const handle = verificationHandler(service, {
 *   authorize: (request, { operation }) => operation !== 'attestation' && isAgent(request),
 * });
 * Bun.serve({ fetch: handle });
 * ```
 */
export function verificationHandler(service: VerificationService, options: VerificationHandlerOptions): (request: Request) => Promise<Response> {
  const { authorize, maxBodyBytes = 4096, basePath = '' } = parseOrThrow(handlerOptionsSchema, options, 'INVALID_ARGUMENT', 'Invalid verificationHandler options');
  const internal = internalsOf(service);

  return async (request) => {
    try {
      const path = new URL(request.url).pathname;
      if (!path.startsWith(`${basePath}/calls`)) return json(404, { error: { code: 'NOT_FOUND', message: 'no such route' } });
      const parts = path.slice(basePath.length + '/calls'.length).split('/').filter(Boolean);
      const [callId, action] = parts;
      if (parts.length > 2) return json(404, { error: { code: 'NOT_FOUND', message: 'no such route' } });
      const route = routeOf(request.method, callId, action);
      if (!route) return json(404, { error: { code: 'NOT_FOUND', message: 'no such route' } });
      if ('allow' in route) return json(405, { error: { code: 'METHOD_NOT_ALLOWED', message: `use ${route.allow}` } }, { allow: route.allow });
      const context = callId === undefined ? { operation: route.operation } : { operation: route.operation, callId };
      if (!(await authorize(request, context))) throw new SafecallError('UNAUTHORIZED', 'not authorized for this operation');
      const body = request.method === 'POST' ? await readBody(request, maxBodyBytes) : undefined;
      const id = callId ?? '';
      switch (route.operation) {
        case 'open':
          return json(201, await internal.open(body));
        case 'resume':
          return json(200, await service.resume(id));
        case 'checkDigits': {
          const result = await internal.checkDigits(id, parseBody(bodies.digits, body).answers);
          return locked(result.evaluated, result.state);
        }
        case 'checkAnswer': {
          const { questionId, value } = parseBody(bodies.answer, body);
          const result = await internal.checkAnswer(id, questionId, value);
          return locked(result.evaluated, result.state);
        }
        case 'reveal':
          return json(200, await internal.reveal(id, parseBody(bodies.reveal, body).positions));
        case 'close':
          return json(200, await internal.close(id, parseBody(bodies.close, body).outcome));
        case 'status':
          return json(200, await service.status(id));
        case 'attestation':
          return json(200, { token: await service.attestation(id) });
      }
    } catch (error) {
      return failure(error);
    }
  };
}

function locked(evaluated: boolean, state: unknown): Response {
  if (evaluated) return json(200, state);
  return json(423, { error: { code: 'CUSTOMER_LOCKED', message: 'the customer is locked out; nothing was evaluated', retryable: false }, state });
}

type Route = { operation: VerifierOperation } | { allow: string };

function routeOf(method: string, callId: string | undefined, action: string | undefined): Route | undefined {
  const expect = (allowed: string, operation: VerifierOperation): Route => (method === allowed ? { operation } : { allow: allowed });
  if (callId === undefined) return expect('POST', 'open');
  if (action === undefined) return expect('GET', 'resume');
  switch (action) {
    case 'digits':
      return expect('POST', 'checkDigits');
    case 'answer':
      return expect('POST', 'checkAnswer');
    case 'reveal':
      return expect('POST', 'reveal');
    case 'close':
      return expect('POST', 'close');
    case 'status':
      return expect('GET', 'status');
    case 'attestation':
      return expect('GET', 'attestation');
    default:
      return undefined;
  }
}
