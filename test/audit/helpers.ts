import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineScript, type AuditEvent, type CallScript } from '../../src/index.js';
import { customerBot, PERSONA_NAMES, simulateCall } from '../../src/testing/index.js';

export function example(name: 'fraud-alert' | 'loan-offer' | 'vip-substitute'): CallScript {
  return defineScript(JSON.parse(readFileSync(join(import.meta.dirname, `../../examples/scripts/${name}.json`), 'utf8')));
}

/** Real calls: every persona on every example script, as audit events (one array per call). */
export async function templateCalls(): Promise<AuditEvent[][]> {
  const calls: AuditEvent[][] = [];
  let seed = 0;
  for (const name of ['fraud-alert', 'loan-offer', 'vip-substitute'] as const) {
    const script = example(name);
    for (const persona of PERSONA_NAMES) {
      seed++;
      const result = await simulateCall(script, customerBot(persona), { seed, agent: { name: 'Agent', id: `agent-${seed % 4}` } });
      calls.push(result.audit);
    }
  }
  return calls;
}

/** A copy of a call's events under another session id, agent, and start time. */
export function cloneCall(events: readonly AuditEvent[], sessionId: string, agentId: string, shiftMs: number): AuditEvent[] {
  return events.map((event) => {
    const copy = { ...event, sessionId, at: new Date(Date.parse(event.at) + shiftMs).toISOString() } as AuditEvent;
    if (copy.type === 'call-started') copy.data = { ...copy.data, agentId };
    return copy;
  });
}
