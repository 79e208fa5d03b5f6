/**
 * The performance work of issue 6 replaced some per-call work with fast paths
 * and memos. Each must be indistinguishable from what it replaced: same
 * output for the same input, same errors, same random draws.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { pooledCryptoRandom } from '../../src/core/random.js';
import { createCallSession, pickChallenge, type CallSessionDeps } from '../../src/index.js';
import { pickScriptChallenge } from '../../src/session/challenge.js';
import { fastDeps } from '../../src/session/deps.js';
import { parseSessionEventFast, sessionEventSchema } from '../../src/session/events.js';
import { depsSchema } from '../../src/session/session.js';
import { progressOf, statePath, stepOfPath, stepOfValue, topState } from '../../src/session/view.js';
import { seededRandom } from '../../src/testing/index.js';
import { depsFor, exampleScripts, instantVerifier } from '../../bench/fixtures.js';

const TYPES = ['CONFIRM', 'DENY', 'HOLD', 'RESUME', 'ANSWER_DIGIT', 'ANSWER', 'CUSTOMER_ASKS_DIGITS', 'DONT_KNOW', 'REQUEST_CALLBACK', 'CUSTOMER_WILL_CALL_BACK', 'HANG_UP', 'RETRY', 'NOPE'];
const position = fc.oneof(fc.integer({ min: -1, max: 12 }), fc.constantFrom(1.5, Number.NaN, '7', undefined, 2 ** 53));
const withExtraKey = <T extends object>(arb: fc.Arbitrary<T>) => fc.tuple(arb, fc.constantFrom('type', 'position', 'digit', 'via', 'extra', '__proto__x'), fc.anything()).map(([e, k, v]) => ({ ...e, [k]: v }));
const eventLike = fc.oneof(
  fc.record({ type: fc.constantFrom(...TYPES) }),
  fc.record(
    { type: fc.constant('ANSWER_DIGIT'), position, digit: fc.oneof(fc.constantFrom('0', '9', 'a', '10', '', ' 1'), fc.string({ maxLength: 2 })), via: fc.constantFrom('voice', 'keypad', 'dtmf', undefined) },
    { requiredKeys: ['type'] },
  ),
  fc.record({ type: fc.constant('ANSWER'), questionId: fc.string({ maxLength: 70 }), value: fc.oneof(fc.string({ maxLength: 210 }), fc.integer()) }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('CUSTOMER_ASKS_DIGITS'), positions: fc.oneof(fc.array(position, { maxLength: 13 }), fc.constant([1, , 3])) }, { requiredKeys: ['type'] }),
);

describe('session event fast path', () => {
  it('returns exactly what the schema returns, or defers to it', () => {
    let hits = 0;
    fc.assert(
      fc.property(fc.oneof(eventLike, withExtraKey(eventLike), fc.anything()), (input) => {
        const fast = parseSessionEventFast(input);
        if (fast === undefined) return;
        hits++;
        const slow = z.safeParse(sessionEventSchema, input);
        expect(slow.success).toBe(true);
        expect(fast).toStrictEqual(slow.data);
      }),
      { numRuns: 3000 },
    );
    // not vacuous: a fair share of the inputs took the fast path
    expect(hits).toBeGreaterThan(30);
  });

  it('takes the fast path for the events of an ordinary call', () => {
    for (const event of [
      { type: 'CONFIRM' },
      { type: 'ANSWER_DIGIT', position: 5, digit: '1' },
      { type: 'ANSWER_DIGIT', position: 5, digit: '1', via: 'keypad' },
      { type: 'ANSWER', questionId: 'q', value: '250' },
      { type: 'CUSTOMER_ASKS_DIGITS', positions: [10, 11] },
    ]) {
      expect(parseSessionEventFast(event)).toStrictEqual(z.parse(sessionEventSchema, event));
    }
  });
});

describe('session deps fast path', () => {
  // Mostly valid values (so the fast path is exercised), sometimes not.
  const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) => fc.oneof({ arbitrary: valid, weight: 9 }, { arbitrary: invalid, weight: 1 });
  const name = mostly(fc.constantFrom('Anna', '  Jan Kowalski ', 'Ewa\t'), fc.oneof(fc.constantFrom('', '   '), fc.string({ maxLength: 4 }), fc.integer()));
  const clock = { now: () => 0, setTimeout: () => 0, clearTimeout: () => undefined };
  const depsLike = fc.record(
    {
      agent: mostly(fc.record({ name, id: mostly(fc.constant('a-1'), fc.constantFrom('', 1)) }), fc.oneof(fc.constant(null), fc.record({ name }))),
      customer: fc.record(
        {
          name,
          ref: mostly(fc.constant('c-1'), fc.constantFrom('', 7)),
          form: mostly(fc.constantFrom('pan', 'pani', undefined), fc.constant('ty')),
          recentPositions: mostly(fc.oneof(fc.array(fc.integer({ min: 1, max: 11 }), { maxLength: 4 }), fc.constant(undefined)), fc.oneof(fc.array(position, { maxLength: 4 }), fc.constant([1, , 3]), fc.constant('1,2'))),
          extra: fc.anything(),
        },
        { requiredKeys: ['name', 'ref'] },
      ),
      verifier: mostly(fc.constant(instantVerifier), fc.constantFrom({ checkDigits: () => 0 }, null, undefined)),
      clock: mostly(fc.constantFrom(clock, undefined), fc.constant({})),
      random: mostly(fc.constantFrom(globalThis.crypto, seededRandom(1), undefined), fc.constant({ getRandomValues: 1 })),
      audit: mostly(fc.constantFrom(() => undefined, undefined), fc.constant('log')),
      id: mostly(fc.constantFrom('s-1', 'x'.repeat(128), undefined), fc.constantFrom('', 'x'.repeat(129), 5)),
      extra: fc.anything(),
    },
    { requiredKeys: ['agent', 'customer', 'verifier'] },
  );
  it('returns exactly what the schema returns, or defers to it', () => {
    let hits = 0;
    fc.assert(
      fc.property(fc.oneof(depsLike, fc.anything()), (input) => {
        const fast = fastDeps(input);
        if (fast === undefined) return;
        hits++;
        const slow = z.safeParse(depsSchema, input);
        expect(slow.success).toBe(true);
        expect(fast).toStrictEqual(slow.data);
      }),
      { numRuns: 3000 },
    );
    // not vacuous: a fair share of the inputs took the fast path
    expect(hits).toBeGreaterThan(30);
  });

  it('takes the fast path for ordinary deps', () => {
    const deps: CallSessionDeps = { agent: { name: ' Anna ', id: 'a' }, customer: { name: 'Jan', ref: 'c', form: 'pan', recentPositions: [5] }, verifier: instantVerifier, clock };
    expect(fastDeps(deps)).toStrictEqual(z.parse(depsSchema, deps));
  });
});

describe('challenge memo', () => {
  const scripts = Object.entries(exampleScripts());
  it('draws the same positions as pickChallenge from the same random source, with the same errors', () => {
    fc.assert(
      fc.property(fc.constantFrom(...scripts), fc.uniqueArray(fc.integer({ min: 1, max: 11 }), { maxLength: 9 }), fc.integer(), ([, script], avoid, seed) => {
        const options = { count: script.pesel.count, minStrengthBits: script.pesel.minStrengthBits, threat: script.pesel.threat, avoid };
        let expected: unknown;
        try {
          expected = pickChallenge({ ...options, random: seededRandom(seed) });
        } catch (error) {
          expected = error;
        }
        if (expected instanceof Error) expect(() => pickScriptChallenge(script, avoid, seededRandom(seed))).toThrow(expected);
        else expect(pickScriptChallenge(script, avoid, seededRandom(seed))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

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
