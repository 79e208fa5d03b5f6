import { SafecallError } from '../core/errors.js';
import { foldText } from '../core/foldText.js';
import { constantTimeEqual } from './constantTimeEqual.js';
import type { Verifier } from './types.js';

/** Options of {@link createPeselVerifier}. */
export interface PeselVerifierOptions {
  /** The expected answer to a script question, looked up on the server. */
  answers?: (customerRef: string, questionId: string) => Promise<string | undefined> | string | undefined;
  /** How answers are compared; default: trimmed, case- and diacritic-insensitive, spaces collapsed. */
  normalizeAnswer?: (value: string, questionId: string) => string;
  /** Consecutive wrong checks before the customer is reported `locked` (default 5). */
  maxFailures?: number;
  /** Most digits revealed per customer within `windowMs` (default 3, the absolute maximum). */
  maxReveal?: number;
  /** Allow revealing positions 1-6, the birth date (default false). */
  allowBirthDate?: boolean;
  /** How long a passed check allows reveals, and how long failures and lock-outs last (default 30 minutes). */
  windowMs?: number;
  /** Time source, for tests. */
  now?: () => number;
}

interface CustomerState {
  failures: number;
  lockedUntil: number;
  /** Positions the customer gave in checks: never revealed back. */
  said: Set<number>;
  passedAt: number;
  revealed: Set<number>;
  touchedAt: number;
}

const MAX_CHALLENGE = 4;

function defaultNormalize(value: string): string {
  return foldText(value.trim()).replace(/\s+/g, ' ');
}

/**
 * Builds a server-side {@link Verifier} from a lookup of the customer's PESEL.
 * It compares in constant time and enforces the reveal rules again on its own
 * side (defense in depth): digits are revealed only after a passed check for
 * the same customer, never a position the customer gave, never positions 1-6
 * unless allowed, never more than `maxReveal`; a check of more than 4
 * positions (fishing for the whole number) is refused.
 *
 * State (failures, reveals) lives in this process's memory: run one verifier
 * per back-end instance with sticky routing, or implement `Verifier` over a
 * shared store.
 *
 * @example
 * ```ts
 * const verifier = createPeselVerifier(async (ref) => db.customers.pesel(ref), {
 *   answers: async (ref, questionId) => db.customers.answer(ref, questionId),
 * });
 * ```
 */
export function createPeselVerifier(lookup: (customerRef: string) => Promise<string | undefined> | string | undefined, options: PeselVerifierOptions = {}): Verifier {
  const maxFailures = options.maxFailures ?? 5;
  const maxReveal = Math.min(options.maxReveal ?? 3, 3);
  const windowMs = options.windowMs ?? 30 * 60_000;
  const now = options.now ?? (() => Date.now());
  const normalize = options.normalizeAnswer ?? defaultNormalize;
  const customers = new Map<string, CustomerState>();

  const stateOf = (ref: string): CustomerState => {
    const t = now();
    let state = customers.get(ref);
    if (!state || t - state.touchedAt > windowMs) {
      state = { failures: 0, lockedUntil: 0, said: new Set(), passedAt: -Infinity, revealed: new Set(), touchedAt: t };
      customers.set(ref, state);
    }
    state.touchedAt = t;
    return state;
  };

  const record = (state: CustomerState, ok: boolean): { ok: boolean; locked?: boolean } => {
    if (ok) {
      state.failures = 0;
      return { ok: true };
    }
    state.failures += 1;
    if (state.failures >= maxFailures) {
      state.lockedUntil = now() + windowMs;
      return { ok: false, locked: true };
    }
    return { ok: false };
  };

  return {
    async checkDigits(customerRef, answers) {
      const entries = Object.entries(answers);
      if (entries.length === 0 || entries.length > MAX_CHALLENGE) {
        throw new SafecallError('INVALID_ARGUMENT', `a challenge has 1 to ${MAX_CHALLENGE} positions, got ${entries.length}`);
      }
      const state = stateOf(customerRef);
      if (state.lockedUntil > now()) return { ok: false, locked: true };
      const pesel = await lookup(customerRef);
      let ok = typeof pesel === 'string' && pesel.length === 11;
      for (const [key, digit] of entries) {
        const position = Number(key);
        if (!Number.isInteger(position) || position < 1 || position > 11 || typeof digit !== 'string' || !/^[0-9]$/.test(digit)) {
          throw new SafecallError('INVALID_ARGUMENT', 'answers must map positions 1-11 to single digits');
        }
        state.said.add(position);
        // Every position is compared, right or wrong, so timing does not tell which digit failed.
        ok = constantTimeEqual(pesel?.charAt(position - 1) ?? '', digit) && ok;
      }
      const verdict = record(state, ok);
      if (verdict.ok) state.passedAt = now();
      return verdict;
    },

    async revealDigits(customerRef, positions) {
      const state = stateOf(customerRef);
      const refuse = (why: string): never => {
        throw new SafecallError('REVEAL_REFUSED', `reveal refused: ${why}`);
      };
      if (!Array.isArray(positions) || positions.length === 0) refuse('no positions');
      if (now() - state.passedAt > windowMs) refuse('the customer has not passed a check');
      const fresh = new Set<number>();
      for (const position of positions) {
        if (!Number.isInteger(position) || position < 1 || position > 11) refuse('positions are 1-11');
        if (state.said.has(position)) refuse(`position ${position} was given by the customer`);
        if (position <= 6 && !options.allowBirthDate) refuse(`position ${position} is part of the birth date`);
        if (!state.revealed.has(position)) fresh.add(position);
      }
      if (state.revealed.size + fresh.size > maxReveal) refuse(`at most ${maxReveal} digits may be revealed`);
      const pesel = await lookup(customerRef);
      if (typeof pesel !== 'string' || pesel.length !== 11) refuse('unknown customer');
      const digits: Record<number, string> = {};
      for (const position of positions) {
        state.revealed.add(position);
        digits[position] = pesel!.charAt(position - 1);
      }
      return digits;
    },

    async checkAnswer(customerRef, questionId, value) {
      const state = stateOf(customerRef);
      if (state.lockedUntil > now()) return { ok: false, locked: true };
      const expected = await options.answers?.(customerRef, questionId);
      const ok = typeof expected === 'string' && typeof value === 'string' && constantTimeEqual(normalize(expected, questionId), normalize(value, questionId));
      return record(state, ok);
    },
  };
}
