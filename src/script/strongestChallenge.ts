/**
 * The strongest challenge of `count` positions, in bits: `challengeStrength`
 * of the best set. Serial digits are worth log2 10 each; under
 * `'acquaintance'` four positions top out at log2 5000, since the sex fixes
 * the parity of digit 10 (and digit 11 then follows from the rest); a
 * stranger's four serial digits are log2 10 000. A unit test derives every
 * entry from `challengeStrength`, so this table cannot drift from the math.
 *
 * @example
 * ```ts
 * strongestChallenge(3, 'acquaintance'); // 9.97
 * ```
 */
export function strongestChallenge(count: number, threat: 'acquaintance' | 'stranger'): number {
  if (count >= 4) return Math.log2(threat === 'acquaintance' ? 5000 : 10_000);
  return Math.log2(10 ** count);
}
