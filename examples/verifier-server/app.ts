/**
 * The demo's back end as one `node:http` listener: the verification service
 * behind `verificationHandler` under `/api`, the agent's call queue, and the
 * built agent desktop for everything else.
 *
 * What a bank adds in production: its own sign-in instead of one bearer token
 * (and `authorize` binding each call to the agent who opened it), TLS, the
 * Redis store shared by every server, its customer database behind
 * `customers`, and no seeded randomness.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { CallScript, RandomSource } from 'safecall-pl';
import { createVerificationService, memoryStore, verificationHandler, type ServiceEvent, type VerificationService, type VerificationStore, type VerifierOperation } from 'safecall-pl/server';
import { DEMO_CUSTOMERS, demoDirectory, queueOf, type DemoCustomer } from './customers.js';
import { nodeListener } from './node-adapter.js';
import { loadScripts } from './scripts.js';
import { staticFiles } from './static.js';

/** Where `vite build` puts the agent desktop. */
export const DESKTOP_DIR = fileURLToPath(new URL('../agent-desktop/dist/', import.meta.url));

/** Under this path the API lives; the desktop's `httpVerifier` points here. */
export const API_BASE = '/api';

/** The operations an agent desktop needs; `status` and `attestation` are for back ends. */
const DESKTOP_OPERATIONS: ReadonlySet<VerifierOperation> = new Set(['open', 'resume', 'checkDigits', 'checkAnswer', 'reveal', 'close']);

/** The signed-in agent, as the desktop shows and sends it. */
export interface DemoAgent {
  name: string;
  id: string;
  form: 'pan' | 'pani';
}

/**
 * Options of {@link createDemoApp}.
 *
 * @example
 * ```ts
 * const options: DemoAppOptions = { store: redisStore(client), random: seededRandom(7) };
 * ```
 */
export interface DemoAppOptions {
  /** Where ledgers and calls live. Default: a new `memoryStore()`. */
  store?: VerificationStore;
  /** The agent's bearer token. Default: 32 random bytes (printed once by `main.ts`). */
  token?: string;
  /** A token for `status` and `attestation` (a back end's calls); without it they answer 401. */
  backOfficeToken?: string;
  /** The built desktop to serve; `null` serves the API only. Default {@link DESKTOP_DIR}. */
  desktopDir?: string | null;
  /** Challenge randomness. Default: Web Crypto. `seededRandom(7)` replays the article's challenge (5, 8, 9) — demo only. */
  random?: RandomSource;
  /** HMAC key of attestations and store keys (≥ 32 characters). Default: random per process. */
  attestationKey?: string;
  customers?: readonly DemoCustomer[];
  scripts?: readonly CallScript[];
  agent?: DemoAgent;
  /** The service's trail of decisions (positions and counts, never a digit). */
  onEvent?: (event: ServiceEvent) => void;
}

/** The assembled demo back end. */
export interface DemoApp {
  /** Mount on `node:http`: `createServer(app.listener)`. */
  listener: (req: IncomingMessage, res: ServerResponse) => void;
  /** The fetch-API part (`/api/...`), for runtimes that take one. */
  api: (request: Request) => Promise<Response>;
  service: VerificationService;
  /** The agent's bearer token: the desktop reads it from the URL fragment (`#token=`). */
  token: string;
  agent: DemoAgent;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Compares digests, so neither the length nor the first differing byte of the token leaks through timing. */
function bearerMatches(request: Request, token: string): boolean {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(header);
  return !!match && timingSafeEqual(digest(match[1]!), digest(token));
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
}

/**
 * Builds the demo back end: service, HTTP handler, queue and static files.
 *
 * @example
 * ```ts
 * const app = createDemoApp({ desktopDir: DESKTOP_DIR });
 * createServer(app.listener).listen(5180, '127.0.0.1');
 * ```
 */
export function createDemoApp(options: DemoAppOptions = {}): DemoApp {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const customers = options.customers ?? DEMO_CUSTOMERS;
  const agent = options.agent ?? { name: 'Anna Zielińska', id: 'agent-17', form: 'pani' };
  const service = createVerificationService({
    store: options.store ?? memoryStore(),
    customers: demoDirectory(customers),
    scripts: options.scripts ?? loadScripts(),
    attestationKey: options.attestationKey ?? randomBytes(32).toString('base64url'),
    ...(options.random ? { random: options.random } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  const { backOfficeToken } = options;
  const verification = verificationHandler(service, {
    basePath: API_BASE,
    authorize: (request, { operation }) => {
      if (DESKTOP_OPERATIONS.has(operation)) return bearerMatches(request, token);
      return backOfficeToken !== undefined && bearerMatches(request, backOfficeToken);
    },
  });

  const api = async (request: Request): Promise<Response> => {
    if (new URL(request.url).pathname !== `${API_BASE}/queue`) return verification(request);
    if (request.method !== 'GET') return json(405, { error: { code: 'METHOD_NOT_ALLOWED', message: 'use GET' } });
    if (!bearerMatches(request, token)) return json(401, { error: { code: 'UNAUTHORIZED', message: 'not authorized' } });
    return json(200, { agent, customers: queueOf(customers) });
  };

  const apiListener = nodeListener(api);
  const desktopDir = options.desktopDir === undefined ? DESKTOP_DIR : options.desktopDir;
  const files = desktopDir === null ? undefined : staticFiles(desktopDir);
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === API_BASE || path.startsWith(`${API_BASE}/`)) return apiListener(req, res);
    if (files) return files(req, res);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
  };
  return { listener, api, service, token, agent };
}
