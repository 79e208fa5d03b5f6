import { describe, expect, it } from 'vitest';
import { parseCallbackPolicy, planCallback, type CallbackPlan, type CallbackPolicyInput, type CallbackRequest } from '../../src/callback/index.js';
import { HOST_OFFSETS, HOST_TIME_ZONES, hhmm, oracleRejection, runInTimeZone, wallClock } from './helpers.js';

const ALL_DAY = { from: '00:00', to: '24:00' };
/** Default policy, but open on Sundays around the clock (the DST changes happen on Sunday nights). */
const SUNDAY_24H: CallbackPolicyInput = { hours: { sun: ALL_DAY } };
/** Default policy, but open on Sundays 08:00–20:00 like a weekday. */
const SUNDAY_OPEN: CallbackPolicyInput = { hours: { sun: { from: '08:00', to: '20:00' } } };

// Tuesday 24 November 2026, 10:00 in Warsaw (CET, UTC+1)
const TUE_10 = '2026-11-24T09:00:00Z';

const ok = (at: string): CallbackPlan => ({ ok: true, at });
const refused = (reason: string, suggestions?: string[]) =>
  suggestions ? { ok: false, reason, suggestions } : expect.objectContaining({ ok: false, reason });

describe('planCallback: the three kinds of request', () => {
  it('{ inMinutes } is now + n minutes rounded up to the 5-minute grid', () => {
    expect(planCallback({ inMinutes: 15 }, {}, TUE_10)).toEqual(ok('2026-11-24T09:15:00.000Z'));
    expect(planCallback({ inMinutes: 15 }, {}, '2026-11-24T09:02:30Z')).toEqual(ok('2026-11-24T09:20:00.000Z'));
    expect(planCallback({ inMinutes: 15 }, {}, new Date('2026-11-24T09:02:30Z'))).toEqual(ok('2026-11-24T09:20:00.000Z'));
    expect(planCallback({ inMinutes: 15 }, {}, Date.parse('2026-11-24T09:02:30Z'))).toEqual(ok('2026-11-24T09:20:00.000Z'));
  });

  it('{ at } takes an ISO instant or a wall time in the policy zone, rounded up to the grid', () => {
    expect(planCallback({ at: '2026-11-26T10:00' }, {}, TUE_10)).toEqual(ok('2026-11-26T09:00:00.000Z'));
    expect(planCallback({ at: '2026-11-26T10:02' }, {}, TUE_10)).toEqual(ok('2026-11-26T09:05:00.000Z'));
    expect(planCallback({ at: '2026-11-26T09:00:00Z' }, {}, TUE_10)).toEqual(ok('2026-11-26T09:00:00.000Z'));
    expect(planCallback({ at: '2026-11-26T10:00:00+01:00' }, {}, TUE_10)).toEqual(ok('2026-11-26T09:00:00.000Z'));
    expect(planCallback({ at: '2026-11-26T04:00:00-05:00' }, {}, TUE_10)).toEqual(ok('2026-11-26T09:00:00.000Z'));
  });

  it('{ earliestAfterMinutes } is the first allowed slot, never earlier than the minimum delay', () => {
    expect(planCallback({ earliestAfterMinutes: 0 }, {}, TUE_10)).toEqual(ok('2026-11-24T09:05:00.000Z'));
    expect(planCallback({ earliestAfterMinutes: 0 }, { minDelayMinutes: 30 }, TUE_10)).toEqual(ok('2026-11-24T09:30:00.000Z'));
    expect(planCallback({ earliestAfterMinutes: 61 }, {}, TUE_10)).toEqual(ok('2026-11-24T10:05:00.000Z'));
    expect(planCallback({ earliestAfterMinutes: 600 }, {}, TUE_10)).toEqual(ok('2026-11-25T07:00:00.000Z'));
  });

  it('uses the grid of the policy (15 minutes)', () => {
    expect(planCallback({ inMinutes: 16 }, { slotMinutes: 15 }, TUE_10)).toEqual(ok('2026-11-24T09:30:00.000Z'));
  });
});

