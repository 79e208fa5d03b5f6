import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineScript, type CallScript } from '../../src/index.js';
import { customerBot, formatPath, scriptPaths, simulateCall, type PersonaName, type ScriptPath } from '../../src/testing/index.js';
import { attemptsWithinLimits, challengeCheckedTogether, endsInOutcome, revealsOnlyAfterPass, revealsOnlyAllowedPositions, verifiedOnlyByVerifier } from './invariants.js';

/*
 * The model for script authors: every script in examples/scripts is checked
 * on every path through its call flow against DESIGN.md §4, and played with
 * simulated customers. Copy this file for your own scripts.
 */

const dir = join(import.meta.dirname, '../../examples/scripts');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

function load(file: string): CallScript {
  return defineScript(JSON.parse(readFileSync(join(dir, file), 'utf8')));
}

/** Paths for the default challenge and for one that asks the last positions (the ones customers like to ask back). */
function pathsOf(script: CallScript): { challenge: string; paths: ScriptPath[] }[] {
  const last = [9, 10, 11].slice(3 - Math.min(3, script.pesel.count));
  return [
    { challenge: 'seeded', paths: scriptPaths(script) },
    { challenge: last.join(','), paths: scriptPaths(script, { challenge: last }) },
  ];
}

function expectNone(paths: ScriptPath[], check: (path: ScriptPath) => string[]): void {
  const failures = paths.flatMap((path) => check(path).map((problem) => `${problem}\n    on ${formatPath(path)}`));
  expect(failures.slice(0, 5), `${failures.length} violation(s)`).toEqual([]);
}

it('has example scripts to check', () => {
  expect(files.length).toBeGreaterThanOrEqual(3);
});

describe.each(files)('%s', (file) => {
  const script = load(file);
  const runs = pathsOf(script);
  const size = (run: { challenge: string; paths: ScriptPath[] }) => (script.pesel.enabled ? (run.challenge === 'seeded' ? script.pesel.count : run.challenge.split(',').length) : 0);

  it('has paths to every outcome the script can reach', () => {
    for (const { paths } of runs) {
      const kinds = new Set(paths.map((p) => p.outcome?.kind));
      expect(kinds).toContain('verified');
      for (const kind of ['failed', 'locked', 'callback-scheduled', 'customer-will-call-back', 'abandoned'] as const) expect(kinds).toContain(kind);
      if (script.steps.confirmPerson) expect(kinds).toContain('wrong-person');
    }
  });

  it('every path ends in an outcome', () => {
    for (const { paths } of runs) expectNone(paths, endsInOutcome);
  });

  it('never reveals digits before the customer passed the challenge (§4.2)', () => {
    for (const { paths } of runs) expectNone(paths, revealsOnlyAfterPass);
  });

  it('never reveals a said position, the birth date (unless allowed) or more than the limit (§4.2)', () => {
    for (const { paths } of runs) expectNone(paths, (path) => revealsOnlyAllowedPositions(script, path));
  });

  it('never allows more attempts than the script does; silence and "I don\'t know" count (§4.3, §4.7)', () => {
    for (const { paths } of runs) expectNone(paths, (path) => attemptsWithinLimits(script, path));
  });

  it('asks the same positions in every attempt and checks them together (§4.3)', () => {
    for (const run of runs) expectNone(run.paths, (path) => challengeCheckedTogether(path, size(run)));
  });

  it('is verified only by the verifier, and fails closed on verifier errors (§4.6)', () => {
    for (const { paths } of runs) expectNone(paths, (path) => verifiedOnlyByVerifier(script, path));
  });

  const expected: Partial<Record<PersonaName, string>> = {
    cooperative: 'verified',
    'steps-aside': 'verified',
    forgetful: 'verified',
    'unsafe-place': 'callback-scheduled',
    'will-call-back': 'customer-will-call-back',
    impostor: 'failed',
    silent: 'failed',
    'caller-id-mismatch': 'customer-will-call-back',
    'wrong-person': 'wrong-person',
    'hangs-up': 'abandoned',
    'fraud-suspicious': script.mutual.enabled ? 'failed' : 'verified',
    'vip-doubter': script.vip?.substitute ? 'customer-will-call-back' : 'verified',
  };
  it.each(Object.entries(expected))('a %s customer ends %s', async (persona, kind) => {
    const result = await simulateCall(script, customerBot(persona as PersonaName));
    expect(result.done).toBe(true);
    expect(result.outcome?.kind).toBe(kind);
  });
});
