import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineScript, type CallScript, type OutcomeKind } from '../../src/index.js';
import { customerBot, formatPath, PERSONA_NAMES, scriptPaths, simulateCall, type PersonaName, type ScriptPath } from '../../src/testing/index.js';
import { rules } from './invariants.js';

/*
 * The model for script authors: a script is checked on every path through its
 * call flow against DESIGN.md §4, and played with simulated customers against
 * the real verification service. Copy this for your own scripts.
 */

/** An example script from examples/scripts. */
export function exampleScript(name: string): CallScript {
  return defineScript(JSON.parse(readFileSync(join(import.meta.dirname, `../../examples/scripts/${name}.json`), 'utf8')));
}

function expectNone(paths: readonly ScriptPath[], check: (path: ScriptPath) => string[]): void {
  const failures = paths.flatMap((path) => check(path).map((problem) => `${problem}\n    on ${formatPath(path)}`));
  expect(failures.slice(0, 5), `${failures.length} violation(s)`).toEqual([]);
}

/** The outcome each named persona ends a call of `script` with. */
export function expectedOutcomes(script: CallScript): Record<PersonaName, string> {
  const mutual = script.mutual.enabled && script.pesel.enabled;
  return {
    cooperative: 'verified',
    'steps-aside': 'verified',
    'unsafe-place': script.steps.safePlace ? 'callback-scheduled' : 'verified',
    'will-call-back': script.steps.safePlace ? 'customer-will-call-back/customer-request' : 'verified',
    'declines-consent': script.pesel.enabled ? 'customer-will-call-back/customer-request' : 'verified',
    forgetful: 'verified',
    keypad: 'verified',
    impostor: script.pesel.enabled ? 'failed/challenge-failed' : 'failed/question-failed',
    silent: script.pesel.enabled ? 'failed/challenge-failed' : 'verified',
    'asks-said-digit': 'verified',
    'fraud-suspicious': mutual ? 'failed/mutual-mismatch' : 'verified',
    'caller-id-mismatch': script.steps.callerId ? 'customer-will-call-back/caller-id-mismatch' : 'verified',
    'wrong-person': script.steps.confirmPerson ? 'wrong-person' : 'verified',
    'hangs-up': script.pesel.enabled ? 'abandoned/hang-up' : 'verified',
    'vip-doubter': script.vip?.substitute ? 'customer-will-call-back/vip-doubt' : 'verified',
  };
}

const kindOf = (outcome: { kind: string; reason?: string } | undefined | null) => (outcome ? (outcome.reason ? `${outcome.kind}/${outcome.reason}` : outcome.kind) : 'none');

/**
 * Every check for one script: its paths (for the challenge a first call is
 * issued, and for `challenges` more) keep every rule, reach every outcome
 * the script can end with, and every persona ends as expected. Returns the
 * paths of the seeded challenge, for the script's own further checks.
 */
export function checkScript(script: CallScript, options: { challenges?: number[][]; outcomes?: readonly OutcomeKind[] } = {}): readonly ScriptPath[] {
  const runs = [{ name: 'the seeded challenge', paths: scriptPaths(script) }, ...(options.challenges ?? []).map((challenge) => ({ name: `challenge ${challenge}`, paths: scriptPaths(script, { challenge }) }))];

  describe.each(runs)('$name', ({ paths }) => {
    it('reaches every outcome the script can end with', () => {
      const kinds = new Set(paths.map((p) => p.outcome?.kind));
      const expected: OutcomeKind[] = options.outcomes ? [...options.outcomes] : ['verified', 'failed', 'locked', 'callback-scheduled', 'customer-will-call-back', 'abandoned'];
      if (script.steps.confirmPerson) expected.push('wrong-person');
      expect([...kinds].sort()).toEqual(expected.sort());
    });

    it.each(Object.entries(rules(script)))('%s', (_, check) => expectNone(paths, check));
  });

  describe('simulated customers', () => {
    const expected = expectedOutcomes(script);
    it.each(PERSONA_NAMES.map((persona) => [persona, expected[persona]] as const))('a %s customer ends %s', async (persona, outcome) => {
      const result = await simulateCall(script, customerBot(persona));
      expect(result.done).toBe(true);
      expect(kindOf(result.outcome)).toBe(outcome);
      // The service recorded the same end, and a verified call only with its own evidence.
      expect(kindOf(result.state?.outcome)).toBe(kindOf(result.outcome));
    });
  });
  return runs[0]!.paths;
}
