import type { StepId } from '../index.js';

/**
 * How a simulated customer answers a PESEL digit or a question:
 * `'correct'`, `'wrong'`, `'dont-know'` ("I don't know"), or `'silent'`
 * (says nothing until the per-question timeout).
 *
 * @example
 * ```ts
 * customerBot({ digits: ['dont-know', 'correct'] satisfies AnswerStyle[] });
 * ```
 */
export type AnswerStyle = 'correct' | 'wrong' | 'dont-know' | 'silent';

/**
 * A simulated customer's behaviour. Every field is optional; the defaults
 * make a cooperative customer who is the right person, trusts a substitute
 * advisor, sees the bank's caller ID, is somewhere safe, agrees to give PESEL
 * digits, knows every answer, asks for the last three digits in mutual
 * verification (as in the source article) and checks them against their own
 * PESEL.
 *
 * @example
 * ```ts
 * const persona: Persona = { name: 'second try', digits: ['wrong', 'correct'] };
 * ```
 */
export interface Persona {
  /** Shown in transcripts. */
  name?: string;
  /** Confirms being the person called (scripts with `steps.confirmPerson`). Default true. */
  isThePerson?: boolean;
  /** Accepts a substitute VIP advisor. Default true. */
  trustsSubstitute?: boolean;
  /** The phone shows the institution's caller-ID label. Default true. */
  callerIdMatches?: boolean;
  /** `'steps-aside'`: not safe at first, steps aside (HOLD), comes back (RESUME). Default `'safe'`. */
  place?: 'safe' | 'steps-aside' | 'unsafe';
  /** Agrees when asked for a few PESEL digits. Default true; false declines, and then leaves as `whenUnsafe` says. */
  consents?: boolean;
  /** What a customer who cannot or will not go on does. Default `{ callbackInMinutes: 15 }`. */
  whenUnsafe?: { callbackInMinutes: number } | 'will-call-back';
  /** PESEL digits per attempt (the last entry repeats). Default `'correct'`. */
  digits?: AnswerStyle | readonly AnswerStyle[];
  /** Question answers per attempt (the last entry repeats). Default `'correct'`. */
  answers?: AnswerStyle | readonly AnswerStyle[];
  /** How digits are given: spoken, or typed on the phone's keypad (DTMF). Default `'voice'`. */
  via?: 'voice' | 'keypad';
  /**
   * Mutual verification: `'last-three'` asks for positions 9-11 (the article's
   * "tell me the last three digits"), `'allowed'` for what the agent may read
   * out, `'said'` for a position the customer said themselves, or explicit
   * positions; `'decline'` does not check. If the first request is refused the
   * customer asks for what is allowed, then declines.
   * Default `'last-three'`.
   */
  mutual?: 'decline' | 'last-three' | 'allowed' | 'said' | readonly number[];
  /** Says the digits read back do not match, whatever they are. Default false (compares with their own PESEL). */
  disputesReveal?: boolean;
  /** Hangs up at this turn number (1-based) or on first reaching this step. */
  hangUpAt?: number | StepId;
}

/**
 * Named personas, for `customerBot(name)` and `safecall simulate --persona`.
 *
 * @example
 * ```ts
 * Object.keys(PERSONAS); // ['cooperative', 'steps-aside', 'unsafe-place', ...]
 * ```
 */
export const PERSONAS = {
  /** Right person, safe place, knows everything, checks the bank back. */
  cooperative: { name: 'cooperative' },
  /** Not alone at first: steps aside, then goes on. */
  'steps-aside': { name: 'steps-aside', place: 'steps-aside' },
  /** Not in a safe place: asks to be called back in 15 minutes. */
  'unsafe-place': { name: 'unsafe-place', place: 'unsafe', whenUnsafe: { callbackInMinutes: 15 } },
  /** Not in a safe place: will call the official number later. */
  'will-call-back': { name: 'will-call-back', place: 'unsafe', whenUnsafe: 'will-call-back' },
  /** Will not give PESEL digits on this call: declines, then will call the official number. */
  'declines-consent': { name: 'declines-consent', consents: false, whenUnsafe: 'will-call-back' },
  /** Says "I don't know" on the first attempt of everything, then answers. */
  forgetful: { name: 'forgetful', digits: ['dont-know', 'correct'], answers: ['dont-know', 'correct'] },
  /** Types the digits on the phone's keypad instead of saying them. */
  keypad: { name: 'keypad', via: 'keypad' },
  /** Does not know the PESEL or the answers: every attempt is wrong. */
  impostor: { name: 'impostor', digits: 'wrong', answers: 'wrong' },
  /** Says nothing when asked for digits: every attempt times out. */
  silent: { name: 'silent', digits: 'silent' },
  /** Asks the agent to read back a digit they said themselves; refused, asks for what is allowed. */
  'asks-said-digit': { name: 'asks-said-digit', mutual: 'said' },
  /** Suspects a fraudster: asks for digits back and says they do not match. */
  'fraud-suspicious': { name: 'fraud-suspicious', mutual: 'last-three', disputesReveal: true },
  /** The phone does not show the bank's caller ID: will call the official number. */
  'caller-id-mismatch': { name: 'caller-id-mismatch', callerIdMatches: false },
  /** Not the person the bank wants to speak to. */
  'wrong-person': { name: 'wrong-person', isThePerson: false },
  /** Hangs up when asked for PESEL digits. */
  'hangs-up': { name: 'hangs-up', hangUpAt: 'pesel-digit' },
  /** Doubts the substitute VIP advisor and will call the bank. */
  'vip-doubter': { name: 'vip-doubter', trustsSubstitute: false },
} as const satisfies Record<string, Persona>;

/**
 * A named persona.
 *
 * @example
 * ```ts
 * const name: PersonaName = 'unsafe-place';
 * ```
 */
export type PersonaName = keyof typeof PERSONAS;

/**
 * Every named persona, in a stable order.
 *
 * @example
 * ```ts
 * for (const name of PERSONA_NAMES) await simulateCall(script, customerBot(name));
 * ```
 */
export const PERSONA_NAMES: readonly PersonaName[] = ['cooperative', 'steps-aside', 'unsafe-place', 'will-call-back', 'declines-consent', 'forgetful', 'keypad', 'impostor', 'silent', 'asks-said-digit', 'fraud-suspicious', 'caller-id-mismatch', 'wrong-person', 'hangs-up', 'vip-doubter'];
