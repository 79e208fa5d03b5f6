import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPrompt, stepAfterPurpose, type RenderContext, type StepView } from '../../src/prompts/index.js';
import { mainSteps } from '../../src/script/index.js';
import { fraudAlert } from './fixtures.js';

/*
 * The dialogue of the source article ("Poproszę pana PESEL", BOK 3-4/2021),
 * played in its order with the library's own words: Anna Zielińska of Bank
 * Komercyjny calls Jan Kowalski about suspicious transactions, the number
 * shows as "Bank-kredyty", the challenge is the 5th, 8th and 9th digits, and
 * the customer checks the bank by asking for the last three — the 9th he said
 * himself, so he hears the 10th and 11th (3 and 4).
 */

type Turn = { agent: StepView; reply?: true } | { customer: string; gloss: string };

const VIEWS = {
  pesel: (position: number, index: number, previous: number | null): StepView => ({ step: 'pesel-digit', position, index, count: 3, previous, attempt: 1, attempts: 2, retryAfter: null }),
};

const CALL: Turn[] = [
  { agent: { step: 'introduce' } },
  { customer: 'Tak, to ja.', gloss: 'Yes, speaking.' },
  { agent: { step: 'purpose' } },
  { customer: 'Jakie to transakcje?', gloss: 'What transactions?' },
  { agent: { step: 'caller-id' }, reply: true },
  { agent: { step: 'caller-id' } },
  { customer: 'Tak, potwierdzam.', gloss: 'Yes, I can confirm that.' },
  { agent: { step: 'safe-place', afterHold: false, questions: 3 } },
  { customer: 'Proszę poczekać, przejdę na bok…', gloss: 'Hold on, let me step aside…' },
  { agent: { step: 'on-hold' } },
  { customer: 'Już jestem.', gloss: "I'm back." },
  { agent: { step: 'safe-place', afterHold: true, questions: 3 } },
  { customer: 'Tak, teraz jestem w bezpiecznym miejscu.', gloss: "Yes, I'm somewhere safe now." },
  { agent: { step: 'consent', count: 3 } },
  { customer: 'Tak, proszę.', gloss: 'Yes, go ahead.' },
  { agent: VIEWS.pesel(5, 0, null) },
  { customer: '(podaje piątą cyfrę)', gloss: '(gives the fifth digit)' },
  { agent: VIEWS.pesel(8, 1, 5) },
  { customer: '(podaje ósmą cyfrę)', gloss: '(gives the eighth digit)' },
  { agent: VIEWS.pesel(9, 2, 8) },
  { customer: '(podaje dziewiątą cyfrę)', gloss: '(gives the ninth digit)' },
  { agent: { step: 'verifying', what: 'digits' } },
  { agent: { step: 'mutual', said: [5, 8, 9], allowed: [7, 10, 11], max: 2, refused: [], forbidden: [{ position: 5, reason: 'said' }, { position: 8, reason: 'said' }, { position: 9, reason: 'said' }] } },
  { customer: 'To proszę mi podać trzy ostatnie cyfry mojego PESEL-u.', gloss: 'Then tell me the last three digits of my PESEL.' },
  { agent: { step: 'verifying', what: 'reveal' } },
  {
    agent: {
      step: 'reveal',
      revealed: [
        { position: 10, digit: '3' },
        { position: 11, digit: '4' },
      ],
      refused: [{ position: 9, reason: 'said' }],
    },
  },
  { customer: 'Zgadza się.', gloss: "That's right." },
  { agent: { step: 'question', question: fraudAlert.questions[0]!, index: 0, attempt: 1, attempts: 2, retryAfter: null } },
  { customer: '(odpowiada)', gloss: '(answers)' },
  { agent: { step: 'verifying', what: 'answer' } },
  { agent: { step: 'question', question: fraudAlert.questions[1]!, index: 1, attempt: 1, attempts: 2, retryAfter: null } },
  { customer: '(odpowiada)', gloss: '(answers)' },
  { agent: { step: 'verifying', what: 'answer' } },
  { agent: { step: 'handoff' } },
];

const ctx = (locale: 'pl' | 'en'): RenderContext => ({
  script: fraudAlert,
  locale,
  agent: { name: 'Anna Zielińska', form: 'pani' },
  customer: { name: 'Jan Kowalski', form: 'pan' },
});

/** The agent's lines of the call, as [Polish, English]. */
function agentLines(): [string, string][] {
  const lines: [string, string][] = [];
  for (const turn of CALL) {
    if (!('agent' in turn)) continue;
    const [pl, en] = (['pl', 'en'] as const).map((locale) => {
      const prompt = renderPrompt(turn.agent, ctx(locale), { index: 1, total: 1 });
      if (!turn.reply) return prompt.say;
      if (!prompt.reply) throw new Error(`no reply on ${turn.agent.step}`);
      return prompt.reply.say;
    });
    lines.push([pl!, en!]);
  }
  return lines;
}

