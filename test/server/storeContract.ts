/**
 * The store contract, run against every VerificationStore: memory, one Redis,
 * and a Redis Cluster (see memoryStore.test.ts, redisStore.test.ts). Each
 * operation is checked as the service relies on it: atomic check-and-count,
 * conflicts instead of lost updates, nothing changed when refused.
 */
import { describe, expect, it } from 'vitest';
import type { AttemptLimits, CallRecord, VerificationStore } from '../../src/server/index.js';

export interface StoreFixture {
  store: VerificationStore;
  /** A customer tag no other test uses (stores may be shared between tests). */
  customer(): string;
}

const LIMITS: AttemptLimits = { failMax: 3, failWindowMs: 86_400_000, lockMs: 3_600_000, tryMax: 10, tryWindowMs: 1_800_000, streakMax: 100 };
const KEEP = 7_776_000_000;
const T0 = Date.parse('2026-11-23T13:00:00Z');

let serial = 0;
export function callRecord(customer: string, overrides: Partial<CallRecord> = {}): CallRecord {
  serial++;
  return {
    callId: `${customer}-${String(serial).padStart(32, '0')}`,
    customerRef: `ref-${customer}`,
    scriptId: 'fraud-alert',
    scriptVersion: 3,
    agentId: 'agent-17',
    openedAt: T0,
    challenge: [7, 8, 9],
    challengeBits: 9.97,
    reissued: false,
    maxFailures: { pesel: 2, 'account-opened-year': 2 },
    failures: {},
    required: ['pesel', 'account-opened-year'],
    passed: [],
    revealed: [],
    outcome: null,
    closedAt: 0,
    ...overrides,
  };
}

async function opened(fx: StoreFixture, overrides: Partial<CallRecord> = {}, pin: number[] | null = [7, 8, 9]) {
  const customer = fx.customer();
  const call = callRecord(customer, overrides);
  const result = await fx.store.open(customer, call, { expectVersion: 0, pin, now: T0, callMs: 86_400_000, keepMs: KEEP });
  expect(result.status).toBe('ok');
  return { customer, call };
}

const begin = (fx: StoreFixture, customer: string, callId: string, item = 'pesel', now = T0, limits = LIMITS) =>
  fx.store.begin(customer, callId, { item, now, limits, keepMs: KEEP });

