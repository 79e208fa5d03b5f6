import type { CallScript } from '../../src/index.js';
import type { PathEvent, ScriptPath } from '../../src/testing/index.js';

/*
 * DESIGN.md §4's rules as checks over one path of a script. Each returns a
 * list of violations (empty = the path keeps the rule). They look only at
 * what happened along the path — events, states and the outcome — never at
 * the machine's own counters, so a machine that miscounts is caught too.
 */

const isTimeout = (event: PathEvent) => /^xstate\.after\./.test(event.type);

/** Where each event happened: the state it left. */
function eventsAt(path: ScriptPath): { event: PathEvent; from: string; to: string; index: number }[] {
  return path.events.map((event, index) => ({ event, from: path.states[index]!, to: path.states[index + 1]!, index }));
}

/** Every path ends in a final state with a recorded outcome. */
export function endsInOutcome(path: ScriptPath): string[] {
  const problems: string[] = [];
  if (!path.ended) problems.push(`the call never ends: stuck at ${path.states.at(-1)}`);
  if (path.outcome === null) problems.push(`ended at ${path.states.at(-1)} without an outcome`);
  return problems;
}

/** §4.2: digits are revealed only after the customer passed the PESEL challenge. */
export function revealsOnlyAfterPass(path: ScriptPath): string[] {
  let passed = false;
  for (const { event, to } of eventsAt(path)) {
    if (event.type === 'xstate.done.actor.checkDigits' && event.output.ok && !event.output.locked) passed = true;
    if ((to === 'mutual.revealing' || to === 'mutual.revealed') && !passed) return [`reached ${to} before a passed checkDigits`];
  }
  return [];
}

/** §4.2: never a position the customer said, never 1-6 unless allowed, never more than the script's limit. */
export function revealsOnlyAllowedPositions(script: CallScript, path: ScriptPath): string[] {
  const problems: string[] = [];
  const said = new Set<number>();
  let requested: number[] = [];
  let revealed = 0;
  for (const { event } of eventsAt(path)) {
    if (event.type === 'ANSWER_DIGIT') said.add(event.position);
    if (event.type === 'CUSTOMER_ASKS_DIGITS') requested = event.positions;
    if (event.type !== 'xstate.done.actor.revealDigits') continue;
    for (const position of event.output.positions) {
      if (said.has(position)) problems.push(`revealed position ${position}, which the customer said`);
      if (position <= 6 && !script.mutual.allowBirthDate) problems.push(`revealed birth-date position ${position}`);
      if (!requested.includes(position)) problems.push(`revealed position ${position}, which the customer did not ask for`);
    }
    revealed += event.output.positions.length;
  }
  if (revealed > script.mutual.maxPositions) problems.push(`revealed ${revealed} digits, more than ${script.mutual.maxPositions}`);
  return problems;
}

/** §4.3, §4.7: wrong answers, "I don't know" and silence are attempts; never more than the script allows. */
export function attemptsWithinLimits(script: CallScript, path: ScriptPath): string[] {
  const problems: string[] = [];
  let peselFailures = 0;
  const questionFailures = new Map<string, number>();
  let questionIndex = 0;
  for (const { event, from, to } of eventsAt(path)) {
    const wrongCheck = (type: string) => event.type === type && 'output' in event && 'ok' in event.output && !event.output.ok && !event.output.locked;
    if (from === 'pesel.asking' && (event.type === 'DONT_KNOW' || isTimeout(event))) peselFailures++;
    if (from === 'pesel.checking' && wrongCheck('xstate.done.actor.checkDigits')) peselFailures++;
    const question = script.questions[questionIndex]?.id;
    if (event.type === 'xstate.done.actor.checkAnswer' && event.output.ok && !event.output.locked) questionIndex++;
    if (question && ((from === 'questions.asking' && (event.type === 'DONT_KNOW' || isTimeout(event))) || (from === 'questions.checking' && wrongCheck('xstate.done.actor.checkAnswer')))) {
      questionFailures.set(question, (questionFailures.get(question) ?? 0) + 1);
    }
    if (peselFailures >= script.pesel.attempts && to.startsWith('pesel.')) problems.push(`asked for PESEL digits again after ${peselFailures} failed attempts`);
  }
  if (peselFailures > script.pesel.attempts) problems.push(`${peselFailures} failed PESEL attempts, the script allows ${script.pesel.attempts}`);
  for (const [id, failures] of questionFailures) {
    const allowed = script.questions.find((q) => q.id === id)?.attempts ?? 0;
    if (failures > allowed) problems.push(`${failures} failed attempts at question ${id}, the script allows ${allowed}`);
  }
  return problems;
}

/** §4.3: the same positions in every attempt (no re-roll), checked together only once all are given. */
export function challengeCheckedTogether(path: ScriptPath, challengeSize: number): string[] {
  const problems: string[] = [];
  const attempts: number[][] = [[]];
  for (const { event, from, to } of eventsAt(path)) {
    const current = attempts[attempts.length - 1]!;
    if (event.type === 'ANSWER_DIGIT') current.push(event.position);
    if (from === 'pesel.asking' && to === 'pesel.checking' && current.length !== challengeSize) problems.push(`checked after ${current.length} of ${challengeSize} digits`);
    // A failed attempt (wrong, "I don't know", silence) starts again from the first position.
    if (to === 'pesel.asking' && (from === 'pesel.checking' || event.type === 'DONT_KNOW' || isTimeout(event))) attempts.push([]);
  }
  const longest = attempts.reduce((a, b) => (b.length > a.length ? b : a));
  for (const attempt of attempts) {
    if (attempt.join() !== longest.slice(0, attempt.length).join()) problems.push(`positions changed between attempts: ${attempt.join()} vs ${longest.join()}`);
  }
  return problems;
}

/** §4.6: only the verifier decides, and any verifier failure fails closed. */
export function verifiedOnlyByVerifier(script: CallScript, path: ScriptPath): string[] {
  const problems: string[] = [];
  const events = eventsAt(path);
  if (path.outcome?.kind === 'verified') {
    if (script.pesel.enabled && !events.some(({ event }) => event.type === 'xstate.done.actor.checkDigits' && event.output.ok && !event.output.locked)) {
      problems.push('verified without a passed checkDigits');
    }
    for (const question of script.questions) {
      const asked = events.findIndex(({ event }) => event.type === 'ANSWER' && event.questionId === question.id);
      const passed = events.some(({ event, index }) => index > asked && event.type === 'xstate.done.actor.checkAnswer' && event.output.ok);
      if (asked < 0 || !passed) problems.push(`verified without passing question ${question.id}`);
    }
  }
  for (const { event, from, to } of events) {
    const verifierSilent = isTimeout(event) && /\.(checking|revealing)$/.test(from);
    if ((event.type.startsWith('xstate.error.actor.') || verifierSilent) && !(to.endsWith('.error') || to === 'failed')) {
      problems.push(`a verifier failure at ${from} led to ${to}`);
    }
  }
  return problems;
}
