import * as z from 'zod/mini';
import { SafecallError } from '../../core/errors.js';
import { parseOrThrow } from '../../core/validate.js';
import { parseLedger, parseReply, recordsOf, SCRIPTS, unexpectedStatus, type ScriptName, type ScriptReply } from './lua/index.js';
import { runScript, type RedisScriptClient } from './lua/runner.js';
import type { BeginResult, StoreResult, VerificationStore } from './types.js';

export type { RedisScriptClient } from './lua/runner.js';

const optionsSchema = z.strictObject({
  /** Prepended to every key, e.g. `'bank-a:'`. No braces (they would move the hash tag), no spaces. Default `'safecall:'`. */
  prefix: z._default(z.string().check(z.maxLength(64), z.regex(/^[^{}\s]*$/, 'no braces or white space')), 'safecall:'),
});

/**
 * Options of {@link redisStore}.
 *
 * @example
 * ```ts
 * const options: RedisStoreOptions = { prefix: 'bank-a:' };
 * ```
 */
export type RedisStoreOptions = z.input<typeof optionsSchema>;

// The customer is the hash tag: braces inside it would cut the tag short, an empty one would void it.
const CUSTOMER = /^[^{}]{1,128}$/;
const MAX_CALL_ID = 256;
// JSON.stringify writes a lone UTF-16 surrogate as an escape that Redis's cjson refuses to read back:
// refuse it here, before anything is stored, rather than store a call no script could read again.
const LONE_SURROGATE = /(?<!\\)(?:\\\\)*\\ud[89a-f][0-9a-f]{2}/;

function json(value: unknown): string {
  const text = JSON.stringify(value);
  if (LONE_SURROGATE.test(text)) throw new SafecallError('INVALID_ARGUMENT', 'redisStore: a text field holds an unpaired UTF-16 surrogate');
  return text;
}

function milliseconds(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new SafecallError('INVALID_ARGUMENT', `redisStore: ${what} must be a positive integer of milliseconds`);
  return value;
}

/** The statuses that carry a call and its ledger, and those that carry nothing, per operation. */
function storeResult(reply: ScriptReply): StoreResult {
  const { status } = reply;
  if (status === 'ok' || status === 'closed') return { status, ...recordsOf(reply) };
  if (status === 'not-found' || status === 'conflict') return { status };
  throw unexpectedStatus();
}

function beginResult(reply: ScriptReply): BeginResult {
  const { status } = reply;
  if (status === 'go') {
    if (!reply.ticket) throw unexpectedStatus();
    return { status, ticket: reply.ticket, ...recordsOf(reply) };
  }
  if (status === 'locked' || status === 'exhausted' || status === 'passed' || status === 'no-challenge' || status === 'unknown-item' || status === 'closed') return { status, ...recordsOf(reply) };
  if (status === 'not-found') return { status };
  throw unexpectedStatus();
}

/**
 * The verification store on Redis, for many server processes: every
 * operation is one Lua script, run atomically on the Redis server (by SHA;
 * loaded on first use), so limits hold across servers and parallel requests.
 * All keys of one customer share the hash tag `{<customer>}`, so the same
 * scripts run unchanged on Redis Cluster. Keys expire by themselves.
 *
 * `client` is a node-redis v5+ client, cluster, sentinel or pool
 * (`redis` is an optional peer dependency: only this store needs it), made
 * and connected by you; give it an `error` listener, and for fail-fast
 * behaviour `disableOfflineQueue: true`, `socket: { reconnectStrategy: 100 }`
 * and `commandOptions: { timeout: 1000 }`. Anything the client throws
 * (offline, closed, timeout) reaches the service, which answers a retryable
 * `STORE_UNAVAILABLE`; a script either ran whole or not at all.
 *
 * Key layout (`customer` is the service's 16-character base64url HMAC tag):
 * - `<prefix>{<customer>}:ledger` — `LedgerRecord` JSON, 120–460 bytes (Redis: ~230–550);
 *   expires `keepMs` (the longest policy window, 90 days by default) after
 *   its last write, never while a lock-out lasts; a permanent lock never expires.
 * - `<prefix>{<customer>}:call:<callId>` — `CallRecord` JSON, 400–700 bytes (Redis: ~600–900);
 *   expires `callMs` (the policy's `callHours`) after the call opened.
 *
 * Positions, counts and times only: no digit, no PESEL, no answer.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * const client = createClient({ url: process.env.REDIS_URL, disableOfflineQueue: true });
 * client.on('error', (error) => log.warn('redis', error));
 * await client.connect();
 * const service = createVerificationService({ store: redisStore(client, { prefix: 'bank-a:' }), customers, scripts, attestationKey });
 * ```
 */
