import { describe, expect, it } from 'vitest';
import { callbackWindow } from '../../src/callback/index.js';

describe('callbackWindow', () => {
  it('is the first slot and the last slot before the horizon', () => {
    // Wednesday 25 November 2026, 10:02 → horizon Wednesday 9 December, 10:02
    expect(callbackWindow({}, '2026-11-25T09:02:00Z')).toEqual({ earliest: '2026-11-25T09:10:00.000Z', latest: '2026-12-09T09:00:00.000Z' });
  });

  it('ends on the last open day when the horizon falls on a closed day', () => {
    // Sunday 15 November 2026, 12:00 → horizon Sunday 29 November: the last slot is Saturday 28, 14:55
    expect(callbackWindow({}, '2026-11-15T11:00:00Z')).toEqual({ earliest: '2026-11-16T07:00:00.000Z', latest: '2026-11-28T13:55:00.000Z' });
  });

  it('throws INVALID_CALLBACK when nothing is allowed', () => {
    const onlySunday = { hours: { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: { from: '10:00', to: '11:00' } }, maxDays: 1 };
    expect(() => callbackWindow(onlySunday, '2026-11-23T09:00:00Z')).toThrow(expect.objectContaining({ code: 'INVALID_CALLBACK' }));
  });
});
