import { SafecallError } from '../core/errors.js';
import { SEX_KNOWN, strengthBits } from './entropy.js';
import { positionMask } from './positions.js';

/**
 * What the attacker is assumed to know before the challenge.
 *
 * - `'stranger'`: nothing; every valid PESEL (birth date 1800-01-01 to
 *   2299-12-31, any serial) is equally likely.
 * - `'acquaintance'`: the birth date (digits 1–6) and the sex (parity of
 *   digit 10), e.g. from social media.
 * - `{ known }`: the actual digits at positions `known` (disclosed earlier or
 *   overheard), on top of the stranger's uniform prior. Nothing else, not even
 *   the sex: combine with the birth date by listing positions 1–6.
 */
export type ThreatModel = 'stranger' | 'acquaintance' | { readonly known: readonly number[] };

const DATE_POSITIONS = 0x3f;

/** Known-mask of a threat model (see entropy.ts), validating it. */
export function knownMask(threat: unknown): number {
  if (threat === 'stranger') return 0;
  if (threat === 'acquaintance') return DATE_POSITIONS | SEX_KNOWN;
  if (typeof threat === 'object' && threat !== null && 'known' in threat) return positionMask(threat.known, 'threat.known', false);
  throw new SafecallError('INVALID_ARGUMENT', "threat must be 'stranger', 'acquaintance' or { known: number[] }");
}

/**
 * Bits an attacker must guess to answer the digits at `positions`: the
 * min-entropy −log2(max P(asked digits = a)) of those digits, computed exactly
 * over all valid PESELs consistent with what the threat model lets the
 * attacker know, so that the check digit's dependence on digits 1–10 counts.
 * When that knowledge is specific digits (a birth date, disclosed positions),
 * the result is the worst case over their values. Positions the attacker
 * already knows add 0 bits.
 *
 * Under `'acquaintance'` the value does not depend on which birth date and sex
 * the attacker knows: digits 7–9 are worth log2 10 each, digit 10 log2 5, and
 * digit 11 is free once 7–10 are all asked, worth log2 10 otherwise.
 *
 * Tables are built on first use and memoised per position set, so later calls
 * are a lookup.
 *
 * @param positions - distinct integers 1–11; empty → 0.
 * @param threat - default `'acquaintance'`.
 * @throws {@link SafecallError} `INVALID_ARGUMENT` for a bad position, a repeated
 * position or an unknown threat model.
 *
 * @example
 * ```ts
 * challengeStrength([5, 8, 9]);             // 6.64 = log2(100): digit 5 is in the birth date
 * challengeStrength([7, 8, 9]);             // 9.97 = log2(1000)
 * challengeStrength([7, 8, 9], 'stranger'); // 9.97
 * challengeStrength([9, 10], { known: [5, 8] }); // bits left once 5 and 8 were disclosed
 * ```
 */
export function challengeStrength(positions: readonly number[], threat: ThreatModel = 'acquaintance'): number {
  const asked = positionMask(positions, 'positions', true);
  const known = knownMask(threat);
  return strengthBits(known, asked & ~known);
}
