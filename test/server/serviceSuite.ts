/**
 * The verification service as an attacker meets it, run over every store
 * (memory, Redis, Redis Cluster): a desktop that lies, replays or races never
 * gets a call verified or a digit beyond the rules.
 */
import { describe, expect, it } from 'vitest';
import { challengeStrength } from '../../src/pesel/index.js';
import type { CallState } from '../../src/model/index.js';
import { verifyAttestation, type VerificationStore } from '../../src/server/index.js';
import { digitsOf, JAN_PESEL, KEY, OPEN, serverScript, serviceOver, testClock, wrongDigits } from './fixtures.js';
import { forged } from '../support/forged.js';

export interface ServiceFixture {
  /** A store handle; for Redis, each call gives another connection to the same data (another "server"). */
  store(): VerificationStore;
}

const rejected = (code: string) => expect.objectContaining({ name: 'SafecallError', code });
let customers = 0;
/** A customer no other test touches (stores are shared by the tests of one file). */
const fresh = () => `cust-${process.pid}-${Date.now()}-${++customers}`;

export function describeServiceAgainst(name: string, fixture: () => ServiceFixture): void {
  describe(`${name}: the verification service`, () => {
    it('issues a challenge strong enough against an acquaintance, from its own copy of the script', async () => {
      const { service } = serviceOver(fixture().store());
      const state = await service.open(OPEN(fresh()));
      expect(state.challenge).toHaveLength(3);
      expect(state.challenge!.every((p) => p >= 7)).toBe(true);
      expect(state.challengeBits).toBeGreaterThanOrEqual(9.9);
      expect(state).toMatchObject({ attemptsLeft: 2, passed: { pesel: false, questions: [] }, revealed: [], reissued: false });
      expect(state.disclosure.bitsLeft).toBe(12.29);
    });

    it('asks a customer who failed the same positions in every later call, on any server, until they pass', async () => {
      const f = fixture();
      const ref = fresh();
      const first = serviceOver(f.store(), { seed: 1 });
      const opened = await first.service.open(OPEN(ref));
      await first.service.checkDigits(opened.callId, wrongDigits(JAN_PESEL, opened.challenge!));
      const seen = new Set<string>();
      for (let i = 0; i < 30; i++) {
        const other = serviceOver(f.store(), { seed: 100 + i });
        const next = await other.service.open(OPEN(ref));
        expect(next.reissued).toBe(true);
        seen.add(JSON.stringify(next.challenge));
      }
      expect([...seen]).toEqual([JSON.stringify(opened.challenge)]);
    });

    it('re-issues a challenge that was asked and never answered (hanging up does not reroll)', async () => {
      const { service } = serviceOver(fixture().store());
      const ref = fresh();
      const first = await service.open(OPEN(ref));
      const second = await service.open(OPEN(ref));
      expect(second.challenge).toEqual(first.challenge);
    });

    it('treats answers to other positions as a failed attempt, never as an oracle, and looks nothing up', async () => {
      const h = serviceOver(fixture().store());
      const state = await h.service.open(OPEN(fresh()));
      // The birth-year digit anyone with the CRM record knows:
      const after = await h.service.checkDigits(state.callId, { 1: '8' });
      expect(after.passed.pesel).toBe(false);
      expect(after.attemptsLeft).toBe(1);
      expect(h.lookups()).toBe(0);
      // All eleven positions at once is no better:
      const all = await h.service.checkDigits(state.callId, digitsOf(JAN_PESEL, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
      expect(all).toMatchObject({ attemptsLeft: 0, passed: { pesel: false } });
      await expect(h.service.reveal(state.callId, [10])).rejects.toThrow(rejected('REVEAL_REFUSED'));
    });

    it('evaluates no more of 100 parallel guesses than the call allows', async () => {
      const h = serviceOver(fixture().store());
      const state = await h.service.open(OPEN(fresh()));
      const guesses = Array.from({ length: 100 }, (_, i) => h.service.checkDigits(state.callId, { ...wrongDigits(JAN_PESEL, state.challenge!), [state.challenge![0]!]: String(i % 10) }));
      const results = await Promise.allSettled(guesses);
      expect(h.lookups()).toBeLessThanOrEqual(2);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
      expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason.code === 'STEP_NOT_ALLOWED')).toBe(true);
    });

    it('evaluates no more of 1,000 parallel guesses across 10 calls than the customer’s limit, then locks', async () => {
      const h = serviceOver(fixture().store());
      const ref = fresh();
      const calls = await Promise.all(Array.from({ length: 10 }, () => h.service.open(OPEN(ref))));
      const positions = calls[0]!.challenge!;
      const guesses = Array.from({ length: 1000 }, (_, i) => {
        const guess = String(i).padStart(3, '0');
        return h.service.checkDigits(calls[i % 10]!.callId, Object.fromEntries(positions.map((p, k) => [p, guess[k]!])));
      });
      const results = await Promise.allSettled(guesses);
      expect(h.lookups()).toBeLessThanOrEqual(3);
      const states = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      expect(states.some((s) => s.passed.pesel)).toBe(false);
      const after = await h.service.resume(calls[0]!.callId);
      expect(after.locked).toBeDefined();
      expect(after.attemptsLeft).toBe(0);
    });

    it('never resets the failure count for wrong-shaped or partial answers (no interleaving trick)', async () => {
      const h = serviceOver(fixture().store());
      const ref = fresh();
      for (let round = 0; round < 3; round++) {
        const { callId } = await h.service.open(OPEN(ref));
        await h.service.checkDigits(callId, round % 2 ? { 1: '8' } : { 7: String(round) });
      }
      const { callId, locked } = await h.service.open(OPEN(ref));
      expect(locked).toBeDefined();
      const refused = await h.service.checkDigits(callId, digitsOf(JAN_PESEL, [7, 8, 9]));
      expect(refused.passed.pesel).toBe(false);
      expect(h.lookups()).toBe(0);
    });

    it('during a lock-out evaluates nothing, and after it the customer may try again', async () => {
      const h = serviceOver(fixture().store());
      const ref = fresh();
      for (let i = 0; i < 2; i++) {
        const s = await h.service.open(OPEN(ref));
        await h.service.checkDigits(s.callId, wrongDigits(JAN_PESEL, s.challenge!));
        if (i === 0) await h.service.checkDigits(s.callId, wrongDigits(JAN_PESEL, s.challenge!));
      }
      const during = await h.service.open(OPEN(ref));
      expect(during.locked?.until).toBe(new Date(h.clock.now() + 3_600_000).toISOString());
      const lookupsBefore = h.lookups();
      await h.service.checkDigits(during.callId, digitsOf(JAN_PESEL, during.challenge!));
      expect(h.lookups()).toBe(lookupsBefore);
      h.clock.advance(3_600_001);
      const later = await h.service.checkDigits(during.callId, digitsOf(JAN_PESEL, during.challenge!));
      expect(later.passed.pesel).toBe(true);
    });

    it('after a pass, the ledger keeps the spoken positions: the next challenge avoids them, then runs out', async () => {
      const h = serviceOver(fixture().store(), { scripts: [serverScript({ pesel: { count: 2, minStrengthBits: 6.6, attempts: 2 } })] });
      const ref = fresh();
      const script = serverScript({ pesel: { count: 2, minStrengthBits: 6.6, attempts: 2 } });
      const spoken = new Set<number>();
      let state: CallState | undefined;
      for (let call = 0; call < 4; call++) {
        state = await h.service.open(OPEN(ref, script));
        if (!state.challenge) break;
        for (const p of state.challenge) expect(spoken.has(p)).toBe(false);
        state.challenge.forEach((p) => spoken.add(p));
        await h.service.checkDigits(state.callId, digitsOf(JAN_PESEL, state.challenge));
        h.clock.advance(3_600_000);
      }
      expect(state?.challenge).toBeNull();
      expect(state?.disclosure.bitsLeft).toBeLessThan(6.6);
      // When the window has passed, the positions are fresh again.
      h.clock.advance(8 * 86_400_000);
      expect((await h.service.open(OPEN(ref, script))).challenge).toHaveLength(2);
    });

    it('reports bitsLeft as challengeStrength of the unspoken digits against a listener who knows the birth date', async () => {
      const h = serviceOver(fixture().store());
      const state = await h.service.open(OPEN(fresh()));
      const passed = await h.service.checkDigits(state.callId, digitsOf(JAN_PESEL, state.challenge!));
      const known = [1, 2, 3, 4, 5, 6, ...state.challenge!];
      const unknown = [7, 8, 9, 10, 11].filter((p) => !known.includes(p));
      expect(passed.disclosure.bitsLeft).toBeCloseTo(challengeStrength(unknown, { known, sex: true }), 2);
      const serial = unknown.find((p) => p >= 7)!;
      const { state: after } = await h.service.reveal(state.callId, [serial]);
      expect(after.disclosure.bitsLeft).toBe(0);
    });

    it('reveals only what the rules allow: after a pass, never a said position, never the birth date, never over the limit', async () => {
      const h = serviceOver(fixture().store());
      const state = await h.service.open(OPEN(fresh()));
      const [said] = state.challenge!;
      const other = [7, 8, 9, 10, 11].filter((p) => !state.challenge!.includes(p));
      await expect(h.service.reveal(state.callId, [other[0]!])).rejects.toThrow(rejected('REVEAL_REFUSED'));
      await h.service.checkDigits(state.callId, digitsOf(JAN_PESEL, state.challenge!));
      await expect(h.service.reveal(state.callId, [said!])).rejects.toThrow(rejected('REVEAL_REFUSED'));
      await expect(h.service.reveal(state.callId, [3])).rejects.toThrow(rejected('REVEAL_REFUSED'));
      await expect(h.service.reveal(state.callId, [other[0]!, other[1]!, 2])).rejects.toThrow(rejected('REVEAL_REFUSED'));
      const { digits } = await h.service.reveal(state.callId, [other[0]!, other[1]!]);
      expect(digits).toEqual(digitsOf(JAN_PESEL, [other[0]!, other[1]!]));
      // a replay asks the same positions again: same digits, nothing new revealed
      const replay = await h.service.reveal(state.callId, [other[1]!]);
      expect(replay.state.revealed).toEqual([other[0], other[1]]);
      await expect(h.service.reveal(state.callId, [6])).rejects.toThrow(rejected('REVEAL_REFUSED'));
    });

    it('refuses a reveal that would leave fewer unspoken bits than mutual.minBitsLeft', async () => {
      const script = serverScript({ mutual: { enabled: true, maxPositions: 2, minBitsLeft: 1 } });
      const h = serviceOver(fixture().store(), { scripts: [script] });
      const state = await h.service.open(OPEN(fresh(), script));
      await h.service.checkDigits(state.callId, digitsOf(JAN_PESEL, state.challenge!));
      const other = [7, 8, 9, 10, 11].filter((p) => !state.challenge!.includes(p));
      await expect(h.service.reveal(state.callId, [other[0]!])).rejects.toThrow(rejected('REVEAL_REFUSED'));
    });

    it('records verified only on its own evidence, and attests what it recorded', async () => {
      const h = serviceOver(fixture().store());
      const ref = fresh();
      const state = await h.service.open(OPEN(ref));
      await expect(h.service.close(state.callId, { kind: 'verified' })).rejects.toThrow(rejected('VERIFICATION_REFUSED'));
      await h.service.checkDigits(state.callId, digitsOf(JAN_PESEL, state.challenge!));
      await expect(h.service.close(state.callId, { kind: 'verified' })).rejects.toThrow(rejected('VERIFICATION_REFUSED'));
      await h.service.checkAnswer(state.callId, 'account-opened-year', ' 2009 ');
      const closed = await h.service.close(state.callId, { kind: 'verified' });
      expect(closed.outcome).toEqual({ kind: 'verified' });
      const token = await h.service.attestation(state.callId);
      const attestation = await verifyAttestation(token, KEY);
      expect(attestation).toEqual({ callId: state.callId, customerRef: ref, outcome: { kind: 'verified' }, at: new Date(h.clock.now()).toISOString() });
      const [payload, mac] = token.split('.');
      const forged = Buffer.from(JSON.stringify({ ...attestation, customerRef: 'someone-else' })).toString('base64url');
      await expect(verifyAttestation(`${forged}.${mac}`, KEY)).rejects.toThrow(rejected('INVALID_ATTESTATION'));
      await expect(verifyAttestation(`${payload}.${mac}`, 'another-key-0123456789abcdef012345')).rejects.toThrow(rejected('INVALID_ATTESTATION'));
      await expect(h.service.checkAnswer(state.callId, 'account-opened-year', '2009')).rejects.toThrow(rejected('CALL_CLOSED'));
    });

    it('records how a call ended without verification, once', async () => {
      const h = serviceOver(fixture().store());
      const state = await h.service.open(OPEN(fresh()));
      await h.service.close(state.callId, { kind: 'abandoned', reason: 'hang-up' });
      await expect(h.service.close(state.callId, { kind: 'verified' })).rejects.toThrow(rejected('CALL_CLOSED'));
      expect((await h.service.status(state.callId)).outcome).toEqual({ kind: 'abandoned', reason: 'hang-up' });
    });

    it('answers an unknown customer exactly like a known one who answered wrong', async () => {
      const h = serviceOver(fixture().store(), { seed: 3 });
      const known = await h.service.open(OPEN(fresh()));
      const h2 = serviceOver(fixture().store(), { seed: 3 });
      const unknown = await h2.service.open(OPEN(`nobody-${fresh()}`));
      const a = await h.service.checkDigits(known.callId, wrongDigits(JAN_PESEL, known.challenge!));
      const b = await h2.service.checkDigits(unknown.callId, wrongDigits(JAN_PESEL, unknown.challenge!));
      const strip = (s: CallState) => ({ ...s, callId: '', challenge: s.challenge?.length });
      expect(strip(b)).toEqual(strip(a));
    });

    it('rejects malformed input with a stable code and changes nothing', async () => {
      const h = serviceOver(fixture().store());
      const state = await h.service.open(OPEN(fresh()));
      for (const bad of [{ 12: '1' }, { 7: '12' }, { 7: 7 }, 'x', null, { 0: '1' }]) {
        await expect(h.service.checkDigits(state.callId, forged(bad))).rejects.toThrow(rejected('INVALID_ARGUMENT'));
      }
      await expect(h.service.checkDigits('not-a-call', {})).rejects.toThrow(rejected('CALL_NOT_FOUND'));
      await expect(h.service.open({ ...OPEN(fresh()), script: { id: 'server-test', version: 99 } })).rejects.toThrow(rejected('UNKNOWN_SCRIPT'));
      expect(await h.service.resume(state.callId)).toEqual(state);
    });
  });
}

export { testClock };
