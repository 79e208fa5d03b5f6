import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../src/server/index.js';
import { callRecord, describeStoreContract } from './storeContract.js';
import { describeServiceAgainst } from './serviceSuite.js';

let n = 0;
const fixture = () => ({ store: memoryStore(), customer: () => `m${String(++n).padStart(23, '0')}` });

describeStoreContract('memoryStore', fixture);
// One store shared by every "server": what memoryStore is for (a single process).
const shared = memoryStore();
describeServiceAgainst('memoryStore', () => ({ store: () => shared }));

describe('memoryStore bounds', () => {
  it('keeps at most maxCustomers ledgers and maxCalls calls, dropping the least recently used', async () => {
    const store = memoryStore({ maxCustomers: 100, maxCalls: 50 });
    for (let i = 0; i < 1000; i++) {
      const customer = `c${String(i).padStart(23, '0')}`;
      await store.open(customer, callRecord(customer), { expectVersion: 0, pin: null, now: 0, callMs: 60_000, keepMs: 60_000 });
    }
    expect(store.size).toEqual({ customers: 100, calls: 50 });
  });

  it('evicts clean ledgers before one that holds a lock-out', async () => {
    const store = memoryStore({ maxCustomers: 10, maxCalls: 1000 });
    const locked = 'l'.repeat(24);
    const call = callRecord(locked, { maxFailures: { pesel: 5 } });
    const now = Date.now();
    await store.open(locked, call, { expectVersion: 0, pin: null, now, callMs: 60_000, keepMs: 3_600_000 });
    for (let i = 0; i < 3; i++) await store.begin(locked, call.callId, { item: 'pesel', now: now + i, limits: { failMax: 3, failWindowMs: 1e9, lockMs: 1e9, tryMax: 10, tryWindowMs: 1e9, streakMax: 100 }, keepMs: 3_600_000 });
    for (let i = 0; i < 100; i++) {
      const customer = `x${String(i).padStart(23, '0')}`;
      await store.open(customer, callRecord(customer), { expectVersion: 0, pin: null, now, callMs: 60_000, keepMs: 3_600_000 });
    }
    expect((await store.ledger(locked)).lockedUntil).toBeGreaterThan(now);
  });

  it('forgets ledgers and calls when they expire', async () => {
    let t = 1_000_000;
    const store = memoryStore({ now: () => t });
    const customer = 'e'.repeat(24);
    const call = callRecord(customer);
    await store.open(customer, call, { expectVersion: 0, pin: [7, 8, 9], now: t, callMs: 60_000, keepMs: 120_000 });
    t += 61_000;
    expect(await store.read(customer, call.callId)).toBeUndefined();
    expect((await store.ledger(customer)).pin).toEqual([7, 8, 9]);
    t += 60_000;
    expect((await store.ledger(customer)).version).toBe(0);
  });

  it('rejects absurd bounds', () => {
    expect(() => memoryStore({ maxCustomers: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => memoryStore({ maxCalls: Number.NaN })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
