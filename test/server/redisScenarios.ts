/**
 * Scenarios run on one Redis and on the cluster alike (redisStore.test.ts,
 * redisCluster.test.ts): many servers racing one customer's limits, and what
 * the store leaves behind in Redis (expiry, and nothing that depends on a
 * digit of the PESEL).
 */
import { describe, expect, it } from 'vitest';
import type { CallState } from '../../src/model/index.js';
import type { VerificationPolicyInput, VerificationStore } from '../../src/server/index.js';
import { storedKeys, type StoredKey } from '../support/redisInspect.js';
import { uniquePrefix } from '../support/redisEnv.js';
import { ANSWERS, digitsOf, JAN_PESEL, OPEN, serviceOver, testClock, TWIN_PESEL, wrongDigits } from './fixtures.js';

/**
 * @example
 * ```ts
 * const target: RedisTarget = { store: singleStore, ports: async () => [portOf(redisUrl())] };
 * ```
 */
export interface RedisTarget {
  /** A new connection (another "server") to the target, as a store under `prefix`. */
  store(prefix: string): VerificationStore;
  /** The ports of every server holding data (one, or the cluster's masters). */
  ports(): Promise<number[]>;
}

let refs = 0;
const freshRef = (label: string) => `cust-${label}-${process.pid}-${Date.now()}-${++refs}`;

/**
 * `checks` concurrent wrong answers to one customer's challenge, spread over
 * `servers` service instances (each with its own connection) and over
 * `calls` calls: the PESEL is looked up exactly as often as the customer's
 * limit allows, then the customer is locked.
 *
 * @example
 * ```ts
 * describeAttemptRace('redisStore', target, { servers: 4, calls: 8, checks: 200, policy: {}, limit: 3 });
 * ```
 */
export function describeAttemptRace(name: string, target: RedisTarget, race: { servers: number; calls: number; checks: number; policy: VerificationPolicyInput; limit: number }): void {
  describe(`${name}: ${race.checks} concurrent failing checks over ${race.servers} servers`, () => {
    it(`evaluate no more than the customer's limit (${race.limit}), then lock`, async () => {
      const prefix = uniquePrefix('race');
      const servers = Array.from({ length: race.servers }, (_, i) => serviceOver(target.store(prefix), { seed: 500 + i, policy: race.policy }));
      const ref = freshRef('race');
      // Opened in parallel too: one pins the challenge, the others re-issue it.
      const calls = await Promise.all(
        Array.from({ length: race.calls }, async (_, i) => {
          const server = servers[i % servers.length]!;
          return { server, state: await server.service.open(OPEN(ref)) };
        }),
      );
      const challenge = calls[0]!.state.challenge!;
      for (const { state } of calls) expect(state.challenge).toEqual(challenge);

      const results = await Promise.allSettled(
        Array.from({ length: race.checks }, (_, i) => {
          const { server, state } = calls[i % calls.length]!;
          return server.service.checkDigits(state.callId, wrongDigits(JAN_PESEL, challenge));
        }),
      );
      const lookups = servers.reduce((sum, server) => sum + server.lookups(), 0);
      expect(lookups).toBe(race.limit);
      for (const result of results) {
        if (result.status === 'fulfilled') expect(result.value.passed.pesel).toBe(false);
        else expect(result.reason).toMatchObject({ code: 'STEP_NOT_ALLOWED' });
      }
      const after = await servers[1]!.service.resume(calls[1]!.state.callId);
      expect(after.locked).toBeDefined();
      // Nothing more is evaluated anywhere, even the right digits.
      await servers[2]!.service.checkDigits(calls[2]!.state.callId, digitsOf(JAN_PESEL, challenge));
      expect(servers.reduce((sum, server) => sum + server.lookups(), 0)).toBe(race.limit);
    });
  });
}

/**
 * One customer's calls, played the same way for a given PESEL: a failed and a
 * passed challenge, a wrong and a right answer, a reveal, a verified close;
 * then a second call that exhausts its attempts. Returns every state seen.
 */
