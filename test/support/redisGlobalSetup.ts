/**
 * Vitest global setup: a redis-server of the test run's own on a free
 * 127.0.0.1 port (ready before any test starts; 50 ms), and a 3-master Redis
 * Cluster started only when a test asks for it (it takes 1–3 s and four
 * processes, which most test runs do not need). Both live under one temporary
 * directory and are stopped after the run.
 *
 * Tests reach them through `inject` (see redisEnv.ts): `redis` is the
 * server's URL; `redisCluster` is a local address that starts the cluster on
 * the first request and answers its URLs.
 *
 * When redis-server is missing nothing is started and the Redis tests fail
 * with the reason (they never skip); the other tests run as usual.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startRedisCluster, type RedisClusterProcess } from './redisCluster.js';
import { redisServerMissing, startRedisServer, type RedisServerProcess } from './redisServer.js';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Starts the single server, provides `redis` and `redisCluster`, and answers the teardown.
 *
 * @example
 * ```ts
 * // vitest.config.ts
 * test: { globalSetup: ['test/support/redisGlobalSetup.ts'] }
 * ```
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const missing = redisServerMissing();
  if (missing) {
    project.provide('redis', { error: missing });
    project.provide('redisCluster', { error: missing });
    return async () => {};
  }
  const root = mkdtempSync(join(tmpdir(), 'safecall-redis-'));
  let single: RedisServerProcess | undefined;
  try {
    single = await startRedisServer({ dir: join(root, 'single') });
    project.provide('redis', { url: single.url });
  } catch (error) {
    project.provide('redis', { error: `could not start redis-server: ${messageOf(error)}` });
  }

  let cluster: Promise<RedisClusterProcess> | undefined;
  const broker = createServer((req, res) => {
    if (req.url !== '/cluster') {
      res.writeHead(404).end();
      return;
    }
    cluster ??= startRedisCluster(join(root, 'cluster'));
    cluster.then(
      (started) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ urls: started.urls })),
      (error: unknown) => res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `the test Redis Cluster did not form: ${messageOf(error)}` })),
    );
  });
  await new Promise<void>((resolve) => broker.listen(0, '127.0.0.1', resolve));
  const address = broker.address();
  project.provide('redisCluster', { broker: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/cluster` });

  return async () => {
    broker.closeAllConnections();
    await new Promise((resolve) => broker.close(resolve));
    const formed = await cluster?.catch(() => undefined);
    await Promise.all([single?.stop(), formed?.stop()]);
    rmSync(root, { recursive: true, force: true });
  };
}
