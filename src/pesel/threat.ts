import { SafecallError } from '../core/errors.js';
import { SEX_KNOWN } from './entropy.js';
import { positionMask } from './positions.js';

/**
 * What the attacker is assumed to know before the challenge.
 *
 * - `'stranger'`: nothing; every valid PESEL (birth date 1800-01-01 to
 *   2299-12-31, any serial) is equally likely.
 * - `'acquaintance'`: the birth date (digits 1–6) and the sex (parity of
 *   digit 10), e.g. from social media.
 * - `{ known, sex? }`: the actual digits at positions `known` (disclosed
 *   earlier or overheard), on top of the stranger's uniform prior, and the sex
 *   (parity of digit 10) when `sex` is true. Repeated positions are allowed.
 *   `{ known: [1, 2, 3, 4, 5, 6], sex: true }` is an acquaintance who also
 *   overheard nothing; add the positions spoken on the line to model a
 *   listener of recent calls.
 *
 * @example
 * ```ts
 * const threat: ThreatModel = { known: [5, 8, 9] }; // digits read out on the last call
 * challengeStrength([7, 10, 11], threat);
 * challengeStrength([10, 11], { known: [1, 2, 3, 4, 5, 6, 7, 8, 9], sex: true }); // 2.32: only digit 10's 5 candidates
 * ```
 */
export type ThreatModel = 'stranger' | 'acquaintance' | { readonly known: readonly number[]; readonly sex?: boolean };

/** The attacker's knowledge as a known-mask (see entropy.ts), validating the threat model. */
export function knownMask(threat: unknown): number {
  if (threat === 'stranger') return 0;
  if (threat === 'acquaintance') return 0x3f | SEX_KNOWN;
  if (typeof threat === 'object' && threat !== null && 'known' in threat) {
    const sex = 'sex' in threat ? threat.sex : undefined;
    if (sex !== undefined && typeof sex !== 'boolean') throw new SafecallError('INVALID_ARGUMENT', 'threat.sex must be a boolean');
    return positionMask(threat.known, 'threat.known', false) | (sex ? SEX_KNOWN : 0);
  }
  throw new SafecallError('INVALID_ARGUMENT', "threat must be 'stranger', 'acquaintance' or { known: number[], sex?: boolean }");
}
