import type { AuditEvent, AuditEventType } from './events.js';
import type { StepId } from '../model/index.js';
import { describeAuditEvent } from './describeAuditEvent.js';
import { escapeControlCharacters } from './escapeControl.js';

/**
 * One line of a call's trail.
 *
 * @example
 * ```ts
 * const entry: TrailEntry = { at: '2026-11-23T13:00:05.000Z', offsetMs: 5000, step: 'purpose', type: 'step-entered', text: '→ purpose', event };
 * ```
 */
export interface TrailEntry {
  at: string;
  /** Time since the call's first event; null when `at` is not an instant. */
  offsetMs: number | null;
  step: StepId;
  type: AuditEventType;
  /** {@link describeAuditEvent} of the event (not escaped). */
  text: string;
  event: AuditEvent;
}

/**
 * The trail of one call: its events in the order they were recorded, each
 * with the time since the call began and a plain-English description.
 *
 * @example
 * ```ts
 * const trail = callTrail(events, 'c-1001');
 * trail.at(-1)?.text; // 'OUTCOME verified'
 * ```
 */
export function callTrail(events: Iterable<AuditEvent>, sessionId: string): TrailEntry[] {
  const entries: TrailEntry[] = [];
  let first: number | undefined;
  for (const event of events) {
    if (event.sessionId !== sessionId) continue;
    const at = Date.parse(event.at);
    if (first === undefined && !Number.isNaN(at)) first = at;
    entries.push({ at: event.at, offsetMs: Number.isNaN(at) || first === undefined ? null : at - first, step: event.step, type: event.type, text: describeAuditEvent(event), event });
  }
  return entries;
}

function clock(ms: number | null): string {
  if (ms === null) return '?';
  const seconds = Math.round(ms / 1000);
  const sign = seconds < 0 ? '-' : '+';
  const s = Math.abs(seconds);
  return `${sign}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * A call's trail as text for a terminal: a heading (session, script version,
 * agent, start) and one line per event — time since the start, step, what
 * happened. Every value from the events is escaped, so an agent id cannot
 * inject terminal control sequences or fake lines.
 *
 * @example
 * ```ts
 * process.stdout.write(formatTrail(callTrail(events, 'c-1001')));
 * // c-1001 · fraud-alert v3 · agent anna · started 2026-11-23T13:00:00.000Z
 * //   +0:00  introduce    call started by agent anna (pl)
 * //   …
 * ```
 */
export function formatTrail(entries: readonly TrailEntry[]): string {
  const head = entries[0]?.event;
  if (!head) return '';
  const start = entries.find((e) => e.type === 'call-started')?.event;
  const agent = start?.type === 'call-started' ? start.data.agentId : '(unknown)';
  const title = `${head.sessionId} · ${head.scriptId} v${head.scriptVersion} · agent ${agent} · started ${head.at}`;
  const width = Math.max(...entries.map((e) => e.step.length));
  const lines = entries.map((e) => `  ${clock(e.offsetMs).padStart(6)}  ${e.step.padEnd(width)}  ${escapeControlCharacters(e.text)}`);
  return `${escapeControlCharacters(title)}\n${lines.join('\n')}\n`;
}
