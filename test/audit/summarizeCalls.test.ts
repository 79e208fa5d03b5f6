import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCallSummarizer, isSafecallError, OUTCOME_KINDS, summarizeCalls, type AuditEvent, type OutcomeKind, type StepId } from '../../src/index.js';
import { example, templateCalls } from './helpers.js';

const T0 = Date.parse('2026-11-23T13:00:00.000Z');

/** A synthetic call: the steps it entered, in order, then its outcome. */
function call(
  sessionId: string,
  o: { agent?: string; script?: string; version?: number; steps?: StepId[]; unsafe?: boolean; safe?: boolean; reveal?: boolean; mismatch?: boolean; outcome?: OutcomeKind; seconds?: number },
): AuditEvent[] {
  const env = (type: string, step: StepId, second: number, data: object) =>
    ({ at: new Date(T0 + second * 1000).toISOString(), sessionId, scriptId: o.script ?? 'fraud-alert', scriptVersion: o.version ?? 3, type, step, data }) as AuditEvent;
  const events: AuditEvent[] = [env('call-started', 'introduce', 0, { agentId: o.agent ?? 'a1', locale: 'pl', restored: false })];
  let t = 1;
  for (const step of o.steps ?? []) {
    events.push(env('step-entered', step, t++, {}));
    if (step === 'safe-place' && o.unsafe) events.push(env('safe-place', step, t++, { safe: false }));
    if (step === 'safe-place' && o.safe) events.push(env('safe-place', step, t++, { safe: true }));
    if (step === 'pesel-digit') events.push(env('challenge-issued', step, t++, { positions: [5, 7, 8], strengthBits: 6.6, attempt: 1, avoidRelaxed: false }));
    if (step === 'mutual' && o.reveal) {
      events.push(env('digits-revealed', 'reveal', t++, { positions: [10, 11] }));
      events.push(env('mutual-result', 'reveal', t++, { matches: !o.mismatch }));
    }
  }
  if (o.outcome) events.push(env('outcome', 'verifying', o.seconds ?? t, { kind: o.outcome }));
  return events;
}

const FULL: StepId[] = ['confirm-person', 'caller-id', 'safe-place', 'pesel-digit', 'mutual', 'question'];

