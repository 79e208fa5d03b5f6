import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  callbackPlanner,
  callbackReference,
  describeCallback,
  nextCallbackSlots,
  parseCallbackPolicy,
  type CallbackAsk,
  type CallbackPlanner,
  type CallbackPolicy,
  type CallbackPolicyInput,
  type CallbackRefusal,
} from '../../src/callback/index.js';
import { HOST_OFFSETS, HOST_TIME_ZONES, runInTimeZone, seededRandom } from './helpers.js';

const at = (iso: string) => Date.parse(iso);
const policyOf = (input: CallbackPolicyInput = {}): CallbackPolicy => parseCallbackPolicy(input);
/** A policy as a validated script holds it: parsed once, deeply frozen. */
const frozen = (input: CallbackPolicyInput = {}): CallbackPolicy => {
  const policy = policyOf(input);
  for (const hours of Object.values(policy.hours)) if (hours) Object.freeze(hours);
  Object.freeze(policy.hours);
  return Object.freeze(policy);
};

const DEFAULT = frozen();
const ALL_DAY = { from: '00:00', to: '24:00' };
const SUNDAY_OPEN = frozen({ hours: { sun: { from: '08:00', to: '20:00' } } });
const SUNDAY_24H = frozen({ hours: { sun: ALL_DAY } });
// Tuesday 24 November 2026, 10:00 in Warsaw (CET, UTC+1)
const TUE_10 = at('2026-11-24T09:00:00Z');
const planner = callbackPlanner();
const spoken = (slots: { spoken: string }[]) => slots.map((slot) => slot.spoken);

