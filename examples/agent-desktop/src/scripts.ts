/*
 * The example scripts the desktop offers, in both languages. A script is
 * versioned data: the service knows it by `{ id, version }` and enforces its
 * own copy, so switching the language is loading the same JSON with another
 * `locale` — same id, same version, same policy, other words.
 */
import { defineScript, type CallScript, type Locale } from 'safecall-pl';
import fraudAlert from '../../scripts/fraud-alert.json';
import loanOffer from '../../scripts/loan-offer.json';
import vipSubstitute from '../../scripts/vip-substitute.json';

export interface ScriptChoice {
  id: string;
  version: number;
  /** Shown in the script picker, per locale. */
  name: Record<Locale, string>;
  /** The locale the script was written for. */
  locale: Locale;
}

const SOURCES: Record<string, { json: Record<string, unknown>; name: Record<Locale, string> }> = {
  'fraud-alert': { json: fraudAlert, name: { pl: 'Podejrzane transakcje (rozmowa z artykułu)', en: 'Suspicious transactions (the article’s call)' } },
  'loan-offer': { json: loanOffer, name: { pl: 'Oferta kredytu (klient zostawił kontakt)', en: 'Loan offer (the customer asked to be called)' } },
  'vip-substitute': { json: vipSubstitute, name: { pl: 'Bankowość prywatna: zastępstwo opiekuna', en: 'Private banking: substitute advisor' } },
};

const cache = new Map<string, CallScript>();

/**
 * The script `id` in `locale` (validated once, then cached).
 */
export function scriptFor(id: string, locale: Locale): CallScript {
  const key = `${id}:${locale}`;
  let script = cache.get(key);
  if (!script) {
    const source = SOURCES[id];
    if (!source) throw new Error(`unknown script ${id}`);
    script = defineScript({ ...source.json, locale });
    cache.set(key, script);
  }
  return script;
}

/** The scripts of the picker, in a stable order. */
export const SCRIPT_CHOICES: readonly ScriptChoice[] = Object.entries(SOURCES).map(([id, source]) => {
  const script = scriptFor(id, source.json['locale'] === 'en' ? 'en' : 'pl');
  return { id, version: script.version, name: source.name, locale: script.locale };
});
