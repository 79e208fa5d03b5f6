/**
 * A local 3-master Redis Cluster of the tests' own: three cluster-enabled
 * redis-servers, `redis-cli --cluster create`, then polling until every node
 * says `cluster_state:ok` (`create` returns before the cluster is ready).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startRedisServer, type RedisServerProcess } from './redisServer.js';
import { respCommand } from './redisWire.js';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @example
 * ```ts
 * const cluster = await startRedisCluster(dir);
 * await cluster.stop();
 * ```
 */
export interface RedisClusterProcess {
  readonly nodes: readonly RedisServerProcess[];
  /** One URL per master: give them all to `createCluster({ rootNodes })`. */
  readonly urls: readonly string[];
  stop(): Promise<void>;
}

/**
 * Starts three masters under `dir` and joins them into a cluster covering all 16,384 slots.
 *
 * @example
 * ```ts
 * const cluster = await startRedisCluster(join(tmp, 'cluster'));
 * const client = createCluster({ rootNodes: cluster.urls.map((url) => ({ url })) });
 * ```
 */
export async function startRedisCluster(dir: string): Promise<RedisClusterProcess> {
  const nodes: RedisServerProcess[] = [];
  const stop = async () => {
    await Promise.all(nodes.map((node) => node.stop()));
  };
  try {
    for (let i = 0; i < 3; i++) nodes.push(await startRedisServer({ dir: join(dir, `node-${i}`), cluster: true }));
    const addresses = nodes.map((node) => `127.0.0.1:${node.port}`);
    await run('redis-cli', ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes'], { timeout: 120_000 });
    const deadline = Date.now() + 120_000;
    for (;;) {
      const states = await Promise.all(nodes.map((node) => respCommand(node.port, ['CLUSTER', 'INFO']).catch(() => '')));
      if (states.every((info) => typeof info === 'string' && info.includes('cluster_state:ok'))) break;
      if (Date.now() > deadline) throw new Error(`the cluster did not reach cluster_state:ok within two minutes: ${JSON.stringify(states)}`);
      await sleep(50);
    }
    return { nodes, urls: nodes.map((node) => node.url), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
