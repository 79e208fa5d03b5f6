import { randomInt, type RandomSource } from '../core/random.js';
import { pickChallenge, type PickChallengeOptions } from '../pesel/index.js';
import type { CallScript } from '../script/index.js';

/*
 * pickChallenge enumerates all 2047 position sets and their strengths on every
 * call (~15 µs), then draws once, uniformly, over the sets that qualify. Every
 * session of a script asks it the same question (same count, strength, threat
 * and — usually — the same avoided positions), so the list of qualifying sets
 * is memoised here, per script and avoided positions, and each session only
 * draws.
 *
 * The list is read out of pickChallenge itself, not recomputed: it is called
 * with a scripted random source answering 0, 1, 2, … and returns sets[0],
 * sets[1], … until the list wraps around. The memo is used only if that probe
 * shows exactly this behaviour (one draw per call, distinct sets, a clean
 * wrap); otherwise every session calls pickChallenge as before. Drawing
 * `randomInt(random, sets.length)` is then the very draw pickChallenge makes:
 * same random source in, same positions out.
 */

type Base = Required<Pick<PickChallengeOptions, 'count' | 'minStrengthBits' | 'threat'>>;

/** Longest possible list: C(11, 4) sets of 4 positions. */
const MAX_SETS = 330;

const memo = new WeakMap<CallScript, Map<number, readonly (readonly number[])[] | null>>();

function avoidKey(avoid: readonly number[]): number | undefined {
  let mask = 0;
  for (const p of avoid) {
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 1 || p > 11) return undefined;
    mask |= 1 << (p - 1);
  }
  return mask;
}

/** The sets pickChallenge draws from, in its order; null if it does not behave as a single draw over a list. Throws what pickChallenge throws. */
function probe(base: Base, avoid: readonly number[]): readonly (readonly number[])[] | null {
  let value = 0;
  let draws = 0;
  const scripted: RandomSource = {
    getRandomValues(array) {
      draws++;
      array.fill(0);
      array[0] = value;
      return array;
    },
  };
  const pick = (v: number): string => {
    value = v;
    draws = 0;
    const set = pickChallenge({ ...base, avoid, random: scripted }).join(',');
    return draws === 1 ? set : '';
  };
  const sets: string[] = [];
  for (let v = 0; v <= MAX_SETS; v++) {
    const set = pick(v);
    if (!set) return null;
    if (set === sets[0]) break;
    if (sets.includes(set)) return null;
    sets.push(set);
  }
  // A clean wrap: value n gave sets[0]; n + 1 must give sets[1].
  if (sets.length > MAX_SETS || (sets.length > 1 && pick(sets.length + 1) !== sets[1])) return null;
  return sets.map((s) => Object.freeze(s.split(',').map(Number)));
}

/**
 * `pickChallenge({ count, minStrengthBits, threat, avoid, random })` for the
 * script's PESEL policy, with the qualifying sets memoised per script and
 * `avoid`. Same result for the same random source; same errors.
 */
export function pickScriptChallenge(script: CallScript, avoid: readonly number[], random: RandomSource): number[] {
  const base: Base = { count: script.pesel.count, minStrengthBits: script.pesel.minStrengthBits, threat: script.pesel.threat };
  const key = avoidKey(avoid);
  if (key === undefined) return pickChallenge({ ...base, avoid, random });
  let perScript = memo.get(script);
  if (!perScript) memo.set(script, (perScript = new Map()));
  let sets = perScript.get(key);
  if (sets === undefined) {
    sets = probe(base, avoid);
    perScript.set(key, sets);
  }
  if (sets === null) return pickChallenge({ ...base, avoid, random });
  return [...sets[randomInt(random, sets.length)]!];
}