async function playCalls(store: VerificationStore, pesel: string, ref: string): Promise<CallState[]> {
  const clock = testClock();
  const { service } = serviceOver(store, { seed: 99, clock, customers: { pesel: () => pesel, answer: (_ref, questionId) => ANSWERS[questionId] } });
  const states: CallState[] = [];
  const first = await service.open(OPEN(ref));
  const challenge = first.challenge!;
  states.push(first);
  clock.advance(5_000);
  states.push(await service.checkDigits(first.callId, wrongDigits(pesel, challenge)));
  clock.advance(5_000);
  states.push(await service.checkDigits(first.callId, digitsOf(pesel, challenge)));
  clock.advance(5_000);
  states.push(await service.checkAnswer(first.callId, 'account-opened-year', '1999'));
  states.push(await service.checkAnswer(first.callId, 'account-opened-year', '2009'));
  const other = [10, 11, 7, 8, 9].filter((p) => !challenge.includes(p)).slice(0, 2);
  const revealed = await service.reveal(first.callId, other);
  expect(revealed.digits).toEqual(digitsOf(pesel, other));
  states.push(revealed.state);
  states.push(await service.close(first.callId, { kind: 'verified' }));
  // Past the ledger's window, so the positions spoken above may be asked again.
  clock.advance(8 * 86_400_000);
  const second = await service.open(OPEN(ref));
  states.push(second);
  for (let i = 0; i < 2; i++) states.push(await service.checkDigits(second.callId, wrongDigits(pesel, second.challenge!)));
  states.push(await service.close(second.callId, { kind: 'failed', reason: 'challenge-failed' }));
  return states;
}

const withoutPrefix = (keys: Map<string, StoredKey>, prefix: string) => new Map([...keys].map(([key, stored]) => [key.slice(prefix.length), stored.value]));

/**
 * What the store leaves in Redis: every key expires (but a permanent lock), and nothing depends on a digit.
 *
 * @example
 * ```ts
 * describeStoredKeys('redisStore', target);
 * ```
 */
export function describeStoredKeys(name: string, target: RedisTarget): void {
  describe(`${name}: what the store leaves in Redis`, () => {
    it('gives every key a time to live, except the ledger of a customer locked until staff unlock them', async () => {
      const prefix = uniquePrefix('ttl');
      const policy = { consecutiveMax: 2, failures: { max: 10 } };
      const h = serviceOver(target.store(prefix), { policy });
      await playCalls(target.store(prefix), JAN_PESEL, freshRef('ttl'));
      // A customer who fails twice in a row is locked for good (consecutiveMax 2).
      const locked = await h.service.open(OPEN(freshRef('locked')));
      await h.service.checkDigits(locked.callId, wrongDigits(JAN_PESEL, locked.challenge!));
      const second = await h.service.open(OPEN(freshRef('temp')));
      await h.service.checkDigits(locked.callId, wrongDigits(JAN_PESEL, locked.challenge!));
      await h.service.checkDigits(second.callId, wrongDigits(JAN_PESEL, second.challenge!));
      expect((await h.service.resume(locked.callId)).locked).toEqual({ until: null });

      const keys = await storedKeys(await target.ports(), prefix);
      const permanent = [...keys].filter(([, stored]) => stored.pttl === -1).map(([key]) => key);
      expect(permanent).toHaveLength(1);
      expect(permanent[0]).toMatch(/:ledger$/);
      expect(keys.get(permanent[0]!)?.value).toContain('"lockedUntil":-1');
      const { callMs, keepMs } = { callMs: 24 * 3_600_000, keepMs: 90 * 86_400_000 };
      for (const [key, stored] of keys) {
        if (key === permanent[0]) continue;
        expect(stored.pttl, key).toBeGreaterThan(0);
        expect(stored.pttl, key).toBeLessThanOrEqual(key.includes(':call:') ? callMs : keepMs);
      }
      // Three customers' ledgers and their four calls: nothing else was written.
      expect([...keys.keys()].filter((k) => k.endsWith(':ledger'))).toHaveLength(3);
      expect([...keys.keys()].filter((k) => k.includes(':call:'))).toHaveLength(4);
      expect(keys.size).toBe(7);
    });

    it('stores the same bytes for two customers whose PESELs differ only in the digits asked, and never the PESEL', async () => {
      const a = uniquePrefix('diff');
      const b = uniquePrefix('diff');
      const ref = freshRef('diff');
      const statesA = await playCalls(target.store(a), JAN_PESEL, ref);
      const statesB = await playCalls(target.store(b), TWIN_PESEL, ref);
      expect(statesB).toEqual(statesA);
      const ports = await target.ports();
      const keysA = await storedKeys(ports, a);
      const keysB = await storedKeys(ports, b);
      expect(keysA.size).toBe(3);
      expect(withoutPrefix(keysB, b)).toEqual(withoutPrefix(keysA, a));
      for (const [key, stored] of [...keysA, ...keysB]) {
        for (const pesel of [JAN_PESEL, TWIN_PESEL]) {
          expect(key).not.toContain(pesel);
          expect(stored.value).not.toContain(pesel);
          // nor its secret part (digits 7–11) written together
          expect(stored.value).not.toContain(pesel.slice(6));
        }
      }
    });
  });
}
