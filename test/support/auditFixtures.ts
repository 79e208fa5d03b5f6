/**
 * Synthetic audit trails at volume, generated straight from the audit event
 * shapes (never by driving sessions: a million calls must take seconds, not
 * hours). Deterministic: the same options give the same bytes.
 *
 * The calls follow the article's flow as the session records it — steps
 * entered, safe-place answers with holds and callbacks, PESEL challenges with
 * retries, mutual verification, questions, restores, verifier errors, the
 * exhausted-challenge path — and a small share stray from the script (a step
 * skipped or two swapped), so adherence is not trivially 100 %.
 */
import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { AuditEvent, MainStepId, OutcomeKind, StepId } from '../../src/model/index.js';
import { defineScript, mainSteps, type CallScript } from '../../src/script/index.js';

/** A script as the generator needs it: its key, main steps (as `mainSteps(script)` lists them) and question ids. */
export interface FixtureScript {
  id: string;
  version: number;
  steps: readonly MainStepId[];
  questions: readonly string[];
  weight: number;
}

const root = join(import.meta.dirname, '../..');

/**
 * An example script (examples/scripts/NAME.json), validated.
 *
 * @example
 * ```ts
 * const fraud = exampleScript('fraud-alert');
 * ```
 */
export function exampleScript(name: 'fraud-alert' | 'loan-offer' | 'vip-substitute'): CallScript {
  return defineScript(JSON.parse(readFileSync(join(root, `examples/scripts/${name}.json`), 'utf8')));
}

const asFixture = (script: CallScript, weight: number): FixtureScript => ({
  id: script.id,
  version: script.version,
  steps: mainSteps(script),
  questions: script.questions.map((q) => q.id),
  weight,
});

let scripts: FixtureScript[] | undefined;
/**
 * The example scripts as fixtures, plus the previous fraud-alert version
 * (no questions) whose script the tests do not pass, so adherence is learnt
 * from the calls.
 *
 * @example
 * ```ts
 * fixtureScripts().map((s) => `${s.id}@${s.version}`);
 * ```
 */
export function fixtureScripts(): readonly FixtureScript[] {
  if (scripts) return scripts;
  const fraud = asFixture(exampleScript('fraud-alert'), 5);
  scripts = [
    fraud,
    { id: fraud.id, version: fraud.version - 1, steps: fraud.steps.filter((s) => s !== 'question'), questions: [], weight: 1 },
    asFixture(exampleScript('loan-offer'), 3),
    asFixture(exampleScript('vip-substitute'), 1),
  ];
  return scripts;
}

/**
 * Options of {@link generateCalls} and {@link writeAuditFile}.
 *
 * @example
 * ```ts
 * const options: FixtureOptions = { calls: 1_000, seed: 7 };
 * ```
 */
export interface FixtureOptions {
  calls: number;
  seed: number;
  /** Distinct agents (default 40); each has their own pass rate. */
  agents?: number;
  /** ISO instant of the first call (default 2026-01-05T07:00:00Z). */
  start?: string;
  /** Mean gap between call starts in ms (default 20 s: about 60 calls in progress at once). */
  gapMs?: number;
  /** Share of calls that stray from the script (default 0.02). */
  strayRate?: number;
  /** Scripts to draw from (default {@link fixtureScripts}). */
  scripts?: readonly FixtureScript[];
  /** Agent id of agent `i` (default `agent-NN`, a few with Polish letters). */
  agentId?: (i: number) => string;
}

/** One generated call: its events in order and what a summary must find. */
export interface FixtureCall {
  events: AuditEvent[];
  sessionId: string;
  agentId: string;
  scriptKey: string;
  outcome: OutcomeKind;
}

const DEFAULT_START = '2026-01-05T07:00:00.000Z';

function defaultAgentId(i: number): string {
  const names = ['anna.nowak', 'piotr.wiśniewski', 'zofia.łączyńska', 'jan.kowalski'];
  return i < names.length ? names[i]! : `agent-${String(i).padStart(2, '0')}`;
}

type Rng = ReturnType<typeof xoroshiro128plus>;

