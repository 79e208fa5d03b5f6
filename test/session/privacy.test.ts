import { describe, expect, it } from 'vitest';
import { httpVerifier, type CallSession, type PromptStep, type Verifier } from 'safecall-pl';
import { verificationHandler } from 'safecall-pl/server';
import { answer, confirmUntil, createService, fraudAlert, giveDigits, JAN, JAN_PESEL, reload, say, startCall, TWIN_PESEL, wrongPesel, type Call } from './helpers.js';

/*
 * DESIGN §4 rule 1, checked differentially: two customers born the same day
 * (digits 1–6 equal, 7–11 different), different expected answers, the same
 * seeds, clock and pattern of answers. If a digit or an answer leaked into an
 * audit event, a snapshot, a CallState, a prompt or an HTTP response, the two
 * runs would differ. The only allowed difference: the digits the agent reads
 * out on the reveal step (and the line that says them).
 */

const ANSWERS = {
  jan: { 'account-opened-year': '2009', 'home-city': 'Kraków' },
  twin: { 'account-opened-year': '1998', 'home-city': 'Gdańsk' },
};
const WRONG_ANSWER = { jan: '2011', twin: '1996' };

interface Trace {
  audit: unknown[];
  snapshots: string[];
  states: string[];
  prompts: unknown[];
  http: { route: string; status: number; body: unknown }[];
  revealed: PromptStep['revealed'][];
}

/** Records every CallState the port returns. */
function recording(verifier: Verifier, states: string[]): Verifier {
  const record = <T>(value: T): T => {
    states.push(JSON.stringify(value));
    return value;
  };
  return {
    open: async (request) => record(await verifier.open(request)),
    resume: async (callId) => record(await verifier.resume(callId)),
    checkDigits: async (callId, answers) => record(await verifier.checkDigits(callId, answers)),
    checkAnswer: async (callId, questionId, value) => record(await verifier.checkAnswer(callId, questionId, value)),
    reveal: async (callId, positions) => {
      const result = await verifier.reveal(callId, positions);
      record(result.state);
      return result;
    },
    close: async (callId, outcome) => record(await verifier.close(callId, outcome)),
  };
}

/** The prompt as compared: the reveal's digits (and the line reading them) left out. */
function comparable(prompt: PromptStep): unknown {
  if (prompt.step !== 'reveal') return prompt;
  const { revealed: _digits, say: _line, ...rest } = prompt;
  return rest;
}

async function run(who: 'jan' | 'twin', transport: 'in-process' | 'http'): Promise<Trace> {
  const pesel = who === 'jan' ? JAN_PESEL : TWIN_PESEL;
  const trace: Trace = { audit: [], snapshots: [], states: [], prompts: [], http: [], revealed: [] };
  // The same customer reference in both runs: the service's ids and tags are then the same too.
  const server = createService([fraudAlert], { pesels: { [JAN]: pesel }, answers: ANSWERS[who] });
  const handler = verificationHandler(server.service, { authorize: () => true, basePath: '/verify' });
  const verifier = (service: Verifier) =>
    recording(
      transport === 'in-process'
        ? service
        : httpVerifier('http://safecall.test/verify', {
            fetch: async (input, init) => {
              const request = new Request(input, init);
              const response = await handler(request);
              const route = `${request.method} ${new URL(request.url).pathname.replace('/verify', '').replace(/\/calls\/[^/]+/, '/calls/:id')}`;
              trace.http.push({ route, status: response.status, body: await response.clone().json() });
              return response;
            },
          }),
      trace.states,
    );
  const calls: Call[] = [startCall(fraudAlert, { server, verifier })];
  const current = () => calls.at(-1)!;
  const step = async (turn: (s: CallSession) => Promise<unknown> | unknown) => {
    await turn(current().session);
    const { session } = current();
    await session.settled();
    trace.snapshots.push(JSON.stringify(session.snapshot()));
    trace.prompts.push(comparable(session.prompt));
    if (session.prompt.revealed) trace.revealed.push(session.prompt.revealed);
  };
  await step(() => undefined);
  await step((s) => confirmUntil(s, 'safe-place'));
  await step((s) => say(s, { type: 'HOLD' }));
  await step((s) => say(s, { type: 'RESUME' }));
  await step((s) => confirmUntil(s, 'consent'));
  await step((s) => say(s, { type: 'CONFIRM' }));
  // A wrong attempt first (wrong in both runs, differently), a reload, then the right digits.
  await step((s) => giveDigits(s, wrongPesel(pesel)));
  await step((s) => s.send({ type: 'ANSWER_DIGIT', position: 5, digit: pesel[4]! }));
  calls.push(await reload(current(), current().session.snapshot(), { verifier }));
  await step((s) => giveDigits(s, pesel));
  await step((s) => say(s, { type: 'CUSTOMER_ASKS_DIGITS', positions: [9, 10, 11] }));
  await step((s) => say(s, { type: 'CONFIRM' }));
  await step((s) => answer(s, WRONG_ANSWER[who]));
  await step((s) => answer(s, ANSWERS[who]['account-opened-year']));
  await step((s) => answer(s, ANSWERS[who]['home-city']));
  const { session } = current();
  expect(session.outcome).toEqual({ kind: 'verified' });
  trace.audit = calls.flatMap((call) => call.audit);
  for (const call of calls) for (const notice of call.notices) if (notice.type === 'prompt') trace.prompts.push(comparable(notice.prompt));
  const status = await server.service.status(session.callId!);
  trace.states.push(JSON.stringify(status));
  return trace;
}