describe('callbackPlanner: the CallbackPlanner port', () => {
  it('has suggest, window and plan', () => {
    const port: CallbackPlanner = callbackPlanner();
    expect(Object.keys(port).sort()).toEqual(['plan', 'suggest', 'window']);
  });

  it('suggest: slots { at, spoken } in the locale of the script', () => {
    expect(planner.suggest(DEFAULT, TUE_10, 'pl', 3)).toEqual([
      { at: '2026-11-24T09:05:00.000Z', spoken: 'dziś o 10:05' },
      { at: '2026-11-24T10:05:00.000Z', spoken: 'dziś o 11:05' },
      { at: '2026-11-25T07:00:00.000Z', spoken: 'jutro o 8:00' },
    ]);
    expect(spoken(planner.suggest(DEFAULT, TUE_10, 'en', 5))).toEqual([
      'today at 10:05',
      'today at 11:05',
      'tomorrow at 8:00',
      'on Thursday 26 November at 8:00',
      'on Friday 27 November at 8:00',
    ]);
  });

  it('window: the first and last allowed instants, or undefined when nothing is allowed', () => {
    expect(planner.window(DEFAULT, TUE_10)).toEqual({ earliest: '2026-11-24T09:05:00.000Z', latest: '2026-12-08T09:00:00.000Z' });
    const onlySundayMorning = frozen({ hours: { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: { from: '10:00', to: '11:00' } }, maxDays: 1 });
    expect(planner.window(onlySundayMorning, at('2026-11-23T09:00:00Z'))).toBeUndefined();
    expect(planner.suggest(onlySundayMorning, at('2026-11-23T09:00:00Z'), 'pl', 3)).toEqual([]);
  });

  it('plan: an allowed time is the callback { at, spoken, reference }', () => {
    const decision = planner.plan({ inMinutes: 15 }, DEFAULT, TUE_10, 'pl', seededRandom(1));
    expect(decision).toEqual({ ok: true, callback: { at: '2026-11-24T09:15:00.000Z', spoken: 'dziś o 10:15', reference: callbackReference(seededRandom(1)) } });
    if (decision.ok) expect(decision.callback.reference).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
    expect(planner.plan({ at: '2026-11-30T10:00' }, DEFAULT, TUE_10, 'en', seededRandom(2))).toEqual({
      ok: true,
      callback: { at: '2026-11-30T09:00:00.000Z', spoken: 'on Monday 30 November at 10:00', reference: callbackReference(seededRandom(2)) },
    });
    expect(planner.plan({ earliestAfterMinutes: 0 }, DEFAULT, at('2026-11-28T13:58:00Z'), 'pl', seededRandom(3))).toMatchObject({
      ok: true,
      callback: { at: '2026-11-30T07:00:00.000Z', spoken: 'w poniedziałek 30 listopada o 8:00' },
    });
  });

  it.each<[CallbackRefusal, CallbackAsk, CallbackPolicy]>([
    ['too-soon', { inMinutes: 0 }, DEFAULT],
    ['outside-hours', { at: '2026-11-24T21:00' }, DEFAULT],
    ['closed-day', { at: '2026-11-29T10:00' }, DEFAULT],
    ['beyond-horizon', { at: '2026-12-24T10:00' }, DEFAULT],
    ['beyond-horizon', { earliestAfterMinutes: 20 * 24 * 60 }, DEFAULT],
    ['nonexistent-time', { at: '2027-03-28T02:15' }, frozen({ maxDays: 200 })],
  ])('plan refuses %s and offers the slots suggest offers', (reason, request, policy) => {
    expect(planner.plan(request, policy, TUE_10, 'pl', seededRandom(1))).toEqual({
      ok: false,
      reason,
      suggestions: [
        { at: '2026-11-24T09:05:00.000Z', spoken: 'dziś o 10:05' },
        { at: '2026-11-24T10:05:00.000Z', spoken: 'dziś o 11:05' },
        { at: '2026-11-25T07:00:00.000Z', spoken: 'jutro o 8:00' },
      ],
    });
  });

  it.each<[string, CallbackAsk]>([
    ['a date in another format', { at: '24.11.2026 10:00' }],
    ['a day that does not exist', { at: '2026-02-30T10:00' }],
    ['an hour 24', { at: '2026-11-24T24:00' }],
    ['negative minutes', { inMinutes: -5 }],
    ['two kinds at once', { inMinutes: 5, at: '2026-11-24T10:00' } as CallbackAsk],
  ])('plan throws INVALID_CALLBACK for %s', (_name, request) => {
    expect(() => planner.plan(request, DEFAULT, TUE_10, 'pl', seededRandom(1))).toThrow(expect.objectContaining({ name: 'SafecallError', code: 'INVALID_CALLBACK' }));
  });

  it('rejects a now outside 1990–9000 (INVALID_CALLBACK) and a bad count or margin (INVALID_ARGUMENT)', () => {
    expect(() => planner.suggest(DEFAULT, Number.NaN, 'pl', 3)).toThrow(expect.objectContaining({ code: 'INVALID_CALLBACK' }));
    expect(() => planner.window(DEFAULT, at('1985-01-01T00:00:00Z'))).toThrow(expect.objectContaining({ code: 'INVALID_CALLBACK' }));
    expect(() => planner.suggest(DEFAULT, TUE_10, 'pl', 0)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => callbackPlanner({ closingMarginMinutes: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('callbackPlanner: suggestions a person would offer', () => {
  it('never a slot in the last 30 minutes before closing', () => {
    // Tuesday 19:40, "call me in half an hour": 20:10 is closed, and 19:45 leaves 15 minutes
    const decision = planner.plan({ inMinutes: 30 }, DEFAULT, at('2026-11-24T18:40:00Z'), 'pl', seededRandom(1));
    expect(decision.ok ? [] : spoken(decision.suggestions)).toEqual(['jutro o 8:00', 'w czwartek 26 listopada o 8:00', 'w piątek 27 listopada o 8:00']);
    // …but asked for 19:55, it plans 19:55: the margin is for offers only
    expect(planner.plan({ at: '2026-11-24T19:55' }, DEFAULT, at('2026-11-24T18:40:00Z'), 'pl', seededRandom(1))).toMatchObject({ ok: true, callback: { spoken: 'dziś o 19:55' } });
    // with another margin
    expect(spoken(callbackPlanner({ closingMarginMinutes: 10 }).suggest(DEFAULT, at('2026-11-24T18:40:00Z'), 'pl', 2))).toEqual(['dziś o 19:45', 'jutro o 8:00']);
  });

  it('today the first free slot and one at least an hour later, if there is room', () => {
    expect(spoken(planner.suggest(DEFAULT, at('2026-11-24T17:20:00Z'), 'pl', 3))).toEqual(['dziś o 18:25', 'dziś o 19:25', 'jutro o 8:00']);
    expect(spoken(planner.suggest(DEFAULT, at('2026-11-24T17:40:00Z'), 'pl', 3))).toEqual(['dziś o 18:45', 'jutro o 8:00', 'w czwartek 26 listopada o 8:00']);
  });

  it('nearest days first, one a day: never Tuesday 8:00 while Monday 10:00 is free', () => {
    const lateMonday = frozen({ hours: { mon: { from: '10:00', to: '20:00' } } });
    expect(spoken(planner.suggest(lateMonday, at('2026-11-28T14:30:00Z'), 'pl', 3))).toEqual([
      'w poniedziałek 30 listopada o 10:00',
      'we wtorek 1 grudnia o 8:00',
      'w środę 2 grudnia o 8:00',
    ]);
  });

  it('Saturday hours: 9:00–15:00, the last offer 14:30', () => {
    // Friday 19:50 → Saturday 9:00
    expect(spoken(planner.suggest(DEFAULT, at('2026-11-27T18:50:00Z'), 'pl', 3))).toEqual(['jutro o 9:00', 'w poniedziałek 30 listopada o 8:00', 'we wtorek 1 grudnia o 8:00']);
    expect(spoken(planner.suggest(DEFAULT, at('2026-11-28T13:25:00Z'), 'en', 2))).toEqual(['today at 14:30', 'on Monday 30 November at 8:00']);
    expect(spoken(planner.suggest(DEFAULT, at('2026-11-28T13:26:00Z'), 'en', 2))).toEqual(['on Monday 30 November at 8:00', 'on Tuesday 1 December at 8:00']);
  });

  it('skips Sundays and Polish public holidays', () => {
    // Tuesday 10 November 19:40: Wednesday 11 November is Independence Day
    expect(spoken(planner.suggest(DEFAULT, at('2026-11-10T18:40:00Z'), 'pl', 3))).toEqual([
      'w czwartek 12 listopada o 8:00',
      'w piątek 13 listopada o 8:00',
      'w sobotę 14 listopada o 9:00',
    ]);
    // Saturday 4 April 2026 14:30 before Easter: Sunday and Easter Monday closed
    expect(spoken(planner.suggest(DEFAULT, at('2026-04-04T12:30:00Z'), 'pl', 3))).toEqual(['we wtorek 7 kwietnia o 8:00', 'w środę 8 kwietnia o 8:00', 'w czwartek 9 kwietnia o 8:00']);
    // Wednesday 30 December 19:40: New Year's Day is closed, the year is said
    expect(spoken(planner.suggest(DEFAULT, at('2026-12-30T18:40:00Z'), 'pl', 3))).toEqual([
      'jutro o 8:00',
      'w sobotę 2 stycznia 2027 o 9:00',
      'w poniedziałek 4 stycznia 2027 o 8:00',
    ]);
  });

  it('DST days keep 8:00 on the wall', () => {
    // Saturday 28 March 2026 15:00 CET: Sunday 8:00 is already CEST (06:00Z)
    expect(planner.suggest(SUNDAY_OPEN, at('2026-03-28T14:00:00Z'), 'pl', 3)).toEqual([
      { at: '2026-03-29T06:00:00.000Z', spoken: 'jutro o 8:00' },
      { at: '2026-03-30T06:00:00.000Z', spoken: 'w poniedziałek 30 marca o 8:00' },
      { at: '2026-03-31T06:00:00.000Z', spoken: 'we wtorek 31 marca o 8:00' },
    ]);
    // Saturday 24 October 2026 15:00 CEST: Sunday 8:00 is already CET (07:00Z)
    expect(planner.suggest(SUNDAY_OPEN, at('2026-10-24T13:00:00Z'), 'pl', 3)).toEqual([
      { at: '2026-10-25T07:00:00.000Z', spoken: 'jutro o 8:00' },
      { at: '2026-10-26T07:00:00.000Z', spoken: 'w poniedziałek 26 października o 8:00' },
      { at: '2026-10-27T07:00:00.000Z', spoken: 'we wtorek 27 października o 8:00' },
    ]);
  });

  it('DST nights: the skipped hour is refused, an hour later is an hour of real time, the repeated hour means its first time', () => {
    const night = at('2026-03-29T00:30:00Z'); // Sunday 01:30 CET
    expect(planner.plan({ at: '2026-03-29T02:30' }, SUNDAY_24H, night, 'pl', seededRandom(1))).toEqual({
      ok: false,
      reason: 'nonexistent-time',
      suggestions: [
        { at: '2026-03-29T00:35:00.000Z', spoken: 'dziś o 1:35' },
        { at: '2026-03-29T01:35:00.000Z', spoken: 'dziś o 3:35' },
        { at: '2026-03-30T06:00:00.000Z', spoken: 'jutro o 8:00' },
      ],
    });
    expect(planner.plan({ inMinutes: 60 }, SUNDAY_24H, night, 'pl', seededRandom(1))).toMatchObject({ ok: true, callback: { at: '2026-03-29T01:30:00.000Z', spoken: 'dziś o 3:30' } });
    expect(planner.plan({ at: '2026-10-25T02:30' }, SUNDAY_24H, at('2026-10-20T10:00:00Z'), 'en', seededRandom(1))).toMatchObject({
      ok: true,
      callback: { at: '2026-10-25T00:30:00.000Z', spoken: 'on Sunday 25 October at 2:30' },
    });
  });

  it('suggest is nextCallbackSlots, said as describeCallback says it (fast-check)', () => {
    const policyArb = fc.constantFrom<CallbackPolicyInput>({}, { timeZone: 'America/New_York', slotMinutes: 15 }, { hours: { sun: ALL_DAY }, minDelayMinutes: 0 }, { maxDays: 2, hours: { sat: null } });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 11, 31) }), policyArb, fc.constantFrom('pl', 'en' as const), fc.integer({ min: 1, max: 6 }), (now, input, locale, count) => {
        const policy = policyOf(input);
        const slots = planner.suggest(policy, now, locale, count);
        expect(slots.map((slot) => slot.at)).toEqual(nextCallbackSlots(input, now, count));
        for (const slot of slots) expect(slot.spoken).toBe(describeCallback(slot.at, locale, now, { timeZone: policy.timeZone }));
      }),
      { numRuns: 200 },
    );
  });
});

describe('callbackPlanner is independent of the host time zone', () => {
  const body = `const p = m.callbackPlanner();
const random = { getRandomValues: (a) => a.fill(7) };
const warsaw = m.parseCallbackPolicy({ hours: { sun: { from: '00:00', to: '24:00' } } });
const newYork = m.parseCallbackPolicy({ timeZone: 'America/New_York' });
return [
  p.suggest(warsaw, Date.parse('2026-03-28T14:00:00Z'), 'pl', 4),
  p.suggest(newYork, Date.parse('2026-11-01T05:30:00Z'), 'en', 3),
  p.window(warsaw, Date.parse('2026-10-24T13:00:00Z')),
  p.plan({ at: '2026-03-29T02:30' }, warsaw, Date.parse('2026-03-29T00:30:00Z'), 'pl', random),
  p.plan({ at: '2026-10-25T02:30' }, warsaw, Date.parse('2026-10-20T10:00:00Z'), 'en', random),
  p.plan({ at: '2026-11-01T01:30' }, newYork, Date.parse('2026-10-30T12:00:00Z'), 'en', random),
];`;

  it.each(HOST_TIME_ZONES)('TZ=%s', (timeZone) => {
    const { hostOffset, result } = runInTimeZone<unknown>(timeZone, body);
    expect(hostOffset).toBe(HOST_OFFSETS[timeZone]);
    const random = { getRandomValues: <T extends Uint32Array>(a: T): T => a.fill(7) };
    const warsaw = policyOf({ hours: { sun: ALL_DAY } });
    const newYork = policyOf({ timeZone: 'America/New_York' });
    expect(result).toEqual([
      planner.suggest(warsaw, at('2026-03-28T14:00:00Z'), 'pl', 4),
      planner.suggest(newYork, at('2026-11-01T05:30:00Z'), 'en', 3),
      planner.window(warsaw, at('2026-10-24T13:00:00Z')),
      planner.plan({ at: '2026-03-29T02:30' }, warsaw, at('2026-03-29T00:30:00Z'), 'pl', random),
      planner.plan({ at: '2026-10-25T02:30' }, warsaw, at('2026-10-20T10:00:00Z'), 'en', random),
      planner.plan({ at: '2026-11-01T01:30' }, newYork, at('2026-10-30T12:00:00Z'), 'en', random),
    ]);
  });

  it('gives the expected answers in this process', () => {
    const warsaw = policyOf({ hours: { sun: ALL_DAY } });
    expect(spoken(planner.suggest(warsaw, at('2026-03-28T14:00:00Z'), 'pl', 4))).toEqual(['jutro o 0:00', 'w poniedziałek 30 marca o 8:00', 'we wtorek 31 marca o 8:00', 'w środę 1 kwietnia o 8:00']);
    expect(planner.plan({ at: '2026-11-01T01:30' }, policyOf({ timeZone: 'America/New_York' }), at('2026-10-30T12:00:00Z'), 'en', seededRandom(1))).toMatchObject({
      ok: false,
      reason: 'closed-day', // a Sunday in New York
    });
  });
});
