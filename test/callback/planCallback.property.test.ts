import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  callbackWindow,
  nextCallbackSlots,
  parseCallbackPolicy,
  planCallback,
  type CallbackPolicy,
  type CallbackPolicyInput,
  type CallbackRequest,
} from '../../src/callback/index.js';
import { oracleOffered, oracleRejection, wallClock } from './helpers.js';

const REASONS = ['too-soon', 'outside-hours', 'closed-day', 'beyond-horizon', 'nonexistent-time'];
const MINUTE = 60_000;
const DAY = 86_400_000;

const nowArb = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 11, 31, 23, 59, 59, 999) });

const hhmmOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
/** Opening hours on the quarter hour, 15 minutes to 16 hours long, possibly until 24:00. */
const openingArb = fc
  .tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 64 }))
  .map(([fromQuarter, quarters]) => ({ from: hhmmOf(fromQuarter * 15), to: hhmmOf(Math.min(96, fromQuarter + quarters) * 15) }));
const dayArb = fc.option(openingArb, { nil: null, freq: 3 });

/** The default policy half of the time, otherwise random (at least Monday open to keep it valid). */
const policyArb: fc.Arbitrary<CallbackPolicyInput> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({}) },
  {
    weight: 3,
    arbitrary: fc.record({
      timeZone: fc.constantFrom('Europe/Warsaw', 'Europe/Warsaw', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC'),
      hours: fc.record({ mon: openingArb, tue: dayArb, wed: dayArb, thu: dayArb, fri: dayArb, sat: dayArb, sun: dayArb }),
      closedOnHolidays: fc.boolean(),
      minDelayMinutes: fc.integer({ min: 0, max: 180 }),
      maxDays: fc.integer({ min: 1, max: 21 }),
      slotMinutes: fc.constantFrom(1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60),
    }),
  },
);

function localWallString(instant: number, timeZone: string, minute: number): string {
  const w = wallClock(instant, timeZone);
  return `${w.date}T${String(w.hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

const minutesArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 3 * 24 * 60 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 25 * 24 * 60 }) },
);
const offsetArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -3 * 3_600_000, max: 3 * DAY }) },
  { weight: 1, arbitrary: fc.integer({ min: -DAY, max: 25 * DAY }) },
);

/** Requests relative to `now`: minutes, ISO instants and local wall times, mostly within 3 days. */
const requestArb = (now: number, timeZone: string): fc.Arbitrary<CallbackRequest> =>
  fc.oneof(
    minutesArb.map((inMinutes) => ({ inMinutes })),
    minutesArb.map((earliestAfterMinutes) => ({ earliestAfterMinutes })),
    offsetArb.map((offset) => ({ at: new Date(now + offset).toISOString() })),
    fc.tuple(offsetArb, fc.integer({ min: 0, max: 59 })).map(([offset, minute]) => ({ at: localWallString(now + offset, timeZone, minute) })),
  );

const generalCaseArb = fc
  .tuple(nowArb, policyArb)
  .chain(([now, policy]) => requestArb(now, parseCallbackPolicy(policy).timeZone).map((request) => ({ now, policy, request })));

/** Sundays of the DST changes in Europe/Warsaw, 2024–2030 (clocks change at 02:00/03:00 local). */
const DST_SUNDAYS = [
  '2024-03-31', '2025-03-30', '2026-03-29', '2027-03-28', '2028-03-26', '2029-03-25', '2030-03-31',
  '2024-10-27', '2025-10-26', '2026-10-25', '2027-10-31', '2028-10-29', '2029-10-28', '2030-10-27',
];
const ALL_DAY = { from: '00:00', to: '24:00' };

/** Warsaw around a DST change: now up to 3 days before it, requests landing on that night. */
const dstCaseArb = fc
  .record({
    sunday: fc.constantFrom(...DST_SUNDAYS),
    before: fc.integer({ min: 0, max: 3 * DAY }),
    sun: fc.constantFrom<CallbackPolicyInput['hours']>({ sun: ALL_DAY }, { sun: { from: '02:00', to: '03:30' } }, {}),
    slotMinutes: fc.constantFrom(5, 15, 30, 60),
    minDelayMinutes: fc.integer({ min: 0, max: 30 }),
  })
  .chain(({ sunday, before, sun, slotMinutes, minDelayMinutes }) => {
    const change = Date.parse(`${sunday}T01:00:00Z`); // both changes happen at 01:00 UTC
    const now = change - before;
    const policy: CallbackPolicyInput = { hours: sun, slotMinutes, minDelayMinutes, closedOnHolidays: false };
    const request: fc.Arbitrary<CallbackRequest> = fc.oneof(
      fc.integer({ min: 0, max: 3 * 24 * 60 + 180 }).map((inMinutes) => ({ inMinutes })),
      fc.integer({ min: 0, max: 3 * 24 * 60 + 180 }).map((earliestAfterMinutes) => ({ earliestAfterMinutes })),
      fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 59 })).map(([hour, minute]) => ({
        at: `${sunday}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
      })),
      fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 }).map((offset) => ({ at: new Date(change + offset).toISOString() })),
    );
    return request.map((r) => ({ now, policy, request: r }));
  });

