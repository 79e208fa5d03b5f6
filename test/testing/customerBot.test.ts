import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafecallError, OUTCOME_KINDS } from '../../src/index.js';
import { customerBot, PERSONA_NAMES, PERSONAS, simulateCall, type Persona } from '../../src/testing/index.js';
import { example, smallScript } from './helpers.js';

const fraudAlert = example('fraud-alert');

describe('customerBot', () => {
  it('plays every named persona on fraud-alert to the outcome it stands for', async () => {
    const outcomes: Record<string, string> = {};
    for (const name of PERSONA_NAMES) {
      const result = await simulateCall(fraudAlert, customerBot(name));
      expect(result.customer).toBe(name);
      outcomes[name] = result.outcome ? ('reason' in result.outcome ? `${result.outcome.kind}/${result.outcome.reason}` : result.outcome.kind) : 'none';
    }
    expect(outcomes).toEqual({
      cooperative: 'verified',
      'steps-aside': 'verified',
      'unsafe-place': 'callback-scheduled',
      'will-call-back': 'customer-will-call-back/customer-request',
      forgetful: 'verified',
      impostor: 'failed/challenge-failed',
      silent: 'failed/challenge-failed',
      'fraud-suspicious': 'failed/mutual-mismatch',
      'caller-id-mismatch': 'customer-will-call-back/caller-id-mismatch',
      'wrong-person': 'wrong-person',
      'hangs-up': 'abandoned/hang-up',
      'vip-doubter': 'verified',
    });
  });

  it('steps aside once, then continues', async () => {
    const result = await simulateCall(fraudAlert, customerBot('steps-aside'));
    expect(result.audit.filter((e) => e.type === 'hold')).toHaveLength(1);
    expect(result.audit.filter((e) => e.type === 'resume')).toHaveLength(1);
  });

  it('asks for a callback in the minutes its persona says', async () => {
    const result = await simulateCall(fraudAlert, customerBot({ place: 'unsafe', whenUnsafe: { callbackInMinutes: 45 } }));
    expect(result.outcome?.kind).toBe('callback-scheduled');
    const at = result.outcome?.kind === 'callback-scheduled' ? Date.parse(result.outcome.callback.at) : NaN;
    const asked = Date.parse(result.audit.find((e) => e.type === 'safe-place')!.at);
    expect(at - asked).toBeGreaterThanOrEqual(45 * 60_000);
    expect(at - asked).toBeLessThan(55 * 60_000);
  });

  it('asks for the last three digits like the article, then for what the agent suggests', async () => {
    // positions 9-11 include one the customer said, and 2 allowed fit the limit of 2
    const result = await simulateCall(fraudAlert, customerBot('cooperative'), { seed: 2 });
    const requests = result.audit.filter((e) => e.type === 'mutual-requested');
    expect(requests[0]?.data).toMatchObject({ requested: [9, 10, 11] });
    const revealed = result.audit.find((e) => e.type === 'digits-revealed');
    expect(revealed?.type === 'digits-revealed' && revealed.data.positions.length).toBeGreaterThan(0);
    expect(result.audit.some((e) => e.type === 'mutual-result' && e.data.matches)).toBe(true);
  });

  it('answers per attempt: wrong first, right second', async () => {
    const result = await simulateCall(smallScript(), customerBot({ digits: ['wrong', 'correct'], answers: ['dont-know', 'correct'] }));
    expect(result.outcome).toEqual({ kind: 'verified' });
    expect(result.audit.filter((e) => e.type === 'challenge-failed').map((e) => e.type === 'challenge-failed' && e.data.cause)).toEqual(['wrong']);
    expect(result.audit.filter((e) => e.type === 'question-failed').map((e) => e.type === 'question-failed' && e.data.cause)).toEqual(['dont-know']);
  });

  it('hangs up at a turn number', async () => {
    const result = await simulateCall(fraudAlert, customerBot({ hangUpAt: 3 }));
    expect(result.outcome).toEqual({ kind: 'abandoned', reason: 'hang-up' });
    expect(result.turns).toBe(3);
  });

  it('rejects an unknown persona, listing the known ones', () => {
    let error: unknown;
    try {
      customerBot('nobody' as never);
    } catch (e) {
      error = e;
    }
    expect(isSafecallError(error, 'INVALID_ARGUMENT')).toBe(true);
    expect((error as Error).message).toContain('unknown persona "nobody"');
    for (const name of PERSONA_NAMES) expect((error as Error).message).toContain(name);
    expect(() => customerBot('toString' as never)).toThrow(/unknown persona/);
  });

  it('rejects an invalid persona object', () => {
    expect(() => customerBot({ digits: 'maybe' } as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => customerBot({ hangUpAt: 'lunch' } as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('presets are valid personas', () => {
    for (const persona of Object.values(PERSONAS)) expect(() => customerBot(persona)).not.toThrow();
  });
});

const style = fc.constantFrom('correct', 'wrong', 'dont-know', 'silent');
const persona: fc.Arbitrary<Persona> = fc.record(
  {
    isThePerson: fc.boolean(),
    callerIdMatches: fc.boolean(),
    place: fc.constantFrom('safe', 'steps-aside', 'unsafe'),
    whenUnsafe: fc.oneof(fc.constant('will-call-back' as const), fc.record({ callbackInMinutes: fc.integer({ min: 0, max: 60 * 24 * 20 }) })),
    digits: fc.oneof(style, fc.array(style, { minLength: 1, maxLength: 4 })),
    answers: fc.oneof(style, fc.array(style, { minLength: 1, maxLength: 4 })),
    via: fc.constantFrom('voice', 'keypad'),
    mutual: fc.oneof(fc.constantFrom('decline', 'last-three', 'suggested'), fc.uniqueArray(fc.integer({ min: 1, max: 11 }), { minLength: 1, maxLength: 4 })),
    disputesReveal: fc.boolean(),
    trustsSubstitute: fc.boolean(),
    hangUpAt: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constantFrom('pesel-digit', 'question', 'mutual', 'reveal', 'safe-place')),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Persona>;

describe('customerBot (property)', () => {
  it.each(['fraud-alert', 'loan-offer', 'vip-substitute'] as const)('any persona ends a %s call in a defined outcome, within the turn limit', async (name) => {
    const script = example(name);
    await fc.assert(
      fc.asyncProperty(persona, fc.integer({ min: 1, max: 1000 }), async (p, seed) => {
        const result = await simulateCall(script, customerBot(p), { seed });
        expect(result.done).toBe(true);
        expect(OUTCOME_KINDS).toContain(result.outcome?.kind);
        expect(result.turns).toBeLessThanOrEqual(100);
        // the last audit event is the outcome, and the customer's digits never show
        expect(result.audit.filter((e) => e.type === 'outcome')).toHaveLength(1);
        for (const e of result.transcript) if (e.who === 'customer' && e.event.type === 'ANSWER_DIGIT') expect(e.event.digit).toBe('[digit given]');
      }),
      { numRuns: 60 },
    );
  });
});
