import { SafecallError } from '../core/errors.js';
import { OUTCOME_KINDS, type StepId } from '../model/index.js';
import type { CallScript } from '../script/index.js';
import { expectedSteps, isCheckedStep } from './adherence.js';
import { decodeSequence, Stats, type OpenCall } from './callStats.js';
import type { AuditEvent } from './events.js';
import type { CallSummary, DayStats, ScriptVersionStats } from './summary.js';

/**
 * Options of {@link summarizeCalls} and {@link createCallSummarizer}.
 *
 * @example
 * ```ts
 * summarizeCalls(events, { scripts: [fraudAlertV3, fraudAlertV4] });
 * ```
 */
export interface SummarizeOptions {
  /**
   * The scripts the calls ran, to check adherence against their main steps.
   * A script version not given here is checked against the step order most
   * verified calls of that version took.
   */
  scripts?: readonly CallScript[];
}

/**
 * Summarises calls one event at a time: memory grows with the calls in
 * progress, not with the events or calls seen (a streaming report over
 * millions of calls runs in constant memory).
 *
 * @example
 * ```ts
 * const summarizer = createCallSummarizer();
 * for await (const event of readAuditEvents('audit.jsonl')) summarizer.add(event);
 * summarizer.result().verification.passRate;
 * ```
 */
export interface CallSummarizer {
  /** Adds one audit event. Throws `INVALID_AUDIT` for something that is not an audit event. */
  add(event: AuditEvent): void;
  /** The summary so far; may be called any number of times. */
  result(): CallSummary;
  /** Calls started and not yet ended. */
  readonly openCalls: number;
}

/** Ended calls remembered so their trailing events (the closing prompt) are not taken for orphans. */
const RECENTLY_CLOSED = 4096;

function invalid(message: string): never {
  throw new SafecallError('INVALID_AUDIT', `Invalid audit event: ${message}`);
}

function instant(at: string): number {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) invalid('"at" is not an ISO instant');
  return ms;
}

/** The sessions that ended last, in a ring: a bounded memory of what is not an orphan. */
class RecentlyClosed {
  private readonly ring: (string | undefined)[] = new Array(RECENTLY_CLOSED);
  private readonly set = new Set<string>();
  private next = 0;

  add(sessionId: string): void {
    const old = this.ring[this.next];
    if (old !== undefined) this.set.delete(old);
    this.ring[this.next] = sessionId;
    this.next = (this.next + 1) % RECENTLY_CLOSED;
    this.set.add(sessionId);
  }

  has(sessionId: string): boolean {
    return this.set.has(sessionId);
  }

  delete(sessionId: string): void {
    this.set.delete(sessionId);
  }
}

/**
 * Creates an incremental {@link CallSummarizer}; {@link summarizeCalls} is
 * this over an iterable.
 *
 * @example
 * ```ts
 * const summarizer = createCallSummarizer({ scripts: [fraudAlert] });
 * auditStream.on('event', (event) => summarizer.add(event));
 * setInterval(() => dashboard.render(summarizer.result()), 60_000);
 * ```
 */