export function redisStore(client: RedisScriptClient, options: RedisStoreOptions = {}): VerificationStore {
  if (!client || typeof client.evalSha !== 'function' || typeof client.eval !== 'function') {
    throw new SafecallError('INVALID_ARGUMENT', 'redisStore needs a node-redis (v5 or later) client, cluster, sentinel or pool');
  }
  const { prefix } = parseOrThrow(optionsSchema, options, 'INVALID_ARGUMENT', 'Invalid redisStore options');

  const ledgerKey = (customer: string): string => {
    if (typeof customer !== 'string' || !CUSTOMER.test(customer)) throw new SafecallError('INVALID_ARGUMENT', 'redisStore: a customer tag is 1–128 characters without braces');
    return `${prefix}{${customer}}:ledger`;
  };
  const keys = (customer: string, callId: string): string[] => {
    if (typeof callId !== 'string' || callId.length === 0 || callId.length > MAX_CALL_ID) throw new SafecallError('INVALID_ARGUMENT', `redisStore: a call id is 1–${MAX_CALL_ID} characters`);
    return [ledgerKey(customer), `${prefix}{${customer}}:call:${callId}`];
  };
  const run = async (script: ScriptName, keyList: string[], args: string[]): Promise<ScriptReply> => {
    const text = await runScript(client, SCRIPTS[script], keyList, args);
    if (text === null) throw unexpectedStatus();
    return parseReply(text);
  };

  return {
    async ledger(customer) {
      return parseLedger(await runScript(client, SCRIPTS.ledger, [ledgerKey(customer)], []));
    },

    async read(customer, callId) {
      const reply = await run('read', keys(customer, callId), []);
      if (reply.status === 'not-found') return undefined;
      if (reply.status !== 'ok') throw unexpectedStatus();
      return recordsOf(reply);
    },

    async open(customer, call, args) {
      const { expectVersion, pin, now } = args;
      const callMs = milliseconds(args.callMs, 'callMs');
      const keepMs = milliseconds(args.keepMs, 'keepMs');
      return storeResult(await run('open', keys(customer, call.callId), [json({ expectVersion, pin, now, callMs, keepMs }), json(call)]));
    },

    async begin(customer, callId, args) {
      const { item, now, limits } = args;
      const keepMs = milliseconds(args.keepMs, 'keepMs');
      return beginResult(await run('begin', keys(customer, callId), [json({ item, now, limits, keepMs })]));
    },

    async settle(customer, callId, args) {
      const { ticket, verdict, spoken, now } = args;
      const keepMs = milliseconds(args.keepMs, 'keepMs');
      return storeResult(await run('settle', keys(customer, callId), [json({ ticket, verdict, spoken, now, keepMs })]));
    },

    async reveal(customer, callId, args) {
      const { positions, expectVersion, max, now } = args;
      const keepMs = milliseconds(args.keepMs, 'keepMs');
      const reply = await run('reveal', keys(customer, callId), [json({ positions, expectVersion, max, now, keepMs })]);
      if (reply.status === 'refused') return { status: 'refused' };
      return storeResult(reply);
    },

    async close(customer, callId, args) {
      const { outcome, now } = args;
      const keepMs = milliseconds(args.keepMs, 'keepMs');
      const reply = await run('close', keys(customer, callId), [json({ outcome, now, keepMs })]);
      if (reply.status === 'refused') return { status: 'refused', ...recordsOf(reply) };
      return storeResult(reply);
    },
  };
}
