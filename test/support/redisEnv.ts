/**
 * What the Redis tests use from the global setup (redisGlobalSetup.ts): the
 * URLs of the run's own Redis and Redis Cluster, connections that are closed
 * after the file, and store fixtures where every `store()` is a connection of
 * its own (another "server").
 */
import { randomBytes } from 'node:crypto';
import { createClient, createCluster, type RedisClientOptions } from 'redis';
import { inject } from 'vitest';
import * as z from 'zod/mini';
import { redisStore, type VerificationStore } from '../../src/server/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redis: { url: string } | { error: string };
    /** `broker`: a local address that starts the cluster on the first request and answers `{ urls }` or `{ error }`. */
    redisCluster: { broker: string } | { error: string };
  }
}

/**
 * The URL of the test run's redis-server; throws (the test fails) when there is none.
 *
 * @example
 * ```ts
 * const client = await connectClient(redisUrl());
 * ```
 */
export function redisUrl(): string {
  const provided = inject('redis');
  if ('error' in provided) throw new Error(provided.error);
  return provided.url;
}

const clusterReply = z.union([z.object({ urls: z.array(z.string()) }), z.object({ error: z.string() })]);
let clusterUrls: Promise<string[]> | undefined;

/**
 * The cluster's root node URLs; the first call starts the cluster (1–3 s). Throws when it cannot form or redis-server is missing.
 *
 * @example
 * ```ts
 * const cluster = await connectCluster(await redisClusterUrls());
 * ```
 */
export function redisClusterUrls(): Promise<string[]> {
  clusterUrls ??= (async () => {
    const provided = inject('redisCluster');
    if ('error' in provided) throw new Error(provided.error);
    const reply = z.parse(clusterReply, await (await fetch(provided.broker)).json());
    if ('error' in reply) throw new Error(reply.error);
    return reply.urls;
  })();
  return clusterUrls;
}

/**
 * A prefix no other test file uses on the shared servers.
 *
 * @example
 * ```ts
 * const store = singleStore(uniquePrefix('race'));
 * ```
 */
export function uniquePrefix(label: string): string {
  return `t-${label}-${randomBytes(4).toString('hex')}:`;
}

const opened: { destroy(): void }[] = [];

/**
 * Registers a client made by hand (with an error listener) to be closed by {@link closeRedisConnections}.
 *
 * @example
 * ```ts
 * const client = await track(createClient({ url, RESP: 3 })).connect();
 * ```
 */
export function track<T extends { destroy(): void; on(event: 'error', listener: (error: unknown) => void): unknown }>(client: T): T {
  client.on('error', () => {});
  opened.push(client);
  return client;
}

/**
 * A connected node-redis client, closed by {@link closeRedisConnections}. Errors go to a listener
 * (without one a dropped connection would crash the worker); operations report them themselves.
 *
 * @example
 * ```ts
 * const client = await connectClient(redisUrl(), { disableOfflineQueue: true });
 * ```
 */
export async function connectClient(url: string, options: Omit<RedisClientOptions, 'url'> = {}) {
  const client = track(createClient({ ...options, url }));
  await client.connect();
  return client;
}

/**
 * A connected cluster client over `urls`, closed by {@link closeRedisConnections}.
 *
 * @example
 * ```ts
 * const cluster = await connectCluster(await redisClusterUrls());
 * ```
 */
export async function connectCluster(urls: readonly string[]) {
  const cluster = track(createCluster({ rootNodes: urls.map((url) => ({ url })) }));
  await cluster.connect();
  return cluster;
}

/**
 * Closes every connection this file opened (use in `afterAll`).
 *
 * @example
 * ```ts
 * afterAll(closeRedisConnections);
 * ```
 */
export function closeRedisConnections(): void {
  for (const connection of opened.splice(0)) {
    try {
      connection.destroy();
    } catch {
      // already closed
    }
  }
}

/**
 * A store whose connection is still being made: every operation waits for it.
 * Lets a synchronous fixture (`store()`) hand out a fresh connection per call.
 *
 * @example
 * ```ts
 * const store = deferredStore(connectClient(url).then((c) => redisStore(c)));
 * ```
 */
export function deferredStore(ready: Promise<VerificationStore>): VerificationStore {
  // Reported by the first operation that awaits it, not as an unhandled rejection.
  ready.catch(() => undefined);
  return {
    ledger: async (customer) => (await ready).ledger(customer),
    read: async (customer, callId) => (await ready).read(customer, callId),
    open: async (customer, call, args) => (await ready).open(customer, call, args),
    begin: async (customer, callId, args) => (await ready).begin(customer, callId, args),
    settle: async (customer, callId, args) => (await ready).settle(customer, callId, args),
    reveal: async (customer, callId, args) => (await ready).reveal(customer, callId, args),
    close: async (customer, callId, args) => (await ready).close(customer, callId, args),
  };
}

/**
 * A new connection to one Redis, as a store under `prefix`.
 *
 * @example
 * ```ts
 * const store = singleStore('t-a:');
 * ```
 */
export function singleStore(prefix: string): VerificationStore {
  return deferredStore(connectClient(redisUrl()).then((client) => redisStore(client, { prefix })));
}

/**
 * A new cluster connection, as a store under `prefix`.
 *
 * @example
 * ```ts
 * const store = clusterStore('t-c:');
 * ```
 */
export function clusterStore(prefix: string): VerificationStore {
  return deferredStore(
    redisClusterUrls()
      .then(connectCluster)
      .then((cluster) => redisStore(cluster, { prefix })),
  );
}
