/**
 * redisStore on a local 3-master Redis Cluster (started by the global setup):
 * the same store contract and service suite as on one Redis, the scenarios
 * with 1,000 racing checks over 8 servers, and what only a cluster can get
 * wrong: customers spread over every master, scripts missing on a node,
 * keys of two slots in one script.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { redisStore } from '../../src/server/index.js';
import { runScript } from '../../src/server/store/lua/runner.js';
import { closeRedisConnections, clusterStore, connectCluster, redisClusterUrls, uniquePrefix } from '../support/redisEnv.js';
import { portOf, storedKeys } from '../support/redisInspect.js';
import { respCommand } from '../support/redisWire.js';
import { digitsOf, JAN_PESEL, OPEN, serviceOver } from './fixtures.js';
import { describeAttemptRace, describeStoredKeys, type RedisTarget } from './redisScenarios.js';
import { describeServiceAgainst } from './serviceSuite.js';
import { describeStoreContract } from './storeContract.js';

afterAll(closeRedisConnections);
// Real processes on a shared machine: bound by generous polls, not by the 20 s default.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const prefix = uniquePrefix('cluster');
let n = 0;
const customer = () => `k${process.pid}x${String(++n).padStart(12, '0')}`;
const masters = async () => (await redisClusterUrls()).map(portOf);
const target: RedisTarget = { store: clusterStore, ports: masters };

describeStoreContract('redisStore on Redis Cluster', () => ({ store: clusterStore(prefix), customer }));
describeServiceAgainst('redisStore on Redis Cluster', () => ({ store: () => clusterStore(prefix) }));
describeAttemptRace('redisStore on Redis Cluster', target, { servers: 8, calls: 16, checks: 1000, policy: { failures: { max: 10 }, attempts: { max: 10 } }, limit: 10 });
describeStoredKeys('redisStore on Redis Cluster', target);

describe('redisStore on Redis Cluster: slots and nodes', () => {
  it("spreads customers over every master, each customer's keys on one", async () => {
    const p = uniquePrefix('spread');
    const { service } = serviceOver(clusterStore(p));
    for (let i = 0; i < 30; i++) await service.open(OPEN(`cust-spread-${process.pid}-${i}`));
    const ports = await masters();
    const perNode = await Promise.all(ports.map((port) => storedKeys([port], p)));
    expect(perNode.every((keys) => keys.size > 0)).toBe(true);
    for (const keys of perNode) {
      for (const key of keys.keys()) {
        const tag = /\{([A-Za-z0-9_-]{16})\}/.exec(key)?.[1];
        // the ledger and the calls of a customer sit together
        expect([...keys.keys()].filter((k) => k.includes(`{${tag}}`)).length).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('loads the scripts again on every node after SCRIPT FLUSH', async () => {
    const p = uniquePrefix('flush');
    const h = serviceOver(clusterStore(p));
    const refs = Array.from({ length: 12 }, (_, i) => `cust-flush-${process.pid}-${i}`);
    const states = await Promise.all(refs.map((ref) => h.service.open(OPEN(ref))));
    for (const port of await masters()) await respCommand(port, ['SCRIPT', 'FLUSH']);
    const passed = await Promise.all(states.map((s) => h.service.checkDigits(s.callId, digitsOf(JAN_PESEL, s.challenge!))));
    expect(passed.every((s) => s.passed.pesel)).toBe(true);
  });

  it('passes on what the cluster answers when a script names keys of two slots (CROSSSLOT): the store never does', async () => {
    const cluster = await connectCluster(await redisClusterUrls());
    await expect(runScript(cluster, 'return 1', ['{a}:x', '{b}:y'], [])).rejects.toThrow(/CROSSSLOT/);
    const store = redisStore(cluster, { prefix });
    expect((await store.ledger(customer())).version).toBe(0);
  });
});