const EXPECTED_PL = [
  'Dzień dobry, tu Anna Zielińska, Bank Komercyjny. Czy rozmawiam z Panem Janem Kowalskim?',
  'Dzwonię w sprawie transakcji na rachunku, które wydają nam się podejrzane. Zanim przejdę do szczegółów, upewnię się, że rozmawiam z Panem. Nigdy nie poproszę o cały numer PESEL, PIN, hasło ani kod z SMS-a.',
  'Wszystko opowiem, gdy tylko się upewnię, że rozmawiam z Panem — to dla Pana bezpieczeństwa.',
  'Proszę spojrzeć na ekran telefonu: nasz numer, zapisany w Pana umowie, powinien się wyświetlać jako „Bank-kredyty”. Czy tak jest?',
  'Muszę zadać Panu trzy pytania weryfikacyjne — jedno z nich dotyczy numeru PESEL. Czy jest Pan w miejscu, w którym nikt nie usłyszy ani nie nagra Pana odpowiedzi?',
  'Oczywiście, poczekam.',
  'Dziękuję. Czy teraz nikt nie usłyszy Pana odpowiedzi?',
  'Poproszę o kilka cyfr Pana numeru PESEL — nie o cały numer. Możemy zaczynać?',
  'Piąta cyfra?',
  'A ósma?',
  'A dziewiąta?',
  'Dziękuję. Chwileczkę, sprawdzam.',
  'Zgadza się. Teraz może Pan sprawdzić, czy naprawdę dzwoni Bank Komercyjny: proszę zapytać mnie o dwie cyfry swojego numeru PESEL, inne niż te, które Pan podał — na przykład siódmą, dziesiątą lub jedenastą.',
  'Chwileczkę, sprawdzam.',
  'Dziewiątą cyfrę podał Pan przed chwilą, więc jej powtórzenie niczego by nie potwierdziło. Dziesiąta cyfra to 3, a jedenasta — 4. Zgadza się?',
  'W którym roku założono ten rachunek?',
  'Dziękuję. Chwileczkę, sprawdzam.',
  'W jakim mieście jest oddział, w którym Pan zwykle bywa?',
  'Dziękuję. Chwileczkę, sprawdzam.',
  'Dziękuję, wszystko się zgadza. Przejdźmy teraz do sprawy, w której dzwonię.',
];

describe("the article's call", () => {
  it('runs in the order of the script: confirm the person, the purpose, then the checks', () => {
    expect(mainSteps(fraudAlert)).toEqual(['introduce', 'purpose', 'caller-id', 'safe-place', 'consent', 'pesel-digit', 'mutual', 'question', 'handoff']);
    expect(stepAfterPurpose(fraudAlert)).toBe('caller-id');
    const order = CALL.flatMap((t) => ('agent' in t ? [t.agent.step] : [])).filter((s) => (mainSteps(fraudAlert) as string[]).includes(s));
    const firsts = order.filter((s, i) => order.indexOf(s) === i);
    expect(firsts).toEqual(mainSteps(fraudAlert));
  });

  it('reads each line as issue 14 wants', () => {
    expect(agentLines().map(([pl]) => pl)).toEqual(EXPECTED_PL);
  });

  it('is written out, with an English gloss per line, in docs/article-call.md', () => {
    const doc = readFileSync(join(__dirname, '../../docs/article-call.md'), 'utf8');
    const docLines = new Set(doc.split('\n').map((l) => l.replace(/^>\s*/, '').replace(/^\*\*[^*]+\*\*\s*(?:\(`[^)]*\)\s*)?/, '').replace(/^_|_$/g, '').trim()));
    for (const [pl, en] of agentLines()) {
      expect(docLines.has(pl), pl).toBe(true);
      expect(docLines.has(en), en).toBe(true);
    }
    for (const turn of CALL) {
      if ('customer' in turn) {
        expect(docLines.has(turn.customer), turn.customer).toBe(true);
        expect(docLines.has(turn.gloss), turn.gloss).toBe(true);
      }
    }
  });
});

/** Prints the transcript in the doc's format (`PRINT_ARTICLE_CALL=1 npx vitest run test/prompts/articleCall.test.ts`). */
if (process.env['PRINT_ARTICLE_CALL']) {
  it('prints', () => {
    const lines = agentLines();
    let i = 0;
    const out: string[] = [];
    for (const turn of CALL) {
      if ('agent' in turn) {
        const [pl, en] = lines[i++]!;
        out.push(`**Konsultantka** (\`${turn.agent.step}${turn.reply ? '`, reply' : '`'}) ${pl}`, `> _${en}_`, '');
      } else {
        out.push(`**Klient** ${turn.customer}`, `> _${turn.gloss}_`, '');
      }
    }
    console.log(out.join('\n'));
  });
}
