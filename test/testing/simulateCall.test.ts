import { describe, expect, it } from 'vitest';
import { isSafecallError, SafecallError, type Verifier } from '../../src/index.js';
import { customerBot, formatTranscript, simulateCall, simulationService, SIMULATION_START, TEST_PESEL, type SimulationResult, type Turn } from '../../src/testing/index.js';
import { example, smallScript } from './helpers.js';

const CONFIRM = { type: 'CONFIRM' } as const;
const RIGHT = { type: 'ANSWER_CORRECTLY' } as const;
/** The small script up to the PESEL digits: person, purpose, caller ID, safe place, consent. */
const TO_DIGITS = [CONFIRM, CONFIRM, CONFIRM, CONFIRM, CONFIRM];

/** Two men born the same day: the same digits 1-6, other digits 7-11. */
const JAN = '85031583834';
const TWIN = '85031512351';

describe('simulateCall', () => {
  it('plays a turn list to a verified call against the real service, which records it', async () => {
    const result = await simulateCall(smallScript(), [...TO_DIGITS, RIGHT, RIGHT, RIGHT], { answers: { city: 'Kraków' } });
    expect(result.outcome).toEqual({ kind: 'verified' });
    expect(result.done).toBe(true);
    expect(result.turns).toBe(8);
    expect(result.customer).toBe('turns');
    expect(result.callId).toEqual(expect.any(String));
    expect(result.state).toMatchObject({ callId: result.callId, outcome: { kind: 'verified' }, passed: { pesel: true, questions: ['city'] } });
    expect(result.transcript[0]).toMatchObject({ who: 'agent', step: 'introduce' });
    expect(result.transcript.at(-1)).toMatchObject({ who: 'agent', step: 'handoff' });
    const customer = result.transcript.flatMap((e) => (e.who === 'customer' ? [e.step] : []));
    expect(customer).toEqual(['introduce', 'purpose', 'caller-id', 'safe-place', 'consent', 'pesel-digit', 'pesel-digit', 'question']);
    expect(result.audit[0]).toMatchObject({ type: 'call-started', at: new Date(SIMULATION_START).toISOString(), sessionId: 'sim-1' });
    expect(result.audit.at(-1)).toMatchObject({ type: 'outcome', data: { kind: 'verified' } });
  });

  it('redacts what the customer said: no digit or answer in the transcript, except the digits the agent reads out', async () => {
    const run = (pesel: string, answers: Record<string, string>) => simulateCall(example('fraud-alert'), customerBot('cooperative'), { pesel, answers, seed: 3 });
    const a = await run(JAN, { 'account-opened-year': '2009', 'home-city': 'Zakopane' });
    const b = await run(TWIN, { 'account-opened-year': '1987', 'home-city': 'Sopot' });
    expect(a.outcome).toEqual({ kind: 'verified' });
    const withoutReveal = (r: SimulationResult) => r.transcript.filter((e) => e.step !== 'reveal' || e.who !== 'agent');
    // Differential: other digits and answers, the same call — so none of them is in it.
    expect(withoutReveal(b)).toEqual(withoutReveal(a));
    expect(b.audit).toEqual(a.audit);
    for (const entry of a.transcript) {
      if (entry.who !== 'customer') continue;
      if (entry.event.type === 'ANSWER_DIGIT') expect(entry.event.digit).toBe('[digit given]');
      if (entry.event.type === 'ANSWER') expect(entry.event.value).toBe('[answer given]');
    }
    const text = formatTranscript(a);
    expect(text).toContain('[digit given]');
    expect(text).toContain('[answer given]');
    for (const secret of ['2009', 'Zakopane', JAN]) expect(text).not.toContain(secret);
    // The reveal line does carry the digits: that is what the agent reads out.
    const reveal = a.transcript.find((e) => e.who === 'agent' && e.step === 'reveal');
    const revealed = a.state?.revealed ?? [];
    expect(revealed.length).toBeGreaterThan(0);
    for (const position of revealed) expect(reveal?.who === 'agent' && reveal.say).toContain(JAN[position - 1]);
  });

  it('stops where the turns run out, with no outcome; the session can be driven further', async () => {
    const result = await simulateCall(smallScript(), [CONFIRM, CONFIRM]);
    expect(result.done).toBe(false);
    expect(result.outcome).toBeUndefined();
    expect(result.state?.outcome).toBeUndefined();
    expect(result.transcript.at(-1)).toMatchObject({ who: 'agent', step: 'caller-id' });
    expect(formatTranscript(result)).toContain('OUTCOME: none');
    result.session.send({ type: 'CONFIRM' });
    expect(result.session.prompt.step).toBe('safe-place');
  });

  it('is deterministic: the same seed gives the same call, other seeds other positions', async () => {
    const script = example('fraud-alert');
    const a = await simulateCall(script, customerBot('cooperative'), { seed: 7 });
    const b = await simulateCall(script, customerBot('cooperative'), { seed: 7 });
    expect(b.transcript).toEqual(a.transcript);
    expect(b.audit).toEqual(a.audit);
    expect(b.state).toEqual(a.state);
    const seen = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5]) seen.add(JSON.stringify((await simulateCall(script, [], { seed })).state?.challenge));
    expect(seen.size).toBeGreaterThan(1);
  });

  it('ANSWER_WRONGLY fails an attempt; WAIT past the timeout counts as one too', async () => {
    const script = smallScript();
    const turns: Turn[] = [...TO_DIGITS, { type: 'ANSWER_WRONGLY' }, RIGHT, { type: 'WAIT', seconds: script.pesel.answerTimeoutSeconds + 1 }];
    const result = await simulateCall(script, turns);
    const failed = result.audit.flatMap((e) => (e.type === 'challenge-failed' ? [e.data] : []));
    expect(failed).toEqual([
      { attempt: 1, cause: 'wrong', attemptsLeft: 1 },
      { attempt: 2, cause: 'timeout', attemptsLeft: 0 },
    ]);
    expect(result.outcome).toEqual({ kind: 'failed', reason: 'challenge-failed' });
    expect(result.state).toMatchObject({ attemptsLeft: 0, failures: { pesel: 2 }, outcome: { kind: 'failed', reason: 'challenge-failed' } });
    const wait = result.transcript.find((e) => e.who === 'customer' && e.event.type === 'WAIT');
    expect(wait).toMatchObject({ text: `(silence, ${script.pesel.answerTimeoutSeconds + 1} s)` });
  });

  it('turn functions see the prompt and the customer\'s own knowledge', async () => {
    const seen: string[] = [];
    const digitTurn: Turn = ({ prompt, customer }) => {
      seen.push(prompt.step);
      if (prompt.input?.kind !== 'digit') return { type: 'HANG_UP' };
      return { type: 'ANSWER_DIGIT', position: prompt.input.position, digit: customer.digit(prompt.input.position), via: 'keypad' };
    };
    const result = await simulateCall(smallScript(), [...TO_DIGITS, digitTurn, digitTurn], { pesel: JAN });
    expect(seen).toEqual(['pesel-digit', 'pesel-digit']);
    expect(result.audit.flatMap((e) => (e.type === 'digit-given' ? [e.data.via] : []))).toEqual(['keypad', 'keypad']);
    expect(result.state?.passed.pesel).toBe(true);
  });

  it('a turn the session rejects throws its error, with the turn number and step', async () => {
    const error = await simulateCall(smallScript(), [CONFIRM, { type: 'RESUME' }]).catch((e: unknown) => e);
    expect(isSafecallError(error, 'EVENT_NOT_ALLOWED')).toBe(true);
    expect((error as SafecallError).message).toMatch(/^turn 2 \(RESUME\) at step "purpose": /);
  });

  it('ANSWER_CORRECTLY where nothing is asked is a usage error', async () => {
    await expect(simulateCall(smallScript(), [RIGHT])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('"introduce"') });
  });

  it('validates its options and turns', async () => {
    await expect(simulateCall(smallScript(), [], { pesel: '12345678901' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(simulateCall(smallScript(), [], { seed: 1.5 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(simulateCall(smallScript(), JSON.parse('"CONFIRM"'))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(simulateCall(smallScript(), [{ type: 'WAIT', seconds: 0 }])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('one service, one ledger: a customer who failed gets the same positions in the next call, and is locked out after too many failures', async () => {
    const script = smallScript();
    const service = simulationService(script, { seed: 4 });
    const first = await simulateCall(script, customerBot('impostor'), { service });
    expect(first.outcome).toEqual({ kind: 'failed', reason: 'challenge-failed' });
    const second = await simulateCall(script, customerBot('cooperative'), { service });
    expect(second.state?.challenge).toEqual(first.state?.challenge);
    expect(second.audit.find((e) => e.type === 'challenge-issued')?.data).toMatchObject({ reissued: true });
    expect(second.outcome).toEqual({ kind: 'verified' });
    // Two failed calls: the third failure in 24 hours locks the customer out, whatever they answer next.
    const locking = simulationService(script, { seed: 4 });
    await simulateCall(script, customerBot('impostor'), { service: locking });
    const locked = await simulateCall(script, customerBot('impostor'), { service: locking });
    expect(locked.outcome).toEqual({ kind: 'locked' });
    expect(locked.state?.locked).toBeDefined();
  });

  it('a service that never answers runs into the script\'s timeout and fails closed', async () => {
    const script = smallScript();
    const result = await simulateCall(script, customerBot('cooperative'), { verifier: (service): Verifier => ({ ...service, checkDigits: () => new Promise(() => {}) }) });
    expect(result.outcome).toEqual({ kind: 'failed', reason: 'verifier-unavailable' });
    const errors = result.audit.flatMap((e) => (e.type === 'verifier-error' ? [e.data] : []));
    expect(errors).toEqual(Array.from({ length: script.verifier.maxErrors }, () => ({ task: 'digits', cause: 'timeout' })));
    // The service never saw a pass, and records the failure the desktop reported.
    expect(result.state).toMatchObject({ passed: { pesel: false }, outcome: { kind: 'failed', reason: 'verifier-unavailable' } });
  });

  it('an outage that rejects is retried by the agent, then fails closed', async () => {
    const outage = (service: Verifier): Verifier => ({ ...service, checkAnswer: () => Promise.reject(new SafecallError('VERIFIER_UNAVAILABLE', 'down')) });
    const result = await simulateCall(smallScript(), customerBot('cooperative'), { verifier: outage });
    expect(result.outcome).toEqual({ kind: 'failed', reason: 'verifier-unavailable' });
    expect(result.audit.filter((e) => e.type === 'verifier-error').length).toBe(smallScript().verifier.maxErrors);
    expect(result.transcript.filter((e) => e.who === 'customer' && e.event.type === 'RETRY').length).toBeGreaterThan(0);
    expect(result.state?.passed).toEqual({ pesel: true, questions: [] });
  });

  it('uses the default test PESEL and passes extra audit sinks every event', async () => {
    const extra: string[] = [];
    const result = await simulateCall(smallScript(), customerBot('cooperative'), { audit: (e) => void extra.push(e.type) });
    expect(extra).toEqual(result.audit.map((e) => e.type));
    expect(result.outcome).toEqual({ kind: 'verified' });
    expect(TEST_PESEL).toHaveLength(11);
  });

  it('formatTranscript shows agent, customer and system lines, and can hide the system ones', async () => {
    const result = await simulateCall(example('fraud-alert'), customerBot('cooperative'));
    const text = formatTranscript(result);
    expect(text.split('\n')[0]).toBe('fraud-alert v4 (pl) · session sim-1 · customer: cooperative · 2026-11-23T13:00:00.000Z');
    expect(text).toMatch(/^ {2}AGENT +\[introduce\] +Dzień dobry/m);
    expect(text).toMatch(/^ {2}CUSTOMER +\[pesel-digit\] +\[digit given\] for position \d+ \(ANSWER_DIGIT\)$/m);
    expect(text).toContain('recording paused');
    expect(text.split('\n').at(-1)).toMatch(/^OUTCOME: verified · \d+ turns/);
    expect(formatTranscript(result, { hideSystem: true })).not.toContain('recording paused');
  });
});