const caseArb = fc.oneof({ weight: 3, arbitrary: generalCaseArb }, { weight: 1, arbitrary: dstCaseArb });

/** gcd(slot, 15) minutes: a step that hits every grid point of every zone used here (offsets and DST changes are multiples of 15 minutes). */
const scanStep = (policy: CallbackPolicy) => {
  let [a, b] = [policy.slotMinutes as number, 15];
  while (b) [a, b] = [b, a % b];
  return a * MINUTE;
};

function expectAllowed(instant: number, policy: CallbackPolicy, now: number) {
  expect(oracleRejection(instant, policy, now), new Date(instant).toISOString()).toBeUndefined();
}

describe('planCallback properties (fast-check)', () => {
  it('a planned instant is allowed: on the grid, in hours, on an open day, after the delay, within the horizon', () => {
    fc.assert(
      fc.property(caseArb, ({ now, policy, request }) => {
        const plan = planCallback(request, policy, now);
        if (!plan.ok) return;
        const parsed = parseCallbackPolicy(policy);
        const at = Date.parse(plan.at);
        expect(plan.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/);
        expectAllowed(at, parsed, now);
        expect(at).toBeGreaterThanOrEqual(now + parsed.minDelayMinutes * MINUTE);
        if ('inMinutes' in request) {
          const requested = now + request.inMinutes * MINUTE;
          expect(at).toBeGreaterThanOrEqual(requested);
          expect(at - requested).toBeLessThan(parsed.slotMinutes * MINUTE + 30 * MINUTE); // rounded up, never moved further
        }
        if ('earliestAfterMinutes' in request) {
          const start = now + Math.max(request.earliestAfterMinutes, parsed.minDelayMinutes) * MINUTE;
          expect(at).toBeGreaterThanOrEqual(start);
          // nothing allowed was skipped between start and the plan
          const step = scanStep(parsed);
          for (let t = Math.ceil(start / step) * step; t < at; t += step) {
            expect(oracleRejection(t, parsed, now), new Date(t).toISOString()).toBeDefined();
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a refusal has a reason and offers what nextCallbackSlots offers: up to 3 allowed slots, empty only if nothing is allowed', () => {
    fc.assert(
      fc.property(caseArb, ({ now, policy, request }) => {
        const plan = planCallback(request, policy, now);
        if (plan.ok) return;
        const parsed = parseCallbackPolicy(policy);
        expect(REASONS).toContain(plan.reason);
        expect(plan.suggestions).toEqual(nextCallbackSlots(policy, now, 3));
        for (const suggestion of plan.suggestions) expectAllowed(Date.parse(suggestion), parsed, now);
        if (plan.suggestions.length === 0) expect(planCallback({ earliestAfterMinutes: 0 }, policy, now).ok).toBe(false);
        if ('earliestAfterMinutes' in request) expect(plan.reason).toBe('beyond-horizon');
      }),
      { numRuns: 300 },
    );
  });

  it('a refusal of an exact time agrees with the rules (oracle) on the reason', () => {
    fc.assert(
      fc.property(caseArb, ({ now, policy, request }) => {
        if (!('inMinutes' in request)) return;
        const parsed = parseCallbackPolicy(policy);
        const plan = planCallback(request, policy, now);
        // the instant the plan is about: now + n rounded up to the zone's grid
        const step = scanStep(parsed);
        let rounded = Math.ceil((now + request.inMinutes * MINUTE) / step) * step;
        while (wallClock(rounded, parsed.timeZone).minute % parsed.slotMinutes !== 0) rounded += step;
        const reason = oracleRejection(rounded, parsed, now);
        expect(plan.ok ? undefined : plan.reason).toBe(reason?.startsWith('beyond-horizon') ? 'beyond-horizon' : reason);
        if (plan.ok) expect(plan.at).toBe(new Date(rounded).toISOString());
      }),
      { numRuns: 300 },
    );
  });

  it('nextCallbackSlots offers allowed slots the way a person would; callbackWindow spans every allowed instant', () => {
    fc.assert(
      fc.property(nowArb, policyArb, fc.integer({ min: 1, max: 6 }), (now, policy, count) => {
        const parsed = parseCallbackPolicy(policy);
        const slots = nextCallbackSlots(policy, now, count);
        expect(slots.length).toBeLessThanOrEqual(count);
        const instants = slots.map((s) => Date.parse(s));
        for (let i = 1; i < instants.length; i++) expect(instants[i]!).toBeGreaterThan(instants[i - 1]!);
        for (const instant of instants) expectAllowed(instant, parsed, now);
        const first = planCallback({ earliestAfterMinutes: 0 }, policy, now);
        if (slots.length === 0) {
          expect(first.ok).toBe(false);
          expect(() => callbackWindow(policy, now)).toThrow(expect.objectContaining({ code: 'INVALID_CALLBACK' }));
          return;
        }
        if (!first.ok) throw new Error('a slot was offered but nothing is allowed');
        const firstAllowed = Date.parse(first.at);
        const step = scanStep(parsed);
        const fallback = slots.length === 1 && instants[0] === firstAllowed && oracleOffered(firstAllowed, parsed) === false;

        // Each slot leaves 30 minutes before closing, or opens its day (unless nothing else was allowed at all).
        if (!fallback) for (const instant of instants) expect(oracleOffered(instant, parsed), new Date(instant).toISOString()).not.toBe(false);
        // Nothing a person would offer comes before the first slot.
        for (let t = firstAllowed; t < instants[0]!; t += step) {
          if (oracleRejection(t, parsed, now) === undefined) expect(oracleOffered(t, parsed), new Date(t).toISOString()).not.toBe(true);
        }
        // Today: at most two slots, an hour apart; any other day: one. Nearest days first: no allowed slot on a day
        // strictly between two suggestions, nor earlier on a later suggestion's day.
        const days = instants.map((t) => wallClock(t, parsed.timeZone).date);
        const today = wallClock(now, parsed.timeZone).date;
        for (let i = 1; i < instants.length; i++) {
          if (days[i] === days[i - 1]) {
            expect(i === 1 && days[0] === today).toBe(true);
            expect(instants[1]! - instants[0]!).toBeGreaterThanOrEqual(60 * MINUTE);
            continue;
          }
          for (let t = instants[i - 1]! + step; t < instants[i]!; t += step) {
            if (oracleRejection(t, parsed, now) === undefined) expect(wallClock(t, parsed.timeZone).date, new Date(t).toISOString()).toBe(days[i - 1]);
          }
        }

        const window = callbackWindow(policy, now);
        expect(window.earliest).toBe(first.at);
        expectAllowed(Date.parse(window.latest), parsed, now);
        expect(Date.parse(window.latest)).toBeGreaterThanOrEqual(instants[instants.length - 1]!);
        // nothing allowed after the latest
        const end = now + (parsed.maxDays + 1) * DAY;
        for (let t = Date.parse(window.latest) + step; t < end; t += step * 7) {
          expect(oracleRejection(t, parsed, now)).toBeDefined();
        }
      }),
      { numRuns: 150 },
    );
  });
});
