import { describe, expect, it } from 'vitest';
import { isSafecallError, SafecallError, type Verifier } from '../../src/index.js';
import { customerBot, formatTranscript, simulateCall, SIMULATION_START, TEST_PESEL, type Turn } from '../../src/testing/index.js';
import { example, smallScript } from './helpers.js';

const CONFIRM = { type: 'CONFIRM' } as const;
const RIGHT = { type: 'ANSWER_CORRECTLY' } as const;

describe('simulateCall', () => {
  it('plays a turn list to a verified call with a readable transcript', async () => {
    const script = smallScript();
    const result = await simulateCall(script, [CONFIRM, CONFIRM, CONFIRM, CONFIRM, RIGHT, RIGHT, RIGHT], { answers: { city: 'Kraków' } });
    expect(result.outcome).toEqual({ kind: 'verified' });
    expect(result.done).toBe(true);
    expect(result.turns).toBe(7);
    expect(result.customer).toBe('turns');
    expect(result.transcript[0]).toMatchObject({ who: 'agent', step: 'introduce' });
    expect(result.transcript.at(-1)).toMatchObject({ who: 'agent', step: 'handoff' });
    const customer = result.transcript.filter((e) => e.who === 'customer');
    expect(customer.map((e) => e.step)).toEqual(['introduce', 'confirm-person', 'caller-id', 'safe-place', 'pesel-digit', 'pesel-digit', 'question']);
    expect(result.audit[0]).toMatchObject({ type: 'call-started', at: new Date(SIMULATION_START).toISOString(), sessionId: 'sim-1' });
    expect(result.audit.some((e) => e.type === 'outcome' && e.data.kind === 'verified')).toBe(true);
  });

  it('never shows digits or answer values in customer turns or audit events', async () => {
    const answers = { city: 'Zakopane-4471' };
    const result = await simulateCall(smallScript(), [CONFIRM, CONFIRM, CONFIRM, CONFIRM, RIGHT, RIGHT, RIGHT], { answers });
    for (const entry of result.transcript) {
      if (entry.who !== 'customer') continue;
      if (entry.event.type === 'ANSWER_DIGIT') expect(entry.event.digit).toBe('[digit given]');
      if (entry.event.type === 'ANSWER') expect(entry.event.value).toBe('[answer given]');
      expect(entry.text).not.toMatch(/\[digit given\]|\[answer given\]/.test(entry.text) ? /Zakopane/ : /^\d$/);
    }
    const text = formatTranscript(result);
    expect(text).toContain('[digit given]');
    expect(text).toContain('[answer given]');
    expect(text).not.toContain('Zakopane');
    expect(JSON.stringify(result.audit)).not.toContain('Zakopane');
    for (const event of result.audit) expect(JSON.stringify(event.data)).not.toMatch(/"digit"|"value"/);
  });

  it('stops where the turns run out, with no outcome', async () => {
    const result = await simulateCall(smallScript(), [CONFIRM, CONFIRM]);
    expect(result.done).toBe(false);
    expect(result.outcome).toBeUndefined();
    expect(result.transcript.at(-1)).toMatchObject({ who: 'agent', step: 'caller-id' });
    expect(formatTranscript(result)).toContain('OUTCOME: none');
    // The session waits where the turns ran out and can be driven further.
    result.session.send({ type: 'CONFIRM' });
    expect(result.session.prompt.step).toBe('safe-place');
  });

  it('is deterministic: the same seed gives the same call, another seed other positions', async () => {
    const script = example('fraud-alert');
    const a = await simulateCall(script, customerBot('cooperative'), { seed: 7 });
    const b = await simulateCall(script, customerBot('cooperative'), { seed: 7 });
    expect(a.transcript).toEqual(b.transcript);
    expect(a.audit).toEqual(b.audit);
    const positions = async (seed: number) => {
      const r = await simulateCall(script, customerBot('cooperative'), { seed });
      return r.audit.find((e) => e.type === 'challenge-issued')!.data;
    };
    const seen = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5]) seen.add(JSON.stringify(await positions(seed)));
    expect(seen.size).toBeGreaterThan(1);
  });

  it('ANSWER_WRONGLY fails an attempt; WAIT past the timeout counts as one too', async () => {
    const script = smallScript();
    const turns: Turn[] = [CONFIRM, CONFIRM, CONFIRM, CONFIRM, { type: 'ANSWER_WRONGLY' }, RIGHT, { type: 'WAIT', seconds: script.pesel.answerTimeoutSeconds + 1 }];
    const result = await simulateCall(script, turns);
    const failed = result.audit.filter((e) => e.type === 'challenge-failed').map((e) => e.data);
    expect(failed).toEqual([
      { attempt: 1, cause: 'wrong', attemptsLeft: 1 },
      { attempt: 2, cause: 'timeout', attemptsLeft: 0 },
    ]);
    expect(result.outcome).toEqual({ kind: 'failed', reason: 'challenge-failed' });
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
    const result = await simulateCall(smallScript(), [CONFIRM, CONFIRM, CONFIRM, CONFIRM, digitTurn, digitTurn], { pesel: '85031583834' });
    expect(seen).toEqual(['pesel-digit', 'pesel-digit']);
    expect(result.audit.filter((e) => e.type === 'digit-given').map((e) => e.type === 'digit-given' && e.data.via)).toEqual(['keypad', 'keypad']);
    expect(result.audit.some((e) => e.type === 'challenge-passed')).toBe(true);
  });

  it('a turn the session rejects throws its error, with the turn number and step', async () => {
    const error = await simulateCall(smallScript(), [CONFIRM, { type: 'RESUME' }]).catch((e: unknown) => e);
    expect(isSafecallError(error, 'EVENT_NOT_ALLOWED')).toBe(true);
    expect((error as SafecallError).message).toMatch(/^turn 2 \(RESUME\) at step "confirm-person": /);
  });

  it('ANSWER_CORRECTLY where nothing is asked is a usage error', async () => {
    await expect(simulateCall(smallScript(), [RIGHT])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('"introduce"') });
  });

  it('validates its options and turns', async () => {
    await expect(simulateCall(smallScript(), [], { pesel: '12345678901' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(simulateCall(smallScript(), [], { seed: 1.5 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(simulateCall(smallScript(), 'CONFIRM' as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(simulateCall(smallScript(), [{ type: 'WAIT', seconds: 0 }])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('a verifier that never answers runs into the script\'s verifier timeout and fails closed', async () => {
    const hanging: Verifier = { checkDigits: () => new Promise(() => {}), revealDigits: () => new Promise(() => {}), checkAnswer: () => new Promise(() => {}) };
    const result = await simulateCall(smallScript(), customerBot('cooperative'), { verifier: hanging });
    expect(result.outcome).toEqual({ kind: 'failed', reason: 'verifier-unavailable' });
    const errors = result.audit.filter((e) => e.type === 'verifier-error');
    expect(errors).toHaveLength(smallScript().verifier.maxErrors);
    expect(errors.every((e) => e.type === 'verifier-error' && e.data.cause === 'timeout')).toBe(true);
  });

  it('uses the default test PESEL and passes extra audit sinks every event', async () => {
    const extra: string[] = [];
    const result = await simulateCall(smallScript(), customerBot('cooperative'), { audit: (e) => void extra.push(e.type) });
    expect(extra).toEqual(result.audit.map((e) => e.type));
    expect(TEST_PESEL).toHaveLength(11);
  });

  it('formatTranscript shows agent, customer and system lines, and can hide the system ones', async () => {
    const result = await simulateCall(example('fraud-alert'), customerBot('cooperative'));
    const text = formatTranscript(result);
    expect(text.split('\n')[0]).toBe('fraud-alert v3 (pl) · session sim-1 · customer: cooperative · 2026-11-23T13:00:00.000Z');
    expect(text).toMatch(/^ {2}AGENT +\[introduce\] +Dzień dobry/m);
    expect(text).toMatch(/^ {2}CUSTOMER +\[pesel-digit\] +\[digit given\] for position \d+ \(ANSWER_DIGIT\)$/m);
    expect(text).toContain('recording paused');
    expect(text.split('\n').at(-1)).toMatch(/^OUTCOME: verified · \d+ turns/);
    expect(formatTranscript(result, { hideSystem: true })).not.toContain('recording paused');
  });
});
