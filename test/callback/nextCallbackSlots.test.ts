import { describe, expect, it } from 'vitest';
import { nextCallbackSlots } from '../../src/callback/index.js';
import { hhmm } from './helpers.js';

describe('nextCallbackSlots', () => {
  it('offers the first slot, one an hour later, and the next open day', () => {
    // Wednesday 25 November 2026, 10:02
    expect(nextCallbackSlots({}, '2026-11-25T09:02:00Z')).toEqual([
      '2026-11-25T09:10:00.000Z',
      '2026-11-25T10:10:00.000Z',
      '2026-11-26T07:00:00.000Z',
    ]);
  });

  it('spreads more slots over more days, two a day', () => {
    expect(nextCallbackSlots({}, '2026-11-25T09:02:00Z', 5).map((s) => hhmm(s))).toEqual(['10:10', '11:10', '08:00', '09:00', '08:00']);
  });

  it('skips to the next open day near closing time, Sunday and holidays', () => {
    // Tuesday 19:30 → 19:35, then Wednesday 08:00 and 09:00
    expect(nextCallbackSlots({}, '2026-11-24T18:30:00Z')).toEqual(['2026-11-24T18:35:00.000Z', '2026-11-25T07:00:00.000Z', '2026-11-25T08:00:00.000Z']);
    // Saturday 14:30 before Easter → 14:35, then Tuesday 08:00 and 09:00
    expect(nextCallbackSlots({}, '2026-04-04T12:30:00Z')).toEqual(['2026-04-04T12:35:00.000Z', '2026-04-07T06:00:00.000Z', '2026-04-07T07:00:00.000Z']);
  });

  it('offers fewer near the horizon and none when nothing is allowed', () => {
    const onlySunday = { hours: { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: { from: '10:00', to: '10:30' } } };
    expect(nextCallbackSlots({ ...onlySunday, maxDays: 1 }, '2026-11-23T09:00:00Z')).toEqual([]);
    expect(nextCallbackSlots({ ...onlySunday, maxDays: 7, closedOnHolidays: false }, '2026-11-23T09:00:00Z', 3)).toEqual(['2026-11-29T09:00:00.000Z']);
  });

  it.each([0, -1, 1.5, 51])('rejects count %s with INVALID_ARGUMENT', (count) => {
    expect(() => nextCallbackSlots({}, '2026-11-25T09:02:00Z', count)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('rejects a malformed policy or now with INVALID_CALLBACK', () => {
    expect(() => nextCallbackSlots({ maxDays: 0 }, '2026-11-25T09:02:00Z')).toThrow(expect.objectContaining({ code: 'INVALID_CALLBACK' }));
    expect(() => nextCallbackSlots({}, 'now')).toThrow(expect.objectContaining({ code: 'INVALID_CALLBACK' }));
  });
});
