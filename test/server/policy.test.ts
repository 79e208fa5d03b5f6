import { describe, expect, it } from 'vitest';
import { createVerificationService, memoryStore, parseVerificationPolicy, type CustomerDirectory, type VerificationPolicyInput } from '../../src/server/index.js';
import { KEY, serverScript } from './fixtures.js';

const invalid = expect.objectContaining({ name: 'SafecallError', code: 'INVALID_ARGUMENT' });

describe('the service policy', () => {
  it('has the defaults of DESIGN §3: 3 failures in 24 h lock 1 h, 10 attempts in 30 min, 100 in a row, ledger 7 and 90 days', () => {
    expect(parseVerificationPolicy({})).toEqual({
      failures: { max: 3, windowMinutes: 1440, lockMinutes: 60 },
      attempts: { max: 10, windowMinutes: 30 },
      consecutiveMax: 100,
      ledger: { days: 7, preferFreshDays: 90 },
      callHours: 24,
    });
  });

  it.each([
    ['NaN failures', { failures: { max: Number.NaN } }],
    ['NaN window', { failures: { windowMinutes: Number.NaN } }],
    ['Infinity lock', { failures: { lockMinutes: Number.POSITIVE_INFINITY } }],
    ['zero failures', { failures: { max: 0 } }],
    ['negative window', { attempts: { windowMinutes: -5 } }],
    ['more than PCI allows', { attempts: { max: 11 } }],
    ['more than NIST allows', { consecutiveMax: 101 }],
    ['a fractional count', { failures: { max: 2.5 } }],
    ['a fresh window shorter than the ledger', { ledger: { days: 30, preferFreshDays: 7 } }],
    ['an unknown key', { lockEverything: false }],
  ] as [string, unknown][])('refuses %s instead of switching a protection off', (_name, value) => {
    // What a misconfigured deployment passes: typed as the option is, checked at run time.
    const policy = value as VerificationPolicyInput;
    expect(() => parseVerificationPolicy(policy)).toThrow(invalid);
    expect(() => createVerificationService({ scripts: [serverScript()], customers: { pesel: () => undefined }, attestationKey: KEY, policy })).toThrow(invalid);
  });

  it('refuses a short attestation key, no scripts, or a customer directory without pesel()', () => {
    const base = { scripts: [serverScript()], customers: { pesel: () => undefined }, attestationKey: KEY };
    expect(() => createVerificationService({ ...base, attestationKey: 'short' })).toThrow(invalid);
    expect(() => createVerificationService({ ...base, scripts: [] })).toThrow(invalid);
    expect(() => createVerificationService({ ...base, customers: {} as CustomerDirectory })).toThrow(invalid);
  });
});

describe('memoryStore under many customers', () => {
  it('stays bounded with 500,000 distinct customer refs: at most maxCustomers ledgers are kept', { timeout: 180_000 }, async () => {
    const store = memoryStore();
    const service = createVerificationService({ store, scripts: [serverScript()], customers: { pesel: () => undefined }, attestationKey: KEY });
    // Through the store directly for the bulk (the service adds an HMAC per open), and the service for a sample.
    for (let i = 0; i < 2000; i++) await service.open({ customerRef: `walk-in-${i}`, script: { id: 'server-test', version: 1 }, agentId: 'a' });
    const record = { customerRef: 'r', scriptId: 'server-test', scriptVersion: 1, agentId: 'a', openedAt: 0, challenge: null, challengeBits: 0, reissued: false, maxFailures: {}, failures: {}, required: [], passed: [], revealed: [], outcome: null, closedAt: 0 };
    for (let i = 0; i < 500_000; i++) {
      const customer = `c${i.toString(36).padStart(15, '0')}`;
      await store.open(customer, { ...record, callId: `${customer}.x` }, { expectVersion: 0, pin: null, now: 0, callMs: 3_600_000, keepMs: 3_600_000 });
    }
    expect(store.size.customers).toBeLessThanOrEqual(100_000);
    expect(store.size.calls).toBeLessThanOrEqual(100_000);
  });
});
