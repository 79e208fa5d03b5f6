/**
 * The verification service over HTTP: every route with good and bad input,
 * driven with real `Request` objects, and the desktop's `httpVerifier` against
 * a real node:http server on 127.0.0.1. Status codes and error codes are the
 * wire contract; no body carries a digit but an allowed reveal.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeListener } from '../../examples/verifier-server/node-adapter.js';
import { httpVerifier } from '../../src/client/index.js';
import { isSafecallError } from '../../src/core/errors.js';
import { memoryStore, verificationHandler, type VerificationService } from '../../src/server/index.js';
import { digitsOf, JAN_PESEL, OPEN, serviceOver, wrongDigits } from './fixtures.js';

const TOKEN = 'agent-token';
const BACK_OFFICE = 'back-office-token';
const DESKTOP_OPERATIONS = new Set(['open', 'resume', 'checkDigits', 'checkAnswer', 'reveal', 'close']);

function handlerFor(service: VerificationService, maxBodyBytes?: number) {
  return verificationHandler(service, {
    authorize: (request, { operation }) => {
      const auth = request.headers.get('authorization');
      return auth === `Bearer ${BACK_OFFICE}` || (auth === `Bearer ${TOKEN}` && DESKTOP_OPERATIONS.has(operation));
    },
    basePath: '/verify',
    ...(maxBodyBytes ? { maxBodyBytes } : {}),
  });
}

const url = (path: string) => `http://bank.example/verify${path}`;
const post = (path: string, body: unknown, token = TOKEN, raw?: string) =>
  new Request(url(path), { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: raw ?? JSON.stringify(body) });
const get = (path: string, token = TOKEN) => new Request(url(path), { headers: { authorization: `Bearer ${token}` } });

async function answer(response: Response): Promise<{ status: number; body: { error?: { code: string; message: string; reason?: string }; [key: string]: unknown } }> {
  return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
}

describe('verificationHandler with real Request objects', () => {
  it('runs a call through every desktop route, and back ends read status and attestation', async () => {
    const h = serviceOver(memoryStore());
    const handle = handlerFor(h.service);
    const opened = await answer(await handle(post('/calls', OPEN('cust-http-1'))));
    expect(opened.status).toBe(201);
    const callId = String(opened.body['callId']);
    const challenge = opened.body['challenge'] as number[];
    expect((await answer(await handle(get(`/calls/${callId}`)))).body['challenge']).toEqual(challenge);
    const checked = await answer(await handle(post(`/calls/${callId}/digits`, { answers: digitsOf(JAN_PESEL, challenge) })));
    expect(checked.status).toBe(200);
    expect(checked.body['passed']).toEqual({ pesel: true, questions: [] });
    const other = [7, 8, 9, 10, 11].filter((p) => !challenge.includes(p));
    const revealed = await answer(await handle(post(`/calls/${callId}/reveal`, { positions: other })));
    expect(revealed.body['digits']).toEqual(Object.fromEntries(other.map((p) => [String(p), JAN_PESEL.charAt(p - 1)])));
    expect((await answer(await handle(post(`/calls/${callId}/answer`, { questionId: 'account-opened-year', value: '2009' })))).status).toBe(200);
    expect((await answer(await handle(post(`/calls/${callId}/close`, { outcome: { kind: 'verified' } })))).body['outcome']).toEqual({ kind: 'verified' });
    // Desktops may not ask for status or an attestation; the back office may.
    expect((await answer(await handle(get(`/calls/${callId}/status`)))).status).toBe(401);
    const status = await answer(await handle(get(`/calls/${callId}/status`, BACK_OFFICE)));
    expect(status.body['outcome']).toEqual({ kind: 'verified' });
    const attestation = await answer(await handle(get(`/calls/${callId}/attestation`, BACK_OFFICE)));
    expect(typeof attestation.body['token']).toBe('string');
  });

  it.each([
    ['bad JSON', () => post('/calls', undefined, TOKEN, '{"customerRef": '), 400, 'INVALID_ARGUMENT'],
    ['not JSON at all', () => new Request(url('/calls'), { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' }, body: 'hello' }), 400, 'INVALID_ARGUMENT'],
    ['wrong types', () => post('/calls', { customerRef: 7, script: { id: 'server-test', version: '1' }, agentId: 'a' }), 400, 'INVALID_ARGUMENT'],
    ['unknown fields', () => post('/calls', { ...OPEN('x'), extra: true }), 400, 'INVALID_ARGUMENT'],
    ['an unknown script version', () => post('/calls', { ...OPEN('x'), script: { id: 'server-test', version: 9 } }), 400, 'UNKNOWN_SCRIPT'],
    ['no token', () => new Request(url('/calls'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(OPEN('x')) }), 401, 'UNAUTHORIZED'],
    ['a wrong token', () => post('/calls', OPEN('x'), 'nope'), 401, 'UNAUTHORIZED'],
    ['an unknown call', () => get('/calls/AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA'), 404, 'CALL_NOT_FOUND'],
    ['a malformed call id', () => get('/calls/..%2F..%2Fetc'), 404, 'CALL_NOT_FOUND'],
    ['an unknown route', () => get('/nothing'), 404, 'NOT_FOUND'],
    ['the wrong method', () => get('/calls'), 405, 'METHOD_NOT_ALLOWED'],
  ] as const)('answers %s with the right status and code', async (_name, request, status, code) => {
    const handle = handlerFor(serviceOver(memoryStore()).service);
    const response = await answer(await handle(request()));
    expect(response.status).toBe(status);
    expect(response.body.error?.code).toBe(code);
  });

  it('refuses a body over the limit with 413, whether or not it declares its length', async () => {
    const handle = handlerFor(serviceOver(memoryStore()).service, 1024);
    const big = JSON.stringify({ ...OPEN('x'), agentId: 'a'.repeat(2000) });
    expect((await answer(await handle(post('/calls', undefined, TOKEN, big)))).body.error?.code).toBe('PAYLOAD_TOO_LARGE');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = new Request(url('/calls'), { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    const response = await handle(chunked);
    expect(response.status).toBe(413);
  });

  it('refuses a forbidden reveal with 409 and its reason, a reveal before the pass too', async () => {
    const h = serviceOver(memoryStore());
    const handle = handlerFor(h.service);
    const opened = await answer(await handle(post('/calls', OPEN('cust-http-2'))));
    const callId = String(opened.body['callId']);
    const challenge = opened.body['challenge'] as number[];
    const early = await answer(await handle(post(`/calls/${callId}/reveal`, { positions: [11] })));
    expect([early.status, early.body.error?.code]).toEqual([409, 'REVEAL_REFUSED']);
    await handle(post(`/calls/${callId}/digits`, { answers: digitsOf(JAN_PESEL, challenge) }));
    const said = await answer(await handle(post(`/calls/${callId}/reveal`, { positions: [challenge[0]] })));
    expect([said.status, said.body.error?.code, said.body.error?.reason]).toEqual([409, 'REVEAL_REFUSED', 'said']);
    const birth = await answer(await handle(post(`/calls/${callId}/reveal`, { positions: [2] })));
    expect(birth.body.error?.reason).toBe('birth-date');
    expect(JSON.stringify([early.body, said.body, birth.body])).not.toMatch(/[0-9]{3}/);
  });

  it('answers a locked customer with 423 and the state, having evaluated nothing', async () => {
    const h = serviceOver(memoryStore());
    const handle = handlerFor(h.service);
    for (let i = 0; i < 2; i++) {
      const opened = await answer(await handle(post('/calls', OPEN('cust-http-3'))));
      const challenge = opened.body['challenge'] as number[];
      const id = String(opened.body['callId']);
      await handle(post(`/calls/${id}/digits`, { answers: wrongDigits(JAN_PESEL, challenge) }));
      if (i === 0) await handle(post(`/calls/${id}/digits`, { answers: wrongDigits(JAN_PESEL, challenge) }));
    }
    const opened = await answer(await handle(post('/calls', OPEN('cust-http-3'))));
    const before = h.lookups();
    const locked = await answer(await handle(post(`/calls/${String(opened.body['callId'])}/digits`, { answers: digitsOf(JAN_PESEL, opened.body['challenge'] as number[]) })));
    expect(locked.status).toBe(423);
    expect(locked.body.error?.code).toBe('CUSTOMER_LOCKED');
    expect(locked.body['state']).toMatchObject({ locked: expect.any(Object) });
    expect(h.lookups()).toBe(before);
  });

  it('fails closed on a broken customer directory: 503, retryable, nothing of the error in the body', async () => {
    const h = serviceOver(memoryStore(), {
      customers: {
        pesel: () => {
          throw new TypeError(`connection to crm failed for ${JAN_PESEL}`);
        },
      },
    });
    const handle = handlerFor(h.service);
    const opened = await answer(await handle(post('/calls', OPEN('cust-http-4'))));
    const response = await handle(post(`/calls/${String(opened.body['callId'])}/digits`, { answers: digitsOf(JAN_PESEL, opened.body['challenge'] as number[]) }));
    const text = await response.text();
    expect(response.status).toBe(503);
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'STORE_UNAVAILABLE', retryable: true } });
    expect(text).not.toContain(JAN_PESEL);
    expect(text).not.toContain('crm');
  });

  it('will not mount anything but a service made by createVerificationService', () => {
    const service = serviceOver(memoryStore()).service;
    expect(() => verificationHandler({ ...service }, { authorize: () => true })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => verificationHandler(service, { authorize: () => true, maxBodyBytes: Number.NaN })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('httpVerifier against a real node:http server on 127.0.0.1', () => {
  let server: Server;
  let base: string;
  let up = true;
  const h = serviceOver(memoryStore());
  const handle = handlerFor(h.service);

  beforeAll(async () => {
    server = createServer(nodeListener(async (request) => (up ? handle(request) : new Response('{"error":{"code":"INTERNAL"}}', { status: 502 }))));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/verify`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('plays a call over the wire, with the codes of the service', async () => {
    const verifier = httpVerifier(base, { headers: () => ({ authorization: `Bearer ${TOKEN}` }) });
    const state = await verifier.open(OPEN('cust-wire'));
    const wrong = await verifier.checkDigits(state.callId, wrongDigits(JAN_PESEL, state.challenge!));
    expect(wrong.attemptsLeft).toBe(1);
    const passed = await verifier.checkDigits(state.callId, digitsOf(JAN_PESEL, state.challenge!));
    expect(passed.passed.pesel).toBe(true);
    const other = [7, 8, 9, 10, 11].filter((p) => !state.challenge!.includes(p));
    const { digits } = await verifier.reveal(state.callId, [other[0]!]);
    expect(digits).toEqual({ [other[0]!]: JAN_PESEL.charAt(other[0]! - 1) });
    const refused = await verifier.reveal(state.callId, [state.challenge![0]!]).catch((error: unknown) => error);
    expect(isSafecallError(refused, 'REVEAL_REFUSED') && refused.reason).toBe('said');
    await expect(verifier.close(state.callId, { kind: 'verified' })).rejects.toMatchObject({ code: 'VERIFICATION_REFUSED' });
    await expect(verifier.resume('AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA')).rejects.toMatchObject({ code: 'CALL_NOT_FOUND' });
  });

  it('turns a server error, a refused token and an unreachable server into the right errors', async () => {
    await expect(httpVerifier(base).open(OPEN('x'))).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    up = false;
    await expect(httpVerifier(base, { headers: { authorization: `Bearer ${TOKEN}` } }).open(OPEN('x'))).rejects.toMatchObject({ code: 'VERIFIER_UNAVAILABLE', retryable: true });
    up = true;
    await expect(httpVerifier('http://127.0.0.1:1/verify').open(OPEN('x'))).rejects.toMatchObject({ code: 'VERIFIER_UNAVAILABLE', retryable: true });
  });

  it('refuses a malformed answer from a server it does not trust', async () => {
    const liar = httpVerifier(base, { fetch: async () => new Response(JSON.stringify({ callId: 'x', challenge: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }), { status: 200 }) });
    await expect(liar.open(OPEN('x'))).rejects.toMatchObject({ code: 'VERIFIER_UNAVAILABLE' });
  });
});
