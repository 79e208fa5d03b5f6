// The worked example of the README's testing section: a script author's vitest
// file for their own script. (In your project, import from 'safecall-pl' and
// 'safecall-pl/testing'.)
import { describe, expect, it } from 'vitest';
import { defineScript } from '../../src/index.js';
import { customerBot, formatPath, isServiceAnswer, scriptDiagram, scriptPaths, simulateCall } from '../../src/testing/index.js';

const script = defineScript({
  id: 'card-blocked',
  version: 1,
  locale: 'en',
  institution: { name: 'Example Bank', officialNumber: '+48 22 100 20 30', callerIdLabel: 'Example Bank' },
  purpose: { en: 'because we blocked your card after a suspicious payment' },
  pesel: { count: 3, minStrengthBits: 8, attempts: 2 },
  questions: [{ id: 'last-payment', text: { en: 'Where did you last pay with the card?' }, attempts: 2 }],
  mutual: { when: 'after-pesel', maxPositions: 2 },
});

describe('card-blocked script', () => {
  it('verifies a cooperative customer, and the verification service records it', async () => {
    const result = await simulateCall(script, customerBot('cooperative'), { answers: { 'last-payment': 'Biedronka' } });
    expect(result.outcome).toEqual({ kind: 'verified' });
    expect(result.state?.outcome).toEqual({ kind: 'verified' });
    const steps = result.transcript.flatMap((line) => (line.who === 'agent' ? [line.step] : []));
    // the steps the agent went through, each once (a step shows a prompt per digit or question)
    expect(steps.filter((step, i) => step !== steps[i - 1] && step !== 'verifying')).toEqual([
      'introduce', 'purpose', 'caller-id', 'safe-place', 'consent', 'pesel-digit',
      'mutual', 'reveal', 'question', 'handoff',
    ]);
  });

  it('offers a callback to a customer who is not alone', async () => {
    const result = await simulateCall(script, [
      { type: 'CONFIRM' }, // it is the right person
      { type: 'CONFIRM' }, // heard why we call
      { type: 'CONFIRM' }, // caller ID matches
      { type: 'DENY' }, // not somewhere safe
      { type: 'REQUEST_CALLBACK', inMinutes: 30 },
    ]);
    expect(result.outcome?.kind).toBe('callback-scheduled');
  });

  it('gives the customer no second chance past the attempt limit', async () => {
    const result = await simulateCall(script, customerBot({ digits: 'wrong' }));
    expect(result.outcome).toEqual({ kind: 'failed', reason: 'challenge-failed' });
    expect(result.audit.filter((event) => event.type === 'challenge-failed')).toHaveLength(2);
  });

  it('on every path: an outcome, and no digit read out before the service said the customer passed', () => {
    for (const path of scriptPaths(script)) {
      expect(path.outcome, formatPath(path)).not.toBeNull();
      const reveal = path.steps.indexOf('reveal');
      const passed = path.events.findIndex((e) => isServiceAnswer(e) && e.output.passed.pesel);
      if (reveal >= 0) expect(passed, formatPath(path)).toBeGreaterThanOrEqual(0);
      if (reveal >= 0) expect(passed, formatPath(path)).toBeLessThan(reveal);
    }
  });

  it('has a diagram for the compliance review', () => {
    expect(scriptDiagram(script)).toContain('pesel_digits_judging --> mutual : always [peselPassed]');
  });
});
