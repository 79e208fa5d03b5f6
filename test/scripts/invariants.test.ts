import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineScript } from '../../src/index.js';
import { scriptPaths, type PathEvent, type ScriptPath } from '../../src/testing/index.js';
import { attemptsWithinLimits, challengeCheckedTogether, endsInOutcome, revealsOnlyAfterPass, revealsOnlyAllowedPositions, verifiedOnlyByVerifier } from './invariants.js';

// The checks in invariants.ts must be able to fail: each is shown a path that breaks its rule.

const script = defineScript(JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/scripts/fraud-alert.json'), 'utf8')));
const wrong = { ok: false, locked: false };

function path(steps: [string, PathEvent?][], outcome: ScriptPath['outcome'] = { kind: 'verified' }, ended = true): ScriptPath {
  const states = steps.map(([state]) => state);
  const events = steps.flatMap(([, event]) => (event ? [event] : []));
  return { states, steps: states.map(() => 'introduce'), events, outcome, ended, explored: { from: 0, to: events.length } };
}

const digit = (position: number): PathEvent => ({ type: 'ANSWER_DIGIT', position, via: 'voice' });

describe('invariant checks catch violations', () => {
  it('a path that ends without an outcome or never ends', () => {
    expect(endsInOutcome(path([['introduce']], null, false))).toHaveLength(2);
  });

  it('a reveal before the challenge was passed', () => {
    const p = path([['mutual.inviting', { type: 'CUSTOMER_ASKS_DIGITS', positions: [10] }], ['mutual.revealing']]);
    expect(revealsOnlyAfterPass(p)).not.toEqual([]);
  });

  it('a reveal of a said position, of the birth date, of more than the limit', () => {
    const p = path([
      ['pesel.asking', digit(9)],
      ['pesel.asking', { type: 'CUSTOMER_ASKS_DIGITS', positions: [9, 2, 10] }],
      ['mutual.inviting', { type: 'xstate.done.actor.revealDigits', output: { positions: [9, 2, 10] } }],
      ['mutual.revealed'],
    ]);
    const problems = revealsOnlyAllowedPositions(script, p);
    expect(problems.some((m) => m.includes('which the customer said'))).toBe(true);
    expect(problems.some((m) => m.includes('birth-date'))).toBe(true);
    expect(problems.some((m) => m.includes('more than 2'))).toBe(true);
  });

  it('one attempt too many, counting silence and "I don\'t know"', () => {
    const p = path([
      ['pesel.asking', { type: 'DONT_KNOW' }],
      ['pesel.asking', { type: 'xstate.after.120000.call.pesel.asking' }],
      ['pesel.asking', digit(5)],
      ['pesel.asking'],
    ]);
    expect(attemptsWithinLimits(script, p).length).toBeGreaterThan(0);
  });

  it('a check before all digits were given, and positions re-rolled after a failure', () => {
    const early = path([['pesel.asking', digit(5)], ['pesel.checking']]);
    expect(challengeCheckedTogether(early, 3)).not.toEqual([]);
    const rerolled = path([
      ['pesel.asking', digit(5)],
      ['pesel.asking', digit(7)],
      ['pesel.asking', digit(8)],
      ['pesel.checking', { type: 'xstate.done.actor.checkDigits', output: wrong }],
      ['pesel.asking', digit(9)],
      ['pesel.asking'],
    ]);
    expect(challengeCheckedTogether(rerolled, 3)).not.toEqual([]);
  });

  it('verified without the verifier, and a verifier error that lets the call through', () => {
    const p = path([['pesel.checking', { type: 'xstate.error.actor.checkDigits', error: 'down' }], ['mutual.inviting']]);
    const problems = verifiedOnlyByVerifier(script, p);
    expect(problems.some((m) => m.includes('without a passed checkDigits'))).toBe(true);
    expect(problems.some((m) => m.includes('verifier failure'))).toBe(true);
  });

  it('and every real path of the script passes them', () => {
    const paths = scriptPaths(script);
    const verified = paths.find((p) => p.outcome?.kind === 'verified')!;
    expect(verifiedOnlyByVerifier(script, verified)).toEqual([]);
    expect(verified.events.some((e) => e.type === 'xstate.done.actor.checkDigits' && e.output.ok)).toBe(true);
  });
});
