/**
 * Guard rail for DESIGN.md §4.8: a script must never make the agent ask for
 * what an institution never asks for on the phone. It catches careless edits
 * ("Proszę podać PIN", "What is your card number?"), in every locale, not a
 * determined author — scripts still go through review.
 */

import { foldText } from '../core/foldText.js';

/** What a text asked for that must never be asked on the phone. */
export type UnsafeAsk = 'full-pesel' | 'pin' | 'password' | 'one-time-code' | 'card-number' | 'cvv';

const FORBIDDEN: readonly [UnsafeAsk, RegExp][] = [
  ['pin', /\bpin(?:u|em|ie|y|ow)?\b/],
  ['password', /\bhasl(?:o|a|em|u|ami|ach)?\b|\bpass(?:word|phrase|code)s?\b/],
  [
    'one-time-code',
    /\bblik\b|\botp\b|\bkod(?:u|em|y|ow)?\s+(?:z\s+|ze\s+)?(?:sms|wiadomosci|smsa)|\bkod(?:u|em)?\s+(?:jednorazow|autoryzac|weryfikac|potwierdz|bezpieczen)|\bsms(?:-?owy|-?owego)?\s+kod|one[- ]time\s+(?:pass)?(?:code|password)|(?:verification|authori[sz]ation|confirmation|security|sms|text)\s+code|code\s+(?:from|in)\s+(?:the\s+|your\s+|an?\s+)?(?:sms|text)/,
  ],
  ['card-number', /\bnumer(?:u|em)?\s+(?:swojej\s+|pana\s+|pani\s+|twojej\s+|tej\s+)?kart(?:y|e|a)\b|\bcard\s+number\b|\bnumber\s+of\s+(?:your|the)\s+card\b/],
  ['cvv', /\bcvv2?\b|\bcvc2?\b|\bcv2\b|\bcid\s+code\b|(?:kod|cyfr\w*)\s+(?:z\s+)?(?:tylu|odwrocie|rewersie)\s+karty|(?:code|digits)\s+on\s+the\s+back\s+of/],
];

const NEGATION = /\b(?:nie|nigdy|nikomu|zadn\w*|never|not|don't|dont|won't|no\s+one|nobody|nor)\b/;
const ASK = /\b(?:poda\w*|poprosz\w*|prosz\w*|prosimy|przeliteruj\w*|powiedz\w*|przeczyta\w*|wpis\w*|wybierz\w*|jaki\s+jest|jaki\s+ma|what\s+is|what's|tell\s+me|give|provide|say|read|spell|enter|type|confirm\s+your|share)\b/;
const PARTIAL = /\bcyfr\w*|\bpozycj\w*|\bdigits?\b|\bpositions?\b|\{ordinal\}|\{position\}/;
const FULL = /\b(?:caly|calego|calym|pelny|pelnego|pelnym|full|whole|entire|complete|all\s+(?:the\s+)?(?:11\s+)?digits|wszystkie\s+(?:11\s+)?cyfry|11\s+cyfr|jedenascie\s+cyfr)\b/;

/**
 * Returns what `text` asks for that must never be asked, or `undefined`.
 * `kind: 'question'` is strict (any mention, PESEL included: the challenge is
 * the only place digits are asked); `kind: 'prompt'` accepts reassurances
 * ("Nigdy nie poproszę o PIN") and partial PESEL asks ("piątą cyfrę").
 */
export function findUnsafeAsk(text: string, kind: 'question' | 'prompt'): UnsafeAsk | undefined {
  for (const sentence of foldText(text).split(/[.!?;\n]+/)) {
    if (!sentence.trim()) continue;
    const negated = kind === 'prompt' && NEGATION.test(sentence);
    if (/\bpesel/.test(sentence)) {
      if (kind === 'question') return 'full-pesel';
      if (!negated && (FULL.test(sentence) || (ASK.test(sentence) && !PARTIAL.test(sentence)))) return 'full-pesel';
    }
    if (negated) continue;
    for (const [ask, pattern] of FORBIDDEN) if (pattern.test(sentence)) return ask;
  }
  return undefined;
}