describe('planCallback: business hours', () => {
  it('weekday hours are [08:00, 20:00): 19:55 is the last slot, 20:00 is refused', () => {
    expect(planCallback({ at: '2026-11-24T19:55' }, {}, TUE_10)).toEqual(ok('2026-11-24T18:55:00.000Z'));
    expect(planCallback({ at: '2026-11-25T08:00' }, {}, TUE_10)).toEqual(ok('2026-11-25T07:00:00.000Z'));
    expect(planCallback({ at: '2026-11-25T07:55' }, {}, TUE_10)).toEqual(refused('outside-hours'));
    expect(planCallback({ at: '2026-11-24T19:56' }, {}, TUE_10)).toEqual(refused('outside-hours')); // rounds to 20:00
    // what an agent offers instead: today 10:05 and 11:05, tomorrow 8:00 (never 19:55, the last 30 minutes)
    expect(planCallback({ at: '2026-11-24T20:00' }, {}, TUE_10)).toEqual(
      refused('outside-hours', ['2026-11-24T09:05:00.000Z', '2026-11-24T10:05:00.000Z', '2026-11-25T07:00:00.000Z']),
    );
  });

  it('Saturday hours are [09:00, 15:00)', () => {
    expect(planCallback({ at: '2026-11-28T09:00' }, {}, TUE_10)).toEqual(ok('2026-11-28T08:00:00.000Z'));
    expect(planCallback({ at: '2026-11-28T14:55' }, {}, TUE_10)).toEqual(ok('2026-11-28T13:55:00.000Z'));
    expect(planCallback({ at: '2026-11-28T08:55' }, {}, TUE_10)).toEqual(refused('outside-hours'));
    expect(planCallback({ at: '2026-11-28T15:00' }, {}, TUE_10)).toEqual(refused('outside-hours', ['2026-11-24T09:05:00.000Z', '2026-11-24T10:05:00.000Z', '2026-11-25T07:00:00.000Z']));
  });

  it('Sunday is closed', () => {
    expect(planCallback({ at: '2026-11-29T12:00' }, {}, TUE_10)).toEqual(refused('closed-day', ['2026-11-24T09:05:00.000Z', '2026-11-24T10:05:00.000Z', '2026-11-25T07:00:00.000Z']));
    expect(planCallback({ at: '2026-11-29T12:00' }, SUNDAY_OPEN, TUE_10)).toEqual(ok('2026-11-29T11:00:00.000Z'));
  });

  it('Polish public holidays are closed unless closedOnHolidays is false', () => {
    const monday = '2026-11-09T09:00:00Z';
    expect(planCallback({ at: '2026-11-11T10:00' }, {}, monday)).toEqual(refused('closed-day')); // Independence Day, a Wednesday
    expect(planCallback({ at: '2026-11-11T10:00' }, { closedOnHolidays: false }, monday)).toEqual(ok('2026-11-11T09:00:00.000Z'));
    expect(planCallback({ at: '2026-06-04T10:00' }, {}, '2026-06-01T08:00:00Z')).toEqual(refused('closed-day')); // Corpus Christi
  });

  it('24 December is open in 2024 and closed from 2025', () => {
    expect(planCallback({ at: '2024-12-24T10:00' }, {}, '2024-12-20T09:00:00Z')).toEqual(ok('2024-12-24T09:00:00.000Z'));
    expect(planCallback({ at: '2025-12-24T10:00' }, {}, '2025-12-20T09:00:00Z')).toEqual(refused('closed-day'));
  });

  it('reads hours in the policy time zone', () => {
    const newYork = { timeZone: 'America/New_York' };
    // 07:00 in New York → the first slot is 08:00 EST = 13:00Z
    expect(planCallback({ earliestAfterMinutes: 0 }, newYork, '2026-11-24T12:00:00Z')).toEqual(ok('2026-11-24T13:00:00.000Z'));
    expect(planCallback({ at: '2026-11-24T10:00' }, newYork, '2026-11-24T12:00:00Z')).toEqual(ok('2026-11-24T15:00:00.000Z'));
  });

  it('puts slots on the wall-clock grid of the zone (Asia/Kathmandu is UTC+05:45)', () => {
    const kathmandu = { timeZone: 'Asia/Kathmandu', slotMinutes: 60 as const };
    // 08:45 local → first hourly slot 09:00 local = 03:15Z
    const plan = planCallback({ earliestAfterMinutes: 0 }, kathmandu, '2026-11-24T03:00:00Z');
    expect(plan).toEqual(ok('2026-11-24T03:15:00.000Z'));
    expect(hhmm('2026-11-24T03:15:00Z', 'Asia/Kathmandu')).toBe('09:00');
  });
});

