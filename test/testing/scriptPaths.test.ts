import { describe, expect, it } from 'vitest';
import { isSafecallError, type OutcomeKind } from '../../src/index.js';
import { countScriptPaths, formatPath, isServiceAnswer, isServiceFailure, scriptPaths, simulateCall, type ScriptPath } from '../../src/testing/index.js';
import { example, tinyScript } from './helpers.js';

const OUTCOMES: readonly OutcomeKind[] = ['verified', 'failed', 'locked', 'callback-scheduled', 'customer-will-call-back', 'abandoned'];
const eventKey = (p: ScriptPath) => JSON.stringify(p.events);
/** Every transition a path takes: from-state, event, to-state. */
const transitions = (paths: readonly ScriptPath[]) => new Set(paths.flatMap((p) => p.events.map((e, i) => `${p.states[i]} -${e.type}-> ${p.states[i + 1]}`)));

describe('scriptPaths on a script small enough to enumerate in full', () => {
  const tiny = tinyScript();
  const perStep = scriptPaths(tiny);
  const all = scriptPaths(tiny, { mode: 'all' });

  it('walks the machine to every outcome, each path ending in a final state', () => {
    expect(new Set(perStep.map((p) => p.outcome?.kind))).toEqual(new Set(OUTCOMES));
    for (const path of perStep) {
      expect(path.ended, formatPath(path)).toBe(true);
      expect(path.states).toHaveLength(path.events.length + 1);
      for (const list of [path.steps, path.recording, path.calls]) expect(list).toHaveLength(path.states.length);
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

  it('counts without enumerating: total matches mode "all" (stepping aside and back included), perStep the default', () => {
    const counts = countScriptPaths(tiny);
    expect(counts.total).toBe(all.length);
    expect(counts.perStep).toBe(perStep.length);
    expect(new Set(all.map(eventKey)).size).toBe(all.length);
    expect(all.some((p) => p.events.filter((e) => e.type === 'RESUME').length === 2)).toBe(true);
  });

  it('covers a script without a PESEL challenge: its questions alone verify', () => {
    const script = tinyScript({ steps: { confirmPerson: false, callerId: false, safePlace: false }, pesel: { enabled: false }, questions: [{ id: 'city', text: { pl: 'W jakim mieście?' }, attempts: 1 }] });
    const paths = scriptPaths(script);
    expect(paths.some((p) => p.outcome?.kind === 'verified' && p.steps.includes('question') && !p.steps.includes('pesel-digit'))).toBe(true);
    expect(scriptPaths(script, { mode: 'all' }).length).toBe(countScriptPaths(script).total);
  });
});

describe('scriptPaths', () => {
  const loan = example('loan-offer');
  const perStep = scriptPaths(loan);

  it('offers the customer\'s events, the service\'s answers and failures, and the named timeouts — never the internal restore event', () => {
    const types = new Set(perStep.flatMap((p) => p.events.map((e) => e.type)));
    for (const t of [
      'xstate.done.actor.openCall', 'xstate.error.actor.openCall', 'xstate.done.actor.checkDigits', 'xstate.error.actor.checkDigits',
      'xstate.done.actor.resumeCall', 'xstate.done.actor.closeCall', 'xstate.error.actor.closeCall',
      'xstate.after.answerTimeout.call.pesel.digits.asking', 'xstate.after.serviceTimeout.call.pesel.digits.checking', 'xstate.after.serviceTimeout.call.ending',
      'CONFIRM', 'DENY', 'RETRY', 'HOLD', 'RESUME', 'DONT_KNOW', 'HANG_UP', 'REQUEST_CALLBACK', 'CUSTOMER_WILL_CALL_BACK', 'ANSWER_DIGIT',
    ]) {
      expect(types).toContain(t);
    }
    expect(types).not.toContain('safecall.restored');
  });

  it('offers every kind of answer to a check: pass, wrong with attempts left, wrong with none left, locked out', () => {
    const kinds = new Set<string>();
    for (const path of perStep) {
      path.events.forEach((event, i) => {
        if (!isServiceAnswer(event, 'checkDigits')) return;
        const before = path.calls[i]!;
        kinds.add(event.output.locked ? 'locked' : event.output.passed.pesel ? 'pass' : event.output.attemptsLeft > 0 ? 'wrong, more' : before.attemptsLeft > 1 ? 'wrong, cut short' : 'wrong, last');
      });
    }
    expect(kinds).toEqual(new Set(['pass', 'wrong, more', 'wrong, cut short', 'wrong, last', 'locked']));
    const opened = new Set(perStep.flatMap((p) => p.events.flatMap((e) => (isServiceAnswer(e, 'openCall') ? [e.output.locked ? 'locked' : e.output.challenge ? 'challenge' : 'exhausted'] : []))));
    expect(opened).toEqual(new Set(['challenge', 'exhausted', 'locked']));
    const failures = new Set(perStep.flatMap((p) => p.events.flatMap((e) => (isServiceFailure(e, 'closeCall') ? [e.error.code] : []))));
    expect(failures).toEqual(new Set(['VERIFIER_UNAVAILABLE', 'VERIFICATION_REFUSED']));
  });

  it('while the service is asked, offers only a hang-up of the customer\'s events (the session refuses the rest)', () => {
    for (const path of perStep) {
      path.events.forEach((event, i) => {
        if (path.steps[i] === 'verifying' && !event.type.startsWith('xstate.')) expect(event.type, formatPath(path)).toBe('HANG_UP');
      });
    }
  });

  it('a customer can step aside and come back', () => {
    const detour = perStep.find((p) => p.outcome?.kind === 'verified' && p.events.some((e) => e.type === 'RESUME'));
    expect(detour).toBeDefined();
  });

  it('uses the challenge it is given, or the one simulateCall with the same seed is issued; is deterministic', async () => {
    const tiny = tinyScript();
    const asked = (paths: readonly ScriptPath[]) => [...new Set(paths.flatMap((p) => p.events.flatMap((e) => (e.type === 'ANSWER_DIGIT' ? [e.position] : []))))].sort((a, b) => a - b);
    expect(asked(scriptPaths(tiny, { challenge: [11] }))).toEqual([11]);
    for (const seed of [1, 5]) {
      const simulated = await simulateCall(tiny, [], { seed });
      expect(asked(scriptPaths(tiny, { seed }))).toEqual(simulated.state?.challenge);
    }
    expect(asked(perStep)).toEqual((await simulateCall(loan, [])).state?.challenge);
    expect(scriptPaths(tiny).map(eventKey)).toEqual(scriptPaths(tiny).map(eventKey));
    expect(() => scriptPaths(loan, { challenge: [1, 1] })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => scriptPaths(loan, { challenge: [] })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => scriptPaths(loan, JSON.parse('{"mode":"every"}'))).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('refuses a full enumeration larger than maxPaths, saying how large it is', () => {
    let error: unknown;
    try {
      scriptPaths(tinyScript(), { mode: 'all', maxPaths: 100 });
    } catch (e) {
      error = e;
    }
    expect(isSafecallError(error, 'INVALID_ARGUMENT')).toBe(true);
    expect((error as Error).message).toMatch(/^script "tiny" v1 has \d+ distinct paths, more than maxPaths \(100\); use mode 'per-step'$/);
  });

  it('keeps the audit trail of every path, stamped with the step it belongs to', () => {
    const verified = perStep.find((p) => p.outcome?.kind === 'verified')!;
    const types = verified.audit.map((a) => a.record.type);
    expect(types).toContain('challenge-issued');
    expect(types).toContain('challenge-passed');
    expect(types.at(-1)).toBe('outcome');
    expect(verified.audit.find((a) => a.record.type === 'challenge-issued')?.step).toBe('pesel-digit');
  });
});

describe('formatPath', () => {
  const paths = scriptPaths(example('loan-offer'));

  it('reads as steps joined by events, with the outcome', () => {
    const hangUp = paths.find((p) => p.events.length === 1 && p.events[0]?.type === 'HANG_UP')!;
    expect(formatPath(hangUp)).toBe('introduce —HANG_UP→ closing ⇒ abandoned (hang-up)');
  });

  it('reads timeouts by the name and length of their delay, and service answers by what they changed', () => {
    const silent = paths.find((p) => p.events.some((e) => e.type === 'xstate.after.answerTimeout.call.pesel.digits.asking'))!;
    expect(formatPath(silent)).toContain('—timeout answerTimeout 90 s→ verifying');
    const verified = paths.find((p) => p.outcome?.kind === 'verified')!;
    expect(formatPath(verified)).toMatch(/—openCall: challenge \d+,\d+→ .*—checkDigits: passed→ .*—closeCall: recorded verified→ handoff ⇒ verified$/);
    const retried = paths.find((p) => p.events.some((e) => e.type === 'xstate.error.actor.checkDigits'))!;
    expect(formatPath(retried)).toContain('—checkDigits failed (VERIFIER_UNAVAILABLE)→ verifier-error');
  });
});
