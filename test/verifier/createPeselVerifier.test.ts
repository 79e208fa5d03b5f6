import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constantTimeEqual, createPeselVerifier, isSafecallError } from '../../src/index.js';

const PESEL = '85031583834';

function verifier(options: Parameters<typeof createPeselVerifier>[1] = {}) {
  let now = 0;
  const v = createPeselVerifier(async (ref) => (ref === 'c1' ? PESEL : undefined), { now: () => now, ...options });
  return { v, tick: (ms: number) => (now += ms) };
}

async function refused(promise: Promise<unknown>, why: RegExp) {
  try {
    await promise;
  } catch (error) {
    expect(isSafecallError(error, 'REVEAL_REFUSED')).toBe(true);
    expect((error as Error).message).toMatch(why);
    expect((error as Error).message).not.toMatch(/\d{2,}/);
    return;
  }
  throw new Error('expected REVEAL_REFUSED');
}

describe('createPeselVerifier', () => {
  it('checks the digits of a challenge together', async () => {
    const { v } = verifier();
    expect(await v.checkDigits('c1', { 5: '1', 8: '3', 9: '8' })).toEqual({ ok: true });
    expect(await v.checkDigits('c1', { 5: '1', 8: '3', 9: '9' })).toEqual({ ok: false });
    expect(await v.checkDigits('unknown', { 5: '1' })).toEqual({ ok: false });
  });

  it('refuses a check of more than 4 positions (fishing for the whole number)', async () => {
    const { v } = verifier();
    await expect(v.checkDigits('c1', { 1: '8', 2: '5', 3: '0', 4: '3', 5: '1' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(v.checkDigits('c1', { 12: '1' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('locks the customer after repeated failures', async () => {
    const { v, tick } = verifier({ maxFailures: 3 });
    expect(await v.checkDigits('c1', { 5: '0' })).toEqual({ ok: false });
    expect(await v.checkDigits('c1', { 5: '0' })).toEqual({ ok: false });
    expect(await v.checkDigits('c1', { 5: '0' })).toEqual({ ok: false, locked: true });
    // Even the right answer is refused while locked.
    expect(await v.checkDigits('c1', { 5: '1' })).toEqual({ ok: false, locked: true });
    tick(31 * 60_000);
    expect(await v.checkDigits('c1', { 5: '1' })).toEqual({ ok: true });
  });

  it('reveals only after a pass, never a said position, never the birth date, never more than the limit', async () => {
    const { v, tick } = verifier();
    await refused(v.revealDigits('c1', [10]), /has not passed/);
    await v.checkDigits('c1', { 5: '1', 8: '3', 9: '8' });
    await refused(v.revealDigits('c1', [9]), /was given by the customer/);
    await refused(v.revealDigits('c1', [2]), /birth date/);
    expect(await v.revealDigits('c1', [10, 11])).toEqual({ 10: '3', 11: '4' });
    // The same positions again (a desktop reload) do not count twice...
    expect(await v.revealDigits('c1', [10, 11])).toEqual({ 10: '3', 11: '4' });
    expect(await v.revealDigits('c1', [7])).toEqual({ 7: '8' });
    // The birth date stays refused whatever was revealed before.
    await refused(v.revealDigits('c1', [6]), /birth date/);
    const other = verifier({ allowBirthDate: true }).v;
    await other.checkDigits('c1', { 9: '8' });
    await other.revealDigits('c1', [1, 2, 3]);
    await refused(other.revealDigits('c1', [4]), /at most 3/);
    tick(31 * 60_000);
    await refused(v.revealDigits('c1', [10]), /has not passed/);
  });

  it('compares answers normalised (case, diacritics, spaces)', async () => {
    const { v } = verifier({ answers: (_ref, id) => (id === 'city' ? 'Kraków' : undefined) });
    expect(await v.checkAnswer('c1', 'city', '  KRAKOW ')).toEqual({ ok: true });
    expect(await v.checkAnswer('c1', 'city', 'Gdańsk')).toEqual({ ok: false });
    expect(await v.checkAnswer('c1', 'unknown', 'Kraków')).toEqual({ ok: false });
  });
});

describe('constantTimeEqual', () => {
  it('agrees with === on any pair of strings', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => constantTimeEqual(a, b) === (a === b)));
    fc.assert(fc.property(fc.string(), (a) => constantTimeEqual(a, a)));
  });
});
