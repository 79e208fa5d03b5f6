import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createCallSession,
  createPeselVerifier,
  defineScript,
  type AuditEvent,
  type CallScript,
  type CallSession,
  type CallSessionDeps,
  type SessionNotice,
  type Verifier,
} from '../../src/index.js';
import { fixedClock, seededRandom } from '../../src/testing/index.js';

/** Monday 23 November 2026, 14:00 in Warsaw (CET): an ordinary working afternoon. */
export const MONDAY_AFTERNOON = '2026-11-23T13:00:00Z';

/**
 * Jan Kowalski's PESEL (born 15 March 1985, male). Digits 5, 8, 9 are 1, 3, 8 as in
 * the source article's dialogue; 10 and 11 are 3 and 4.
 */
export const JAN_PESEL = '85031583834';
/** Another man born the same day: same digits 1-6, different 7-11. */
export const TWIN_PESEL = '85031512351';

export const ANSWERS: Record<string, string> = {
  'last-transfer-amount': '1250',
  'account-opened-year': '2009',
  'advisor-meeting-city': 'Kraków',
};

export function loadScript(name: string): CallScript {
  const path = fileURLToPath(new URL(`../../examples/scripts/${name}.json`, import.meta.url));
  return defineScript(JSON.parse(readFileSync(path, 'utf8')));
}

export function scriptJson(name: string): Record<string, unknown> {
  const path = fileURLToPath(new URL(`../../examples/scripts/${name}.json`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

export function peselVerifier(pesel = JAN_PESEL, answers: Record<string, string> = ANSWERS): Verifier {
  return createPeselVerifier(async () => pesel, { answers: async (_ref, questionId) => answers[questionId] });
}

export interface Harness {
  session: CallSession;
  audit: AuditEvent[];
  notices: SessionNotice[];
}

/** A session with a fixed clock, a seeded random source and an in-memory audit trail. */
export function startCall(script: CallScript, overrides: Partial<CallSessionDeps> & { seed?: number } = {}): Harness {
  const audit: AuditEvent[] = [];
  const notices: SessionNotice[] = [];
  const { seed = 7, ...deps } = overrides;
  const session = createCallSession(script, {
    agent: { name: 'Anna Zielińska', id: 'agent-17' },
    customer: { name: 'Jan Kowalski', ref: 'cust-4411', form: 'pan' },
    verifier: peselVerifier(),
    clock: fixedClock(MONDAY_AFTERNOON),
    random: seededRandom(seed),
    audit: (event) => {
      audit.push(event);
    },
    id: 'call-1',
    ...deps,
  });
  session.subscribe((notice) => notices.push(notice));
  return { session, audit, notices };
}

/** Gives the digit the current prompt asks for, from `pesel`. */
export function answerDigit(session: CallSession, pesel = JAN_PESEL, via: 'voice' | 'keypad' = 'voice'): number {
  const input = session.prompt.input;
  if (input?.kind !== 'digit') throw new Error(`not at a digit prompt but at ${session.prompt.step}`);
  session.send({ type: 'ANSWER_DIGIT', position: input.position, digit: pesel[input.position - 1]!, via });
  return input.position;
}

/** A digit that is not the right one at `position`. */
export function wrongDigit(pesel: string, position: number): string {
  return String((Number(pesel[position - 1]) + 1) % 10);
}

/** Answers every digit of the current attempt and waits for the verifier. */
export async function answerChallenge(session: CallSession, pesel = JAN_PESEL): Promise<number[]> {
  const positions: number[] = [];
  while (session.prompt.step === 'pesel-digit') positions.push(answerDigit(session, pesel));
  await session.settled();
  return positions;
}

/** Walks a script's opening steps (introduce, confirm person, caller ID, safe place) with yes. */
export function passOpening(session: CallSession): void {
  for (const step of ['introduce', 'confirm-person', 'caller-id', 'safe-place'] as const) {
    if (session.prompt.step === step) session.send({ type: 'CONFIRM' });
  }
}

/** Everything the desktop sees, for comparing two runs. */
export function promptTrace(session: CallSession): string {
  const { step, say, note, actions, input, revealed, progress } = session.prompt;
  return JSON.stringify({ step, say, note, actions, input, revealed, progress });
}