describe('planCallback: end of day rolls over to the next open day', () => {
  it('Friday 19:58 → Saturday 09:00', () => {
    const friday = '2026-04-24T17:58:00Z'; // 19:58 CEST
    expect(planCallback({ earliestAfterMinutes: 0 }, {}, friday)).toEqual(ok('2026-04-25T07:00:00.000Z'));
    expect(planCallback({ inMinutes: 15 }, {}, friday)).toEqual(
      // Saturday 9:00, Monday 8:00, Tuesday 8:00: one a day after today
      refused('outside-hours', ['2026-04-25T07:00:00.000Z', '2026-04-27T06:00:00.000Z', '2026-04-28T06:00:00.000Z']),
    );
  });

  it('Saturday 14:58 → Monday 08:00', () => {
    expect(planCallback({ earliestAfterMinutes: 0 }, {}, '2026-04-25T12:58:00Z')).toEqual(ok('2026-04-27T06:00:00.000Z'));
  });

  it('Saturday 14:58 before Easter → Tuesday 08:00 (Easter Monday is a holiday)', () => {
    expect(planCallback({ earliestAfterMinutes: 0 }, {}, '2026-04-04T12:58:00Z')).toEqual(ok('2026-04-07T06:00:00.000Z'));
  });

  it('Saturday 14:58 before All Saints → Monday 2 November', () => {
    expect(planCallback({ earliestAfterMinutes: 0 }, {}, '2026-10-31T13:58:00Z')).toEqual(ok('2026-11-02T07:00:00.000Z'));
  });

  it('Christmas 2025: Tuesday 23 December 19:58 → Saturday 27 December 09:00', () => {
    expect(planCallback({ earliestAfterMinutes: 0 }, {}, '2025-12-23T18:58:00Z')).toEqual(ok('2025-12-27T08:00:00.000Z'));
  });
});

describe('planCallback: too soon and beyond the horizon', () => {
  it('refuses a time before now + minDelayMinutes and offers the first slots', () => {
    expect(planCallback({ inMinutes: 0 }, {}, TUE_10)).toEqual(
      refused('too-soon', ['2026-11-24T09:05:00.000Z', '2026-11-24T10:05:00.000Z', '2026-11-25T07:00:00.000Z']),
    );
    expect(planCallback({ at: '2026-11-23T10:00' }, {}, TUE_10)).toEqual(refused('too-soon'));
    expect(planCallback({ inMinutes: 10 }, { minDelayMinutes: 15 }, TUE_10)).toEqual(refused('too-soon'));
  });

  it('rounding up onto the minimum delay is allowed', () => {
    expect(planCallback({ inMinutes: 2 }, {}, TUE_10)).toEqual(ok('2026-11-24T09:05:00.000Z'));
  });

  it('allows up to the same wall time maxDays later, refuses after', () => {
    // horizon: Tuesday 8 December 2026, 10:00
    expect(planCallback({ at: '2026-12-08T10:00' }, {}, TUE_10)).toEqual(ok('2026-12-08T09:00:00.000Z'));
    expect(planCallback({ at: '2026-12-08T10:05' }, {}, TUE_10)).toEqual(refused('beyond-horizon', ['2026-11-24T09:05:00.000Z', '2026-11-24T10:05:00.000Z', '2026-11-25T07:00:00.000Z']));
    expect(planCallback({ inMinutes: 15 * 24 * 60 }, {}, TUE_10)).toEqual(refused('beyond-horizon'));
    expect(planCallback({ at: '2027-01-04T10:00' }, { maxDays: 60 }, TUE_10)).toEqual(ok('2027-01-04T09:00:00.000Z'));
  });

  it('{ earliestAfterMinutes } past the last slot is refused as beyond-horizon', () => {
    expect(planCallback({ earliestAfterMinutes: 15 * 24 * 60 }, {}, TUE_10)).toEqual(refused('beyond-horizon', ['2026-11-24T09:05:00.000Z', '2026-11-24T10:05:00.000Z', '2026-11-25T07:00:00.000Z']));
    expect(planCallback({ earliestAfterMinutes: 14 * 24 * 60 - 200 }, {}, TUE_10)).toEqual(ok('2026-12-08T07:00:00.000Z'));
    expect(planCallback({ earliestAfterMinutes: 14 * 24 * 60 - 100 }, {}, TUE_10)).toEqual(ok('2026-12-08T07:20:00.000Z'));
  });

  it('suggests nothing only when nothing is allowed within the horizon', () => {
    // only Sundays open, a one-day horizon from Monday
    const onlySunday: CallbackPolicyInput = {
      hours: { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: ALL_DAY },
      maxDays: 1,
    };
    expect(planCallback({ earliestAfterMinutes: 0 }, onlySunday, '2026-11-23T09:00:00Z')).toEqual(refused('beyond-horizon', []));
    expect(planCallback({ inMinutes: 60 }, onlySunday, '2026-11-23T09:00:00Z')).toEqual(refused('closed-day', []));
  });
});

