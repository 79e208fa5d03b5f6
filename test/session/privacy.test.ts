import { describe, expect, it } from 'vitest';
import type { AuditEvent, CallSession } from '../../src/index.js';
import { answerDigit, JAN_PESEL, loadScript, peselVerifier, startCall, TWIN_PESEL } from './helpers.js';

/**
 * DESIGN.md §4.1, checked differentially: two customers born the same day,
 * the same pattern of answers, different PESELs. If any digit of 7–11 leaked
 * into the audit trail or a snapshot, the two runs would differ.
 */
async function run(pesel: string, answers: Record<string, string>, wrongFirst: boolean) {
  const harness = startCall(loadScript('fraud-alert'), { verifier: peselVerifier(pesel, answers), seed: 7 });
  const { session } = harness;
  const snapshots: string[] = [];
  const step = async (fn: (s: CallSession) => unknown) => {
    await fn(session);
    await session.settled();
    snapshots.push(JSON.stringify(session.snapshot()));
  };
  for (let i = 0; i < 4; i++) await step((s) => s.send({ type: 'CONFIRM' }));
  if (wrongFirst) {
    for (let i = 0; i < 3; i++) {
      await step((s) => {
        const position = (s.prompt.input as { position: number }).position;
        s.send({ type: 'ANSWER_DIGIT', position, digit: String((Number(pesel[position - 1]) + 3) % 10) });
      });
    }
  }
  for (let i = 0; i < 3; i++) await step((s) => answerDigit(s, pesel));
  await step((s) => s.send({ type: 'CUSTOMER_ASKS_DIGITS', positions: [9, 10, 11] }));
  await step((s) => s.send({ type: 'CONFIRM' }));
  await step((s) => s.send({ type: 'ANSWER', questionId: 'last-transfer-amount', value: answers['last-transfer-amount']! }));
  await step((s) => s.send({ type: 'ANSWER', questionId: 'account-opened-year', value: answers['account-opened-year']! }));
  expect(session.outcome).toEqual({ kind: 'verified' });
  return { audit: harness.audit, snapshots };
}

function normalise(events: AuditEvent[]): unknown[] {
  return events.map(({ at, sessionId, ...rest }) => ({ ...rest, at: typeof at, sessionId: typeof sessionId }));
}

describe('no digit or answer reaches the audit trail or a snapshot (differential)', () => {
  it.each([false, true])('same birth date, different PESELs and answers, wrong first attempt: %s', async (wrongFirst) => {
    const a = await run(JAN_PESEL, { 'last-transfer-amount': '1250', 'account-opened-year': '2009' }, wrongFirst);
    const b = await run(TWIN_PESEL, { 'last-transfer-amount': '99.90', 'account-opened-year': '1999' }, wrongFirst);
    expect(JAN_PESEL.slice(0, 6)).toBe(TWIN_PESEL.slice(0, 6));
    expect(JAN_PESEL.slice(6)).not.toBe(TWIN_PESEL.slice(6));
    expect(normalise(b.audit)).toEqual(normalise(a.audit));
    expect(b.snapshots).toEqual(a.snapshots);
    expect(a.audit.length).toBeGreaterThan(20);
  });
});
