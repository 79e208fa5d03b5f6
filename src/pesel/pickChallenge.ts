import { SafecallError } from '../core/errors.js';
import { cryptoRandom, randomInt, type RandomSource } from '../core/random.js';
import { knownMask, type ThreatModel } from './threat.js';
import { strengthBits } from './entropy.js';
import { ALL_POSITIONS, maskPositions, positionMask } from './positions.js';

/** Options of {@link pickChallenge}. */
export interface PickChallengeOptions {
  /** How many positions to ask, 1–4. Default 3. */
  count?: number;
  /** Minimum {@link challengeStrength} of the chosen set, in bits. Default 0. */
  minStrengthBits?: number;
  /** Threat model for the strength. Default `'acquaintance'`. */
  threat?: ThreatModel;
  /** Positions disclosed recently: never chosen. Repeats are fine. */
  avoid?: readonly number[];
  /**
   * Positions disclosed a while ago: still allowed, but among the qualifying
   * sets only those with the fewest of them are drawn from (fresh digits first).
   */
  stale?: readonly number[];
  /** If given, only these positions may be chosen. */
  allowed?: readonly number[];
  /** Random source. Default: Web Crypto's `crypto.getRandomValues`. */
  random?: RandomSource;
}

// Lets a caller pass Math.log2(100) and get the sets worth exactly a 100-way guess.
const EPSILON = 1e-9;

/**
 * Chooses which PESEL positions to ask, uniformly at random among every set of
 * `count` positions drawn from `allowed` minus `avoid` whose
 * {@link challengeStrength} reaches `minStrengthBits` (and, given `stale`,
 * that have the fewest stale positions). Never more than 4
 * positions, so never the full number.
 *
 * @returns the positions, ascending.
 * @throws {@link SafecallError} `NO_CHALLENGE` when no set qualifies (the message
 * says whether `count` versus `allowed`/`avoid`, or the minimum strength, is to
 * blame); `INVALID_ARGUMENT` for malformed options, including `count` > 4.
 *
 * @example
 * ```ts
 * pickChallenge();                                          // e.g. [3, 8, 9]
 * pickChallenge({ minStrengthBits: 9, avoid: [7] });        // e.g. [8, 9, 11]
 * pickChallenge({ count: 2, random: seededRandom(42) });    // deterministic, for tests
 * ```
 */
export function pickChallenge(options: PickChallengeOptions = {}): number[] {
  if (typeof options !== 'object' || options === null) throw new SafecallError('INVALID_ARGUMENT', 'pickChallenge options must be an object');
  const { count = 3, minStrengthBits = 0, threat = 'acquaintance', avoid = [], stale = [], allowed, random } = options;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 4) {
    throw new SafecallError('INVALID_ARGUMENT', 'count must be an integer from 1 to 4');
  }
  if (typeof minStrengthBits !== 'number' || Number.isNaN(minStrengthBits)) {
    throw new SafecallError('INVALID_ARGUMENT', 'minStrengthBits must be a number');
  }
  if (random !== undefined && typeof (random as Partial<RandomSource> | null)?.getRandomValues !== 'function') {
    throw new SafecallError('INVALID_ARGUMENT', 'random must have a getRandomValues method');
  }
  const known = knownMask(threat);
  const candidates = (allowed === undefined ? ALL_POSITIONS : positionMask(allowed, 'allowed', false)) & ~positionMask(avoid, 'avoid', false);
  const sets = freshest(qualifyingSets(known, candidates, count, minStrengthBits), positionMask(stale, 'stale', false));
  return maskPositions(sets[randomInt(random ?? cryptoRandom(), sets.length)]!);
}

// Every session of a script asks the same question (same count, minimum and
// threat model, usually the same avoided positions): the qualifying sets are
// memoised, so a pick is one draw. Bounded: a caller cycling through endless
// option combinations just starts the cache afresh.
const MEMO_LIMIT = 1024;
const memo = new Map<string, readonly number[] | SafecallError>();

function qualifyingSets(known: number, candidates: number, count: number, minStrengthBits: number): readonly number[] {
  const key = `${known}|${candidates}|${count}|${minStrengthBits}`;
  let sets = memo.get(key);
  if (sets === undefined) {
    sets = enumerateSets(known, candidates, count, minStrengthBits);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, sets);
  }
  if (sets instanceof SafecallError) throw new SafecallError(sets.code, sets.message);
  return sets;
}

function enumerateSets(known: number, candidates: number, count: number, minStrengthBits: number): readonly number[] | SafecallError {
  const sets: number[] = [];
  let fitting = 0;
  let best = 0;
  for (let mask = 1; mask <= ALL_POSITIONS; mask++) {
    if ((mask & candidates) !== mask || popcount(mask) !== count) continue;
    fitting++;
    const bits = strengthBits(known, mask & ~known);
    best = Math.max(best, bits);
    if (bits >= minStrengthBits - EPSILON) sets.push(mask);
  }
  if (!fitting) return new SafecallError('NO_CHALLENGE', `fewer than count=${count} positions are left after allowed/avoid`);
  if (!sets.length) return new SafecallError('NO_CHALLENGE', `no set of ${count} positions outside avoid reaches minStrengthBits (best is ${best.toFixed(2)} bits)`);
  return sets;
}

/** The sets with the fewest `stale` positions (all of them when nothing is stale). */
function freshest(sets: readonly number[], stale: number): readonly number[] {
  if (!stale) return sets;
  let best = Infinity;
  for (const mask of sets) best = Math.min(best, popcount(mask & stale));
  return sets.filter((mask) => popcount(mask & stale) === best);
}

function popcount(mask: number): number {
  let n = 0;
  for (; mask; mask &= mask - 1) n++;
  return n;
}
