/**
 * Running a script by its SHA-1 (EVALSHA), loading it with EVAL the first
 * time a Redis node answers NOSCRIPT (after a restart, a `SCRIPT FLUSH`, or
 * on a cluster node that never ran it). Works with any node-redis client,
 * cluster, sentinel or pool, whether or not it was created with `scripts`.
 */

/**
 * The part of a node-redis (v5 or later) client this store uses: `evalSha` and
 * `eval`. `createClient()`, `createCluster()`, `createSentinel()` and
 * `createClientPool()` all have them, whatever their modules, scripts, RESP
 * version or type mapping.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * const client: RedisScriptClient = createClient({ url: 'redis://127.0.0.1:6379' });
 * ```
 */
export interface RedisScriptClient {
  evalSha(sha1: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const digests = new Map<string, Promise<string>>();

/**
 * The SHA-1 Redis names a script by (computed once per source, with Web Crypto).
 *
 * @example
 * ```ts
 * await scriptSha('return 1'); // 'e0e1f9fabfc9d4800c877a703b823ac0578ff8db'
 * ```
 */
export function scriptSha(source: string): Promise<string> {
  let digest = digests.get(source);
  if (!digest) {
    digest = globalThis.crypto.subtle.digest('SHA-1', encoder.encode(source)).then((buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join(''));
    digests.set(source, digest);
  }
  return digest;
}

// The class differs between clients and versions (ErrorReply, SimpleError); the reply text does not.
const isNoScript = (error: unknown): boolean => error instanceof Error && error.message.startsWith('NOSCRIPT');

/**
 * Runs `source` on the node that owns `keys[0]` and answers its text reply
 * (`null` for a nil reply). Whatever the client throws (offline, closed,
 * timeout, CROSSSLOT, a script error) propagates: the script either ran
 * whole on the server or not at all.
 *
 * @example
 * ```ts
 * const text = await runScript(client, 'return redis.call("GET", KEYS[1])', ['k'], []);
 * ```
 */
export async function runScript(client: RedisScriptClient, source: string, keys: string[], args: string[]): Promise<string | null> {
  const sha = await scriptSha(source);
  let reply: unknown;
  try {
    reply = await client.evalSha(sha, { keys, arguments: args });
  } catch (error) {
    if (!isNoScript(error)) throw error;
    // EVAL also caches the script on that node, so the next EVALSHA finds it.
    reply = await client.eval(source, { keys, arguments: args });
  }
  if (reply === null || typeof reply === 'string') return reply;
  // A client with a type mapping may answer Buffers.
  if (reply instanceof Uint8Array) return decoder.decode(reply);
  throw new TypeError(`redisStore: a script answered ${typeof reply}, expected text`);
}
