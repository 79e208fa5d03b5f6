import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafecallError, type OutcomeKind } from '../../src/index.js';
import { customerBot, PERSONA_NAMES, PERSONAS, simulateCall, type Persona } from '../../src/testing/index.js';
import { example, smallScript } from './helpers.js';

const fraudAlert = example('fraud-alert');
const OUTCOMES: readonly OutcomeKind[] = ['verified', 'failed', 'locked', 'wrong-person', 'callback-scheduled', 'customer-will-call-back', 'abandoned'];

describe('customerBot', () => {
  it('names every persona, in a stable order', () => {
    expect([...PERSONA_NAMES].sort()).toEqual(Object.keys(PERSONAS).sort());
    for (const name of PERSONA_NAMES) expect(customerBot(name).persona).toBe(name);
  });

  it('steps aside once, then continues', async () => {
    const result = await simulateCall(fraudAlert, customerBot('steps-aside'));
    expect(result.audit.filter((e) => e.type === 'hold')).toHaveLength(1);
    expect(result.audit.filter((e) => e.type === 'resume')).toHaveLength(1);
    expect(result.outcome).toEqual({ kind: 'verified' });
  });

  it('asks for a callback in the minutes its persona says', async () => {
    const result = await simulateCall(fraudAlert, customerBot({ place: 'unsafe', whenUnsafe: { callbackInMinutes: 45 } }));
    expect(result.outcome?.kind).toBe('callback-scheduled');
    const at = result.outcome?.kind === 'callback-scheduled' ? Date.parse(result.outcome.callback.at) : NaN;
    const asked = Date.parse(result.audit.find((e) => e.type === 'safe-place')!.at);
    expect(at - asked).toBeGreaterThanOrEqual(45 * 60_000);
    expect(at - asked).toBeLessThan(55 * 60_000);
  });

  it('declines to give digits: consent refused, then will call the official number', async () => {
    const result = await simulateCall(fraudAlert, customerBot('declines-consent'));
    expect(result.audit.find((e) => e.type === 'consent')?.data).toEqual({ given: false });
    expect(result.audit.some((e) => e.type === 'digit-given')).toBe(false);
    expect(result.outcome).toEqual({ kind: 'customer-will-call-back', reason: 'customer-request' });
  });

  it('types the digits on the keypad', async () => {
    const result = await simulateCall(fraudAlert, customerBot('keypad'));
    const via = result.audit.flatMap((e) => (e.type === 'digit-given' ? [e.data.via] : []));
    expect(via.length).toBe(fraudAlert.pesel.count);
    expect(new Set(via)).toEqual(new Set(['keypad']));
    expect(result.outcome).toEqual({ kind: 'verified' });
  });

  it('asks for the last three digits like the article, then for what the agent may read out', async () => {
    const result = await simulateCall(fraudAlert, customerBot('cooperative'));
    const requests = result.audit.flatMap((e) => (e.type === 'mutual-requested' ? [e.data] : []));
    expect(requests[0]).toMatchObject({ requested: [9, 10, 11] });
    expect(result.state?.revealed.length).toBeGreaterThan(0);
    expect(result.audit.some((e) => e.type === 'mutual-result' && e.data.matches)).toBe(true);
  });

  it('asks for a position they said themselves: refused as said, then asks for an allowed one', async () => {
    const result = await simulateCall(fraudAlert, customerBot('asks-said-digit'));
    const [first, second] = result.audit.flatMap((e) => (e.type === 'mutual-requested' ? [e.data] : []));
    expect(first?.refused).toEqual([{ position: first!.requested[0]!, reason: 'said' }]);
    expect(result.state?.challenge).toContain(first!.requested[0]);
    expect(second?.allowed.length).toBeGreaterThan(0);
    expect(result.outcome).toEqual({ kind: 'verified' });
  });

  it('answers per attempt: wrong first, right second', async () => {
    const result = await simulateCall(smallScript(), customerBot({ digits: ['wrong', 'correct'], answers: ['dont-know', 'correct'] }));
    expect(result.outcome).toEqual({ kind: 'verified' });
    expect(result.audit.flatMap((e) => (e.type === 'challenge-failed' ? [e.data.cause] : []))).toEqual(['wrong']);
    expect(result.audit.flatMap((e) => (e.type === 'question-failed' ? [e.data.cause] : []))).toEqual(['dont-know']);
  });

  it('hangs up at a turn number', async () => {
    const result = await simulateCall(fraudAlert, customerBot({ hangUpAt: 3 }));
    expect(result.outcome).toEqual({ kind: 'abandoned', reason: 'hang-up' });
    expect(result.turns).toBe(3);
  });

  it('rejects an unknown persona, listing the known ones', () => {
    let error: unknown;
    try {
      customerBot(JSON.parse('"nobody"'));
    } catch (e) {
      error = e;
    }
    expect(isSafecallError(error, 'INVALID_ARGUMENT')).toBe(true);
    expect((error as Error).message).toContain('unknown persona "nobody"');
    for (const name of PERSONA_NAMES) expect((error as Error).message).toContain(name);
    expect(() => customerBot(JSON.parse('"toString"'))).toThrow(/unknown persona/);
  });

  it('rejects an invalid persona object', () => {
    expect(() => customerBot(JSON.parse('{"digits":"maybe"}'))).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => customerBot(JSON.parse('{"hangUpAt":"lunch"}'))).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('presets are valid personas', () => {
    for (const persona of Object.values(PERSONAS)) expect(() => customerBot(persona)).not.toThrow();
  });
});

const style = fc.constantFrom('correct', 'wrong', 'dont-know', 'silent');
const persona: fc.Arbitrary<Persona> = fc.record(
  {
    isThePerson: fc.boolean(),
    trustsSubstitute: fc.boolean(),
    callerIdMatches: fc.boolean(),
    place: fc.constantFrom('safe', 'steps-aside', 'unsafe'),
    consents: fc.boolean(),
    whenUnsafe: fc.oneof(fc.constant('will-call-back' as const), fc.record({ callbackInMinutes: fc.integer({ min: 0, max: 60 * 24 * 20 }) })),
    digits: fc.oneof(style, fc.array(style, { minLength: 1, maxLength: 4 })),
    answers: fc.oneof(style, fc.array(style, { minLength: 1, maxLength: 4 })),
    via: fc.constantFrom('voice', 'keypad'),
    mutual: fc.oneof(fc.constantFrom('decline', 'last-three', 'allowed', 'said'), fc.uniqueArray(fc.integer({ min: 1, max: 11 }), { minLength: 1, maxLength: 4 })),
    disputesReveal: fc.boolean(),
    hangUpAt: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constantFrom('consent', 'pesel-digit', 'question', 'mutual', 'reveal', 'safe-place')),
  },
  { requiredKeys: [] },
);

describe('customerBot (property)', () => {
  it.each(['fraud-alert', 'loan-offer', 'vip-substitute'] as const)('any persona ends a %s call in an outcome the service recorded too, within the turn limit', async (name) => {
    const script = example(name);
    await fc.assert(
      fc.asyncProperty(persona, fc.integer({ min: 1, max: 1000 }), async (p, seed) => {
        const result = await simulateCall(script, customerBot(p), { seed });
        expect(result.done).toBe(true);
        expect(OUTCOMES).toContain(result.outcome?.kind);
        expect(result.turns).toBeLessThanOrEqual(100);
        expect(result.audit.filter((e) => e.type === 'outcome')).toHaveLength(1);
        if (result.state) expect(result.state.outcome?.kind).toBe(result.outcome?.kind);
        for (const e of result.transcript) if (e.who === 'customer' && e.event.type === 'ANSWER_DIGIT') expect(e.event.digit).toBe('[digit given]');
      }),
      { numRuns: 25 },
    );
  });
});