describe('planCallback: daylight saving time in Europe/Warsaw', () => {
  it('"in 60 minutes" when the clocks go forward (29 March 2026) is 60 real minutes', () => {
    // 01:30 CET + 60 min = 03:30 CEST
    const plan = planCallback({ inMinutes: 60 }, SUNDAY_24H, '2026-03-29T00:30:00Z');
    expect(plan).toEqual(ok('2026-03-29T01:30:00.000Z'));
    expect(hhmm('2026-03-29T01:30:00Z')).toBe('03:30');
  });

  it('"in 60 minutes" when the clocks go back (25 October 2026) is 60 real minutes', () => {
    // 02:30 CEST + 60 min = 02:30 CET
    const plan = planCallback({ inMinutes: 60 }, SUNDAY_24H, '2026-10-25T00:30:00Z');
    expect(plan).toEqual(ok('2026-10-25T01:30:00.000Z'));
    expect(hhmm('2026-10-25T01:30:00Z')).toBe('02:30');
  });

  it('"in 24 hours" over the switch is elapsed time, not the same wall time', () => {
    expect(planCallback({ inMinutes: 24 * 60 }, SUNDAY_24H, '2026-03-28T09:00:00Z')).toEqual(ok('2026-03-29T09:00:00.000Z')); // 11:00 CEST
  });

  it('business hours on the DST days are still 08:00–20:00 wall time', () => {
    // 29 March: CEST from 03:00, so 08:00 = 06:00Z and 19:55 = 17:55Z
    expect(planCallback({ earliestAfterMinutes: 0 }, SUNDAY_OPEN, '2026-03-28T23:00:00Z')).toEqual(ok('2026-03-29T06:00:00.000Z'));
    expect(planCallback({ at: '2026-03-29T19:55' }, SUNDAY_OPEN, '2026-03-28T23:00:00Z')).toEqual(ok('2026-03-29T17:55:00.000Z'));
    expect(planCallback({ at: '2026-03-29T05:55:00Z' }, SUNDAY_OPEN, '2026-03-28T23:00:00Z')).toEqual(refused('outside-hours')); // 07:55 CEST
    expect(planCallback({ at: '2026-03-29T18:00:00Z' }, SUNDAY_OPEN, '2026-03-28T23:00:00Z')).toEqual(refused('outside-hours')); // 20:00 CEST
    // 25 October: CET from 03:00, so 08:00 = 07:00Z and 19:55 = 18:55Z
    expect(planCallback({ earliestAfterMinutes: 0 }, SUNDAY_OPEN, '2026-10-24T23:00:00Z')).toEqual(ok('2026-10-25T07:00:00.000Z'));
    expect(planCallback({ at: '2026-10-25T06:30:00Z' }, SUNDAY_OPEN, '2026-10-24T23:00:00Z')).toEqual(refused('outside-hours')); // 07:30 CET
    expect(planCallback({ at: '2026-10-25T18:55:00Z' }, SUNDAY_OPEN, '2026-10-24T23:00:00Z')).toEqual(ok('2026-10-25T18:55:00.000Z'));
  });

  it('the first weekday slot moves in UTC with the offset, and stays 08:00 on the wall', () => {
    // after Saturday closing on the switch weekends → Monday 08:00
    expect(planCallback({ earliestAfterMinutes: 0 }, {}, '2026-03-28T14:00:00Z')).toEqual(ok('2026-03-30T06:00:00.000Z')); // CEST
    expect(planCallback({ earliestAfterMinutes: 0 }, {}, '2026-03-26T19:30:00Z')).toEqual(ok('2026-03-27T07:00:00.000Z')); // CET
    expect(planCallback({ earliestAfterMinutes: 0 }, {}, '2026-10-24T13:00:00Z')).toEqual(ok('2026-10-26T07:00:00.000Z')); // CET
    expect(planCallback({ earliestAfterMinutes: 0 }, {}, '2026-10-22T18:30:00Z')).toEqual(ok('2026-10-23T06:00:00.000Z')); // CEST
  });

  it('02:30 on 29 March 2026 does not exist: refused as nonexistent-time, never shifted', () => {
    expect(planCallback({ at: '2026-03-29T02:30' }, {}, '2026-03-27T10:00:00Z')).toEqual(
      // Friday 11:00 CET: today 11:05 and 12:05, Saturday 9:00
      refused('nonexistent-time', ['2026-03-27T10:05:00.000Z', '2026-03-27T11:05:00.000Z', '2026-03-28T08:00:00.000Z']),
    );
    expect(planCallback({ at: '2026-03-29T02:30' }, SUNDAY_24H, '2026-03-29T00:30:00Z')).toEqual(
      // asked at 01:30 CET that night, open all night: 01:35 CET, 03:35 CEST (an hour later: the clocks jump), Monday 08:00
      refused('nonexistent-time', ['2026-03-29T00:35:00.000Z', '2026-03-29T01:35:00.000Z', '2026-03-30T06:00:00.000Z']),
    );
    expect(planCallback({ at: '2026-03-29T02:00' }, SUNDAY_24H, '2026-03-27T10:00:00Z')).toEqual(refused('nonexistent-time'));
    expect(planCallback({ at: '2026-03-29T03:00' }, SUNDAY_24H, '2026-03-27T10:00:00Z')).toEqual(ok('2026-03-29T01:00:00.000Z'));
    // with an explicit offset it is an instant, not a wall time
    expect(planCallback({ at: '2026-03-29T02:30:00+01:00' }, SUNDAY_24H, '2026-03-27T10:00:00Z')).toEqual(ok('2026-03-29T01:30:00.000Z'));
  });

  it('02:30 on 25 October 2026 happens twice: a wall time means the earlier one (CEST)', () => {
    expect(planCallback({ at: '2026-10-25T02:30' }, SUNDAY_24H, '2026-10-20T10:00:00Z')).toEqual(ok('2026-10-25T00:30:00.000Z'));
    expect(planCallback({ at: '2026-10-25T02:30+01:00' }, SUNDAY_24H, '2026-10-20T10:00:00Z')).toEqual(ok('2026-10-25T01:30:00.000Z'));
  });

  it('grids stay on the wall clock across a 30-minute DST change (Australia/Lord_Howe)', () => {
    const lordHowe: CallbackPolicyInput = {
      timeZone: 'Australia/Lord_Howe',
      hours: { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY },
      closedOnHolidays: false,
      minDelayMinutes: 0,
      slotMinutes: 60,
    };
    // the clocks go forward on Sunday 4 October 2026 at 02:00 LHST (+10:30) = 15:30Z, to 02:30 LHDT (+11)
    // 01:00 LHST + 60 min = 02:30 LHDT, off the hourly grid → 03:00 LHDT
    expect(planCallback({ inMinutes: 60 }, lordHowe, '2026-10-03T14:30:00Z')).toEqual(ok('2026-10-03T16:00:00.000Z'));
    expect(hhmm('2026-10-03T16:00:00Z', 'Australia/Lord_Howe')).toBe('03:00');
    expect(planCallback({ at: '2026-10-04T02:15' }, lordHowe, '2026-10-03T14:30:00Z')).toEqual(
      // today 01:00 LHST and an hour later: 02:30 LHDT (the end of the gap) is off the hourly grid → 03:00 LHDT; tomorrow 00:00
      refused('nonexistent-time', ['2026-10-03T14:30:00.000Z', '2026-10-03T16:00:00.000Z', '2026-10-04T13:00:00.000Z']),
    );
    // the clocks go back on Sunday 5 April 2026 at 02:00 LHDT = 15:00Z, to 01:30 LHST: 01:30–02:00 happens twice
    expect(planCallback({ at: '2026-04-05T01:30' }, { ...lordHowe, slotMinutes: 30 }, '2026-04-04T12:00:00Z')).toEqual(
      ok('2026-04-04T14:30:00.000Z'),
    );
  });
});

