import { describe, expect, it } from 'vitest';
import { parseCallbackRequest } from '../../src/callback/index.js';

describe('callbackRequestSchema / parseCallbackRequest', () => {
  it.each([
    { inMinutes: 15 },
    { inMinutes: 0 },
    { earliestAfterMinutes: 0 },
    { at: '2026-11-24T09:00:00Z' },
    { at: '2026-11-24T09:00Z' },
    { at: '2026-11-24T10:00:00.250+01:00' },
    { at: '2026-11-24T10:00' },
    { at: '2026-11-24T10:00:30' },
    { at: '2028-02-29T10:00' },
  ])('accepts %j', (request) => {
    expect(parseCallbackRequest(request)).toEqual(request);
  });

  it.each([
    {},
    { inMinutes: -1 },
    { inMinutes: 1.5 },
    { inMinutes: '15' },
    { inMinutes: 2_000_000 },
    { earliestAfterMinutes: -5 },
    { inMinutes: 15, at: '2026-11-24T10:00' },
    { at: '2026-02-30T10:00' },
    { at: '2027-02-29T10:00Z' },
    { at: '2026-11-24 10:00' },
    { at: '2026-11-24T24:00' },
    { at: '2026-11-24T10:60' },
    { at: '2026-11-24T10:00+0100' },
    { at: '2026-11-24' },
    { at: 'tomorrow at ten' },
    { at: 1764000000000 },
    { when: '2026-11-24T10:00' },
    null,
    'in 15 minutes',
  ])('rejects %j with INVALID_CALLBACK', (request) => {
    expect(() => parseCallbackRequest(request)).toThrow(expect.objectContaining({ code: 'INVALID_CALLBACK' }));
  });
});
