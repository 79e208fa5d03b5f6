import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adheres, createCallSummarizer, expectedSteps, summarizeCalls } from '../../src/audit/index.js';
import { isSafecallError } from '../../src/core/errors.js';
import { OUTCOME_KINDS, type AuditEvent, type StepId } from '../../src/model/index.js';
import { exampleScript } from '../support/auditFixtures.js';
import { call, generated, T0 } from './helpers.js';
import { forged } from '../support/forged.js';

/** fraud-alert v4's main steps after `introduce`, as step-entered events show them. */
const FULL: StepId[] = ['purpose', 'caller-id', 'safe-place', 'consent', 'pesel-digit', 'mutual', 'question'];

describe('summarizeCalls', () => {
  it('counts outcomes and the quality rates as defined', () => {
    const events = [
      ...call('A', { steps: FULL, safe: true, reveal: true, outcome: 'verified', seconds: 60 }),
      ...call('B', { steps: ['purpose', 'caller-id', 'safe-place', 'consent', 'pesel-digit'], unsafe: true, safe: true, outcome: 'failed' }),
      ...call('C', { steps: ['purpose', 'caller-id', 'safe-place'], unsafe: true, outcome: 'callback-scheduled' }),
    ];
    const s = summarizeCalls(events);
    expect(s.calls).toBe(3);
    expect(s.events).toBe(events.length);
    expect(s.outcomes.verified).toEqual({ count: 1, rate: 1 / 3 });
    expect(s.outcomes.failed).toEqual({ count: 1, rate: 1 / 3 });
    expect(s.outcomes.locked).toEqual({ count: 0, rate: 0 });
    expect(s.verification).toEqual({ reached: 2, verified: 1, passRate: 0.5 });
    expect(s.timeToVerify).toEqual({ count: 1, medianMs: 60_000, p90Ms: 60_000 });
    expect(s.timeToVerifyHistogram).toEqual([{ seconds: 60, calls: 1 }]);
    expect(s.safePlace).toEqual({ asked: 3, unsafe: 2, unsafeRate: 2 / 3 });
    expect(s.callback).toEqual({ count: 1, rate: 1 / 3 });
    expect(s.mutual).toEqual({ offered: 1, used: 1, useRate: 1, mismatches: 0 });
    expect(s.byDay).toEqual({ '2026-11-23': { calls: 3, verified: 1, safeAsked: 3, unsafe: 2, callbacks: 1 } });
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

  it('checks adherence against the scripts given: all main steps in order when verified, a prefix when ended early', () => {
    const script = exampleScript('fraud-alert');
    const events = [
      ...call('ok', { steps: [...FULL, 'handoff'], outcome: 'verified' }),
      ...call('early', { steps: ['purpose', 'caller-id'], outcome: 'abandoned' }),
      ...call('skipped', { steps: ['purpose', 'safe-place', 'consent', 'pesel-digit', 'mutual', 'question'], outcome: 'verified' }),
      ...call('swapped', { steps: ['purpose', 'caller-id', 'safe-place', 'consent', 'pesel-digit', 'question', 'mutual'], outcome: 'verified' }),
      ...call('detours', {
        steps: ['purpose', 'caller-id', 'safe-place', 'not-safe', 'on-hold', 'safe-place', 'consent', 'pesel-digit', 'verifying', 'pesel-digit', 'mutual', 'reveal', 'mutual', 'question', 'verifying', 'question'],
        outcome: 'verified',
      }),
      ...call('no-consent', { steps: ['purpose', 'caller-id', 'safe-place', 'pesel-digit', 'mutual', 'question'], outcome: 'verified' }),
    ];
    const s = summarizeCalls(events, { scripts: [script] });
    expect(s.adherence).toEqual({ checked: 6, adherent: 3, rate: 3 / 6 });
    expect(s.byScript['fraud-alert@4']).toMatchObject({ expectedFrom: 'script', expectedSteps: ['introduce', ...FULL] });
  });

  it('lets a call whose challenge was exhausted skip consent, PESEL and mutual verification, and only that call', () => {
    const script = exampleScript('fraud-alert');
    const questionsOnly: StepId[] = ['purpose', 'caller-id', 'safe-place', 'question'];
    const s = summarizeCalls(
      [
        ...call('exhausted', { steps: questionsOnly, exhausted: true, outcome: 'verified' }),
        ...call('not-exhausted', { steps: questionsOnly, outcome: 'verified' }),
        ...call('exhausted-early', { steps: ['purpose', 'caller-id', 'safe-place'], exhausted: true, outcome: 'abandoned' }),
      ],
      { scripts: [script] },
    );
    expect(s.adherence).toEqual({ checked: 3, adherent: 2, rate: 2 / 3 });
    expect(s.verification.reached).toBe(2);
  });

  it('adheres(): the rule on its own', () => {
    const order = expectedSteps(exampleScript('loan-offer'));
    expect(order).toEqual(['introduce', 'purpose', 'caller-id', 'safe-place', 'consent', 'pesel-digit']);
    expect(adheres(order, order, { verified: true, exhausted: false })).toBe(true);
    expect(adheres(order.slice(0, 3), order, { verified: true, exhausted: false })).toBe(false);
    expect(adheres(order.slice(0, 3), order, { verified: false, exhausted: false })).toBe(true);
    expect(adheres([], order, { verified: false, exhausted: false })).toBe(true);
    expect(adheres(['introduce', 'caller-id'], order, { verified: false, exhausted: false })).toBe(false);
  });

  it('without the script, learns the order from the most common verified calls', () => {
    const events = [
      ...call('a', { steps: FULL, outcome: 'verified' }),
      ...call('b', { steps: FULL, outcome: 'verified' }),
      ...call('odd', { steps: ['purpose', 'safe-place'], outcome: 'verified' }),
      ...call('other', { script: 'loan-offer', version: 2, steps: ['purpose'], outcome: 'abandoned' }),
    ];
    const s = summarizeCalls(events);
    expect(s.byScript['fraud-alert@4']).toMatchObject({ expectedFrom: 'observed', expectedSteps: ['introduce', ...FULL], adherence: { checked: 3, adherent: 2 } });
    expect(s.byScript['loan-offer@2']).toMatchObject({ expectedFrom: null, expectedSteps: null, adherence: { checked: 0, adherent: 0, rate: null } });
  });

  it('breaks the numbers down per agent, per script version and per day', () => {
    const nextDay = call('5', { agent: 'anna', steps: ['pesel-digit'], outcome: 'verified' }).map((e) => ({ ...e, at: new Date(Date.parse(e.at) + 86_400_000).toISOString() }));
    const events = [
      ...call('1', { agent: 'anna', steps: ['pesel-digit'], outcome: 'verified' }),
      ...call('2', { agent: 'anna', steps: ['pesel-digit'], outcome: 'failed' }),
      ...call('3', { agent: 'piotr', script: 'loan-offer', version: 2, steps: ['pesel-digit'], outcome: 'verified' }),
      ...call('4', { agent: 'piotr', steps: ['pesel-digit'] }),
      ...nextDay,
    ];
    const s = summarizeCalls(events);
    expect(Object.keys(s.byAgent)).toEqual(['anna', 'piotr']);
    expect(s.byAgent['anna']).toMatchObject({ calls: 3, unfinished: 0, verification: { passRate: 2 / 3 } });
    expect(s.byAgent['piotr']).toMatchObject({ calls: 1, unfinished: 1, verification: { passRate: 1 } });
    expect(Object.keys(s.byScript)).toEqual(['fraud-alert@4', 'loan-offer@2']);
    expect(s.byScript['fraud-alert@4']).toMatchObject({ scriptId: 'fraud-alert', version: 4, calls: 3, unfinished: 1 });
    expect(s.unfinished).toBe(1);
    expect(Object.keys(s.byDay)).toEqual(['2026-11-23', '2026-11-24']);
    expect(s.byDay['2026-11-24']).toEqual({ calls: 1, verified: 1, safeAsked: 0, unsafe: 0, callbacks: 0 });
  });

  it('counts a restored call once, from its first start, and events without a start as orphans', () => {
    const first = call('R', { steps: ['purpose', 'caller-id'] });
    const restart: AuditEvent = { ...first[0]!, at: new Date(T0 + 30_000).toISOString(), type: 'call-started', data: { agentId: 'a1', locale: 'pl', restored: true } };
    const rest = call('R', { steps: ['safe-place', 'consent', 'pesel-digit'], outcome: 'verified', seconds: 90 }).slice(1);
    const orphan = call('O', { steps: ['pesel-digit'], outcome: 'verified' }).slice(1);
    const s = summarizeCalls([...first, restart, ...rest, ...orphan]);
    expect(s.calls).toBe(1);
    expect(s.timeToVerify.medianMs).toBe(90_000);
    expect(s.orphanEvents).toBe(orphan.length);
  });

  it('a call first seen through a restored start has no duration and no implied introduce', () => {
    const s = summarizeCalls(call('R', { restored: true, steps: ['purpose'], outcome: 'abandoned' }));
    expect(s.calls).toBe(1);
    expect(s.timeToVerify.count).toBe(0);
    expect(s.byScript['fraud-alert@4']?.adherence.checked).toBe(0);
  });

  it('rejects what is not an audit event', () => {
    expect(() => summarizeCalls([forged<AuditEvent>({ type: 'outcome' })])).toThrow(expect.objectContaining({ code: 'INVALID_AUDIT' }));
    expect(() => summarizeCalls([{ ...call('x', {})[0]!, at: 'yesterday' }])).toThrow(expect.objectContaining({ code: 'INVALID_AUDIT' }));
    let error: unknown;
    try {
      summarizeCalls(forged<AuditEvent[]>(42));
    } catch (e) {
      error = e;
    }
    expect(isSafecallError(error, 'INVALID_ARGUMENT')).toBe(true);
  });
});

describe('createCallSummarizer', () => {
  const templates = generated({ calls: 60 });

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
    for (let round = 0; round < 20; round++) {
      for (const [i, events] of templates.entries()) {
        for (const e of events) {
          summarizer.add({ ...e, sessionId: `${round}-${i}` });
          peak = Math.max(peak, summarizer.openCalls);
        }
      }
    }
    expect(peak).toBe(1);
    expect(summarizer.openCalls).toBe(0);
    expect(summarizer.result().calls).toBe(20 * templates.length);
  });

  it('(property) counts every distinct session once, whatever the interleaving', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(templates.length - 1), { minLength: 1, maxLength: 30 }), fc.array(fc.nat(), { minLength: 200, maxLength: 200 }), (picks, choices) => {
        // Calls running at the same time: merge their event lists, keeping each call's order.
        const queues = picks.map((t, i) => templates[t]!.map((e) => ({ ...e, sessionId: `s${i}` })));
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
        const sequential = summarizeCalls(picks.flatMap((t, i) => templates[t]!.map((e) => ({ ...e, sessionId: `s${i}` }))));
        expect(s).toEqual(sequential);
      }),
      { numRuns: 60 },
    );
  });
});
