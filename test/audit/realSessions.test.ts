import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeCalls } from '../../src/audit/index.js';
import { jsonlAuditSink, readAuditEvents } from '../../src/audit/node/index.js';
import type { AuditEvent } from '../../src/model/index.js';
import { customerBot, PERSONA_NAMES, simulateCall } from '../../src/testing/index.js';
import { exampleScript } from '../support/auditFixtures.js';

// The audit trail as real sessions write it (every persona on every example script): what the rules in summarizeCalls are about.
const NAMES = ['fraud-alert', 'loan-offer', 'vip-substitute'] as const;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'safecall-real-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('real sessions', () => {
  it('every simulated call adheres to its script, written through the sink and read back as the session emitted it', async () => {
    const scripts = NAMES.map(exampleScript);
    const path = join(dir, 'audit.jsonl');
    const sink = jsonlAuditSink(path, { sync: 'none' });
    const emitted: AuditEvent[] = [];
    let seed = 0;
    for (const script of scripts) {
      for (const persona of PERSONA_NAMES) {
        const result = await simulateCall(script, customerBot(persona), { seed: ++seed, audit: sink });
        emitted.push(...result.audit);
      }
    }
    await sink.close();
    const read: AuditEvent[] = [];
    for await (const event of readAuditEvents(path)) read.push(event);
    expect(read).toEqual(emitted);
    const summary = summarizeCalls(read, { scripts });
    expect(summary.calls).toBe(NAMES.length * PERSONA_NAMES.length);
    expect(summary.unfinished + summary.orphanEvents).toBe(0);
    expect(summary.adherence).toEqual({ checked: summary.calls, adherent: summary.calls, rate: 1 });
  }, 120_000);
});
