/**
 * The performance work of issue 6 replaced some per-call work with cheaper
 * equivalents. Each must be indistinguishable from what it replaced.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pooledCryptoRandom } from '../../src/core/random.js';
import { createCallSession } from '../../src/index.js';
import { progressOf, statePath, stepOfPath, stepOfValue, topState } from '../../src/session/view.js';
import { seededRandom } from '../../src/testing/index.js';
import { depsFor, exampleScripts } from '../../bench/fixtures.js';

describe('pooled crypto random', () => {
  afterEach(() => vi.restoreAllMocks());

  it('fills arrays of any size with fresh values', () => {
    const random = pooledCryptoRandom();
    const seen = new Set<number>();
    for (let i = 0; i < 300; i++) for (const w of random.getRandomValues(new Uint32Array(3))) seen.add(w);
    expect(seen.size).toBeGreaterThan(890);
    expect(random.getRandomValues(new Uint32Array(1000)).some((w) => w !== 0)).toBe(true);
  });

  it('follows a replaced crypto.getRandomValues at once', () => {
    const random = pooledCryptoRandom();
    random.getRandomValues(new Uint32Array(1)); // the pool is filled
    vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation((array) => {
      (array as Uint32Array).fill(7);
      return array;
    });
    expect([...random.getRandomValues(new Uint32Array(2))]).toEqual([7, 7]);
  });
});

describe('step of a state value', () => {
  const paths = [
    ...['introduce', 'confirmPerson', 'callerId', 'callback', 'vipSubstitute', 'verified', 'failed', 'locked', 'wrongPerson', 'callbackScheduled', 'willCallBack', 'abandoned'],
    ...['safePlace.asking', 'safePlace.notSafe', 'safePlace.onHold', 'pesel.asking', 'pesel.checking', 'pesel.error', 'questions.asking', 'questions.checking', 'questions.error'],
    ...['mutual.inviting', 'mutual.revealing', 'mutual.revealed', 'mutual.error', 'pesel.nowhere', 'nowhere', 'toString.x', 'a.b.c'],
  ];
  const valueOf = (path: string): unknown => {
    const [head, ...rest] = path.split('.');
    return rest.length ? { [head!]: valueOf(rest.join('.')) } : head;
  };
  it('is stepOfPath(statePath(value)), and topState the first segment of the path', () => {
    for (const value of [...paths.map(valueOf), {}]) {
      const path = statePath(value);
      expect(stepOfValue(value), path).toBe(stepOfPath(path));
      expect(topState(value), path).toBe(path.split('.')[0]);
    }
  });
  it('gives the same progress from the top state as from the path', () => {
    for (const [, script] of Object.entries(exampleScripts())) {
      for (const path of paths) expect(progressOf(topState(valueOf(path)), script, 2)).toEqual(progressOf(path, script, 2));
    }
  });
});

describe('session id', () => {
  it('is the first four random words as 32 zero-padded hex digits', () => {
    const script = Object.values(exampleScripts())[0]!;
    for (let seed = 0; seed < 200; seed++) {
      const expected = Array.from(seededRandom(seed).getRandomValues(new Uint32Array(4)), (w) => w.toString(16).padStart(8, '0')).join('');
      expect(createCallSession(script, depsFor(seed, { random: seededRandom(seed) })).id).toBe(expected);
    }
  });
});
