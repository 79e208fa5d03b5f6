import { tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zoneOffsets } from '../../src/callback/zoneOffsets.js';
import { HOST_OFFSETS, runInTimeZone } from './helpers.js';

const ZONES = ['Europe/Warsaw', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC'] as const;
const MINUTE = 60_000;

/** The zone's offset as @date-fns/tz reads it, uncached, in ms. */
const direct = (timeZone: string, instant: number) => Math.round(tzOffset(timeZone, new Date(instant)) * MINUTE);

describe('zoneOffsets', () => {
  it('switches at the exact millisecond of both DST changes in Warsaw', () => {
    const warsaw = zoneOffsets('Europe/Warsaw');
    const spring = Date.parse('2026-03-29T01:00:00Z'); // 02:00 CET → 03:00 CEST
    const autumn = Date.parse('2026-10-25T01:00:00Z'); // 03:00 CEST → 02:00 CET
    expect([warsaw.offsetMs(spring - 1), warsaw.offsetMs(spring)]).toEqual([3_600_000, 7_200_000]);
    expect([warsaw.offsetMs(autumn - 1), warsaw.offsetMs(autumn)]).toEqual([7_200_000, 3_600_000]);
  });

  it('switches at the half hour on Lord Howe (+10:30 ↔ +11:00, a change that is not on the hour in UTC)', () => {
    const lordHowe = zoneOffsets('Australia/Lord_Howe');
    const spring = Date.parse('2026-10-03T15:30:00Z');
    expect([lordHowe.offsetMs(spring - 1), lordHowe.offsetMs(spring)]).toEqual([37_800_000, 39_600_000]);
  });

  it('agrees with tzOffset everywhere, including right around every change (fast-check)', () => {
    const changes = ['2024-03-31T01:00:00Z', '2024-10-27T01:00:00Z', '2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z', '2026-04-04T15:00:00Z', '2026-10-03T15:30:00Z'].map(Date.parse);
    const instantArb = fc.oneof(
      fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
      fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -2 * 3_600_000, max: 2 * 3_600_000 })).map(([change, delta]) => change + delta),
    );
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instantArb, (timeZone, instant) => {
        expect(zoneOffsets(timeZone).offsetMs(instant)).toBe(direct(timeZone, instant));
      }),
      { numRuns: 2000 },
    );
  });

  it('is the same object for a zone (memoised)', () => {
    expect(zoneOffsets('Europe/Warsaw')).toBe(zoneOffsets('Europe/Warsaw'));
  });

  it.each(['UTC', 'America/New_York', 'Pacific/Kiritimati'] as const)('reads the same offsets with TZ=%s', (timeZone) => {
    const instants = ['2026-03-29T00:59:59.999Z', '2026-03-29T01:00:00Z', '2026-10-25T00:59:59.999Z', '2026-10-25T01:00:00Z', '2026-07-01T12:00:00Z'];
    const { hostOffset, result } = runInTimeZone<number[]>(
      timeZone,
      `const { zoneOffsets } = await import(${JSON.stringify(new URL('../../src/callback/zoneOffsets.ts', import.meta.url).href)});
       return ${JSON.stringify(instants)}.map((iso) => zoneOffsets('Europe/Warsaw').offsetMs(Date.parse(iso)));`,
    );
    expect(hostOffset).toBe(HOST_OFFSETS[timeZone]);
    expect(result).toEqual([3_600_000, 7_200_000, 7_200_000, 3_600_000, 7_200_000]);
  });
});
