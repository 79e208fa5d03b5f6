import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { canonicalPathEnabled, decodeCanonicalLine } from '../../src/audit/node/canonicalLine.js';
import { auditEventSchema, STEP_IDS } from '../../src/model/index.js';
import { generated } from './helpers.js';

/** What the general path makes of a line: zod's output, or undefined when JSON.parse or zod refuse it. */
function general(line: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const result = z.safeParse(auditEventSchema, value);
  return result.success ? result.data : undefined;
}

const events = generated({ calls: 300, seed: 5 }).flat();
const sample = [...new Map(events.map((e) => [`${e.type}:${JSON.stringify(e.data)}`, e])).values()];

describe('the reader’s fast path', () => {
  it('is on for the schema as it is (a schema change that turns it off must be noticed)', () => {
    expect(canonicalPathEnabled()).toBe(true);
  });

  it('decodes every line the sink writes, to exactly what zod outputs, with own or shared-frozen data', () => {
    for (const event of events) {
      const line = JSON.stringify(z.parse(auditEventSchema, event));
      expect(decodeCanonicalLine(line, false)).toEqual(general(line));
      expect(JSON.stringify(decodeCanonicalLine(line, true))).toBe(line);
    }
  });

  it('(property) never accepts what zod refuses, never differs from zod on what it accepts', () => {
    const mutation = fc.oneof(
      // Change one character anywhere.
      fc.record({ kind: fc.constant('char' as const), at: fc.nat(), ch: fc.constantFrom('"', '\\', '{', '}', ',', ':', '0', '-', 'a', ' ', '\u0001', '\u2028', 'ł', 'e') }),
      // Replace a value with another JSON value.
      fc.record({ kind: fc.constant('value' as const), key: fc.constantFrom('at', 'sessionId', 'scriptId', 'scriptVersion', 'step', 'type', 'data'), value: fc.jsonValue({ maxDepth: 2 }) }),
      // Replace a step or type with a near miss.
      fc.record({ kind: fc.constant('name' as const), key: fc.constantFrom('step', 'type'), value: fc.constantFrom(...STEP_IDS, 'outcome', 'call-started', 'Outcome', 'hold ', '__proto__', 'constructor') }),
      // Big, negative, fractional or exponent versions.
      fc.record({ kind: fc.constant('version' as const), text: fc.constantFrom('9007199254740993', '-0', '1.0', '1e2', '01', '-1', '12345678901234567') }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...sample), mutation, (event, m) => {
        let line = JSON.stringify(event);
        if (m.kind === 'char') {
          const i = m.at % line.length;
          line = line.slice(0, i) + m.ch + line.slice(i + 1);
        } else if (m.kind === 'value' || m.kind === 'name') {
          line = JSON.stringify({ ...event, [m.key]: m.value });
        } else {
          line = line.replace(/"scriptVersion":-?\d+/, `"scriptVersion":${m.text}`);
        }
        const fast = decodeCanonicalLine(line, false);
        if (fast !== undefined) expect(fast).toEqual(general(line));
        const frozen = decodeCanonicalLine(line, true);
        if (frozen !== undefined) expect(frozen).toEqual(general(line));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives escaped strings their value, and leaves other layouts to the general path', () => {
    const event = { ...events[0]!, sessionId: 'a"b\\c\u001b[31m\u2028ł' };
    const line = JSON.stringify(event);
    expect(decodeCanonicalLine(line, false)).toEqual(event);
    expect(decodeCanonicalLine(JSON.stringify(event, null, 1), false)).toBeUndefined();
    expect(decodeCanonicalLine(` ${line}`, false)).toBeUndefined();
  });
});