describe('planCallback: every refusal reason', () => {
  it.each<[string, CallbackRequest, CallbackPolicyInput]>([
    ['too-soon', { at: '2026-11-24T09:00' }, {}],
    ['outside-hours', { at: '2026-11-24T21:00' }, {}],
    ['closed-day', { at: '2026-11-29T10:00' }, {}],
    ['beyond-horizon', { at: '2026-12-24T10:00' }, {}],
    ['nonexistent-time', { at: '2027-03-28T02:15' }, { maxDays: 200 }],
  ])('%s', (reason, request, policy) => {
    const plan = planCallback(request, policy, TUE_10);
    expect(plan).toEqual(refused(reason));
    if (plan.ok) return;
    const parsed = parseCallbackPolicy(policy);
    expect(plan.suggestions.length).toBeGreaterThan(0);
    expect(plan.suggestions.length).toBeLessThanOrEqual(3);
    for (const suggestion of plan.suggestions) {
      expect(oracleRejection(Date.parse(suggestion), parsed, Date.parse(TUE_10))).toBeUndefined();
      expect(planCallback({ at: suggestion }, policy, TUE_10)).toEqual(ok(suggestion));
    }
  });
});

describe('planCallback: malformed input', () => {
  it.each<[string, unknown, unknown, unknown]>([
    ['empty request', {}, {}, TUE_10],
    ['negative minutes', { inMinutes: -5 }, {}, TUE_10],
    ['two kinds at once', { inMinutes: 5, earliestAfterMinutes: 5 }, {}, TUE_10],
    ['not a date', { at: '24.11.2026 10:00' }, {}, TUE_10],
    ['30 February', { at: '2026-02-30T10:00' }, {}, TUE_10],
    ['unknown policy key', { inMinutes: 5 }, { timezone: 'UTC' }, TUE_10],
    ['bad time zone', { inMinutes: 5 }, { timeZone: 'Mars/Olympus' }, TUE_10],
    ['now not a date', { inMinutes: 5 }, {}, 'now'],
    ['now without offset', { inMinutes: 5 }, {}, '2026-11-24T10:00'],
    ['now invalid Date', { inMinutes: 5 }, {}, new Date('x')],
    ['now NaN', { inMinutes: 5 }, {}, Number.NaN],
    ['now before 1990', { inMinutes: 5 }, {}, '1985-01-01T00:00:00Z'],
  ])('%s → INVALID_CALLBACK', (_name, request, policy, now) => {
    expect(() => planCallback(request as CallbackRequest, policy as CallbackPolicyInput, now as string)).toThrow(
      expect.objectContaining({ name: 'SafecallError', code: 'INVALID_CALLBACK' }),
    );
  });
});

