import { describe, expect, it } from 'vitest';
import { isSafecallError, OUTCOME_KINDS } from '../../src/index.js';
import { countScriptPaths, formatPath, scriptPaths, type ScriptPath } from '../../src/testing/index.js';
import { example, smallScript } from './helpers.js';

const eventKey = (p: ScriptPath) => JSON.stringify(p.events);
/** Every transition a path takes: from-state, event type, to-state. */
const transitions = (paths: ScriptPath[]) => new Set(paths.flatMap((p) => p.events.map((e, i) => `${p.states[i]} -${e.type}-> ${p.states[i + 1]}`)));

describe('scriptPaths', () => {
  const loan = example('loan-offer');
  const perStep = scriptPaths(loan);
  const all = scriptPaths(loan, { mode: 'all' });

  it('walks the machine to every outcome, each path ending in a final state', () => {
    expect(perStep.length).toBeGreaterThan(100);
    for (const path of perStep) {
      expect(path.ended).toBe(true);
      expect(OUTCOME_KINDS).toContain(path.outcome?.kind);
      expect(path.states).toHaveLength(path.events.length + 1);
      expect(path.steps).toHaveLength(path.states.length);
      expect(path.states[0]).toBe('introduce');
      expect(path.explored.from).toBeLessThanOrEqual(path.explored.to);
      expect(path.explored.to).toBeLessThanOrEqual(path.events.length);
    }
  });

  it('per-step paths are real full paths: each is one of the paths of mode "all"', () => {
    const full = new Set(all.map(eventKey));
    for (const path of perStep) expect(full.has(eventKey(path)), formatPath(path)).toBe(true);
  });

  it('per-step paths take every transition that full enumeration takes', () => {
    expect(transitions(perStep)).toEqual(transitions(all));
  });

  it('counts without enumerating: total matches mode "all", perStep matches the default', () => {
    const counts = countScriptPaths(loan);
    expect(counts.total).toBe(all.length);
    expect(counts.perStep).toBe(perStep.length);
    expect(new Set(all.map(eventKey)).size).toBe(all.length);
  });

  it('offers verifier answers, errors and timeouts as events, and never the internal restore event', () => {
    const types = new Set(perStep.flatMap((p) => p.events.map((e) => e.type)));
    for (const t of ['xstate.done.actor.checkDigits', 'xstate.error.actor.checkDigits', 'xstate.after.90000.call.pesel.asking', 'xstate.after.10000.call.pesel.checking', 'RETRY', 'HOLD', 'RESUME', 'DONT_KNOW', 'HANG_UP', 'REQUEST_CALLBACK', 'CUSTOMER_WILL_CALL_BACK']) {
      expect(types).toContain(t);
    }
    expect(types).not.toContain('safecall.restored');
    const verdicts = new Set(perStep.flatMap((p) => p.events.flatMap((e) => (e.type === 'xstate.done.actor.checkDigits' ? [JSON.stringify(e.output)] : []))));
    expect(verdicts.size).toBe(3);
  });

  it('lets a customer step aside once and come back', () => {
    const detour = perStep.find((p) => p.outcome?.kind === 'verified' && p.events.some((e) => e.type === 'RESUME'));
    expect(detour).toBeDefined();
    expect(detour!.events.filter((e) => e.type === 'HOLD')).toHaveLength(1);
  });

  it('uses the challenge it is given, or the one a session with the same seed would ask', () => {
    const fixed = scriptPaths(loan, { challenge: [10, 11] });
    const digits = new Set(fixed.flatMap((p) => p.events.flatMap((e) => (e.type === 'ANSWER_DIGIT' ? [e.position] : []))));
    expect([...digits].sort()).toEqual([10, 11]);
    expect(() => scriptPaths(loan, { challenge: [1, 1] })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => scriptPaths(loan, { challenge: [] })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('is deterministic', () => {
    expect(scriptPaths(loan).map(eventKey)).toEqual(perStep.map(eventKey));
  });

  it('refuses a full enumeration larger than maxPaths, saying how large it is', () => {
    let error: unknown;
    try {
      scriptPaths(example('fraud-alert'), { mode: 'all' });
    } catch (e) {
      error = e;
    }
    expect(isSafecallError(error, 'INVALID_ARGUMENT')).toBe(true);
    expect((error as Error).message).toMatch(/has \d+ distinct paths, more than maxPaths \(20000\)/);
  });

  it('handles every example script per step within a few seconds', () => {
    for (const name of ['fraud-alert', 'vip-substitute'] as const) {
      const started = performance.now();
      const paths = scriptPaths(example(name));
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(new Set(paths.map((p) => p.outcome?.kind))).toEqual(new Set(OUTCOME_KINDS));
    }
  });

  it('covers a script without PESEL challenge or mutual verification', () => {
    const script = smallScript({ pesel: { enabled: false }, mutual: { enabled: false }, steps: { confirmPerson: false, callerId: false, safePlace: false } });
    const paths = scriptPaths(script);
    expect(paths.some((p) => p.outcome?.kind === 'verified' && p.steps.includes('question') && !p.steps.includes('pesel-digit'))).toBe(true);
    expect(scriptPaths(script, { mode: 'all' }).length).toBe(countScriptPaths(script).total);
  });

  it('formatPath reads as steps joined by events', () => {
    const hangUp = perStep.find((p) => p.events.length === 1 && p.events[0]?.type === 'HANG_UP')!;
    expect(formatPath(hangUp)).toBe('introduce —HANG_UP→ closing ⇒ abandoned (hang-up)');
  });
});