class CallWriter {
  readonly events: AuditEvent[] = [];
  t: number;
  constructor(
    private readonly envelope: { sessionId: string; scriptId: string; scriptVersion: number },
    start: number,
    private readonly rng: Rng,
  ) {
    this.t = start;
  }
  /** Advances the clock by 1–`max` seconds. */
  wait(max = 12): void {
    this.t += uniformInt(this.rng, 1_000, max * 1_000);
  }
  push<T extends AuditEvent['type']>(type: T, step: StepId, data: Extract<AuditEvent, { type: T }>['data']): void {
    // Key order as zod outputs it (envelope, type, data): the canonical line the sink writes.
    const event = { at: new Date(this.t).toISOString(), ...this.envelope, step, type, data } as AuditEvent;
    this.events.push(event);
  }
  enter(step: StepId): void {
    this.wait();
    this.push('step-entered', step, {});
  }
}

/**
 * Generates calls one at a time, in start order.
 *
 * @example
 * ```ts
 * for (const call of generateCalls({ calls: 10, seed: 1 })) console.log(call.outcome);
 * ```
 */
export function* generateCalls(options: FixtureOptions): Generator<FixtureCall> {
  const rng = xoroshiro128plus(options.seed);
  const p = (share: number) => uniformFloat64(rng) < share;
  const scripts = options.scripts ?? fixtureScripts();
  const totalWeight = scripts.reduce((n, s) => n + s.weight, 0);
  const agents = options.agents ?? 40;
  const agentIdOf = options.agentId ?? defaultAgentId;
  // Agents differ: some pass customers far more often than others (the report's per-agent chart).
  const skill = Array.from({ length: agents }, () => 0.6 + 0.35 * uniformFloat64(rng));
  const gap = options.gapMs ?? 20_000;
  const stray = options.strayRate ?? 0.02;
  let start = Date.parse(options.start ?? DEFAULT_START);

  for (let i = 0; i < options.calls; i++) {
    start += uniformInt(rng, 0, 2 * gap);
    let w = uniformFloat64(rng) * totalWeight;
    const script = scripts.find((s) => (w -= s.weight) < 0) ?? scripts[0]!;
    const agent = uniformInt(rng, 0, agents - 1);
    const agentId = agentIdOf(agent);
    const sessionId = `s${options.seed.toString(36)}-${i.toString(36).padStart(5, '0')}`;
    const c = new CallWriter({ sessionId, scriptId: script.id, scriptVersion: script.version }, start, rng);
    c.push('call-started', 'introduce', { agentId, locale: 'pl', restored: false });
    c.push('step-entered', 'introduce', {});

    let steps = [...script.steps];
    if (p(stray)) {
      // Off script: skip one step, or swap two neighbours.
      const at = uniformInt(rng, 1, steps.length - 3);
      if (p(0.5)) steps.splice(at, 1);
      else [steps[at], steps[at + 1]] = [steps[at + 1]!, steps[at]!];
    }
    const exhausted = p(0.02);
    if (exhausted && script.questions.length) steps = steps.filter((s) => s !== 'consent' && s !== 'pesel-digit' && s !== 'mutual');
    let outcome: OutcomeKind | undefined;
    let restored = false;
    const end = (kind: OutcomeKind, data: Extract<AuditEvent, { type: 'outcome' }>['data'] = { kind }) => {
      c.wait();
      c.push('outcome', kind === 'verified' ? 'handoff' : 'closing', data);
      outcome = kind;
    };

    for (const step of steps.slice(1)) {
      if (outcome) break;
      if (p(0.004)) {
        end('abandoned', { kind: 'abandoned', reason: 'hang-up' });
        break;
      }
      if (!restored && p(0.01)) {
        // The desktop reloaded: the same call goes on under the same session id.
        restored = true;
        c.wait(30);
        c.push('call-started', step, { agentId, locale: 'pl', restored: true });
      }
      if (step === 'handoff') {
        c.enter('handoff');
        end('verified');
        break;
      }
      c.enter(step);
      switch (step) {
        case 'introduce':
          break;
        case 'vip-substitute':
          if (p(0.02)) end('customer-will-call-back', { kind: 'customer-will-call-back', reason: 'vip-doubt' });
          break;
        case 'purpose':
          if (p(0.03)) end('wrong-person');
          break;
        case 'caller-id':
          if (p(0.02)) end('customer-will-call-back', { kind: 'customer-will-call-back', reason: 'caller-id-mismatch' });
          break;
        case 'safe-place': {
          if (!p(0.15)) {
            c.push('safe-place', 'safe-place', { safe: true });
            break;
          }
          c.push('safe-place', 'safe-place', { safe: false });
          c.enter('not-safe');
          const choice = uniformFloat64(rng);
          if (choice < 0.5) {
            c.push('hold', 'not-safe', {});
            c.enter('on-hold');
            c.wait(90);
            c.push('resume', 'on-hold', {});
            c.enter('safe-place');
            c.push('safe-place', 'safe-place', { safe: true });
          } else if (choice < 0.85) {
            c.enter('callback');
            if (p(0.1)) c.push('callback-refused', 'callback', { reason: 'outside-hours' });
            c.wait();
            c.push('callback-planned', 'callback', { at: new Date(c.t + 3_600_000).toISOString(), reference: `CB-${i.toString(36).toUpperCase()}` });
            end('callback-scheduled', { kind: 'callback-scheduled' });
          } else {
            end('customer-will-call-back', { kind: 'customer-will-call-back', reason: 'customer-request' });
          }
          break;
        }
        case 'consent':
          if (exhausted) break;
          if (p(0.02)) {
            c.push('consent', 'consent', { given: false });
            end('customer-will-call-back', { kind: 'customer-will-call-back', reason: 'customer-request' });
          } else c.push('consent', 'consent', { given: true });
          break;
        case 'pesel-digit': {
          if (exhausted) {
            c.push('challenge-exhausted', 'pesel-digit', { then: 'end' });
            end('customer-will-call-back', { kind: 'customer-will-call-back', reason: 'challenge-exhausted' });
            break;
          }
          const positions = p(0.5) ? [7, 8, 9] : [5, 8, 9];
          const reissued = p(0.05);
          for (let attempt = 1; ; attempt++) {
            c.push('challenge-issued', 'pesel-digit', { positions, strengthBits: positions[0] === 7 ? 9.97 : 6.64, attempt, reissued });
            c.push('recording', 'pesel-digit', { recording: 'pause' });
            for (const position of positions) {
              c.wait(8);
              c.push('digit-given', 'pesel-digit', { position, via: p(0.2) ? 'keypad' : 'voice' });
            }
            c.push('recording', 'pesel-digit', { recording: 'resume' });
            c.enter('verifying');
            if (p(0.005)) c.push('verifier-error', 'verifying', { task: 'digits', cause: 'timeout' });
            if (p(skill[agent]! + 0.05)) {
              c.push('challenge-passed', 'verifying', { attempt });
              break;
            }
            const attemptsLeft = 2 - attempt;
            c.push('challenge-failed', 'verifying', { attempt, cause: p(0.1) ? 'dont-know' : 'wrong', attemptsLeft });
            if (attemptsLeft === 0) {
              if (p(0.3)) end('locked');
              else end('failed', { kind: 'failed', reason: 'challenge-failed' });
              break;
            }
            c.enter('pesel-digit');
          }
          break;
        }
        case 'mutual': {
          if (!p(0.6)) {
            c.push('mutual-declined', 'mutual', {});
            break;
          }
          if (p(0.05)) {
            // The desktop allowed it, the service refused it (the disclosure floor): the customer asks again.
            c.push('mutual-requested', 'mutual', { requested: [10], allowed: [10], refused: [] });
            c.push('reveal-refused', 'mutual', { refused: [{ position: 10, reason: 'disclosure' }] });
            c.wait();
          }
          c.push('mutual-requested', 'mutual', { requested: [10, 11], allowed: [10, 11], refused: [] });
          c.enter('reveal');
          c.push('recording', 'reveal', { recording: 'pause' });
          c.push('digits-revealed', 'reveal', { positions: [10, 11], bitsLeft: 0 });
          c.push('recording', 'reveal', { recording: 'resume' });
          c.wait();
          const matches = !p(0.01);
          c.push('mutual-result', 'reveal', { matches });
          if (!matches) end('failed', { kind: 'failed', reason: 'mutual-mismatch' });
          else c.enter('mutual');
          break;
        }
        case 'question': {
          if (exhausted) c.push('challenge-exhausted', 'question', { then: 'questions' });
          for (const [q, questionId] of script.questions.entries()) {
            if (q > 0) c.enter('question');
            c.wait(20);
            c.enter('verifying');
            if (p(skill[agent]! + 0.25)) c.push('question-passed', 'verifying', { questionId, attempt: 1 });
            else {
              c.push('question-failed', 'verifying', { questionId, attempt: 1, cause: 'wrong', attemptsLeft: 0 });
              end('failed', { kind: 'failed', reason: 'question-failed' });
              break;
            }
          }
          break;
        }
        default:
          break;
      }
    }
    if (!outcome) end('verified');
    yield { events: c.events, sessionId, agentId, scriptKey: `${script.id}@${script.version}`, outcome: outcome ?? 'verified' };
  }
}

