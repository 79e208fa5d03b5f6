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
 * - `{ known }`: the actual digits at positions `known` (disclosed earlier or
 *   overheard), on top of the stranger's uniform prior. Nothing else, not even
 *   the sex. Repeated positions are allowed.
 *
 * @example
 * ```ts
 * const threat: ThreatModel = { known: [5, 8, 9] }; // digits read out on the last call
 * challengeStrength([7, 10, 11], threat);
 * ```
 */
export type ThreatModel = 'stranger' | 'acquaintance' | { readonly known: readonly number[] };

/** The attacker's knowledge as a known-mask (see entropy.ts), validating the threat model. */
export function knownMask(threat: unknown): number {
  if (threat === 'stranger') return 0;
  if (threat === 'acquaintance') return 0x3f | SEX_KNOWN;
  if (typeof threat === 'object' && threat !== null && 'known' in threat) return positionMask(threat.known, 'threat.known', false);
  throw new SafecallError('INVALID_ARGUMENT', "threat must be 'stranger', 'acquaintance' or { known: number[] }");
}
