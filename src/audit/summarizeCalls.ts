import { SafecallError } from '../core/errors.js';
import type { StepId } from '../model/index.js';
import type { CallScript } from '../script/index.js';
import { OUTCOME_KINDS } from '../model/index.js';
import { mainSteps } from '../script/index.js';
import type { AuditEvent } from './events.js';
import { Stats, type OpenCall } from './callStats.js';
import type { CallSummary, ScriptVersionStats } from './summary.js';

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

/** Main steps of the call flow; the rest (on-hold, verifying, reveal...) are detours within them. */
const MAIN_STEPS = new Set<StepId>(['introduce', 'confirm-person', 'caller-id', 'safe-place', 'pesel-digit', 'question', 'mutual', 'vip-substitute']);
/** Ended calls remembered so their trailing events (the closing prompt) are not taken for orphans. */
const RECENTLY_CLOSED = 4096;

function invalid(message: string): never {
  throw new SafecallError('INVALID_AUDIT', `Invalid audit event: ${message}`);
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
  for (const script of options.scripts ?? []) known.set(`${script.id}@${script.version}`, mainSteps(script).filter((step) => step !== 'handoff'));
  const open = new Map<string, OpenCall>();
  const closed = new Set<string>();
  const closedOrder: string[] = [];
  const all = new Stats();
  const byAgent = new Map<string, Stats>();
  const byScript = new Map<string, { id: string; version: number; stats: Stats }>();
  let events = 0;
  let orphans = 0;

  const groupsOf = (call: OpenCall): Stats[] => {
    let agent = byAgent.get(call.agentId);
    if (!agent) byAgent.set(call.agentId, (agent = new Stats()));
    return [all, agent, byScript.get(call.scriptKey)!.stats];
  };

  const close = (sessionId: string) => {
    open.delete(sessionId);
    closed.add(sessionId);
    closedOrder.push(sessionId);
    if (closedOrder.length > RECENTLY_CLOSED) closed.delete(closedOrder.shift()!);
  };

  const add = (event: AuditEvent): void => {
    if (!event || typeof event !== 'object') invalid('not an object');
    const { sessionId, type } = event;
    if (typeof sessionId !== 'string' || typeof type !== 'string' || typeof event.scriptId !== 'string' || typeof event.scriptVersion !== 'number') {
      invalid('sessionId, type, scriptId and scriptVersion are required');
    }
    const at = Date.parse(event.at);
    if (Number.isNaN(at)) invalid('"at" is not an ISO instant');
    events++;
    let call = open.get(sessionId);
    if (type === 'call-started') {
      // A restored session starts again with the same id: the same call goes on.
      if (call) return;
      const scriptKey = `${event.scriptId}@${event.scriptVersion}`;
      if (!byScript.has(scriptKey)) byScript.set(scriptKey, { id: event.scriptId, version: event.scriptVersion, stats: new Stats() });
      const agentId = typeof event.data?.agentId === 'string' ? event.data.agentId : '(unknown)';
      call = { agentId, scriptKey, startedAt: event.data?.restored ? null : at, steps: [], reached: false, safeAsked: false, unsafe: false, mutualOffered: false, mutualUsed: false, mismatch: false };
      if (!event.data?.restored) call.steps.push('introduce');
      open.set(sessionId, call);
      closed.delete(sessionId);
      return;
    }
    if (!call) {
      if (!closed.has(sessionId)) orphans++;
      return;
    }
    switch (event.type) {
      case 'step-entered': {
        const step = event.step;
        if (MAIN_STEPS.has(step) && call.steps[call.steps.length - 1] !== step) call.steps.push(step);
        if (step === 'pesel-digit' || step === 'question') call.reached = true;
        if (step === 'mutual') call.mutualOffered = true;
        break;
      }
      case 'challenge-issued':
        call.reached = true;
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
      case 'outcome': {
        const kind = event.data.kind;
        if (!OUTCOME_KINDS.includes(kind)) invalid('unknown outcome kind');
        for (const stats of groupsOf(call)) stats.add(call, kind, at);
        close(sessionId);
        break;
      }
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
      let best: { steps: string; count: number } | undefined;
      for (const [key, count] of all.sequences) {
        const [k, steps, verified] = key.split('\0') as [string, string, string];
        if (k === scriptKey && verified === '1' && (!best || count > best.count || (count === best.count && steps < best.steps))) best = { steps, count };
      }
      const order = best ? (best.steps.split(',') as StepId[]) : null;
      observed.set(scriptKey, order);
      return order;
    };
    const unfinished = { all: 0, agent: new Map<string, number>(), script: new Map<string, number>() };
    for (const call of open.values()) {
      unfinished.all++;
      unfinished.agent.set(call.agentId, (unfinished.agent.get(call.agentId) ?? 0) + 1);
      unfinished.script.set(call.scriptKey, (unfinished.script.get(call.scriptKey) ?? 0) + 1);
    }
    const agents = new Set([...byAgent.keys(), ...unfinished.agent.keys()]);
    const summary: CallSummary = {
      ...all.toJSON(expected),
      unfinished: unfinished.all,
      events,
      orphanEvents: orphans,
      byAgent: {},
      byScript: {},
    };
    for (const agent of [...agents].sort()) {
      summary.byAgent[agent] = { ...(byAgent.get(agent) ?? new Stats()).toJSON(expected), unfinished: unfinished.agent.get(agent) ?? 0 };
    }
    for (const key of [...byScript.keys()].sort()) {
      const { id, version, stats } = byScript.get(key)!;
      const order = expected(key);
      const entry: ScriptVersionStats = {
        ...stats.toJSON(expected),
        unfinished: unfinished.script.get(key) ?? 0,
        scriptId: id,
        version,
        expectedSteps: order ? [...order] : null,
        expectedFrom: known.has(key) ? 'script' : order ? 'observed' : null,
      };
      summary.byScript[key] = entry;
    }
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
 * adherence — overall, per agent and per script version. See
 * {@link CallStats} for the exact definitions.
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
  if (!events || typeof (events as Iterable<AuditEvent>)[Symbol.iterator] !== 'function') {
    throw new SafecallError('INVALID_ARGUMENT', 'summarizeCalls needs an iterable of audit events');
  }
  const summarizer = createCallSummarizer(options);
  for (const event of events) summarizer.add(event);
  return summarizer.result();
}
