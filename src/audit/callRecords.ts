import type { OutcomeKind } from '../model/index.js';
import type { AuditEvent } from './events.js';

/**
 * One ended call as a reviewer lists it: who, which script version, how it
 * ended, when.
 *
 * @example
 * ```ts
 * const call: CallRecord = { sessionId: 'c-1', agentId: 'anna', scriptId: 'fraud-alert', scriptVersion: 3, outcome: 'verified', startedAt: '2026-11-23T13:00:00.000Z', endedAt: '2026-11-23T13:02:10.000Z' };
 * ```
 */
export interface CallRecord {
  sessionId: string;
  agentId: string;
  scriptId: string;
  scriptVersion: number;
  outcome: OutcomeKind;
  /** `at` of the first `call-started`; null when the input began with a restored start. */
  startedAt: string | null;
  /** `at` of the outcome. */
  endedAt: string;
}

type Open = Omit<CallRecord, 'outcome' | 'endedAt'>;

/**
 * Follows calls through a stream of audit events and hands over each one as
 * it ends: memory holds only the calls in progress. A restored start
 * continues the call in progress; events of calls whose start is not in the
 * input are ignored.
 *
 * @example
 * ```ts
 * const calls = new CallTracker((call) => console.log(call.sessionId, call.outcome));
 * for (const event of events) calls.add(event);
 * ```
 */
export class CallTracker {
  private readonly open = new Map<string, Open>();

  constructor(private readonly onEnd: (call: CallRecord) => void) {}

  add(event: AuditEvent): void {
    if (event.type === 'call-started') {
      if (this.open.has(event.sessionId)) return;
      this.open.set(event.sessionId, {
        sessionId: event.sessionId,
        agentId: event.data.agentId,
        scriptId: event.scriptId,
        scriptVersion: event.scriptVersion,
        startedAt: event.data.restored ? null : event.at,
      });
    } else if (event.type === 'outcome') {
      const call = this.open.get(event.sessionId);
      if (!call) return;
      this.open.delete(event.sessionId);
      this.onEnd({ ...call, outcome: event.data.kind, endedAt: event.at });
    }
  }

  /** Calls started and not ended. */
  get openCalls(): number {
    return this.open.size;
  }
}
