import type { AuditEvent } from '../../src/model/index.js';

/** Event `i` of writer `writer` in the multi-process tests: its session id `w<writer>-<i>` says who wrote it and in which order. */
export function writerEvent(writer: number, i: number, padding: number): AuditEvent {
  return {
    at: new Date(Date.UTC(2026, 0, 5, 8) + i).toISOString(),
    sessionId: `w${writer}-${i}`,
    scriptId: 'fraud-alert',
    scriptVersion: 4,
    step: 'introduce',
    type: 'call-started',
    data: { agentId: `agent-${writer}-${'x'.repeat(padding)}`, locale: 'pl', restored: false },
  };
}
