import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defineScript, SafecallError, type CallScriptInput } from '../../src/index.js';
import { scriptJsonSchema } from '../../src/script/index.js';

const minimal: CallScriptInput = {
  id: 'minimal',
  version: 1,
  institution: { name: 'Bank Przykładowy', officialNumber: '+48 22 123 45 67', callerIdLabel: 'Bank' },
  purpose: { pl: 'w sprawie Pana rachunku' },
};

function thrown(fn: () => unknown): SafecallError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SafecallError) return error;
    throw error;
  }
  throw new Error('expected a SafecallError');
}

describe('defineScript', () => {
  it('fills every default and freezes the result', () => {
    const script = defineScript(minimal);
    expect(script.locale).toBe('pl');
    expect(script.pesel).toMatchObject({ enabled: true, count: 3, attempts: 2, answerTimeoutSeconds: 120, threat: 'acquaintance', whenExhausted: 'end' });
    expect(script.mutual).toEqual({ enabled: true, when: 'after-questions', maxPositions: 2, allowBirthDate: false, minBitsLeft: 0 });
    expect(script.callback.timeZone).toBe('Europe/Warsaw');
    expect(Object.isFrozen(script)).toBe(true);
    expect(Object.isFrozen(script.pesel)).toBe(true);
    expect(() => {
      (script.pesel as { attempts: number }).attempts = 3;
    }).toThrow(TypeError);
  });

  it('reports every schema problem at once, each with its path', () => {
    const error = thrown(() =>
      defineScript({ ...minimal, id: 'Bad Id', version: 0, pesel: { attempts: 4, count: 5 }, mutual: { maxPositions: 4 }, extra: 1 }),
    );
    expect(error.code).toBe('INVALID_SCRIPT');
    const paths = error.issues!.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['id', 'version', 'pesel.attempts', 'pesel.count', 'mutual.maxPositions', '']));
    expect(error.message).toContain('pesel.attempts: too big: maximum is 3');
    expect(error.message).toContain('unknown key: extra');
  });

  it('reports semantic problems with their paths', () => {
    const error = thrown(() =>
      defineScript({
        ...minimal,
        purpose: { en: 'about your account' },
        questions: [
          { id: 'q', text: { pl: 'Pytanie {bogus}?' } },
          { id: 'q', text: { en: 'Question?' } },
        ],
        mutual: { enabled: true },
        pesel: { enabled: false },
        vip: { advisor: 'Anna', substitute: { from: '2026-11-27', to: '2026-11-23', announcedOn: '2026-11-28' } },
      }),
    );
    expect(error.code).toBe('INVALID_SCRIPT');
    expect(error.issues!.map((i) => i.path.join('.'))).toEqual([
      'purpose.pl',
      'questions.1.text.pl',
      'questions.1.id',
      'questions.0.text.pl',
      'vip.advisorForm',
      'mutual.enabled',
      'vip.substitute.to',
      'vip.substitute.announcedOn',
    ]);
  });

  it('refuses a script that verifies nothing, or falls back to questions it does not have', () => {
    const nothing = thrown(() => defineScript({ ...minimal, pesel: { enabled: false }, mutual: { enabled: false } }));
    expect(nothing.issues).toEqual([{ path: ['pesel', 'enabled'], message: expect.stringContaining('must verify something') }]);
    const fallback = thrown(() => defineScript({ ...minimal, pesel: { whenExhausted: 'questions' } }));
    expect(fallback.issues).toEqual([{ path: ['pesel', 'whenExhausted'], message: expect.stringContaining('at least one question') }]);
  });

  it('wants the VIP advisor’s form of address in a Polish script, so no slash form is read aloud', () => {
    const missing = thrown(() => defineScript({ ...minimal, vip: { advisor: 'Katarzyna Wiśniewska' } }));
    expect(missing.issues?.map((i) => i.path.join('.'))).toEqual(['vip.advisorForm']);
    expect(defineScript({ ...minimal, vip: { advisor: 'Katarzyna Wiśniewska', advisorForm: 'pani' } }).vip?.advisorForm).toBe('pani');
    expect(defineScript({ ...minimal, locale: 'en', purpose: { en: 'about your account' }, vip: { advisor: 'Kate' } }).vip?.advisor).toBe('Kate');
  });

  it('refuses NaN, negative or absurd policy numbers instead of switching a protection off', () => {
    for (const pesel of [{ attempts: Number.NaN }, { minStrengthBits: -1 }, { answerTimeoutSeconds: 0 }, { count: 11 }]) {
      expect(thrown(() => defineScript({ ...minimal, pesel })).code).toBe('INVALID_SCRIPT');
    }
    for (const mutual of [{ maxPositions: Number.NaN }, { minBitsLeft: Number.POSITIVE_INFINITY }, { maxPositions: 0 }]) {
      expect(thrown(() => defineScript({ ...minimal, mutual })).code).toBe('INVALID_SCRIPT');
    }
  });

  it('checks every text the agent reads, whatever field it is in', () => {
    const error = thrown(() => defineScript({ ...minimal, institution: { ...minimal.institution, callerIdLabel: 'Podaj P I N' }, vip: { advisor: 'Proszę podać hasło', advisorForm: 'pan' } }));
    expect(error.code).toBe('UNSAFE_SCRIPT');
    expect(error.issues?.map((i) => i.path.join('.'))).toEqual(['institution.callerIdLabel', 'vip.advisor']);
  });

  it('refuses a minimum strength no challenge can reach', () => {
    const error = thrown(() => defineScript({ ...minimal, pesel: { count: 1, minStrengthBits: 5 } }));
    expect(error.issues).toEqual([{ path: ['pesel', 'minStrengthBits'], message: expect.stringContaining('no set of 1 positions reaches 5 bits') }]);
  });

  it.each([
    ['question asking for the PESEL', { questions: [{ id: 'p', text: { pl: 'Jaki jest Pana numer PESEL?' } }] }, 'questions.0.text.pl', 'full PESEL'],
    ['question asking for a PIN (English)', { questions: [{ id: 'p', text: { pl: 'Pytanie?', en: 'What is your card PIN?' } }] }, 'questions.0.text.en', 'PIN'],
    ['override asking for the whole PESEL', { prompts: { 'pesel-digit': { pl: 'Proszę podać cały numer PESEL.' } } }, 'prompts.pesel-digit.pl', 'full PESEL'],
    ['override asking for the PESEL number', { prompts: { introduce: { en: 'Please give me your PESEL number.' } } }, 'prompts.introduce.en', 'full PESEL'],
    ['override asking for the SMS code', { prompts: { handoff: { pl: 'Proszę podać kod z SMS-a.' } } }, 'prompts.handoff.pl', 'one-time code'],
    ['override asking for a BLIK code', { prompts: { handoff: { pl: 'Poproszę o kod BLIK.' } } }, 'prompts.handoff.pl', 'one-time code'],
    ['override asking for a password', { prompts: { handoff: { pl: 'Podaj hasło do bankowości.' } } }, 'prompts.handoff.pl', 'password'],
    ['question asking for a card number', { questions: [{ id: 'c', text: { pl: 'Jaki jest numer Pana karty?' } }] }, 'questions.0.text.pl', 'card number'],
    ['override asking for the CVV', { prompts: { handoff: { en: 'Read me the CVV on the back of the card.' } } }, 'prompts.handoff.en', 'CVV'],
    ['purpose asking for a one-time code', { purpose: { pl: 'w sprawie kodu SMS, który proszę mi przeczytać' } }, 'purpose.pl', 'one-time code'],
  ])('UNSAFE_SCRIPT: %s', (_name, patch, path, what) => {
    const error = thrown(() => defineScript({ ...minimal, ...(patch as Partial<CallScriptInput>) }));
    expect(error.code).toBe('UNSAFE_SCRIPT');
    expect(error.issues?.[0]?.path.join('.')).toBe(path);
    expect(error.message).toContain(what);
  });

  it.each([
    ['a partial PESEL ask', { prompts: { 'pesel-digit': { pl: 'Poproszę o {ordinal} cyfrę numeru PESEL.' } } }],
    ['a reassurance about what is never asked', { prompts: { introduce: { pl: 'Nigdy nie poproszę o PIN, hasło ani kod BLIK.', en: 'We will never ask for your PIN or a code from a text message.' } } }],
    ['a mention of the PESEL question count', { prompts: { 'safe-place': { pl: 'Zadam {questionCount}, jedno dotyczy numeru PESEL. Czy jest Pan w bezpiecznym miejscu?' } } }],
    ['the number printed on the card', { prompts: { 'caller-id': { en: 'If in doubt, call the number printed on your card.' } } }],
  ])('accepts %s', (_name, patch) => {
    expect(() => defineScript({ ...minimal, ...(patch as Partial<CallScriptInput>) })).not.toThrow();
  });

  it('never echoes script text in errors beyond the path', () => {
    const error = thrown(() => defineScript({ ...minimal, questions: [{ id: 'p', text: { pl: 'Jaki jest Pana PIN 1234?' } }] }));
    expect(error.message).not.toContain('1234');
  });
});

describe('the example scripts', () => {
  const dir = fileURLToPath(new URL('../../examples/scripts/', import.meta.url));
  it.each(readdirSync(dir).filter((f) => f.endsWith('.json')))('%s is a valid, safe script', (file) => {
    const script = defineScript(JSON.parse(readFileSync(dir + file, 'utf8')));
    expect(`${script.id}.json`).toBe(file);
  });
});

describe('scriptJsonSchema', () => {
  it('is the JSON Schema the examples point to, kept in sync with the zod schema', () => {
    const file = fileURLToPath(new URL('../../examples/call-script.schema.json', import.meta.url));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(scriptJsonSchema());
  });

  it('describes the script input with its defaults', () => {
    const schema = scriptJsonSchema() as { properties: Record<string, { default?: unknown }>; required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'version', 'institution', 'purpose']));
    expect(schema.properties['locale']?.default).toBe('pl');
    // A copy each time: callers may mutate it.
    (schema.properties as Record<string, unknown>)['id'] = null;
    expect((scriptJsonSchema() as typeof schema).properties['id']).not.toBeNull();
  });
});
