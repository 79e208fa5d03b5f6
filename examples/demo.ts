/**
 * `npm run demo`: the fraud-alert call of the source article, played in the
 * terminal — the agent desktop's loop (render `session.prompt`, send what the
 * customer said) against the verification service behind HTTP on 127.0.0.1.
 * The desktop never holds the PESEL: the service issues the challenge, checks
 * the digits, decides the reveal and attests the outcome.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { createCallSession, defineScript, httpVerifier, type AuditEvent, type CallSession, type SessionEventInput } from 'safecall-pl';
import { callbackPlanner } from 'safecall-pl/callback';
import { createVerificationService, verificationHandler, verifyAttestation } from 'safecall-pl/server';
import { fixedClock, seededRandom } from 'safecall-pl/testing';
import { nodeListener } from './verifier-server/node-adapter.js';

const tty = process.stdout.isTTY;
const paint = (code: string, text: string) => (tty ? `\x1b[${code}m${text}\x1b[0m` : text);
const agent = (text: string) => console.log(`${paint('1;36', 'Konsultantka:')} ${text}`);
const customer = (text: string) => console.log(`${paint('1;33', '      Klient:')} ${text}`);
const note = (text: string) => console.log(paint('2', `               ↳ ${text}`));

const script = defineScript(JSON.parse(readFileSync(new URL('./scripts/fraud-alert.json', import.meta.url), 'utf8')));

// ── The server: the only place that knows the PESEL and the answers. ──
const KEY = 'demo-attestation-key-change-me-0123456789';
const TOKEN = 'demo-agent-token';
const customers: Record<string, { pesel: string; answers: Record<string, string> }> = {
  'cust-4411': { pesel: '85031583834', answers: { 'account-opened-year': '2009', 'home-city': 'Kraków' } },
};
const service = createVerificationService({
  scripts: [script],
  attestationKey: KEY,
  customers: { pesel: (ref) => customers[ref]?.pesel, answer: (ref, id) => customers[ref]?.answers[id] },
  // Seeded only so the demo asks the article's digits (5, 8, 9); production leaves this out (Web Crypto).
  random: seededRandom(7),
});
const handle = verificationHandler(service, { authorize: (request) => request.headers.get('authorization') === `Bearer ${TOKEN}` });
const server = createServer(nodeListener(handle));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// ── The desktop: renders prompts, relays what the customer said. ──
const verifier = httpVerifier(url, { headers: { authorization: `Bearer ${TOKEN}` } });
const audit: AuditEvent[] = [];

function start(): CallSession {
  const session = createCallSession(script, {
    agent: { name: 'Anna Zielińska', id: 'agent-17', form: 'pani' },
    customer: { name: 'Jan Kowalski', ref: 'cust-4411', form: 'pan' },
    verifier,
    callbacks: callbackPlanner(),
    // Monday 23 November 2026, 14:00 in Warsaw.
    clock: fixedClock('2026-11-23T13:00:00Z'),
    audit: (event) => void audit.push(event),
  });
  session.subscribe((notice) => {
    if (notice.type === 'recording') note(`nagrywanie ${notice.recording === 'pause' ? 'WSTRZYMANE (padną cyfry)' : 'wznowione'}`);
  });
  return session;
}

/** One turn of the desktop loop: show the prompt, record the customer's answer, wait for the service. */
async function turn(session: CallSession, says: string, event: SessionEventInput): Promise<void> {
  const prompt = session.prompt;
  agent(prompt.say);
  if (prompt.revealed) note(`ekran pokazuje tylko: ${prompt.revealed.map((r) => `${r.position}. = ${r.digit}`).join(', ')}`);
  customer(says);
  session.send(event);
  if (session.pending) note('weryfikacja po stronie serwera…');
  await session.settled();
}

console.log(paint('1', `\n=== ${script.title} (v${script.version}) ===\n`));
const call = start();
await turn(call, 'Tak, to ja.', { type: 'CONFIRM' });
await turn(call, 'Jakie to transakcje?', { type: 'CONFIRM' });
await turn(call, 'Tak, wyświetla się „Bank-kredyty”.', { type: 'CONFIRM' });
await turn(call, 'Proszę chwilę poczekać, przejdę na bok…', { type: 'HOLD' });
await turn(call, '…już jestem.', { type: 'RESUME' });
await turn(call, 'Tak, teraz nikt nie słyszy.', { type: 'CONFIRM' });
await turn(call, 'Tak, proszę.', { type: 'CONFIRM' });
const pesel = '85031583834'; // the customer's own knowledge, in the demo only
while (call.prompt.input?.kind === 'digit') {
  const { position } = call.prompt.input;
  await turn(call, `„${pesel[position - 1]}”`, { type: 'ANSWER_DIGIT', position, digit: pesel[position - 1]!, via: 'voice' });
}
// The article's customer asks for "the last three digits" — but said the 9th a moment ago.
await turn(call, 'A teraz proszę mi podać trzy ostatnie cyfry mojego PESEL-u.', { type: 'CUSTOMER_ASKS_DIGITS', positions: [9, 10, 11] });
await turn(call, 'Zgadza się.', { type: 'CONFIRM' });
await turn(call, 'W 2009.', { type: 'ANSWER', questionId: 'account-opened-year', value: '2009' });
await turn(call, 'W Krakowie.', { type: 'ANSWER', questionId: 'home-city', value: 'Kraków' });
agent(call.prompt.say);
console.log(paint('1;32', `\nWynik na pulpicie: ${JSON.stringify(call.outcome)}`));
const attestation = await verifyAttestation(await service.attestation(call.callId!), KEY);
console.log(paint('1;32', `Poświadczenie serwera: ${attestation.outcome.kind} (${attestation.at})`));

console.log(paint('1', '\n=== Ten sam klient, inna rozmowa: nie jest w bezpiecznym miejscu ===\n'));
const later = start();
await turn(later, 'Tak.', { type: 'CONFIRM' });
await turn(later, 'Dobrze.', { type: 'CONFIRM' });
await turn(later, 'Tak, zgadza się.', { type: 'CONFIRM' });
await turn(later, 'Nie, stoję w kolejce w sklepie.', { type: 'DENY' });
await turn(later, 'Proszę zadzwonić za 15 minut.', { type: 'REQUEST_CALLBACK', inMinutes: 15 });
agent(later.prompt.say);
console.log(paint('1;32', `\nWynik: ${JSON.stringify(later.outcome)}`));

const kinds = new Map<string, number>();
for (const e of audit) kinds.set(e.type, (kinds.get(e.type) ?? 0) + 1);
console.log(paint('2', `\nŚlad audytowy: ${audit.length} zdarzeń (${[...kinds].map(([k, n]) => `${k}×${n}`).join(', ')}) — bez żadnej cyfry PESEL ani odpowiedzi.`));
server.close();
