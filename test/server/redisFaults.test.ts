/**
 * Redis failing under the service: each test runs its own redis-server (the
 * process is what is killed), with an append-only file fsynced on every
 * write, as a production Redis that must not forget attempts would be.
 * While Redis is down every operation fails closed with a retryable
 * STORE_UNAVAILABLE and evaluates nothing; after a restart the call goes on
 * where it was; after a restart that lost the data, calls the store no
 * longer knows are refused (CALL_NOT_FOUND), never given fresh attempts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { isSafecallError } from '../../src/core/errors.js';
import { redisStore, type VerificationService } from '../../src/server/index.js';
import { closeRedisConnections, connectClient, redisUrl } from '../support/redisEnv.js';
import { startRedisServer } from '../support/redisServer.js';
import { digitsOf, JAN_PESEL, OPEN, serviceOver, wrongDigits } from './fixtures.js';

afterAll(closeRedisConnections);
// Real processes on a shared machine: bound by generous polls, not by the 20 s default.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A dedicated, persistent redis-server and a service on it, with the fail-fast client options the README recommends. */
async function dedicated() {
  redisUrl(); // fails the test with the reason when redis-server is missing
  const root = mkdtempSync(join(tmpdir(), 'safecall-fault-'));
  const server = await startRedisServer({ dir: join(root, 'data'), persist: true });
  cleanups.push(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });
  const client = await connectClient(server.url, { disableOfflineQueue: true, socket: { reconnectStrategy: 50 } });
  const harness = serviceOver(redisStore(client, { prefix: 'fault:' }));
  return { root, server, client, ...harness };
}

/** Every operation of the port on `callId` (and an open), settled. */
async function everyOperation(service: VerificationService, callId: string, challenge: number[]) {
  return Promise.allSettled([
    service.resume(callId),
    service.checkDigits(callId, digitsOf(JAN_PESEL, challenge)),
    service.checkAnswer(callId, 'account-opened-year', '2009'),
    service.reveal(callId, [10]),
    service.close(callId, { kind: 'verified' }),
    service.status(callId),
    service.attestation(callId),
    service.open(OPEN(`cust-fault-other-${process.pid}`)),
  ]);
}

const codeOf = (result: PromiseSettledResult<unknown>) => (result.status === 'rejected' && isSafecallError(result.reason) ? result.reason.code : result.status);

/** Polls `attempt` until it stops failing with STORE_UNAVAILABLE (Redis back, client reconnected); generous bound. */
async function whenStoreAnswers<T>(attempt: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isSafecallError(error) || error.code !== 'STORE_UNAVAILABLE' || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

describe('redisStore when Redis fails', () => {
  it('killed in the middle of a call: every operation fails closed and retryable, nothing is evaluated; restarted, the call completes', async () => {
    const { server, service, lookups } = await dedicated();
    const opened = await service.open(OPEN(`cust-fault-${process.pid}`));
    const challenge = opened.challenge!;
    const failed = await service.checkDigits(opened.callId, wrongDigits(JAN_PESEL, challenge));
    expect(failed.attemptsLeft).toBe(1);
    const lookupsBefore = lookups();

    await server.kill('SIGKILL');
    const down = await everyOperation(service, opened.callId, challenge);
    expect(down.map(codeOf)).toEqual(Array(down.length).fill('STORE_UNAVAILABLE'));
    for (const result of down) if (result.status === 'rejected') expect(result.reason.retryable).toBe(true);
    expect(lookups()).toBe(lookupsBefore);

    await server.restart();
    const resumed = await whenStoreAnswers(() => service.resume(opened.callId));
    expect(resumed).toEqual(failed);
    const passed = await service.checkDigits(opened.callId, digitsOf(JAN_PESEL, challenge));
    expect(passed.passed.pesel).toBe(true);
    await service.checkAnswer(opened.callId, 'account-opened-year', '2009');
    const other = [10, 11, 7, 8, 9].find((p) => !challenge.includes(p))!;
    const { digits } = await service.reveal(opened.callId, [other]);
    expect(digits).toEqual(digitsOf(JAN_PESEL, [other]));
    expect((await service.close(opened.callId, { kind: 'verified' })).outcome).toEqual({ kind: 'verified' });
    expect((await service.status(opened.callId)).outcome).toEqual({ kind: 'verified' });
  });

  it('killed while checks are in flight: each either ran whole or failed closed, and no attempt was evaluated uncounted', async () => {
    const { server, client, service, lookups } = await dedicated();
    const ref = `cust-inflight-${process.pid}`;
    const calls = await Promise.all(Array.from({ length: 4 }, () => service.open(OPEN(ref))));
    const inflight = Array.from({ length: 20 }, (_, i) => {
      const call = calls[i % calls.length]!;
      return service.checkDigits(call.callId, wrongDigits(JAN_PESEL, call.challenge!));
    });
    // Kill once the first check has come back, while the others are on their way.
    await Promise.race(inflight.map((check) => check.catch(() => undefined)));
    await server.kill('SIGKILL');
    const results = await Promise.allSettled(inflight);
    for (const result of results) {
      if (result.status === 'rejected') expect(['STORE_UNAVAILABLE', 'STEP_NOT_ALLOWED']).toContain(result.reason.code);
      else expect(result.value.passed.pesel).toBe(false);
    }
    await server.restart();
    await whenStoreAnswers(() => service.resume(calls[0]!.callId));
    // Counted before evaluated: the failures the store kept cover every lookup made.
    const store = redisStore(client, { prefix: 'fault:' });
    const tag = calls[0]!.callId.split('.')[0]!;
    let counted = 0;
    for (const call of calls) counted += (await store.read(tag, call.callId))?.call.failures['pesel'] ?? 0;
    expect(lookups()).toBeGreaterThan(0);
    expect(lookups()).toBeLessThanOrEqual(counted);
    expect((await store.ledger(tag)).failures.length).toBeGreaterThanOrEqual(lookups());
  });

  it('restarted empty (data lost): calls it no longer knows are refused, not given fresh attempts', async () => {
    const { root, server, service, lookups } = await dedicated();
    const opened = await service.open(OPEN(`cust-lost-${process.pid}`));
    await service.checkDigits(opened.callId, wrongDigits(JAN_PESEL, opened.challenge!));
    const lookupsBefore = lookups();

    await server.kill('SIGKILL');
    await server.restart({ dir: join(root, 'empty') });
    const gone = await whenStoreAnswers(() => service.resume(opened.callId).catch((error: unknown) => (isSafecallError(error) && error.code === 'CALL_NOT_FOUND' ? error : Promise.reject(error))));
    expect(gone).toMatchObject({ code: 'CALL_NOT_FOUND' });
    const after = await everyOperation(service, opened.callId, opened.challenge!);
    // The open of another customer's call works (the store is up); nothing of the lost call does.
    expect(after.map(codeOf)).toEqual(['CALL_NOT_FOUND', 'CALL_NOT_FOUND', 'CALL_NOT_FOUND', 'CALL_NOT_FOUND', 'CALL_NOT_FOUND', 'CALL_NOT_FOUND', 'CALL_NOT_FOUND', 'fulfilled']);
    expect(lookups()).toBe(lookupsBefore);
  });

  it('a closed client: STORE_UNAVAILABLE, retryable', async () => {
    const { client, service } = await dedicated();
    const opened = await service.open(OPEN(`cust-closed-${process.pid}`));
    client.destroy();
    const results = await everyOperation(service, opened.callId, opened.challenge!);
    expect(results.map(codeOf)).toEqual(Array(results.length).fill('STORE_UNAVAILABLE'));
  });
});