describe('summarizeCalls', () => {
  it('counts outcomes and the quality rates as defined', () => {
    const events = [
      ...call('A', { steps: FULL, safe: true, reveal: true, outcome: 'verified', seconds: 60 }),
      ...call('B', { steps: ['confirm-person', 'caller-id', 'safe-place', 'pesel-digit'], unsafe: true, safe: true, outcome: 'failed' }),
      ...call('C', { steps: ['confirm-person', 'caller-id', 'safe-place'], unsafe: true, outcome: 'callback-scheduled' }),
    ];
    const s = summarizeCalls(events);
    expect(s.calls).toBe(3);
    expect(s.events).toBe(events.length);
    expect(s.outcomes.verified).toEqual({ count: 1, rate: 1 / 3 });
    expect(s.outcomes.failed).toEqual({ count: 1, rate: 1 / 3 });
    expect(s.outcomes.locked).toEqual({ count: 0, rate: 0 });
    expect(s.verification).toEqual({ reached: 2, verified: 1, passRate: 0.5 });
    expect(s.timeToVerify).toEqual({ count: 1, medianMs: 60_000, p90Ms: 60_000 });
    expect(s.safePlace).toEqual({ asked: 3, unsafe: 2, unsafeRate: 2 / 3 });
    expect(s.callback).toEqual({ count: 1, rate: 1 / 3 });
    expect(s.mutual).toEqual({ offered: 1, used: 1, useRate: 1, mismatches: 0 });
  });

  it('takes the median and 90th percentile by nearest rank', () => {
    const events = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].flatMap((seconds, i) => call(`c${i}`, { steps: ['pesel-digit'], outcome: 'verified', seconds }));
    expect(summarizeCalls(events).timeToVerify).toEqual({ count: 10, medianMs: 50_000, p90Ms: 90_000 });
    expect(summarizeCalls([]).timeToVerify).toEqual({ count: 0, medianMs: null, p90Ms: null });
  });

  it('counts mutual verification mismatches', () => {
    const s = summarizeCalls([...call('A', { steps: FULL, reveal: true, mismatch: true, outcome: 'failed' }), ...call('B', { steps: FULL, outcome: 'verified' })]);
    expect(s.mutual).toEqual({ offered: 2, used: 1, useRate: 0.5, mismatches: 1 });
  });

  it('checks adherence against the scripts given: all steps in order when verified, a prefix when ended early', () => {
    const script = example('fraud-alert');
    const events = [
      ...call('ok', { steps: FULL, outcome: 'verified' }),
      ...call('early', { steps: ['confirm-person', 'caller-id'], outcome: 'abandoned' }),
      ...call('skipped', { steps: ['confirm-person', 'safe-place', 'pesel-digit', 'mutual', 'question'], outcome: 'verified' }),
      ...call('swapped', { steps: ['confirm-person', 'caller-id', 'safe-place', 'pesel-digit', 'question', 'mutual'], outcome: 'verified' }),
      ...call('detours', { steps: ['confirm-person', 'caller-id', 'safe-place', 'on-hold', 'safe-place', 'pesel-digit', 'verifying', 'pesel-digit', 'mutual', 'reveal', 'question', 'verifying', 'question'], outcome: 'verified' }),
    ];
    const s = summarizeCalls(events, { scripts: [script] });
    expect(s.adherence).toEqual({ checked: 5, adherent: 3, rate: 3 / 5 });
    expect(s.byScript['fraud-alert@3']).toMatchObject({ expectedFrom: 'script', expectedSteps: ['introduce', ...FULL] });
  });

  it('without the script, learns the order from the most common verified calls', () => {
    const events = [
      ...call('a', { steps: FULL, outcome: 'verified' }),
      ...call('b', { steps: FULL, outcome: 'verified' }),
      ...call('odd', { steps: ['confirm-person', 'safe-place'], outcome: 'verified' }),
      ...call('other', { script: 'loan-offer', version: 1, steps: ['confirm-person'], outcome: 'abandoned' }),
    ];
    const s = summarizeCalls(events);
    expect(s.byScript['fraud-alert@3']).toMatchObject({ expectedFrom: 'observed', expectedSteps: ['introduce', ...FULL], adherence: { checked: 3, adherent: 2 } });
    expect(s.byScript['loan-offer@1']).toMatchObject({ expectedFrom: null, expectedSteps: null, adherence: { checked: 0, adherent: 0, rate: null } });
  });

  it('breaks the numbers down per agent and per script version', () => {
    const events = [
      ...call('1', { agent: 'anna', steps: ['pesel-digit'], outcome: 'verified' }),
      ...call('2', { agent: 'anna', steps: ['pesel-digit'], outcome: 'failed' }),
      ...call('3', { agent: 'piotr', script: 'loan-offer', version: 1, steps: ['pesel-digit'], outcome: 'verified' }),
      ...call('4', { agent: 'piotr', steps: ['pesel-digit'] }),
    ];
    const s = summarizeCalls(events);
    expect(Object.keys(s.byAgent)).toEqual(['anna', 'piotr']);
    expect(s.byAgent['anna']).toMatchObject({ calls: 2, unfinished: 0, verification: { passRate: 0.5 } });
    expect(s.byAgent['piotr']).toMatchObject({ calls: 1, unfinished: 1, verification: { passRate: 1 } });
    expect(Object.keys(s.byScript)).toEqual(['fraud-alert@3', 'loan-offer@1']);
    expect(s.byScript['fraud-alert@3']).toMatchObject({ scriptId: 'fraud-alert', version: 3, calls: 2, unfinished: 1 });
    expect(s.unfinished).toBe(1);
  });

  it('counts a restored call once, from its first start, and events without a start as orphans', () => {
    const first = call('R', { steps: ['confirm-person', 'caller-id'] });
    const restart = { ...first[0]!, at: new Date(T0 + 30_000).toISOString(), data: { agentId: 'a1', locale: 'pl', restored: true } } as AuditEvent;
    const rest = call('R', { steps: ['safe-place', 'pesel-digit'], outcome: 'verified', seconds: 90 }).slice(1);
    const orphan = call('O', { steps: ['pesel-digit'], outcome: 'verified' }).slice(1);
    const s = summarizeCalls([...first, restart, ...rest, ...orphan]);
    expect(s.calls).toBe(1);
    expect(s.timeToVerify.medianMs).toBe(90_000);
    expect(s.orphanEvents).toBe(orphan.length);
  });

  it('rejects what is not an audit event', () => {
    expect(() => summarizeCalls([{ type: 'outcome' } as never])).toThrow(expect.objectContaining({ code: 'INVALID_AUDIT' }));
    expect(() => summarizeCalls([{ ...call('x', {})[0]!, at: 'yesterday' }])).toThrow(expect.objectContaining({ code: 'INVALID_AUDIT' }));
    let error: unknown;
    try {
      summarizeCalls(42 as never);
    } catch (e) {
      error = e;
    }
    expect(isSafecallError(error, 'INVALID_ARGUMENT')).toBe(true);
  });
});

