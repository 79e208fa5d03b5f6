/**
 * redisStore on one Redis (the test run's own redis-server): the shared store
 * contract and service suite, where every `store()` is a connection of its
 * own (another "server"); many servers racing one customer; what the store
 * leaves in Redis; and what only Redis can get wrong: scripts evicted from
 * the cache, values in the shapes Lua's cjson writes, clients of every kind.
 */
import { createClient, createClientPool, createCluster, createSentinel, defineScript, RESP_TYPES } from 'redis';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { redisStore, type CallRecord, type RedisScriptClient } from '../../src/server/index.js';
import { scriptSha } from '../../src/server/store/lua/runner.js';
import { SCRIPTS } from '../../src/server/store/lua/index.js';
import { closeRedisConnections, connectClient, redisUrl, singleStore, track, uniquePrefix } from '../support/redisEnv.js';
import { portOf } from '../support/redisInspect.js';
import { respCommand } from '../support/redisWire.js';
import { OPEN, serviceOver } from './fixtures.js';
import { describeAttemptRace, describeStoredKeys, type RedisTarget } from './redisScenarios.js';
import { describeServiceAgainst } from './serviceSuite.js';
import { callRecord, describeStoreContract } from './storeContract.js';

afterAll(closeRedisConnections);
// Real processes on a shared machine: bound by generous polls, not by the 20 s default.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const prefix = uniquePrefix('single');
let n = 0;
const customer = () => `r${process.pid}x${String(++n).padStart(12, '0')}`;
const target: RedisTarget = { store: singleStore, ports: async () => [portOf(redisUrl())] };

describeStoreContract('redisStore', () => ({ store: singleStore(prefix), customer }));
describeServiceAgainst('redisStore', () => ({ store: () => singleStore(prefix) }));
describeAttemptRace('redisStore', target, { servers: 4, calls: 8, checks: 200, policy: {}, limit: 3 });
describeStoredKeys('redisStore', target);

const T0 = Date.parse('2026-11-23T13:00:00Z');
const KEEP = 7_776_000_000;
const LIMITS = { failMax: 3, failWindowMs: 86_400_000, lockMs: 3_600_000, tryMax: 10, tryWindowMs: 1_800_000, streakMax: 100 };
const OPEN_ARGS = { expectVersion: 0, pin: null, now: T0, callMs: 86_400_000, keepMs: KEEP };
const keyOf = (p: string, c: string, callId?: string) => (callId ? `${p}{${c}}:call:${callId}` : `${p}{${c}}:ledger`);

