import * as z from 'zod/mini';
import { expect, it } from 'vitest';
import { auditEventSchema } from '../../src/model/index.js';
import { fixtureScripts, generateCalls, interleave } from '../support/auditFixtures.js';

it('generated calls are audit events, in the sink’s layout, one call per session, interleaved in time order', () => {
  const calls = [...generateCalls({ calls: 500, seed: 8 })];
  for (const call of calls) {
    for (const event of call.events) expect(JSON.stringify(z.parse(auditEventSchema, event))).toBe(JSON.stringify(event));
    expect(call.events.filter((e) => e.type === 'outcome')).toHaveLength(1);
    expect(call.events.at(-1)!.type).toBe('outcome');
  }
  const merged = [...interleave(calls)];
  expect(merged).toHaveLength(calls.reduce((n, c) => n + c.events.length, 0));
  expect(merged.every((e, i) => i === 0 || e.at >= merged[i - 1]!.at)).toBe(true);
  expect(new Set(calls.map((c) => c.scriptKey))).toEqual(new Set(fixtureScripts().map((s) => `${s.id}@${s.version}`)));
  // Same options, same calls.
  expect([...generateCalls({ calls: 50, seed: 8 })]).toEqual(calls.slice(0, 50));
});