export function describeStoreContract(name: string, fixture: () => StoreFixture): void {
  describe(`${name}: the store contract`, () => {
    it('knows nothing of a new customer: an empty ledger at version 0', async () => {
      const fx = fixture();
      const ledger = await fx.store.ledger(fx.customer());
      expect(ledger).toEqual({ version: 0, spoken: Array(11).fill(0), failures: [], attempts: [], streak: 0, lockedUntil: 0, pin: null });
    });

    it('opens a call, pins its challenge and bumps the version', async () => {
      const fx = fixture();
      const { customer, call } = await opened(fx);
      const read = await fx.store.read(customer, call.callId);
      expect(read?.call).toEqual(call);
      expect(read?.ledger.version).toBe(1);
      expect(read?.ledger.pin).toEqual([7, 8, 9]);
    });

    it('refuses an open against a ledger that changed since it was read, and writes nothing', async () => {
      const fx = fixture();
      const { customer } = await opened(fx);
      const late = callRecord(customer);
      const result = await fx.store.open(customer, late, { expectVersion: 0, pin: null, now: T0, callMs: 86_400_000, keepMs: KEEP });
      expect(result.status).toBe('conflict');
      expect(await fx.store.read(customer, late.callId)).toBeUndefined();
      expect((await fx.store.ledger(customer)).version).toBe(1);
    });

    it('never replaces an open challenge with another pin', async () => {
      const fx = fixture();
      const { customer } = await opened(fx);
      const result = await fx.store.open(customer, callRecord(customer), { expectVersion: 1, pin: [8, 10, 11], now: T0, callMs: 86_400_000, keepMs: KEEP });
      expect(result.status).toBe('conflict');
      expect((await fx.store.ledger(customer)).pin).toEqual([7, 8, 9]);
    });

    it('does not find a call under another customer', async () => {
      const fx = fixture();
      const { call } = await opened(fx);
      expect((await begin(fx, fx.customer(), call.callId)).status).toBe('not-found');
      expect(await fx.store.read(fx.customer(), call.callId)).toBeUndefined();
    });

    it('counts an attempt as a failure before it is evaluated', async () => {
      const fx = fixture();
      const { customer, call } = await opened(fx);
      const result = await begin(fx, customer, call.callId);
      expect(result.status).toBe('go');
      const read = await fx.store.read(customer, call.callId);
      expect(read?.call.failures).toEqual({ pesel: 1 });
      expect(read?.ledger).toMatchObject({ failures: [T0], attempts: [T0], streak: 1, lockedUntil: 0 });
    });

    it('refuses attempts beyond the call’s limit without counting them', async () => {
      const fx = fixture();
      const { customer, call } = await opened(fx);
      for (let i = 0; i < 2; i++) {
        const r = await begin(fx, customer, call.callId, 'pesel', T0 + i);
        if (r.status !== 'go') throw new Error(r.status);
        await fx.store.settle(customer, call.callId, { ticket: r.ticket, verdict: 'fail', spoken: [7, 8, 9], now: T0 + i, keepMs: KEEP });
      }
      const before = await fx.store.read(customer, call.callId);
      expect((await begin(fx, customer, call.callId, 'pesel', T0 + 5)).status).toBe('exhausted');
      expect(await fx.store.read(customer, call.callId)).toEqual(before);
    });

    it('locks the customer at the failure limit, and then evaluates nothing and counts nothing', async () => {
      const fx = fixture();
      const { customer, call } = await opened(fx, { maxFailures: { pesel: 3 } });
      for (let i = 0; i < 3; i++) expect((await begin(fx, customer, call.callId, 'pesel', T0 + i)).status).toBe('go');
      const locked = await fx.store.ledger(customer);
      expect(locked.lockedUntil).toBe(T0 + 2 + LIMITS.lockMs);
      const other = callRecord(customer, { maxFailures: { pesel: 3 } });
      expect((await fx.store.open(customer, other, { expectVersion: locked.version, pin: null, now: T0, callMs: 86_400_000, keepMs: KEEP })).status).toBe('ok');
      const before = await fx.store.ledger(customer);
      expect((await begin(fx, customer, other.callId, 'pesel', T0 + 10)).status).toBe('locked');
      expect(await fx.store.ledger(customer)).toEqual(before);
      // After the lock-out the customer may try again.
      expect((await begin(fx, customer, other.callId, 'pesel', T0 + 3 + LIMITS.lockMs)).status).toBe('go');
    });

    it('locks at the attempt-rate limit (PCI DSS 8.3.4), passes or not', async () => {
      const fx = fixture();
      const limits = { ...LIMITS, failMax: 50, tryMax: 4 };
      const { customer, call } = await opened(fx, { maxFailures: { pesel: 50 } });
      for (let i = 0; i < 4; i++) {
        const r = await begin(fx, customer, call.callId, 'pesel', T0 + i, limits);
        if (r.status !== 'go') throw new Error(r.status);
        await fx.store.settle(customer, call.callId, { ticket: r.ticket, verdict: i === 3 ? 'fail' : 'void', spoken: [], now: T0 + i, keepMs: KEEP });
      }
      // voided attempts were refunded; only one counted
      expect((await fx.store.ledger(customer)).attempts).toEqual([T0 + 3]);
      for (let i = 4; i < 7; i++) expect((await begin(fx, customer, call.callId, 'pesel', T0 + i, limits)).status).toBe('go');
      const over = await begin(fx, customer, call.callId, 'pesel', T0 + 7, limits);
      expect(over.status).toBe('locked');
      expect((await fx.store.ledger(customer)).lockedUntil).toBe(T0 + 7 + LIMITS.lockMs);
    });

    it('locks for good after the consecutive-failure cap (NIST SP 800-63B)', async () => {
      const fx = fixture();
      const limits = { ...LIMITS, failMax: 1000, tryMax: 1000, streakMax: 5 };
      const { customer, call } = await opened(fx, { maxFailures: { pesel: 1000 } });
      for (let i = 0; i < 5; i++) expect((await begin(fx, customer, call.callId, 'pesel', T0 + i, limits)).status).toBe('go');
      expect((await fx.store.ledger(customer)).lockedUntil).toBe(-1);
      expect((await begin(fx, customer, call.callId, 'pesel', T0 + 365 * 86_400_000, limits)).status).toBe('locked');
    });

    it('a pass resets the failure counts, refunds its own provisional failure and clears the pin; the spoken positions stay', async () => {
      const fx = fixture();
      const { customer, call } = await opened(fx, { maxFailures: { pesel: 3 } });
      const first = await begin(fx, customer, call.callId, 'pesel', T0);
      if (first.status !== 'go') throw new Error(first.status);
      await fx.store.settle(customer, call.callId, { ticket: first.ticket, verdict: 'fail', spoken: [7, 8, 9], now: T0, keepMs: KEEP });
      const second = await begin(fx, customer, call.callId, 'pesel', T0 + 1000);
      if (second.status !== 'go') throw new Error(second.status);
      const result = await fx.store.settle(customer, call.callId, { ticket: second.ticket, verdict: 'pass', spoken: [7, 8, 9], now: T0 + 1000, keepMs: KEEP });
      expect(result.status).toBe('ok');
      const read = await fx.store.read(customer, call.callId);
      expect(read?.call.passed).toEqual(['pesel']);
      expect(read?.call.failures).toEqual({ pesel: 1 });
      expect(read?.ledger).toMatchObject({ failures: [], streak: 0, pin: null, attempts: [T0, T0 + 1000] });
      expect(read?.ledger.spoken.slice(6, 9)).toEqual([T0 + 1000, T0 + 1000, T0 + 1000]);
    });

    it('a pass undoes only the lock its own provisional failure set', async () => {
      const fx = fixture();
      const { customer, call } = await opened(fx, { maxFailures: { pesel: 3 } });
      for (let i = 0; i < 2; i++) {
        const r = await begin(fx, customer, call.callId, 'pesel', T0 + i);
        if (r.status !== 'go') throw new Error(r.status);
        await fx.store.settle(customer, call.callId, { ticket: r.ticket, verdict: 'fail', spoken: [], now: T0 + i, keepMs: KEEP });
      }
      const third = await begin(fx, customer, call.callId, 'pesel', T0 + 2);
      if (third.status !== 'go') throw new Error(third.status);
      expect((await fx.store.ledger(customer)).lockedUntil).toBeGreaterThan(0);
      await fx.store.settle(customer, call.callId, { ticket: third.ticket, verdict: 'pass', spoken: [7, 8, 9], now: T0 + 2, keepMs: KEEP });
      expect((await fx.store.ledger(customer)).lockedUntil).toBe(0);
    });

    it('a void attempt is refunded whole', async () => {
      const fx = fixture();
      const { customer, call } = await opened(fx);
      const before = await fx.store.read(customer, call.callId);
      const r = await begin(fx, customer, call.callId);
      if (r.status !== 'go') throw new Error(r.status);
      await fx.store.settle(customer, call.callId, { ticket: r.ticket, verdict: 'void', spoken: [], now: T0, keepMs: KEEP });
      const after = await fx.store.read(customer, call.callId);
      expect(after?.call).toEqual({ ...before!.call, failures: { pesel: 0 } });
      expect({ ...after!.ledger, version: 0 }).toEqual({ ...before!.ledger, version: 0 });
    });

    it('tells apart an item with no challenge, an unknown question and a passed item', async () => {
      const fx = fixture();
      const { customer, call } = await opened(fx, { challenge: null, maxFailures: { 'account-opened-year': 2 } }, null);
      expect((await begin(fx, customer, call.callId, 'pesel')).status).toBe('no-challenge');
      expect((await begin(fx, customer, call.callId, 'constructor')).status).toBe('unknown-item');
      const r = await begin(fx, customer, call.callId, 'account-opened-year');
      if (r.status !== 'go') throw new Error(r.status);
      await fx.store.settle(customer, call.callId, { ticket: r.ticket, verdict: 'pass', spoken: [], now: T0, keepMs: KEEP });
      expect((await begin(fx, customer, call.callId, 'account-opened-year')).status).toBe('passed');
    });

    it('reveals only after a pass, within the limit, against the version read, idempotently', async () => {
      const fx = fixture();
      const { customer, call } = await opened(fx);
      let ledger = await fx.store.ledger(customer);
      expect((await fx.store.reveal(customer, call.callId, { positions: [10], expectVersion: ledger.version, max: 2, now: T0, keepMs: KEEP })).status).toBe('refused');
      const r = await begin(fx, customer, call.callId);
      if (r.status !== 'go') throw new Error(r.status);
      await fx.store.settle(customer, call.callId, { ticket: r.ticket, verdict: 'pass', spoken: [7, 8, 9], now: T0, keepMs: KEEP });
      ledger = await fx.store.ledger(customer);
      expect((await fx.store.reveal(customer, call.callId, { positions: [10], expectVersion: ledger.version - 1, max: 2, now: T0, keepMs: KEEP })).status).toBe('conflict');
      const ok = await fx.store.reveal(customer, call.callId, { positions: [10, 11], expectVersion: ledger.version, max: 2, now: T0 + 5, keepMs: KEEP });
      expect(ok.status).toBe('ok');
      ledger = await fx.store.ledger(customer);
      expect(ledger.spoken.slice(9)).toEqual([T0 + 5, T0 + 5]);
      expect((await fx.store.reveal(customer, call.callId, { positions: [11], expectVersion: ledger.version, max: 2, now: T0 + 6, keepMs: KEEP })).status).toBe('ok');
      expect((await fx.store.reveal(customer, call.callId, { positions: [6], expectVersion: ledger.version + 1, max: 2, now: T0 + 7, keepMs: KEEP })).status).toBe('refused');
      expect((await fx.store.read(customer, call.callId))?.call.revealed).toEqual([10, 11]);
    });

    it('records verified only with the evidence, and an outcome only once', async () => {
      const fx = fixture();
      const { customer, call } = await opened(fx, { required: ['pesel'] });
      const refused = await fx.store.close(customer, call.callId, { outcome: { kind: 'verified' }, now: T0, keepMs: KEEP });
      expect(refused.status).toBe('refused');
      expect((await fx.store.read(customer, call.callId))?.call.outcome).toBeNull();
      const r = await begin(fx, customer, call.callId);
      if (r.status !== 'go') throw new Error(r.status);
      await fx.store.settle(customer, call.callId, { ticket: r.ticket, verdict: 'pass', spoken: [7, 8, 9], now: T0, keepMs: KEEP });
      expect((await fx.store.close(customer, call.callId, { outcome: { kind: 'verified' }, now: T0 + 9, keepMs: KEEP })).status).toBe('ok');
      const again = await fx.store.close(customer, call.callId, { outcome: { kind: 'abandoned', reason: 'hang-up' }, now: T0 + 10, keepMs: KEEP });
      expect(again.status).toBe('closed');
      const read = await fx.store.read(customer, call.callId);
      expect(read?.call).toMatchObject({ outcome: { kind: 'verified' }, closedAt: T0 + 9 });
      expect((await begin(fx, customer, call.callId, 'account-opened-year')).status).toBe('closed');
    });

    it('never records verified for a call whose challenge was exhausted with whenExhausted "end"', async () => {
      const fx = fixture();
      const { customer, call } = await opened(fx, { challenge: null, required: null, maxFailures: {} }, null);
      expect((await fx.store.close(customer, call.callId, { outcome: { kind: 'verified' }, now: T0, keepMs: KEEP })).status).toBe('refused');
      expect((await fx.store.close(customer, call.callId, { outcome: { kind: 'customer-will-call-back', reason: 'challenge-exhausted' }, now: T0, keepMs: KEEP })).status).toBe('ok');
    });

    it('never records verified while the customer is locked out', async () => {
      const fx = fixture();
      const { customer, call } = await opened(fx, { required: [], maxFailures: { pesel: 5 } });
      for (let i = 0; i < 3; i++) await begin(fx, customer, call.callId, 'pesel', T0 + i);
      expect((await fx.store.close(customer, call.callId, { outcome: { kind: 'verified' }, now: T0 + 5, keepMs: KEEP })).status).toBe('refused');
    });

    it('counts 200 concurrent attempts on one customer exactly, and lets no more through than the limit', async () => {
      const fx = fixture();
      const limits = { ...LIMITS, failMax: 1000, tryMax: 1000, streakMax: 1000 };
      const { customer, call } = await opened(fx, { maxFailures: { pesel: 37 } });
      const results = await Promise.all(Array.from({ length: 200 }, (_, i) => begin(fx, customer, call.callId, 'pesel', T0 + i, limits)));
      expect(results.filter((r) => r.status === 'go')).toHaveLength(37);
      expect(results.filter((r) => r.status === 'exhausted')).toHaveLength(163);
      const read = await fx.store.read(customer, call.callId);
      expect(read?.call.failures).toEqual({ pesel: 37 });
      expect(read?.ledger.streak).toBe(37);
    });
  });
}
