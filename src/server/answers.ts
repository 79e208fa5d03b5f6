import { foldText } from '../core/foldText.js';
import type { ScriptQuestion } from '../script/index.js';
import { constantTimeEqual } from './constantTimeEqual.js';

/**
 * An answer as compared: trimmed, case- and diacritic-insensitive, spaces
 * collapsed; for number questions also without thousands separators and with
 * a decimal comma read as a point ("1 250,00" equals "1250").
 */
export function normalizeAnswer(value: string, kind: ScriptQuestion['answer']): string {
  const text = foldText(value.trim()).replace(/\s+/g, ' ');
  if (kind !== 'number') return text;
  const compact = text.replace(/[\s\u00a0'_]/g, '').replace(',', '.');
  const number = Number(compact);
  return compact !== '' && Number.isFinite(number) ? String(number) : text;
}

/** Whether the given answer matches the expected one, in time that does not depend on where they differ. */
export function answerMatches(given: string, expected: string | undefined, kind: ScriptQuestion['answer']): boolean {
  if (typeof expected !== 'string' || expected.length === 0) return false;
  return constantTimeEqual(normalizeAnswer(given, kind), normalizeAnswer(expected, kind));
}
