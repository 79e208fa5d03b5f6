import { describe, expect, it } from 'vitest';
import { JAN_PESEL, confirmUntil, dataOf, fraudAlert, giveDigits, recordingSignals, say, startCall, statusOf, stepsEntered, types, variant, type Call } from './helpers.js';

/** The fraud-alert call up to mutual verification: 5, 8, 9 given right. */
async function atMutual(call: Call): Promise<Call> {
  await confirmUntil(call.session, 'consent');
  await say(call.session, { type: 'CONFIRM' });
  expect(await giveDigits(call.session)).toEqual([5, 8, 9]);
  expect(call.session.prompt.step).toBe('mutual');
  return call;
}

const PHONE_NUMBER = /\d(?:[\s-]*\d){5,}/;

describe('mutual verification (DESIGN §4 rule 2)', () => {
  it('a position the customer said is refused with its reason; then an allowed one is read out', async () => {
    const { session, audit, server } = await atMutual(startCall(fraudAlert));
    const input = session.prompt.input;
    expect(input).toMatchObject({ kind: 'positions', max: 2, allowed: [7, 10, 11] });
    expect(input?.kind === 'positions' && input.forbidden).toEqual(
      expect.arrayContaining([
        { position: 1, reason: 'birth-date' },
        { position: 5, reason: 'said' },
        { position: 8, reason: 'said' },
        { position: 9, reason: 'said' },
      ]),
    );

    // "The ninth?" — he said it himself: repeating it proves nothing.
    await say(session, { type: 'CUSTOMER_ASKS_DIGITS', positions: [9] });
    expect(session.prompt.step).toBe('mutual');
    expect(session.prompt.revealed).toBeUndefined();
    expect(session.recording).toBe('active');
    expect(types(audit)).not.toContain('digits-revealed');
    // Nothing asked of the service: the desktop knows the rule.
    expect(server.lookups()).toBe(1);
    expect(server.events.filter((e) => e.type === 'revealed' || e.type === 'reveal-refused')).toEqual([]);
    // The birth date is refused too, with its own reason.
    await say(session, { type: 'CUSTOMER_ASKS_DIGITS', positions: [2] });
    expect(dataOf(audit, 'mutual-requested')).toEqual([
      { requested: [9], allowed: [], refused: [{ position: 9, reason: 'said' }] },
      { requested: [2], allowed: [], refused: [{ position: 2, reason: 'birth-date' }] },
    ]);

    await say(session, { type: 'CUSTOMER_ASKS_DIGITS', positions: [7] });
    expect(session.prompt.step).toBe('reveal');
    expect(session.prompt.revealed).toEqual([{ position: 7, digit: JAN_PESEL[6] }]);
    expect(session.recording).toBe('paused');
    expect(dataOf(audit, 'digits-revealed')).toEqual([{ positions: [7], bitsLeft: expect.any(Number) }]);
    await say(session, { type: 'CONFIRM' });
    expect(session.prompt.step).toBe('question');
    expect((await server.service.resume(session.callId!)).revealed).toEqual([7]);
  });

  it('more positions than the script allows reveals none: the customer chooses, not the engine', async () => {
    const { session, audit } = await atMutual(startCall(fraudAlert));
    await say(session, { type: 'CUSTOMER_ASKS_DIGITS', positions: [7, 10, 11] });
    expect(session.prompt.step).toBe('mutual');
    expect(dataOf(audit, 'mutual-requested')).toEqual([
      {
        requested: [7, 10, 11],
        allowed: [],
        refused: [
          { position: 7, reason: 'over-limit' },
          { position: 10, reason: 'over-limit' },
          { position: 11, reason: 'over-limit' },
        ],
      },
    ]);
    expect(types(audit)).not.toContain('digits-revealed');
  });

  it('the service refuses a reveal the desktop allowed (mutual.minBitsLeft): refused with reason "disclosure", then a smaller one passes', async () => {
    const careful = variant('fraud-alert', { id: 'fraud-alert-careful', mutual: { minBitsLeft: 1 } });
    const call = await atMutual(startCall(careful));
    const { session, audit, server } = call;
    // 10 and 11 with 5, 8, 9 already said: the check digit gives away the 7th — 0 bits left.
    await say(session, { type: 'CUSTOMER_ASKS_DIGITS', positions: [10, 11] });
    expect(session.prompt.step).toBe('mutual');
    expect(session.prompt.revealed).toBeUndefined();
    expect(session.recording).toBe('active');
    expect(server.events.filter((e) => e.type === 'reveal-refused')).toMatchObject([{ reason: 'disclosure' }]);
    expect((await server.service.resume(session.callId!)).revealed).toEqual([]);
    expect(types(audit)).not.toContain('digits-revealed');
    // The agent is told why, and may still be asked for one digit.
    expect(session.snapshot().context?.mutual?.refused).toEqual([
      { position: 10, reason: 'disclosure' },
      { position: 11, reason: 'disclosure' },
    ]);
    expect(session.prompt.input).toMatchObject({ kind: 'positions' });
    await say(session, { type: 'CUSTOMER_ASKS_DIGITS', positions: [10] });
    expect(session.prompt.step).toBe('reveal');
    expect(session.prompt.revealed).toEqual([{ position: 10, digit: '3' }]);
    expect(dataOf(audit, 'digits-revealed')).toEqual([{ positions: [10], bitsLeft: expect.any(Number) }]);
    expect(dataOf(audit, 'digits-revealed')[0]!.bitsLeft).toBeGreaterThanOrEqual(1);
    await say(session, { type: 'CONFIRM' });
    expect(session.prompt.step).toBe('question');
  });

  it('the audit trail shows that the service refused the reveal, and why', async () => {
    const careful = variant('fraud-alert', { id: 'fraud-alert-careful', mutual: { minBitsLeft: 1 } });
    const { session, audit } = await atMutual(startCall(careful));
    await say(session, { type: 'CUSTOMER_ASKS_DIGITS', positions: [10, 11] });
    expect(session.prompt.step).toBe('mutual');
    // The desktop's request was logged as allowed; a quality auditor must also see it was not read out, and why.
    const after = audit.slice(audit.findIndex((e) => e.type === 'mutual-requested') + 1);
    expect(after.some((e) => JSON.stringify(e.data).includes('"disclosure"'))).toBe(true);
  });

  it('the customer declines to check (DENY): the call still verifies', async () => {
    const call = await atMutual(startCall(fraudAlert));
    const { session, audit } = call;
    await say(session, { type: 'DENY' });
    expect(session.prompt.step).toBe('question');
    await say(session, { type: 'ANSWER', questionId: 'account-opened-year', value: '2009' });
    await say(session, { type: 'ANSWER', questionId: 'home-city', value: 'Kraków' });
    expect(session.outcome).toEqual({ kind: 'verified' });
    expect(types(audit)).toContain('mutual-declined');
    expect(types(audit)).not.toContain('digits-revealed');
    expect(recordingSignals(call.notices)).toEqual(['pause', 'resume']);
    const status = await statusOf(call);
    expect(status.outcome).toEqual({ kind: 'verified' });
    expect(status.state.revealed).toEqual([]);
    expect(call.server.lookups()).toBe(1);
  });

  it('the digits do not match (DENY on the reveal): failed, mutual-mismatch — and no phone number is read out', async () => {
    const call = await atMutual(startCall(fraudAlert));
    const { session, audit } = call;
    await say(session, { type: 'CUSTOMER_ASKS_DIGITS', positions: [10, 11] });
    expect(session.prompt.step).toBe('reveal');
    await say(session, { type: 'DENY' });
    expect(session.outcome).toEqual({ kind: 'failed', reason: 'mutual-mismatch' });
    expect(session.prompt.step).toBe('closing');
    expect(session.prompt.revealed).toBeUndefined();
    expect(session.prompt.say).not.toMatch(PHONE_NUMBER);
    expect(session.recording).toBe('active');
    expect(dataOf(audit, 'mutual-result')).toEqual([{ matches: false }]);
    expect(dataOf(audit, 'outcome')).toEqual([{ kind: 'failed', reason: 'mutual-mismatch' }]);
    expect(stepsEntered(audit)).not.toContain('question');
    const status = await statusOf(call);
    expect(status.outcome).toEqual({ kind: 'failed', reason: 'mutual-mismatch' });
    // The service knows the challenge was passed, yet the call is not verified.
    expect(status.state.passed.pesel).toBe(true);
  });
});
