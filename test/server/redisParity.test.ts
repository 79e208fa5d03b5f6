/**
 * The Lua scripts against logic.ts, operation by operation: random sequences
 * of store operations (stale versions, forged tickets, odd items, limits hit)
 * run on the memory store and on redisStore must answer exactly the same.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { CallOutcome } from '../../src/model/index.js';
import { memoryStore, redisStore, type AttemptTicket, type CallRecord, type VerificationStore } from '../../src/server/index.js';
import { closeRedisConnections, connectClient, redisUrl, uniquePrefix } from '../support/redisEnv.js';
import { callRecord } from './storeContract.js';

afterAll(closeRedisConnections);
// Real processes on a shared machine: bound by generous polls, not by the 20 s default.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const T0 = Date.parse('2026-11-23T13:00:00Z');
const KEEP = 7_776_000_000;
const ITEMS = ['pesel', 'account-opened-year', 'constructor'];
const OUTCOMES: CallOutcome[] = [
  { kind: 'verified' },
  { kind: 'abandoned', reason: 'hang-up' },
  { kind: 'failed', reason: 'mutual-mismatch' },
  { kind: 'callback-scheduled', callback: { at: '2026-11-24T09:00:00.000Z', spoken: 'jutro o 10:00', reference: 'CB-7/Ż' } },
];

const position = fc.integer({ min: 1, max: 11 });
const operation = fc.oneof(
  { weight: 1, arbitrary: fc.record({ op: fc.constant('open' as const), customer: fc.nat(1), stale: fc.boolean(), pin: fc.option(fc.uniqueArray(position, { minLength: 1, maxLength: 4 })), challenge: fc.option(fc.constant<number[]>([7, 8, 9])), required: fc.option(fc.subarray(ITEMS)), maxFailures: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('begin' as const), call: fc.nat(7), item: fc.constantFrom(...ITEMS, 'unknown'), dt: fc.integer({ min: 0, max: 4_000_000 }), failMax: fc.integer({ min: 1, max: 4 }), tryMax: fc.integer({ min: 1, max: 6 }), streakMax: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('settle' as const), call: fc.nat(7), ticket: fc.nat(9), verdict: fc.constantFrom('pass' as const, 'fail' as const, 'void' as const), spoken: fc.uniqueArray(position, { maxLength: 3 }), dt: fc.integer({ min: 0, max: 1000 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reveal' as const), call: fc.nat(7), positions: fc.array(position, { minLength: 1, maxLength: 3 }), stale: fc.boolean(), max: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('close' as const), call: fc.nat(7), outcome: fc.constantFrom(...OUTCOMES), dt: fc.integer({ min: 0, max: 1000 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('read' as const), call: fc.nat(7) }) },
);

type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

/** Plays `operations` on `store`, answering every result (what the contract exposes). */
async function play(store: VerificationStore, customers: readonly string[], operations: readonly Operation[]): Promise<unknown[]> {
  const calls: { customer: string; call: CallRecord }[] = [];
  const tickets: AttemptTicket[] = [];
  const out: unknown[] = [];
  let now = T0;
  const pick = (i: number) => calls[i % Math.max(1, calls.length)];
  // Every run starts with calls to play with: one with a pinned challenge, one without PESEL.
  const warmup: Operation[] = [
    { op: 'open', customer: 0, stale: false, pin: [7, 8, 9], challenge: [7, 8, 9], required: ['pesel', 'account-opened-year'], maxFailures: 3 },
    { op: 'open', customer: 1, stale: false, pin: null, challenge: null, required: ['account-opened-year'], maxFailures: 2 },
  ];
  for (const o of [...warmup, ...operations]) {
    switch (o.op) {
      case 'open': {
        const customer = customers[o.customer]!;
        const base = callRecord(customer);
        const call: CallRecord = { ...base, callId: `${customer}-${calls.length}`, challenge: o.challenge, required: o.required, maxFailures: { pesel: o.maxFailures, 'account-opened-year': 2, constructor: 1 } };
        const version = (await store.ledger(customer)).version;
        const result = await store.open(customer, call, { expectVersion: o.stale ? version + 1 : version, pin: o.pin, now, callMs: 86_400_000, keepMs: KEEP });
        if (result.status === 'ok') calls.push({ customer, call });
        out.push(result);
        break;
      }
      case 'begin': {
        const target = pick(o.call);
        if (!target) break;
        now += o.dt;
        const limits = { failMax: o.failMax, failWindowMs: 3_600_000, lockMs: 1_800_000, tryMax: o.tryMax, tryWindowMs: 2_000_000, streakMax: o.streakMax };
        const result = await store.begin(target.customer, target.call.callId, { item: o.item, now, limits, keepMs: KEEP });
        if (result.status === 'go') tickets.push(result.ticket);
        out.push(result);
        break;
      }
      case 'settle': {
        const target = pick(o.call);
        const ticket = tickets[o.ticket % Math.max(1, tickets.length)];
        if (!target || !ticket) break;
        now += o.dt;
        out.push(await store.settle(target.customer, target.call.callId, { ticket, verdict: o.verdict, spoken: o.spoken, now, keepMs: KEEP }));
        break;
      }
      case 'reveal': {
        const target = pick(o.call);
        if (!target) break;
        const version = (await store.ledger(target.customer)).version;
        out.push(await store.reveal(target.customer, target.call.callId, { positions: o.positions, expectVersion: o.stale ? version - 1 : version, max: o.max, now, keepMs: KEEP }));
        break;
      }
      case 'close': {
        const target = pick(o.call);
        if (!target) break;
        now += o.dt;
        out.push(await store.close(target.customer, target.call.callId, { outcome: o.outcome, now, keepMs: KEEP }));
        break;
      }
      case 'read': {
        const target = pick(o.call);
        if (target) out.push(await store.read(target.customer, target.call.callId));
        break;
      }
    }
  }
  for (const customer of customers) out.push(await store.ledger(customer));
  return out;
}

describe('redisStore scripts and logic.ts', () => {
  it('answer every random sequence of operations exactly alike', async () => {
    const client = await connectClient(redisUrl());
    let run = 0;
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 5, maxLength: 60, size: 'large' }), async (operations) => {
        run++;
        const customers = [`p${process.pid}r${run}a`, `p${process.pid}r${run}b`];
        const onRedis = await play(redisStore(client, { prefix: uniquePrefix('parity') }), customers, operations);
        const inMemory = await play(memoryStore(), customers, operations);
        expect(onRedis).toEqual(inMemory);
        for (const result of onRedis) if (result && typeof result === 'object' && 'status' in result) seen.add(String(result.status));
      }),
      { numRuns: 120 },
    );
    // The sequences reached every answer a script can give.
    expect([...seen].sort()).toEqual(['closed', 'conflict', 'exhausted', 'go', 'locked', 'no-challenge', 'ok', 'passed', 'refused', 'unknown-item']);
  });
});