/**
 * The events of many calls in time order, interleaved as a contact centre's
 * log is (calls overlap; each call's own order is kept).
 *
 * @example
 * ```ts
 * const events = [...interleave(generateCalls({ calls: 100, seed: 1 }))];
 * ```
 */
export function* interleave(calls: Iterable<FixtureCall>): Generator<AuditEvent> {
  // A min-heap of the calls in progress, keyed by their next event's time.
  const heap: { at: number; events: AuditEvent[]; next: number }[] = [];
  const less = (a: number, b: number) => heap[a]!.at < heap[b]!.at;
  const swap = (a: number, b: number) => ([heap[a], heap[b]] = [heap[b]!, heap[a]!]);
  const up = (i: number) => {
    while (i > 0 && less(i, (i - 1) >> 1)) swap(i, (i - 1) >> 1), (i = (i - 1) >> 1);
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(l, m)) m = l;
      if (r < heap.length && less(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  const pop = function* (until: number): Generator<AuditEvent> {
    while (heap.length && heap[0]!.at <= until) {
      const top = heap[0]!;
      yield top.events[top.next++]!;
      if (top.next < top.events.length) top.at = Date.parse(top.events[top.next]!.at);
      else {
        const last = heap.pop()!;
        if (heap.length) heap[0] = last;
        else break;
      }
      down(0);
    }
  };
  for (const call of calls) {
    const at = Date.parse(call.events[0]!.at);
    yield* pop(at);
    heap.push({ at, events: call.events, next: 0 });
    up(heap.length - 1);
  }
  yield* pop(Infinity);
}

/**
 * What {@link writeAuditFile} wrote, to check a summary against.
 *
 * @example
 * ```ts
 * const { calls, outcomes } = await writeAuditFile(path, { calls: 1_000, seed: 1 });
 * ```
 */
export interface FixtureFileInfo {
  bytes: number;
  events: number;
  calls: number;
  outcomes: Record<string, number>;
  agents: Set<string>;
}

/**
 * Writes a JSONL audit file of generated calls, interleaved, one canonical
 * line per event (as `jsonlAuditSink` writes them).
 *
 * @example
 * ```ts
 * await writeAuditFile('/tmp/audit.jsonl', { calls: 1_000_000, seed: 1 });
 * ```
 */
export async function writeAuditFile(path: string, options: FixtureOptions): Promise<FixtureFileInfo> {
  const info: FixtureFileInfo = { bytes: 0, events: 0, calls: 0, outcomes: {}, agents: new Set() };
  const out = createWriteStream(path);
  const counted = function* (): Generator<FixtureCall> {
    for (const call of generateCalls(options)) {
      info.calls++;
      info.outcomes[call.outcome] = (info.outcomes[call.outcome] ?? 0) + 1;
      info.agents.add(call.agentId);
      yield call;
    }
  };
  let chunk = '';
  for (const event of interleave(counted())) {
    chunk += `${JSON.stringify(event)}\n`;
    info.events++;
    if (chunk.length > 1 << 20) {
      info.bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  info.bytes += Buffer.byteLength(chunk);
  out.end(chunk);
  await once(out, 'finish');
  return info;
}