describe('createCallSummarizer', () => {
  let templates: AuditEvent[][];
  beforeAll(async () => {
    templates = await templateCalls();
  });

  it('gives what summarizeCalls gives, and result() may be taken at any time', () => {
    const events = templates.flat();
    const summarizer = createCallSummarizer();
    events.slice(0, 50).forEach((e) => summarizer.add(e));
    const partial = summarizer.result();
    expect(summarizer.result()).toEqual(partial);
    events.slice(50).forEach((e) => summarizer.add(e));
    expect(summarizer.result()).toEqual(summarizeCalls(events));
  });

  it('holds only the calls in progress', () => {
    const summarizer = createCallSummarizer();
    let peak = 0;
    for (let round = 0; round < 50; round++) {
      for (const [i, events] of templates.entries()) {
        for (const e of events) {
          summarizer.add({ ...e, sessionId: `${round}-${i}` });
          peak = Math.max(peak, summarizer.openCalls);
        }
      }
    }
    expect(peak).toBe(1);
    expect(summarizer.openCalls).toBe(0);
    expect(summarizer.result().calls).toBe(50 * templates.length);
  });

  it('(property) counts every distinct session once, whatever the interleaving', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(templates.length - 1), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { minLength: 200, maxLength: 200 }),
        (picks, choices) => {
          // Calls running at the same time: merge their event lists, keeping each call's order.
          const queues = picks.map((t, i) => templates[t]!.map((e) => ({ ...e, sessionId: `s${i}` }) as AuditEvent));
          const merged: AuditEvent[] = [];
          let c = 0;
          while (queues.some((q) => q.length)) {
            const live = queues.filter((q) => q.length);
            merged.push(live[choices[c++ % choices.length]! % live.length]!.shift()!);
          }
          const s = summarizeCalls(merged);
          expect(s.calls).toBe(picks.length);
          expect(OUTCOME_KINDS.reduce((n, k) => n + s.outcomes[k].count, 0)).toBe(picks.length);
          expect(s.unfinished + s.orphanEvents).toBe(0);
          const sequential = summarizeCalls(picks.flatMap((t, i) => templates[t]!.map((e) => ({ ...e, sessionId: `s${i}` }) as AuditEvent)));
          expect(s).toEqual(sequential);
        },
      ),
      { numRuns: 100 },
    );
  });
});
