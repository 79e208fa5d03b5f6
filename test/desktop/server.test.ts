import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp } from '../../examples/verifier-server/app.js';
import { DEMO_CUSTOMERS } from '../../examples/verifier-server/customers.js';
import { connectRedisStore, type RedisConnection } from '../../examples/verifier-server/redis.js';
import { startDemoServer, type DemoServer } from '../../examples/verifier-server/server.js';
import { redisUrl } from '../support/redisEnv.js';
import { buildDesktop } from './build.js';

const TOKEN = 'agent-token-for-tests';
const BACK_OFFICE = 'back-office-token-for-tests';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const OPEN = { customerRef: 'c-4411', script: { id: 'fraud-alert', version: 4 }, agentId: 'agent-17' };

/** The demo server over real HTTP: who may call what, what the desktop is served, and the Redis store. */
describe('the demo verification server', () => {
  let demo: DemoServer;

  beforeAll(async () => {
    const { dir } = await buildDesktop();
    demo = await startDemoServer({ port: 0, desktopDir: dir, token: TOKEN, backOfficeToken: BACK_OFFICE });
  }, 120_000);

  afterAll(async () => {
    await demo?.stop();
  });

  const api = (path: string, init: RequestInit = {}) => fetch(`${demo.origin}/api${path}`, init);
  const open = (token = TOKEN) => api('/calls', { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: JSON.stringify(OPEN) });

  it('listens on 127.0.0.1 only', () => {
    expect(demo.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(demo.url).toBe(`${demo.origin}/#token=${TOKEN}`);
  });

  it('gives the agent the queue — names and references, never a PESEL or an answer', async () => {
    expect((await api('/queue')).status).toBe(401);
    expect((await api('/queue', { headers: bearer('wrong') })).status).toBe(401);
    const response = await api('/queue', { headers: bearer(TOKEN) });
    expect(response.status).toBe(200);
    const text = await response.text();
    const queue = JSON.parse(text) as { agent: { name: string }; customers: { ref: string; name: string }[] };
    expect(queue.agent.name).toBe('Anna Zielińska');
    expect(queue.customers.map((c) => c.ref)).toEqual(DEMO_CUSTOMERS.map((c) => c.ref));
    for (const c of DEMO_CUSTOMERS) {
      expect(text).not.toContain(c.pesel);
      for (const answer of Object.values(c.answers)) expect(text).not.toContain(`"${answer}"`);
    }
  });

  it('lets the agent token run the desktop operations only; status and attestation need the back office', async () => {
    expect((await open('wrong')).status).toBe(401);
    const opened = await open();
    expect(opened.status).toBe(201);
    const { callId } = (await opened.json()) as { callId: string };
    expect((await api(`/calls/${callId}`, { headers: bearer(TOKEN) })).status).toBe(200);
    expect((await api(`/calls/${callId}/status`, { headers: bearer(TOKEN) })).status).toBe(401);
    expect((await api(`/calls/${callId}/status`, { headers: bearer(BACK_OFFICE) })).status).toBe(200);
  });

  it('serves the built desktop with a strict content policy, and nothing outside it', async () => {
    const page = await fetch(`${demo.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('/assets/index.js');
    expect((await fetch(`${demo.origin}/assets/index.js`)).headers.get('content-type')).toMatch(/^text\/javascript/);
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/%2e%2e%2f%2e%2e%2fREADME.md', '/nope.js']) {
      expect((await fetch(`${demo.origin}${path}`)).status, path).toBe(404);
    }
    expect((await fetch(`${demo.origin}/`, { method: 'POST' })).status).toBe(405);
    expect((await api('/unknown', { headers: bearer(TOKEN) })).status).toBe(404);
  });

  it('with REDIS_URL, keeps calls and the ledger in Redis, shared by every server with the same key', async () => {
    const key = `demo-redis-test-${Date.now()}-attestation-key`;
    const connections: RedisConnection[] = [await connectRedisStore(redisUrl()), await connectRedisStore(redisUrl())];
    try {
      const [a, b] = connections.map((c) => createDemoApp({ store: c.store, token: TOKEN, attestationKey: key, desktopDir: null }));
      const call = (app: typeof a, path: string, body?: unknown) =>
        app!.api(new Request(`http://demo/api${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { ...bearer(TOKEN), 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }));
      const first = (await (await call(a, '/calls', OPEN)).json()) as { callId: string; challenge: number[] };
      const wrong = Object.fromEntries(first.challenge.map((p) => [p, String((Number(DEMO_CUSTOMERS[0]!.pesel[p - 1]) + 1) % 10)]));
      const failed = (await (await call(a, `/calls/${first.callId}/digits`, { answers: wrong })).json()) as { failures: { pesel: number } };
      expect(failed.failures.pesel).toBe(1);
      // Another server, another connection: the same call, and a new call is asked the same positions.
      const seen = (await (await call(b, `/calls/${first.callId}`)).json()) as { failures: { pesel: number } };
      expect(seen.failures.pesel).toBe(1);
      const second = (await (await call(b, '/calls', OPEN)).json()) as { challenge: number[]; reissued: boolean };
      expect(second).toMatchObject({ challenge: first.challenge, reissued: true });
    } finally {
      for (const c of connections) await c.quit();
    }
  });
});
