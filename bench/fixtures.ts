/**
 * Shared fixtures for the benchmarks and the budget tests: the example
 * scripts, session deps with an in-memory verifier, and drivers that play a
 * full verified call.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCallSession, defineScript, type CallScript, type CallSession, type CallSessionDeps, type Verifier } from '../src/index.js';

export const SCRIPTS_DIR = fileURLToPath(new URL('../examples/scripts/', import.meta.url));

/** Every example script, validated, by file name without `.json`. */
export function exampleScripts(): Record<string, CallScript> {
  const out: Record<string, CallScript> = {};
  for (const file of readdirSync(SCRIPTS_DIR).filter((f) => f.endsWith('.json')).sort()) {
    out[file.replace(/\.json$/, '')] = defineScript(JSON.parse(readFileSync(SCRIPTS_DIR + file, 'utf8')));
  }
  return out;
}

export function loadScript(name: string): CallScript {
  return defineScript(JSON.parse(readFileSync(`${SCRIPTS_DIR}${name}.json`, 'utf8')));
}

/** The customer's PESEL, known only to the in-memory "back end". */
export const PESEL = '85031583834';

/**
 * A stateless in-memory verifier: every answer is right, every method returns
 * an already-resolved promise. (createPeselVerifier is not used here: its
 * per-customer state — reveal limits within a 30-minute window — would refuse
 * reveals after the first few thousand calls of the same customer and distort
 * the loop.)
 */
export const instantVerifier: Verifier = {
  checkDigits: () => Promise.resolve(true),
  revealDigits: (_ref, positions) => {
    const digits: Record<number, string> = {};
    for (const p of positions) digits[p] = PESEL.charAt(p - 1);
    return Promise.resolve(digits);
  },
  checkAnswer: () => Promise.resolve(true),
};

const agent = { name: 'Anna Zielińska', id: 'a-17' };

/** Deps of one session. `n` makes the customer reference distinct. */
export function depsFor(n = 0, extra: Partial<CallSessionDeps> = {}): CallSessionDeps {
  return { agent, customer: { name: 'Jan Kowalski', ref: `c-${n}`, form: 'pan' }, verifier: instantVerifier, ...extra };
}

/** The answer a bot gives to a script question. */
const ANSWER = '250';

/** Positions a customer asks for in mutual verification: allowed ones, at most `max`. */
function askFor(session: CallSession, max: number): number[] {
  const { context } = session.actor.getSnapshot();
  const taken = new Set([...context.said, ...(context.challenge?.positions ?? [])]);
  const out: number[] = [];
  for (let p = 11; p >= 7 && out.length < max; p--) if (!taken.has(p)) out.push(p);
  return out;
}

/**
 * Plays a full verified call through the engine only, as a back end or a
 * softphone bridge would: events in, `await settled()` while the verifier
 * answers, no prompt rendering. Steps are read from the machine state; the
 * challenge positions from the actor's context.
 */
export async function playVerifiedCall(session: CallSession, onStep?: (session: CallSession) => void): Promise<void> {
  const script = session.script;
  for (let guard = 0; guard < 64; guard++) {
    onStep?.(session);
    const snapshot = session.actor.getSnapshot();
    if (snapshot.status !== 'active') return;
    const value = snapshot.value as string | Record<string, string>;
    const top = typeof value === 'string' ? value : Object.keys(value)[0]!;
    const child = typeof value === 'string' ? '' : value[top]!;
    if (child === 'checking' || child === 'revealing') {
      await session.settled();
      continue;
    }
    switch (top) {
      case 'pesel': {
        const { challenge, answered } = snapshot.context;
        const position = challenge!.positions[answered]!;
        session.send({ type: 'ANSWER_DIGIT', position, digit: PESEL.charAt(position - 1) });
        break;
      }
      case 'questions':
        session.send({ type: 'ANSWER', questionId: script.questions[snapshot.context.question]!.id, value: ANSWER });
        break;
      case 'mutual':
        if (child === 'inviting') session.send({ type: 'CUSTOMER_ASKS_DIGITS', positions: askFor(session, script.mutual.maxPositions) });
        else session.send({ type: 'CONFIRM' });
        break;
      default:
        session.send({ type: 'CONFIRM' });
    }
  }
  throw new Error('the call did not end');
}

/**
 * Plays a full verified call as an agent desktop does: render `session.prompt`
 * after every event and act on what it asks for.
 */
export async function playVerifiedCallFromPrompts(session: CallSession, onStep?: (session: CallSession) => void): Promise<void> {
  for (let guard = 0; guard < 64; guard++) {
    onStep?.(session);
    const prompt = session.prompt;
    if (session.done) return;
    const input = prompt.input;
    if (prompt.pending) await session.settled();
    else if (input?.kind === 'digit') session.send({ type: 'ANSWER_DIGIT', position: input.position, digit: PESEL.charAt(input.position - 1) });
    else if (input?.kind === 'answer') session.send({ type: 'ANSWER', questionId: input.questionId, value: ANSWER });
    else if (input?.kind === 'positions') session.send({ type: 'CUSTOMER_ASKS_DIGITS', positions: askFor(session, input.max) });
    else session.send({ type: 'CONFIRM' });
  }
  throw new Error('the call did not end');
}

/** A session of `script` in the middle of the PESEL challenge: main steps confirmed, the first digit given. */
export function sessionMidCall(script: CallScript, deps: CallSessionDeps): CallSession {
  const session = createCallSession(script, deps);
  // introduce, confirm person, caller id, safe place → the PESEL challenge; one digit given
  const inPesel = () => (session.actor.getSnapshot().value as Record<string, unknown>)['pesel'] !== undefined;
  while (!inPesel()) session.send({ type: 'CONFIRM' });
  const { challenge } = session.actor.getSnapshot().context;
  const position = challenge!.positions[0]!;
  session.send({ type: 'ANSWER_DIGIT', position, digit: PESEL.charAt(position - 1) });
  return session;
}