describe('redisStore: scripts', () => {
  it('runs every operation again after the script cache is flushed (NOSCRIPT → EVAL), and caches the script again', async () => {
    const client = await connectClient(redisUrl());
    const store = redisStore(client, { prefix });
    const c = customer();
    const call = callRecord(c);
    expect((await store.open(c, call, OPEN_ARGS)).status).toBe('ok');
    await client.scriptFlush();
    expect(await client.scriptExists(await scriptSha(SCRIPTS.begin))).toEqual([0]);
    expect((await store.begin(c, call.callId, { item: 'pesel', now: T0, limits: LIMITS, keepMs: KEEP })).status).toBe('go');
    expect(await client.scriptExists(await scriptSha(SCRIPTS.begin))).toEqual([1]);
    expect((await store.read(c, call.callId))?.call.failures).toEqual({ pesel: 1 });
  });

  it('works with a client made with scripts of its own, with RESP3, and with a client that answers Buffers', async () => {
    const ping = defineScript({ NUMBER_OF_KEYS: 0, SCRIPT: 'return "pong"', parseCommand: () => undefined, transformReply: () => 'pong' as const });
    const clients = [
      await track(createClient({ url: redisUrl(), scripts: { ping } })).connect(),
      await track(createClient({ url: redisUrl(), RESP: 3 })).connect(),
      (await connectClient(redisUrl())).withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }),
    ];
    for (const client of clients) {
      const store = redisStore(client, { prefix });
      const c = customer();
      const call = callRecord(c);
      expect((await store.open(c, call, OPEN_ARGS)).status).toBe('ok');
      expect((await store.read(c, call.callId))?.call).toEqual(call);
      expect((await store.ledger(c)).version).toBe(0);
    }
  });

  it('answers a CallRecord exactly as given: full-precision numbers, Unicode, quotes and slashes, odd question ids', async () => {
    const store = redisStore(await connectClient(redisUrl()), { prefix });
    const c = customer();
    const call: CallRecord = {
      ...callRecord(c),
      customerRef: 'klient/żółć "😀" \\ \u0000',
      agentId: 'agent </script>',
      openedAt: 8_640_000_000_000_000,
      challengeBits: 9.965784284662087,
      maxFailures: { pesel: 2, constructor: 1, __proto__x: 3, '1': 2, 'rok-otwarcia-konta': 2 },
      required: ['pesel', 'constructor'],
    };
    expect((await store.open(c, call, { ...OPEN_ARGS, pin: [7, 10, 11] })).status).toBe('ok');
    expect((await store.read(c, call.callId))?.call).toEqual(call);
    // Decoded and encoded again by Lua:
    const begun = await store.begin(c, call.callId, { item: 'constructor', now: T0 + 0.5, limits: LIMITS, keepMs: KEEP });
    expect(begun.status).toBe('go');
    const read = await store.read(c, call.callId);
    expect(read?.call).toEqual({ ...call, failures: { constructor: 1 } });
    expect(read?.ledger).toMatchObject({ failures: [T0 + 0.5], attempts: [T0 + 0.5], pin: [7, 10, 11] });
  });

  it('reads records in the shapes cjson writes (an empty list as {}), and writes them back as lists', async () => {
    const client = await connectClient(redisUrl());
    const store = redisStore(client, { prefix });
    const c = customer();
    const call = callRecord(c);
    const cjsonCall = JSON.stringify({ ...call, passed: {}, revealed: {}, failures: {} });
    await client.set(keyOf(prefix, c, call.callId), cjsonCall, { PX: 60_000 });
    await client.set(keyOf(prefix, c), '{"version":2,"spoken":[0,0,0,0,0,0,0,0,0,0,0],"failures":{},"attempts":{},"streak":0,"lockedUntil":0,"pin":null}', { PX: 60_000 });
    expect(await store.ledger(c)).toEqual({ version: 2, spoken: Array(11).fill(0), failures: [], attempts: [], streak: 0, lockedUntil: 0, pin: null });
    expect((await store.read(c, call.callId))?.call).toEqual(call);
    await store.begin(c, call.callId, { item: 'pesel', now: T0, limits: LIMITS, keepMs: KEEP });
    const stored = await client.get(keyOf(prefix, c, call.callId));
    expect(stored).toContain('"passed":[]');
    expect(stored).toContain('"revealed":[]');
  });

  it('fails closed on a value it cannot read: STORE_UNAVAILABLE, retryable, quoting nothing stored', async () => {
    const client = await connectClient(redisUrl());
    const p = uniquePrefix('corrupt');
    const h = serviceOver(redisStore(client, { prefix: p }));
    const state = await h.service.open(OPEN(`cust-corrupt-${process.pid}`));
    const tag = state.callId.split('.')[0]!;
    await client.set(keyOf(p, tag, state.callId), '{"callId":"85031583834"}');
    const error = await h.service.resume(state.callId).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', retryable: true });
    expect(String((error as Error).message)).not.toContain('85031583834');
    await client.set(keyOf(p, tag, state.callId), 'not json');
    await expect(h.service.checkDigits(state.callId, { 7: '1', 8: '2', 9: '3' })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(h.lookups()).toBe(0);
  });
});

describe('redisStore: inputs', () => {
  it('takes every kind of node-redis client: client, cluster, sentinel, pool (checked by the compiler; none connected)', () => {
    const url = 'redis://127.0.0.1:1';
    const kinds: RedisScriptClient[] = [
      createClient({ url }),
      createCluster({ rootNodes: [{ url }] }),
      createSentinel({ name: 'mymaster', sentinelRootNodes: [{ host: '127.0.0.1', port: 1 }] }),
      createClientPool({ url }),
    ];
    for (const client of kinds) expect(() => redisStore(client)).not.toThrow();
  });

  it('rejects bad options and things that are not clients', async () => {
    const client = await connectClient(redisUrl());
    const invalid = expect.objectContaining({ code: 'INVALID_ARGUMENT' });
    for (const prefix of ['{bank}:', 'bank}', 'a b', 'x'.repeat(65)]) expect(() => redisStore(client, { prefix })).toThrow(invalid);
    // @ts-expect-error not a string
    expect(() => redisStore(client, { prefix: 1 })).toThrow(invalid);
    // @ts-expect-error no such option
    expect(() => redisStore(client, { other: true })).toThrow(invalid);
    // @ts-expect-error not a client
    expect(() => redisStore({})).toThrow(invalid);
    expect(() => redisStore(client, { prefix: '' })).not.toThrow();
  });

  it('refuses customer tags that would break the hash tag, and text Redis could not read back, writing nothing', async () => {
    const client = await connectClient(redisUrl());
    const p = uniquePrefix('inputs');
    const store = redisStore(client, { prefix: p });
    for (const bad of ['', 'a}b', '{a', 'x'.repeat(129)]) {
      await expect(store.ledger(bad)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
    const c = customer();
    await expect(store.open(c, { ...callRecord(c), customerRef: 'half \ud800 a pair' }, OPEN_ARGS)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(store.open(c, callRecord(c), { ...OPEN_ARGS, keepMs: 1.5 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await respCommand(portOf(redisUrl()), ['KEYS', `${p}*`])).toEqual([]);
    // A whole surrogate pair (an emoji) is fine, and so is a backslash before "ud800".
    expect((await store.open(c, { ...callRecord(c), customerRef: '😀 \\ud800' }, OPEN_ARGS)).status).toBe('ok');
  });
});
