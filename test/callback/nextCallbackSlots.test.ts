import { describe, expect, it } from 'vitest';
import { CLOSING_MARGIN_MINUTES, nextCallbackSlots, type CallbackPolicyInput } from '../../src/callback/index.js';
import { hhmm, wallClock } from './helpers.js';

/** `'wed 08:00'`: weekday and wall time in Warsaw, to read the rule off the result. */
const said = (slots: string[]) => slots.map((slot) => `${wallClock(slot).weekday} ${hhmm(slot)}`);

const ALL_CLOSED = { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null };

describe('nextCallbackSlots: the slots a person would offer', () => {
  it('offers today the first free slot and one an hour later, then the next open day', () => {
    // Wednesday 25 November 2026, 10:02
    expect(nextCallbackSlots({}, '2026-11-25T09:02:00Z')).toEqual(['2026-11-25T09:10:00.000Z', '2026-11-25T10:10:00.000Z', '2026-11-26T07:00:00.000Z']);
  });

  it('offers one slot a day after today, the nearest days first', () => {
    expect(said(nextCallbackSlots({}, '2026-11-25T09:02:00Z', 6))).toEqual(['wed 10:10', 'wed 11:10', 'thu 08:00', 'fri 08:00', 'sat 09:00', 'mon 08:00']);
  });

  it(`never offers a slot in the last ${CLOSING_MARGIN_MINUTES} minutes before closing`, () => {
    // Tuesday 24 November 19:30 → 19:35 would leave 25 minutes: Wednesday, Thursday, Friday 8:00
    expect(said(nextCallbackSlots({}, '2026-11-24T18:30:00Z'))).toEqual(['wed 08:00', 'thu 08:00', 'fri 08:00']);
    // 19:25 → 19:30 leaves exactly 30 minutes: offered
    expect(said(nextCallbackSlots({}, '2026-11-24T18:25:00Z'))).toEqual(['tue 19:30', 'wed 08:00', 'thu 08:00']);
    // the second slot of today obeys it too: 18:45, but not 19:45
    expect(said(nextCallbackSlots({}, '2026-11-24T17:40:00Z'))).toEqual(['tue 18:45', 'wed 08:00', 'thu 08:00']);
    expect(said(nextCallbackSlots({}, '2026-11-24T17:20:00Z'))).toEqual(['tue 18:25', 'tue 19:25', 'wed 08:00']);
  });

  it('takes another margin as an option', () => {
    expect(said(nextCallbackSlots({}, '2026-11-24T18:30:00Z', 3, { closingMarginMinutes: 0 }))).toEqual(['tue 19:35', 'wed 08:00', 'thu 08:00']);
    expect(said(nextCallbackSlots({}, '2026-11-24T17:20:00Z', 3, { closingMarginMinutes: 60 }))).toEqual(['tue 18:25', 'wed 08:00', 'thu 08:00']);
  });

  it('never offers Tuesday 8:00 while Monday 10:00 is free', () => {
    // Saturday 28 November 14:58, Monday opens at 10:00
    const lateMonday: CallbackPolicyInput = { hours: { mon: { from: '10:00', to: '20:00' } } };
    expect(said(nextCallbackSlots(lateMonday, '2026-11-28T13:58:00Z'))).toEqual(['mon 10:00', 'tue 08:00', 'wed 08:00']);
    // and a later day than today gets one slot, not two
    expect(said(nextCallbackSlots({}, '2026-11-28T13:58:00Z'))).toEqual(['mon 08:00', 'tue 08:00', 'wed 08:00']);
  });

  it('keeps Saturday hours [09:00, 15:00): 14:25 is offered, 14:35 is not', () => {
    expect(said(nextCallbackSlots({}, '2026-11-28T13:20:00Z'))).toEqual(['sat 14:25', 'mon 08:00', 'tue 08:00']);
    expect(said(nextCallbackSlots({}, '2026-11-28T13:30:00Z'))).toEqual(['mon 08:00', 'tue 08:00', 'wed 08:00']);
    // Friday evening → Saturday 9:00
    expect(said(nextCallbackSlots({}, '2026-11-27T18:50:00Z'))).toEqual(['sat 09:00', 'mon 08:00', 'tue 08:00']);
  });

  it('skips Sundays and Polish public holidays', () => {
    // Saturday 4 April 2026 14:30 before Easter: Easter Sunday and Monday are closed
    expect(nextCallbackSlots({}, '2026-04-04T12:30:00Z')).toEqual(['2026-04-07T06:00:00.000Z', '2026-04-08T06:00:00.000Z', '2026-04-09T06:00:00.000Z']);
    // Tuesday 10 November 2026 19:40: Wednesday 11 November (Independence Day) is closed
    expect(said(nextCallbackSlots({}, '2026-11-10T18:40:00Z'))).toEqual(['thu 08:00', 'fri 08:00', 'sat 09:00']);
    expect(said(nextCallbackSlots({ closedOnHolidays: false }, '2026-11-10T18:40:00Z'))).toEqual(['wed 08:00', 'thu 08:00', 'fri 08:00']);
  });

  it('keeps wall-clock hours on the DST weekends', () => {
    const sundayOpen: CallbackPolicyInput = { hours: { sun: { from: '08:00', to: '20:00' } } };
    // Saturday 28 March 2026 15:00 CET → Sunday 8:00 CEST (06:00Z), Monday 8:00 (06:00Z)
    expect(nextCallbackSlots(sundayOpen, '2026-03-28T14:00:00Z')).toEqual(['2026-03-29T06:00:00.000Z', '2026-03-30T06:00:00.000Z', '2026-03-31T06:00:00.000Z']);
    // Saturday 24 October 2026 15:00 CEST → Sunday 8:00 CET (07:00Z), Monday 8:00 (07:00Z)
    expect(nextCallbackSlots(sundayOpen, '2026-10-24T13:00:00Z')).toEqual(['2026-10-25T07:00:00.000Z', '2026-10-26T07:00:00.000Z', '2026-10-27T07:00:00.000Z']);
  });

  it('counts the margin in real minutes on the night the clocks change', () => {
    const sundayNight: CallbackPolicyInput = { hours: { ...ALL_CLOSED, sun: { from: '00:00', to: '03:00' } }, closedOnHolidays: false, maxDays: 7 };
    // Clocks go forward at 02:00 CET: 01:25 CET leaves 35 real minutes before 03:00 CEST…
    expect(nextCallbackSlots(sundayNight, '2026-03-29T00:20:00Z')).toEqual(['2026-03-29T00:25:00.000Z', '2026-04-04T22:00:00.000Z']);
    // …01:45 CET only 15 (on the wall it looks like 75): next Sunday 00:00 CEST
    expect(nextCallbackSlots(sundayNight, '2026-03-29T00:40:00Z')).toEqual(['2026-04-04T22:00:00.000Z']);
    // Clocks go back at 03:00 CEST: 02:45 CEST still has 75 real minutes before 03:00 CET (on the wall, 15)
    expect(nextCallbackSlots(sundayNight, '2026-10-25T00:40:00Z')).toEqual(['2026-10-25T00:45:00.000Z', '2026-10-31T23:00:00.000Z']);
  });

  it('offers fewer near the horizon, the first allowed slot when the margin leaves nothing, and none when nothing is allowed', () => {
    const onlySunday = { hours: { ...ALL_CLOSED, sun: { from: '10:00', to: '10:30' } } };
    expect(nextCallbackSlots({ ...onlySunday, maxDays: 1 }, '2026-11-23T09:00:00Z')).toEqual([]);
    // a day shorter than the margin still offers its opening slot
    expect(nextCallbackSlots({ ...onlySunday, maxDays: 7, closedOnHolidays: false }, '2026-11-23T09:00:00Z', 3)).toEqual(['2026-11-29T09:00:00.000Z']);
    // Monday 19:40, open on Mondays only, one day ahead: 19:45 is all there is
    const onlyMonday = { hours: { ...ALL_CLOSED, mon: { from: '08:00', to: '20:00' } }, maxDays: 1 };
    expect(nextCallbackSlots(onlyMonday, '2026-11-23T18:40:00Z')).toEqual(['2026-11-23T18:45:00.000Z']);
  });

  it.each([0, -1, 1.5, 51])('rejects count %s with INVALID_ARGUMENT', (count) => {
    expect(() => nextCallbackSlots({}, '2026-11-25T09:02:00Z', count)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it.each([-1, 1.5, 721])('rejects closingMarginMinutes %s with INVALID_ARGUMENT', (closingMarginMinutes) => {
    expect(() => nextCallbackSlots({}, '2026-11-25T09:02:00Z', 3, { closingMarginMinutes })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('rejects a malformed policy or now with INVALID_CALLBACK', () => {
    expect(() => nextCallbackSlots({ maxDays: 0 }, '2026-11-25T09:02:00Z')).toThrow(expect.objectContaining({ code: 'INVALID_CALLBACK' }));
    expect(() => nextCallbackSlots({}, 'now')).toThrow(expect.objectContaining({ code: 'INVALID_CALLBACK' }));
  });
});
