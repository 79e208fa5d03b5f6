import { describe, expect, it } from 'vitest';
import { callTrail, describeAuditEvent, escapeControlCharacters, formatTrail } from '../../src/audit/index.js';
import { auditEventSchema, type AuditEvent } from '../../src/model/index.js';
import { generateCalls } from '../support/auditFixtures.js';
import { call } from './helpers.js';

describe('escapeControlCharacters', () => {
  it('makes ANSI escapes, newlines, C1 controls and bidi overrides visible, and leaves other text alone', () => {
    expect(escapeControlCharacters('anna\u001b[31m\nFAKE\r\t\u0000\u009b\u202e\u2066\u2028')).toBe('anna\\x1b[31m\\nFAKE\\r\\t\\x00\\x9b\\u202e\\u2066\\u2028');
    expect(escapeControlCharacters('Zofia Łączyńska → 🙂')).toBe('Zofia Łączyńska → 🙂');
  });
});

describe('callTrail and formatTrail', () => {
  const events = call('c-1', { agent: 'anna', steps: ['purpose', 'caller-id', 'safe-place', 'consent', 'pesel-digit', 'mutual', 'question'], safe: true, reveal: true, outcome: 'verified', seconds: 95 });

  it('lists one call’s events in order with the time since its start', () => {
    const trail = callTrail([...events, ...call('other', { steps: ['purpose'] })], 'c-1');
    expect(trail).toHaveLength(events.length);
    expect(trail[0]).toMatchObject({ offsetMs: 0, type: 'call-started', text: 'call started by agent anna (pl)' });
    expect(trail.at(-1)).toMatchObject({ offsetMs: 95_000, type: 'outcome', text: 'OUTCOME verified' });
  });

  it('prints as a reviewer reads it', () => {
    const text = formatTrail(callTrail(events, 'c-1'));
    expect(text.split('\n').slice(0, 3)).toEqual([
      'c-1 · fraud-alert v4 · agent anna · started 2026-11-23T13:00:00.000Z',
      '   +0:00  introduce    call started by agent anna (pl)',
      '   +0:01  purpose      → purpose',
    ]);
    expect(text).toContain('asked PESEL positions 5, 8, 9 (6.6 bits), attempt 1');
    expect(text).toContain('agent read back positions 10, 11 (0.0 bits left unspoken)');
    expect(text).toMatch(/\+1:35 {2}handoff {6}OUTCOME verified\n$/);
  });

  it('escapes what the events hold', () => {
    const hostile = call('c-2', { agent: 'eve\u001b[2J\u001b[Hverified\nc-9 · fake', steps: ['purpose'], outcome: 'abandoned' });
    const text = formatTrail(callTrail(hostile, 'c-2'));
    expect(text).not.toContain('\u001b');
    expect(text).toContain('eve\\x1b[2J\\x1b[Hverified\\nc-9 · fake');
    expect(text.split('\n')).toHaveLength(hostile.length + 2);
  });

  it('describes every kind of event', () => {
    const seen = new Map<string, AuditEvent>();
    for (const c of generateCalls({ calls: 3000, seed: 11 })) for (const e of c.events) seen.set(e.type, e);
    expect(seen.size).toBe(auditEventSchema._zod.def.options.length);
    for (const event of seen.values()) expect(describeAuditEvent(event)).toMatch(/\S/);
  });
});