describe('planCallback: independent of the host time zone', () => {
  const cases: [CallbackRequest, CallbackPolicyInput, string][] = [
    [{ inMinutes: 15 }, {}, '2026-11-24T09:02:30Z'],
    [{ at: '2026-11-26T10:00' }, {}, TUE_10],
    [{ earliestAfterMinutes: 0 }, {}, '2026-04-24T17:58:00Z'],
    [{ earliestAfterMinutes: 0 }, {}, '2026-04-04T12:58:00Z'],
    [{ inMinutes: 60 }, SUNDAY_24H, '2026-03-29T00:30:00Z'],
    [{ inMinutes: 60 }, SUNDAY_24H, '2026-10-25T00:30:00Z'],
    [{ at: '2026-03-29T02:30' }, SUNDAY_24H, '2026-03-27T10:00:00Z'],
    [{ at: '2026-10-25T02:30' }, SUNDAY_24H, '2026-10-20T10:00:00Z'],
    [{ at: '2026-10-25T02:00' }, SUNDAY_24H, '2026-10-20T10:00:00Z'],
    [{ at: '2026-03-29T19:55' }, SUNDAY_OPEN, '2026-03-28T23:00:00Z'],
    [{ earliestAfterMinutes: 0 }, { timeZone: 'America/New_York' }, '2026-11-01T05:30:00Z'],
    [{ at: '2026-11-01T01:30' }, { timeZone: 'America/New_York', hours: { sun: ALL_DAY }, closedOnHolidays: false }, '2026-10-30T12:00:00Z'],
    [{ at: '2026-11-29T12:00' }, {}, TUE_10],
  ];
  const expected = cases.map(([request, policy, now]) => planCallback(request, policy, now));

  it('gives the same plans as in this process', () => {
    expect(wallClock('2026-10-25T00:30:00Z').hour).toBe(2); // sanity: the oracle reads Warsaw
    expect(expected[7]).toEqual(ok('2026-10-25T00:30:00.000Z'));
    expect(expected[11]).toEqual(ok('2026-11-01T05:30:00.000Z')); // 01:30 EDT, the earlier one
  });

  it.each(HOST_TIME_ZONES)('TZ=%s', (timeZone) => {
    const { hostOffset, result } = runInTimeZone<CallbackPlan[]>(
      timeZone,
      `return ${JSON.stringify(cases)}.map(([request, policy, now]) => m.planCallback(request, policy, now));`,
    );
    expect(hostOffset).toBe(HOST_OFFSETS[timeZone]);
    expect(result).toEqual(expected);
  });
});
