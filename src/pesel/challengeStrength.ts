import { strengthBits } from './entropy.js';
import { positionMask } from './positions.js';
import { knownMask, type ThreatModel } from './threat.js';

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
 * Tables are built on first use (tens of milliseconds) and memoised per
 * position set, so later calls are a lookup.
 *
 * @param positions - distinct integers 1–11; empty → 0.
 * @param threat - default `'acquaintance'`.
 * @throws {@link SafecallError} `INVALID_ARGUMENT` for a bad position, a repeated
 * position or an unknown threat model.
 *
 * @example
 * ```ts
 * challengeStrength([5, 8, 9]);                  // 6.64 = log2(100): digit 5 is in the birth date
 * challengeStrength([7, 8, 9]);                  // 9.97 = log2(1000)
 * challengeStrength([1, 2, 3], 'stranger');      // 9.38
 * challengeStrength([9, 10], { known: [5, 8] }); // 6.64: what 5 and 8, already disclosed, leave
 * ```
 */
export function challengeStrength(positions: readonly number[], threat: ThreatModel = 'acquaintance'): number {
  const asked = positionMask(positions, 'positions', true);
  const known = knownMask(threat);
  return strengthBits(known, asked & ~known);
}
