import { describe, expect, it } from 'vitest';
import { parseCallbackPolicy, type CallbackPolicyInput } from '../../src/callback/index.js';
import { ceilToGrid, floorToGrid, nextAllowed, previousAllowed, rejectionOf, slotContext } from '../../src/callback/slots.js';

const at = (iso: string) => Date.parse(iso);
const createSlotContext = (policy: CallbackPolicyInput, now: string) => slotContext(parseCallbackPolicy(policy), at(now));

describe('slot engine', () => {
  const ctx = createSlotContext({}, '2026-11-24T09:00:00Z');

  it('derives the bounds: now + minDelay, and the same wall time maxDays later', () => {
    expect(ctx.earliest).toBe(at('2026-11-24T09:05:00Z'));
    expect(ctx.horizonEnd).toBe(at('2026-12-08T09:00:00Z'));
  });

  it('keeps the horizon on the wall clock across a DST change (10:00 CET → 10:00 CEST)', () => {
    expect(createSlotContext({}, '2026-03-20T09:00:00Z').horizonEnd).toBe(at('2026-04-03T08:00:00Z'));
  });

  it('rounds to the wall-clock grid', () => {
    expect(ceilToGrid(at('2026-11-24T09:02:30Z'), ctx)).toBe(at('2026-11-24T09:05:00Z'));
    expect(ceilToGrid(at('2026-11-24T09:05:00Z'), ctx)).toBe(at('2026-11-24T09:05:00Z'));
    expect(floorToGrid(at('2026-11-24T09:04:59.999Z'), ctx)).toBe(at('2026-11-24T09:00:00Z'));
    const kathmandu = createSlotContext({ timeZone: 'Asia/Kathmandu', slotMinutes: 60 }, '2026-11-24T03:00:00Z');
    expect(ceilToGrid(at('2026-11-24T03:00:00Z'), kathmandu)).toBe(at('2026-11-24T03:15:00Z'));
    expect(floorToGrid(at('2026-11-24T03:00:00Z'), kathmandu)).toBe(at('2026-11-24T02:15:00Z'));
  });

  it('checks the reasons in order: too-soon, beyond-horizon, closed-day, outside-hours', () => {
    expect(rejectionOf(at('2026-11-24T09:00:00Z'), ctx)).toBe('too-soon');
    expect(rejectionOf(at('2026-12-13T09:00:00Z'), ctx)).toBe('beyond-horizon'); // also a Sunday
    expect(rejectionOf(at('2026-11-29T03:00:00Z'), ctx)).toBe('closed-day'); // also at night
    expect(rejectionOf(at('2026-11-24T19:00:00Z'), ctx)).toBe('outside-hours');
    expect(rejectionOf(at('2026-11-24T09:07:00Z'), ctx)).toBe('outside-hours'); // off the grid
    expect(rejectionOf(at('2026-11-24T09:05:00Z'), ctx)).toBeUndefined();
  });

  it('a closing time inside the repeated hour counts up to its second occurrence', () => {
    // Sunday 25 October 2026 open 00:00–02:30: 02:25 happens twice and both are open
    const night = createSlotContext({ hours: { sun: { from: '00:00', to: '02:30' } }, closedOnHolidays: false }, '2026-10-24T10:00:00Z');
    expect(rejectionOf(at('2026-10-25T00:25:00Z'), night)).toBeUndefined(); // 02:25 CEST
    expect(rejectionOf(at('2026-10-25T01:25:00Z'), night)).toBeUndefined(); // 02:25 CET
    expect(rejectionOf(at('2026-10-25T00:30:00Z'), night)).toBe('outside-hours'); // 02:30 CEST
    expect(previousAllowed(at('2026-10-25T05:00:00Z'), night)).toBe(at('2026-10-25T01:25:00Z'));
    expect(nextAllowed(at('2026-10-24T23:00:00Z'), night)).toBe(at('2026-10-24T23:00:00Z')); // 01:00 CEST
  });

  it('an opening time inside the skipped hour opens when the clocks jump', () => {
    // Sunday 29 March 2026 open from 02:15: the first slot is 03:00 CEST
    const night = createSlotContext({ hours: { sat: null, sun: { from: '02:15', to: '06:00' } }, closedOnHolidays: false }, '2026-03-28T12:00:00Z');
    expect(nextAllowed(night.earliest, night)).toBe(at('2026-03-29T01:00:00Z'));
  });
});
