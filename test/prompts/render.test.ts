import { describe, expect, it } from 'vitest';
import { defineScript, en, pl, plOrdinalAccusative, plOrdinalNominative, renderPrompt, type RenderContext, type StepView } from '../../src/index.js';
import { scriptJson } from '../session/helpers.js';

const script = defineScript(scriptJson('vip-substitute'));
const ctx = (locale: 'pl' | 'en', form?: 'pan' | 'pani'): RenderContext => ({
  script,
  locale,
  agent: { name: 'Piotr Nowak' },
  customer: { name: 'Anna Nowak', form },
});

const slot = { at: '2026-11-24T07:00:00.000Z', spoken: 'jutro o 8:00' };
const window = { earliest: '2026-11-23T13:05:00.000Z', latest: '2026-12-03T13:00:00.000Z' };
const views: StepView[] = [
  { step: 'introduce' },
  { step: 'confirm-person' },
  { step: 'caller-id' },
  { step: 'safe-place' },
  { step: 'not-safe', slots: [slot], window },
  { step: 'on-hold' },
  { step: 'callback', reason: 'closed-day', slots: [slot], window },
  { step: 'pesel-digit', position: 7, index: 0, count: 3, attempt: 1, attempts: 2, retryAfter: null },
  { step: 'question', question: script.questions[0]!, attempt: 1, attempts: 2, retryAfter: null },
  { step: 'mutual', said: [7, 8, 9], suggested: [10, 11], max: 2, refused: [] },
  { step: 'reveal', revealed: [{ position: 10, digit: '3' }], refused: [] },
  { step: 'vip-substitute' },
  { step: 'verifying', what: 'digits' },
  { step: 'verifier-error', what: 'digits' },
  { step: 'handoff' },
  { step: 'closing', outcome: { kind: 'failed', reason: 'challenge-failed' } },
];

describe('renderPrompt', () => {
  it.each(['pl', 'en'] as const)('renders every step in %s with a line, labelled buttons and no leftover placeholders', (locale) => {
    const texts = locale === 'pl' ? pl : en;
    for (const view of views) {
      const prompt = renderPrompt(view, ctx(locale, 'pani'), { index: 1, total: 9 });
      expect(prompt.step).toBe(view.step);
      expect(prompt.say.length).toBeGreaterThan(10);
      expect(prompt.say).not.toMatch(/[{}]|undefined/);
      for (const action of prompt.actions) {
        expect(action.label).toBe(texts.stepLabels[view.step]?.[action.event] ?? (action.payload ? texts.callbackAt(slot) : texts.labels[action.event]));
      }
      if (view.step !== 'handoff' && view.step !== 'closing') expect(prompt.actions.length).toBeGreaterThan(0);
    }
  });

  it('only the reveal step carries revealed digits, and only the verifying step is pending without answer buttons', () => {
    for (const view of views) {
      const prompt = renderPrompt(view, ctx('pl'), { index: 1, total: 9 });
      expect(prompt.revealed !== undefined).toBe(view.step === 'reveal');
      expect(prompt.pending === true).toBe(view.step === 'verifying');
      if (view.step === 'verifying') expect(prompt.actions.map((a) => a.event)).toEqual(['HANG_UP']);
    }
  });

  it('addresses the customer as Pan, Pani, or both when unknown', () => {
    const safe = { step: 'safe-place' } as const;
    expect(renderPrompt(safe, ctx('pl', 'pan'), { index: 1, total: 1 }).say).toContain('Czy jest Pan w miejscu');
    expect(renderPrompt(safe, ctx('pl', 'pani'), { index: 1, total: 1 }).say).toContain('Czy jest Pani w miejscu');
    expect(renderPrompt(safe, ctx('pl'), { index: 1, total: 1 }).say).toContain('Czy jest Pan/Pani w miejscu');
    expect(renderPrompt({ step: 'confirm-person' }, ctx('pl', 'pani'), { index: 1, total: 1 }).say).toBe('Czy to pani Anna Nowak?');
  });

  it('states the VIP substitution dates with the date-fns Polish locale', () => {
    expect(renderPrompt({ step: 'vip-substitute' }, ctx('pl', 'pani'), { index: 1, total: 1 }).say).toBe(
      'Dzwonię w zastępstwie Pani opiekuna, Katarzyna Wiśniewska, w dniach od 23 do 27 listopada 2026. Informowaliśmy o tym w e-mailu z 18 listopada 2026. Czy możemy kontynuować?',
    );
    expect(renderPrompt({ step: 'vip-substitute' }, ctx('en'), { index: 1, total: 1 }).say).toBe(
      'I am standing in for your advisor, Katarzyna Wiśniewska, from 23 to 27 November 2026. We told you about this in our e-mail of 18 November 2026. May we continue?',
    );
  });

  it('fills overrides with placeholders, keeping the built-in retry lead for digits', () => {
    const custom = defineScript({
      ...scriptJson('loan-offer'),
      prompts: {
        'pesel-digit': { en: 'Kindly tell me digit number {position}, the {ordinal} one.' },
        'caller-id': { en: '{agent} here: the display should read {callerIdLabel} ({officialNumber}).' },
      },
    });
    const c: RenderContext = { script: custom, locale: 'en', agent: { name: 'Piotr' }, customer: { name: 'Anna' } };
    expect(renderPrompt({ step: 'pesel-digit', position: 8, index: 0, count: 2, attempt: 2, attempts: 2, retryAfter: 'wrong' }, c, { index: 1, total: 1 }).say).toBe(
      'I am sorry, the answers do not match. Let us try again, the same positions. Kindly tell me digit number 8, the eighth one.',
    );
    expect(renderPrompt({ step: 'caller-id' }, c, { index: 1, total: 1 }).say).toBe('Piotr here: the display should read Bank-kredyty (+48 22 500 60 70).');
  });
});

describe('Polish ordinals for "cyfra"', () => {
  it('are feminine, accusative for asking and nominative for reading out', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(plOrdinalAccusative)).toEqual([
      'pierwszą', 'drugą', 'trzecią', 'czwartą', 'piątą', 'szóstą', 'siódmą', 'ósmą', 'dziewiątą', 'dziesiątą', 'jedenastą',
    ]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(plOrdinalNominative)).toEqual([
      'pierwsza', 'druga', 'trzecia', 'czwarta', 'piąta', 'szósta', 'siódma', 'ósma', 'dziewiąta', 'dziesiąta', 'jedenasta',
    ]);
  });

  it('count verification questions with Polish plurals', () => {
    expect([1, 2, 3, 4, 5, 12, 22].map((n) => pl.questionCount(n))).toEqual([
      '1 pytanie weryfikacyjne',
      '2 pytania weryfikacyjne',
      '3 pytania weryfikacyjne',
      '4 pytania weryfikacyjne',
      '5 pytań weryfikacyjnych',
      '12 pytań weryfikacyjnych',
      '22 pytania weryfikacyjne',
    ]);
  });
});
