/**
 * Vitest global setup: a redis-server and a 3-master Redis Cluster of the
 * test run's own, on free 127.0.0.1 ports, under one temporary directory,
 * stopped after the run. Tests reach them through `inject` (see redisEnv.ts).
 *
 * The single server is ready before any test starts. The cluster takes 1–3 s
 * to form, so it forms in the background while the other test files run; its
 * state goes to a small JSON file that `redisClusterUrls()` waits on.
 *
 * When redis-server is missing nothing is started and the Redis tests fail
 * with the reason (they never skip); the other tests run as usual.
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startRedisCluster, type RedisClusterProcess } from './redisCluster.js';
import type { ClusterStatus } from './redisEnv.js';
import { redisServerMissing, startRedisServer, type RedisServerProcess } from './redisServer.js';

function writeStatus(file: string, status: ClusterStatus): void {
  // Whole or not at all: readers poll this file.
  writeFileSync(`${file}.tmp`, JSON.stringify(status));
  renameSync(`${file}.tmp`, file);
}

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
    project.provide('redis', { error: `could not start redis-server: ${error instanceof Error ? error.message : String(error)}` });
  }

  const statusFile = join(root, 'cluster.json');
  writeStatus(statusFile, { state: 'starting' });
  project.provide('redisCluster', { statusFile });
  let cluster: RedisClusterProcess | undefined;
  const forming = startRedisCluster(join(root, 'cluster')).then(
    (started) => {
      cluster = started;
      writeStatus(statusFile, { state: 'ready', urls: [...started.urls] });
    },
    (error: unknown) => writeStatus(statusFile, { state: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );

  return async () => {
    await forming;
    await Promise.all([single?.stop(), cluster?.stop()]);
    rmSync(root, { recursive: true, force: true });
  };
}
