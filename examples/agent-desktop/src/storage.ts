/*
 * The call in progress, kept in this tab's sessionStorage so a reload resumes
 * it. What is kept is `session.snapshot()` — positions, counts and the step,
 * never a digit or an answer — and who the call is with. On reload the
 * verification service is asked for the call's state, and its state wins.
 */
import type { CallSnapshotInput, Locale } from 'safecall-pl';
import type { QueueEntry } from './api.js';

const KEY = 'safecall.desktop.call';

export interface StoredCall {
  v: 1;
  scriptId: string;
  locale: Locale;
  customer: QueueEntry;
  snapshot: CallSnapshotInput;
}

export function saveCall(call: StoredCall): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(call));
  } catch {
    // Storage full or disabled: the call goes on; only a reload would not resume it.
  }
}

export function loadCall(): StoredCall | undefined {
  const text = sessionStorage.getItem(KEY);
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<StoredCall> | null;
    // The snapshot itself is validated by restoreCallSession; this only checks the envelope.
    if (value?.v !== 1 || typeof value.scriptId !== 'string' || (value.locale !== 'pl' && value.locale !== 'en')) return undefined;
    const { scriptId, locale, customer, snapshot } = value;
    if (!customer || typeof customer.ref !== 'string' || !snapshot) return undefined;
    return { v: 1, scriptId, locale, customer, snapshot };
  } catch {
    return undefined;
  }
}

export function clearCall(): void {
  sessionStorage.removeItem(KEY);
}
