/**
 * Budget (issue 13): `JSON.stringify(session.snapshot())` mid-call — main
 * steps confirmed, the service answered, the first PESEL digit given — is at
 * most 400 bytes, for every example script. A desktop stores it on every step.
 * Deterministic: sizes, no timings.
 */
import { describe, expect, it } from 'vitest';
import { BUDGETS } from '../../bench/bundle.js';
import { depsFor, exampleScripts, sessionMidCall } from '../../bench/fixtures.js';

const scripts = Object.entries(exampleScripts()).filter(([, script]) => script.pesel.enabled);

describe('snapshot size budget', () => {
  it('covers every example script with a PESEL challenge', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(3);
  });

  it.each(scripts)(`%s: the snapshot mid-call is at most ${BUDGETS.snapshotMidCall} bytes of JSON`, async (_name, script) => {
    const session = await sessionMidCall(script, depsFor(script, 1, { id: 'f'.repeat(32) }));
    try {
      expect(session.prompt.step).toBe('pesel-digit');
      expect(session.snapshot().state).toBe('pesel.digits.asking');
      const bytes = JSON.stringify(session.snapshot()).length;
      expect(bytes, JSON.stringify(session.snapshot())).toBeLessThanOrEqual(BUDGETS.snapshotMidCall);
    } finally {
      session.stop();
    }
  });
});
