import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { callbackPolicySchema, parseCallbackPolicy, type CallbackPolicy, type CallbackPolicyInput } from '../../src/callback/index.js';
import { SafecallError } from '../../src/core/errors.js';

const DEFAULT_POLICY: CallbackPolicy = {
  timeZone: 'Europe/Warsaw',
  hours: {
    mon: { from: '08:00', to: '20:00' },
    tue: { from: '08:00', to: '20:00' },
    wed: { from: '08:00', to: '20:00' },
    thu: { from: '08:00', to: '20:00' },
    fri: { from: '08:00', to: '20:00' },
    sat: { from: '09:00', to: '15:00' },
    sun: null,
  },
  closedOnHolidays: true,
  minDelayMinutes: 5,
  maxDays: 14,
  slotMinutes: 5,
};

function errorOf(input: unknown): SafecallError {
  try {
    parseCallbackPolicy(input);
  } catch (error) {
    if (error instanceof SafecallError) return error;
    throw error;
  }
  throw new Error('expected parseCallbackPolicy to throw');
}

describe('callbackPolicySchema / parseCallbackPolicy', () => {
  it('{} is the default policy', () => {
    expect(parseCallbackPolicy({})).toEqual(DEFAULT_POLICY);
    expect(z.parse(callbackPolicySchema, {})).toEqual(DEFAULT_POLICY);
    expect(parseCallbackPolicy(undefined)).toEqual(DEFAULT_POLICY);
  });

  it('a weekday left out of hours keeps its default; null closes a day', () => {
    const policy = parseCallbackPolicy({ hours: { sat: null, sun: { from: '10:00', to: '14:00' } } });
    expect(policy.hours.mon).toEqual({ from: '08:00', to: '20:00' });
    expect(policy.hours.sat).toBeNull();
    expect(policy.hours.sun).toEqual({ from: '10:00', to: '14:00' });
  });

  it('accepts a full custom policy unchanged', () => {
    const input: CallbackPolicyInput = {
      timeZone: 'America/New_York',
      hours: { mon: null, tue: { from: '00:00', to: '24:00' }, wed: null, thu: null, fri: null, sat: null, sun: null },
      closedOnHolidays: false,
      minDelayMinutes: 0,
      maxDays: 1,
      slotMinutes: 60,
    };
    expect(parseCallbackPolicy(input)).toEqual(input);
  });

  it('does not share default objects between parses', () => {
    const a = parseCallbackPolicy({});
    a.hours.mon!.from = '09:00';
    expect(parseCallbackPolicy({}).hours.mon!.from).toBe('08:00');
  });

  it.each<[string, unknown, (string | number)[]]>([
    ['unknown top-level key', { timezone: 'Europe/Warsaw' }, []],
    ['unknown weekday', { hours: { monday: null } }, ['hours']],
    ['unknown key in a day', { hours: { mon: { from: '08:00', to: '20:00', break: '12:00' } } }, ['hours', 'mon']],
    ['from not before to', { hours: { mon: { from: '20:00', to: '08:00' } } }, ['hours', 'mon', 'to']],
    ['from equal to to', { hours: { mon: { from: '08:00', to: '08:00' } } }, ['hours', 'mon', 'to']],
    ['malformed wall time', { hours: { mon: { from: '8:00', to: '20:00' } } }, ['hours', 'mon', 'from']],
    ['24:00 as from', { hours: { mon: { from: '24:00', to: '24:00' } } }, ['hours', 'mon', 'from']],
    ['hour 25', { hours: { mon: { from: '08:00', to: '25:00' } } }, ['hours', 'mon', 'to']],
    ['unknown time zone', { timeZone: 'Europe/Warszawa' }, ['timeZone']],
    ['empty time zone', { timeZone: '' }, ['timeZone']],
    ['negative delay', { minDelayMinutes: -1 }, ['minDelayMinutes']],
    ['fractional delay', { minDelayMinutes: 1.5 }, ['minDelayMinutes']],
    ['zero horizon', { maxDays: 0 }, ['maxDays']],
    ['slot not dividing 60', { slotMinutes: 7 }, ['slotMinutes']],
    ['wrong type', { closedOnHolidays: 'yes' }, ['closedOnHolidays']],
  ])('rejects %s with INVALID_CALLBACK at the right path', (_name, input, path) => {
    const error = errorOf(input);
    expect(error.code).toBe('INVALID_CALLBACK');
    expect(error.issues?.map((issue) => issue.path)).toContainEqual(path);
  });

  it('rejects a policy with every day closed', () => {
    const closed = { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null };
    expect(errorOf({ hours: closed }).message).toMatch(/at least one weekday must be open/);
  });

  it('does not echo rejected values in the error', () => {
    const error = errorOf({ timeZone: 'Secret/4402151234', minDelayMinutes: 987654321 });
    expect(error.message).not.toMatch(/4402151234|987654321/);
    expect(JSON.stringify(error.issues)).not.toMatch(/4402151234|987654321/);
  });

  it('rejects non-objects', () => {
    for (const input of [null, 'Europe/Warsaw', 5, []]) expect(errorOf(input).code).toBe('INVALID_CALLBACK');
  });
});
