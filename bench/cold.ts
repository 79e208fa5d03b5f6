/**
 * Cold costs of the PESEL strength tables, in a fresh process:
 *   node --import tsx bench/cold.ts
 * Prints one JSON line: the first call (tables built), and a sweep of
 * first-sight evaluations — every 3-position set under every `{ known: [x, y] }`
 * threat model, none of them memoised yet.
 */
import { challengeStrength } from '../src/pesel/index.js';

const t0 = performance.now();
challengeStrength([7, 8, 9]);
const t1 = performance.now();
challengeStrength([7, 8, 11], 'stranger');
const t2 = performance.now();

const sets: number[][] = [];
for (let a = 1; a <= 11; a++) for (let b = a + 1; b <= 11; b++) for (let c = b + 1; c <= 11; c++) sets.push([a, b, c]);
let evaluations = 0;
const t3 = performance.now();
for (let x = 1; x <= 11; x++) {
  for (let y = x + 1; y <= 11; y++) {
    for (const set of sets) {
      challengeStrength(set, { known: [x, y] });
      evaluations++;
    }
  }
}
const sweepMs = performance.now() - t3;
console.log(JSON.stringify({ acquaintanceMs: t1 - t0, strangerMs: t2 - t1, firstSight: { evaluations, ms: sweepMs, perSec: (evaluations * 1000) / sweepMs } }));