describe('no digit or answer leaks (two customers with the same birth date)', () => {
  it('the PESELs share digits 1–6 and differ in every one of 7–11', () => {
    expect(JAN_PESEL.slice(0, 6)).toBe(TWIN_PESEL.slice(0, 6));
    for (let i = 6; i < 11; i++) expect(JAN_PESEL[i]).not.toBe(TWIN_PESEL[i]);
  });

  it('in-process: every audit event, snapshot, CallState and prompt is identical but the reveal\'s digits', async () => {
    const jan = await run('jan', 'in-process');
    const twin = await run('twin', 'in-process');
    expect(twin.audit).toEqual(jan.audit);
    expect(twin.snapshots).toEqual(jan.snapshots);
    expect(twin.states).toEqual(jan.states);
    expect(twin.prompts).toEqual(jan.prompts);
    // The comparison covered the whole call…
    expect(jan.audit.length).toBeGreaterThan(30);
    expect(jan.states.length).toBeGreaterThan(6);
    // …and the one place digits are allowed did differ: the agent reads the customer's own digits.
    expect(jan.revealed).toEqual([[{ position: 10, digit: '3' }, { position: 11, digit: '4' }]]);
    expect(twin.revealed).toEqual([[{ position: 10, digit: TWIN_PESEL[9] }, { position: 11, digit: TWIN_PESEL[10] }]]);
  });

  it('over HTTP (verificationHandler with real Request objects, httpVerifier): every response body is identical but the reveal\'s digits', async () => {
    const jan = await run('jan', 'http');
    const twin = await run('twin', 'http');
    const routes = jan.http.map((entry) => entry.route);
    expect(routes).toEqual(expect.arrayContaining(['POST /calls', 'POST /calls/:id/digits', 'GET /calls/:id', 'POST /calls/:id/reveal', 'POST /calls/:id/answer', 'POST /calls/:id/close']));
    expect(twin.http.map((entry) => entry.route)).toEqual(routes);
    const withoutDigits = (entries: Trace['http']) =>
      entries.map((entry) => {
        if (entry.route !== 'POST /calls/:id/reveal') return entry;
        const { digits, ...rest } = entry.body as { digits: Record<string, string> };
        expect(Object.keys(digits).sort()).toEqual(['10', '11']);
        return { ...entry, body: rest };
      });
    expect(withoutDigits(twin.http)).toEqual(withoutDigits(jan.http));
    const reveal = (entries: Trace['http']) => (entries.find((entry) => entry.route === 'POST /calls/:id/reveal')!.body as { digits: unknown }).digits;
    expect(reveal(jan.http)).toEqual({ 10: '3', 11: '4' });
    expect(reveal(twin.http)).toEqual({ 10: TWIN_PESEL[9], 11: TWIN_PESEL[10] });
    // The desktop's side of it is as identical as in-process.
    expect(twin.audit).toEqual(jan.audit);
    expect(twin.snapshots).toEqual(jan.snapshots);
    expect(twin.states).toEqual(jan.states);
    expect(twin.prompts).toEqual(jan.prompts);
  });

  it('no snapshot, audit event or CallState holds a digit of 7–11, an answer or the name', async () => {
    const jan = await run('jan', 'in-process');
    const everything = JSON.stringify([jan.audit, jan.snapshots, jan.states]);
    for (const secret of ['Kraków', '2009', '2011', 'Kowalski', JAN_PESEL, JAN_PESEL.slice(6)]) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/"digit"/);
  });
});
