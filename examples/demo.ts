/**
 * `npm run demo`: the fraud-alert call of the source article, played in the
 * terminal. The agent desktop loop is the one from the README: render
 * `session.prompt`, send what the customer said. The verifier runs behind
 * HTTP, so the "desktop" never holds the PESEL.
 */
import { readFileSync } from 'node:fs';
import { createCallSession, defineScript, type AuditEvent, type CallSession, type SessionEventInput } from '../src/index.js';
import { fixedClock, seededRandom } from '../src/testing/index.js';
import { httpVerifier, startVerifierServer } from './verifier-server.js';

const tty = process.stdout.isTTY;
const paint = (code: string, text: string) => (tty ? `\x1b[${code}m${text}\x1b[0m` : text);
const agent = (text: string) => console.log(`${paint('1;36', 'Konsultant:')} ${text}`);
const customer = (text: string) => console.log(`${paint('1;33', '   Klient:')} ${text}`);
const note = (text: string) => console.log(paint('2', `             ↳ ${text}`));

const script = defineScript(JSON.parse(readFileSync(new URL('./scripts/fraud-alert.json', import.meta.url), 'utf8')));
const { url, server } = await startVerifierServer();
const verifier = httpVerifier(url);
const audit: AuditEvent[] = [];

function start(seed: number): CallSession {
  const session = createCallSession(script, {
    agent: { name: 'Anna Zielińska', id: 'agent-17' },
    customer: { name: 'Jan Kowalski', ref: 'cust-4411', form: 'pan' },
    verifier,
    // Monday 23 November 2026, 14:00 in Warsaw; a fixed seed so the demo asks the article's digits.
    clock: fixedClock('2026-11-23T13:00:00Z'),
    random: seededRandom(seed),
    audit: (event) => void audit.push(event),
    id: `demo-${seed}`,
  });
  session.subscribe((notice) => {
    if (notice.type === 'recording') note(`nagrywanie: ${notice.recording === 'pause' ? 'WSTRZYMANE (padną cyfry)' : 'wznowione'}`);
  });
  return session;
}

/** One turn of the desktop loop: show the prompt, record the customer's answer. */
async function turn(session: CallSession, says: string, event: SessionEventInput): Promise<void> {
  const prompt = session.prompt;
  agent(prompt.say);
  if (prompt.revealed) note(`ekran pokazuje tylko: ${prompt.revealed.map((r) => `${r.position}. = ${r.digit}`).join(', ')}`);
  customer(says);
  session.send(event);
  if (session.pending) note(session.prompt.say + ' (weryfikacja na serwerze)');
  await session.settled();
}

console.log(paint('1', `\n=== ${script.title} (v${script.version}) ===\n`));
const call = start(7);
await turn(call, 'Dzień dobry, słucham.', { type: 'CONFIRM' });
await turn(call, 'Tak, to ja.', { type: 'CONFIRM' });
await turn(call, 'Tak, wyświetla się „Bank-kredyty”.', { type: 'CONFIRM' });
await turn(call, 'Proszę chwilę poczekać, odejdę na bok…', { type: 'HOLD' });
await turn(call, '…już jestem, tu nikt nie słyszy.', { type: 'RESUME' });
await turn(call, 'Tak, jest bezpiecznie.', { type: 'CONFIRM' });
const pesel = '85031583834'; // the customer's own knowledge, in the demo only
while (call.prompt.input?.kind === 'digit') {
  const { position } = call.prompt.input;
  await turn(call, `„${pesel[position - 1]}”`, { type: 'ANSWER_DIGIT', position, digit: pesel[position - 1]!, via: 'voice' });
}
// The article's customer asks for "the last three digits" — but said the 9th a moment ago.
await turn(call, 'A teraz proszę mi podać trzy ostatnie cyfry mojego PESEL-u.', { type: 'CUSTOMER_ASKS_DIGITS', positions: [9, 10, 11] });
await turn(call, 'Zgadza się.', { type: 'CONFIRM' });
await turn(call, '1250 złotych.', { type: 'ANSWER', questionId: 'last-transfer-amount', value: '1250' });
await turn(call, 'W 2009.', { type: 'ANSWER', questionId: 'account-opened-year', value: '2009' });
agent(call.prompt.say);
console.log(paint('1;32', `\nWynik: ${JSON.stringify(call.outcome)}`));

console.log(paint('1', '\n=== Ta sama rozmowa, klient nie jest w bezpiecznym miejscu ===\n'));
const later = start(8);
await turn(later, 'Słucham.', { type: 'CONFIRM' });
await turn(later, 'Tak.', { type: 'CONFIRM' });
await turn(later, 'Tak, zgadza się.', { type: 'CONFIRM' });
await turn(later, 'Nie, jestem w sklepie, w kolejce.', { type: 'DENY' });
await turn(later, 'Proszę zadzwonić za 15 minut.', { type: 'REQUEST_CALLBACK', inMinutes: 15 });
agent(later.prompt.say);
console.log(paint('1;32', `\nWynik: ${JSON.stringify(later.outcome)}`));

const kinds = new Map<string, number>();
for (const e of audit) kinds.set(e.type, (kinds.get(e.type) ?? 0) + 1);
console.log(paint('2', `\nŚlad audytowy: ${audit.length} zdarzeń (${[...kinds].map(([k, n]) => `${k}×${n}`).join(', ')}) — bez żadnej cyfry PESEL ani odpowiedzi.`));
server.close();
