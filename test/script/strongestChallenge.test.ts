import { describe, expect, it } from 'vitest';
import { challengeStrength } from '../../src/pesel/index.js';
import { strongestChallenge } from '../../src/script/strongestChallenge.js';

function* sets(size: number, from = 1): Generator<number[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let p = from; p <= 11; p++) for (const rest of sets(size - 1, p + 1)) yield [p, ...rest];
}

describe('strongestChallenge', () => {
  it.each([1, 2, 3, 4].flatMap((count) => (['acquaintance', 'stranger'] as const).map((threat) => [count, threat] as const)))(
    'is the best challengeStrength of %i positions under %s',
    (count, threat) => {
      let best = 0;
      for (const positions of sets(count)) best = Math.max(best, challengeStrength(positions, threat));
      expect(strongestChallenge(count, threat)).toBeCloseTo(best, 9);
    },
  );
});
