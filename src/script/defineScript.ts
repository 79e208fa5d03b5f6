import { SafecallError, type SafecallIssue } from '../core/errors.js';
import { parseOrThrow } from '../core/validate.js';
import { strongestChallenge } from './strongestChallenge.js';
import { callScriptSchema, PLACEHOLDERS, type CallScript, type CallScriptData, type LocalizedText } from './schema.js';
import { unsafeScriptIssues } from './unsafe.js';

/**
 * Validates a call script (plain JSON, e.g. loaded from a file or an admin UI)
 * and returns it frozen, with every default filled in.
 *
 * Throws `SafecallError` with code `INVALID_SCRIPT` listing every problem with
 * its path, or `UNSAFE_SCRIPT` when any text the agent reads (institution,
 * caller-ID label, advisor, purpose, questions, prompt overrides — in every
 * locale, after undoing disguises) asks for the full PESEL, a PIN, a password,
 * a one-time code, a card number or a CVV.
 *
 * @example
 * ```ts
 * const script = defineScript({
 *   id: 'fraud-alert',
 *   version: 3,
 *   institution: { name: 'Bank Przykładowy', officialNumber: '+48 22 123 45 67', callerIdLabel: 'Bank-kredyty' },
 *   purpose: { pl: 'w sprawie nietypowych transakcji na Pana rachunku' },
 * });
 * script.pesel.attempts; // 2 (default)
 * ```
 */
export function defineScript(input: unknown): CallScript {
  const data = parseOrThrow(callScriptSchema, input, 'INVALID_SCRIPT', 'Invalid call script');
  const issues = semanticIssues(data);
  if (issues.length) {
    throw new SafecallError('INVALID_SCRIPT', `Invalid call script: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { issues });
  }
  const unsafe = unsafeScriptIssues(data);
  if (unsafe.length) {
    throw new SafecallError('UNSAFE_SCRIPT', `Unsafe call script: ${unsafe.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { issues: unsafe });
  }
  const script: CallScript = deepFreeze(data);
  return script;
}

type TextEntry = { path: (string | number)[]; text: string; kind: 'question' | 'prompt' };

function* texts(data: CallScriptData): Generator<TextEntry> {
  const localized = function* (base: (string | number)[], value: LocalizedText | undefined, kind: TextEntry['kind']) {
    for (const locale of ['pl', 'en'] as const) {
      const text = value?.[locale];
      if (text !== undefined) yield { path: [...base, locale], text, kind };
    }
  };
  yield* localized(['purpose'], data.purpose, 'prompt');
  for (const [i, q] of data.questions.entries()) yield* localized(['questions', i, 'text'], q.text, 'question');
  for (const [step, value] of Object.entries(data.prompts)) yield* localized(['prompts', step], value, 'prompt');
}

function semanticIssues(data: CallScriptData): SafecallIssue[] {
  const issues: SafecallIssue[] = [];
  const need = (path: (string | number)[], value: LocalizedText) => {
    if (value[data.locale] === undefined) issues.push({ path: [...path, data.locale], message: `required: the script's locale is "${data.locale}"` });
  };
  need(['purpose'], data.purpose);
  const seen = new Set<string>();
  for (const [i, q] of data.questions.entries()) {
    need(['questions', i, 'text'], q.text);
    if (seen.has(q.id)) issues.push({ path: ['questions', i, 'id'], message: `duplicate question id "${q.id}"` });
    seen.add(q.id);
  }
  for (const entry of texts(data)) {
    for (const match of entry.text.matchAll(/\{([^{}]*)\}/g)) {
      const name = match[1]!;
      if (!(PLACEHOLDERS as readonly string[]).includes(name) || (entry.path[0] === 'purpose' && name === 'purpose')) {
        issues.push({ path: entry.path, message: `unknown placeholder {${name}}; use one of ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}` });
      }
    }
  }
  if (!data.pesel.enabled && data.questions.length === 0) {
    issues.push({ path: ['pesel', 'enabled'], message: 'a script must verify something: the PESEL challenge or at least one question' });
  }
  if (data.pesel.enabled && data.pesel.whenExhausted === 'questions' && data.questions.length === 0) {
    issues.push({ path: ['pesel', 'whenExhausted'], message: '"questions" needs at least one question to verify with' });
  }
  if (data.vip && data.locale === 'pl' && data.vip.advisorForm === undefined) {
    issues.push({ path: ['vip', 'advisorForm'], message: 'required in Polish scripts: "pan" or "pani" (how the customer is told about their advisor)' });
  }
  if (data.mutual.enabled && !data.pesel.enabled) {
    issues.push({ path: ['mutual', 'enabled'], message: 'mutual verification needs the PESEL challenge (pesel.enabled)' });
  }
  // A table, not the strength tables themselves: those take a quarter of a second to build and are the service's business.
  if (data.pesel.enabled && strongestChallenge(data.pesel.count, data.pesel.threat) < data.pesel.minStrengthBits - 1e-9) {
    issues.push({ path: ['pesel', 'minStrengthBits'], message: `no set of ${data.pesel.count} positions reaches ${data.pesel.minStrengthBits} bits under the "${data.pesel.threat}" threat model` });
  }
  const sub = data.vip?.substitute;
  if (sub) {
    if (sub.from > sub.to) issues.push({ path: ['vip', 'substitute', 'to'], message: 'must not be before "from"' });
    if (sub.announcedOn > sub.from) issues.push({ path: ['vip', 'substitute', 'announcedOn'], message: 'the announcing e-mail must precede the substitution' });
  }
  return issues;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