export function createCallSummarizer(options: SummarizeOptions = {}): CallSummarizer {
  const known = new Map<string, StepId[]>();
  for (const script of options.scripts ?? []) known.set(`${script.id}@${script.version}`, expectedSteps(script));
  const open = new Map<string, OpenCall>();
  const closed = new RecentlyClosed();
  const all = new Stats();
  const byAgent = new Map<string, Stats>();
  const byScript = new Map<string, { id: string; version: number; stats: Stats }>();
  const byDay = new Map<string, DayStats>();
  let events = 0;
  let orphans = 0;

  const end = (sessionId: string, call: OpenCall, event: Extract<AuditEvent, { type: 'outcome' }>) => {
    const kind = event.data.kind;
    if (!OUTCOME_KINDS.includes(kind)) invalid('unknown outcome kind');
    const at = instant(event.at);
    let agent = byAgent.get(call.agentId);
    if (!agent) byAgent.set(call.agentId, (agent = new Stats()));
    for (const stats of [all, agent, byScript.get(call.scriptKey)!.stats]) stats.add(call, kind, at);
    const date = new Date(at).toISOString().slice(0, 10);
    let day = byDay.get(date);
    if (!day) byDay.set(date, (day = { calls: 0, verified: 0, safeAsked: 0, unsafe: 0, callbacks: 0 }));
    day.calls++;
    if (kind === 'verified') day.verified++;
    if (kind === 'callback-scheduled') day.callbacks++;
    if (call.safeAsked) day.safeAsked++;
    if (call.unsafe) day.unsafe++;
    open.delete(sessionId);
    closed.add(sessionId);
  };

  const start = (event: Extract<AuditEvent, { type: 'call-started' }>) => {
    const scriptKey = `${event.scriptId}@${event.scriptVersion}`;
    if (!byScript.has(scriptKey)) byScript.set(scriptKey, { id: event.scriptId, version: event.scriptVersion, stats: new Stats() });
    const restored = event.data?.restored === true;
    const agentId = typeof event.data?.agentId === 'string' ? event.data.agentId : '(unknown)';
    const call: OpenCall = {
      agentId,
      scriptKey,
      // A call first seen through a restored start began before the input: its duration is unknown.
      startedAt: restored ? null : instant(event.at),
      steps: restored ? [] : ['introduce'],
      reached: false,
      exhausted: false,
      safeAsked: false,
      unsafe: false,
      mutualOffered: false,
      mutualUsed: false,
      mismatch: false,
    };
    open.set(event.sessionId, call);
    closed.delete(event.sessionId);
  };

  const add = (event: AuditEvent): void => {
    if (!event || typeof event !== 'object') invalid('not an object');
    const { sessionId, type } = event;
    if (typeof sessionId !== 'string' || typeof type !== 'string' || typeof event.scriptId !== 'string' || typeof event.scriptVersion !== 'number') {
      invalid('sessionId, type, scriptId and scriptVersion are required');
    }
    events++;
    const call = open.get(sessionId);
    if (event.type === 'call-started') {
      // A restored session starts again with the same id: the same call goes on.
      if (!call) start(event);
      return;
    }
    if (!call) {
      if (!closed.has(sessionId)) orphans++;
      return;
    }
    switch (event.type) {
      case 'step-entered': {
        const step = event.step;
        if (isCheckedStep(step) && call.steps[call.steps.length - 1] !== step) call.steps.push(step);
        if (step === 'pesel-digit' || step === 'question') call.reached = true;
        if (step === 'mutual') call.mutualOffered = true;
        break;
      }
      case 'challenge-issued':
        call.reached = true;
        break;
      case 'challenge-exhausted':
        if (event.data.then === 'questions') call.exhausted = true;
        break;
      case 'safe-place':
        call.safeAsked = true;
        if (!event.data.safe) call.unsafe = true;
        break;
      case 'digits-revealed':
        call.mutualUsed = true;
        break;
      case 'mutual-result':
        if (!event.data.matches) call.mismatch = true;
        break;
      case 'outcome':
        end(sessionId, call, event);
        break;
      default:
        break;
    }
  };

  const result = (): CallSummary => {
    const observed = new Map<string, StepId[] | null>();
    // Without the script, the expected order is the one most verified calls of that version took.
    const expected = (scriptKey: string): StepId[] | null => {
      const given = known.get(scriptKey);
      if (given) return given;
      if (observed.has(scriptKey)) return observed.get(scriptKey)!;
      let best: { steps: string; calls: number } | undefined;
      for (const [key, calls] of all.sequences) {
        const sequence = decodeSequence(key, calls);
        if (sequence.scriptKey !== scriptKey || !sequence.verified || sequence.exhausted) continue;
        const steps = sequence.steps.join(',');
        if (!best || calls > best.calls || (calls === best.calls && steps < best.steps)) best = { steps, calls };
      }
      const order = best ? (best.steps.split(',') as StepId[]) : null;
      observed.set(scriptKey, order);
      return order;
    };
    const unfinished = { agent: new Map<string, number>(), script: new Map<string, number>() };
    for (const call of open.values()) {
      unfinished.agent.set(call.agentId, (unfinished.agent.get(call.agentId) ?? 0) + 1);
      unfinished.script.set(call.scriptKey, (unfinished.script.get(call.scriptKey) ?? 0) + 1);
    }
    const summary: CallSummary = {
      ...all.toJSON(expected, open.size),
      events,
      orphanEvents: orphans,
      byAgent: {},
      byScript: {},
      byDay: {},
      timeToVerifyHistogram: all.ttv.bins(),
    };
    const agents = new Set([...byAgent.keys(), ...unfinished.agent.keys()]);
    for (const agent of [...agents].sort()) {
      summary.byAgent[agent] = (byAgent.get(agent) ?? new Stats()).toJSON(expected, unfinished.agent.get(agent) ?? 0);
    }
    for (const key of [...byScript.keys()].sort()) {
      const { id, version, stats } = byScript.get(key)!;
      const order = expected(key);
      const entry: ScriptVersionStats = {
        ...stats.toJSON(expected, unfinished.script.get(key) ?? 0),
        scriptId: id,
        version,
        expectedSteps: order ? [...order] : null,
        expectedFrom: known.has(key) ? 'script' : order ? 'observed' : null,
      };
      summary.byScript[key] = entry;
    }
    for (const date of [...byDay.keys()].sort()) summary.byDay[date] = { ...byDay.get(date)! };
    return summary;
  };

  return {
    add,
    result,
    get openCalls() {
      return open.size;
    },
  };
}

/**
 * The numbers a quality auditor asks for, from the audit events of many
 * calls (grouped by `sessionId`): outcome counts and rates, verification pass
 * rate, median and 90th-percentile time to verify, unsafe-place rate,
 * callback rate, mutual-verification use and mismatches, and script
 * adherence — overall, per agent, per script version and per day. See
 * {@link CallStats} for the exact definitions; `examples/sql/` computes the
 * same numbers in DuckDB.
 *
 * Calls are counted from their `call-started` event; events of calls that
 * started before the input begins are counted as `orphanEvents` only. For a
 * large log use {@link createCallSummarizer} (or `safecall report`), which
 * holds only the calls in progress.
 *
 * @example
 * ```ts
 * const summary = summarizeCalls(events, { scripts: [fraudAlert] });
 * summary.outcomes.verified.rate; // e.g. 0.82
 * summary.byAgent['a-17']?.timeToVerify.medianMs; // e.g. 95000
 * ```
 */
export function summarizeCalls(events: Iterable<AuditEvent>, options: SummarizeOptions = {}): CallSummary {
  if (!events || typeof (events as Partial<Iterable<AuditEvent>>)[Symbol.iterator] !== 'function') {
    throw new SafecallError('INVALID_ARGUMENT', 'summarizeCalls needs an iterable of audit events');
  }
  const summarizer = createCallSummarizer(options);
  for (const event of events) summarizer.add(event);
  return summarizer.result();
}
