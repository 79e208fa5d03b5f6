import { SafecallError } from '../core/errors.js';
import type { RandomSource } from '../core/random.js';
import { challengeStrength, pickChallenge, type ThreatModel } from '../pesel/index.js';
import type { CallScript } from '../script/index.js';
import type { LedgerRecord } from './store/records.js';

const BIRTH_DATE = [1, 2, 3, 4, 5, 6];
const ALL = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

/** Positions spoken on the line after `since` (epoch ms), from the ledger. */
export function spokenSince(ledger: LedgerRecord, since: number): number[] {
  return ALL.filter((p) => (ledger.spoken[p - 1] ?? 0) > since);
}

/**
 * The listener the challenge must hold against: the script's threat model
 * (an acquaintance knows the birth date and sex) plus every position spoken
 * on the line in this customer's recent calls.
 */
export function listener(script: CallScript, spoken: readonly number[]): ThreatModel & { known: number[] } {
  const base = script.pesel.threat === 'acquaintance' ? BIRTH_DATE : [];
  return { known: [...new Set([...base, ...spoken])].sort((a, b) => a - b), sex: script.pesel.threat === 'acquaintance' };
}

/** Bits of the number still unspoken for that listener: the strength of every position they do not know. */
export function bitsLeft(script: CallScript, spoken: readonly number[]): number {
  const threat = listener(script, spoken);
  return challengeStrength(
    ALL.filter((p) => !threat.known.includes(p)),
    threat,
  );
}

/** A challenge as the service issues it. */
export interface IssuedChallenge {
  positions: number[];
  bits: number;
  reissued: boolean;
}

/**
 * The challenge for a new call: the customer's open, unpassed challenge if
 * there is one (no challenge shopping), otherwise a fresh draw strong enough
 * against a listener of the recent calls, preferring positions not spoken for
 * longest; `null` when no set is strong enough any more.
 */
export function issueChallenge(script: CallScript, ledger: LedgerRecord, now: number, windows: { ledgerMs: number; freshMs: number }, random: RandomSource): IssuedChallenge | null {
  const recent = spokenSince(ledger, now - windows.ledgerMs);
  const threat = listener(script, recent);
  if (ledger.pin) return { positions: [...ledger.pin], bits: challengeStrength(ledger.pin, threat), reissued: true };
  const stale = spokenSince(ledger, now - windows.freshMs).filter((p) => !recent.includes(p));
  try {
    const positions = pickChallenge({ count: script.pesel.count, minStrengthBits: script.pesel.minStrengthBits, threat, avoid: recent, stale, random });
    return { positions, bits: challengeStrength(positions, threat), reissued: false };
  } catch (error) {
    if (error instanceof SafecallError && error.code === 'NO_CHALLENGE') return null;
    throw error;
  }
}
