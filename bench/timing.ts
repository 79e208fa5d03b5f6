/**
 * The timed groups of `npm run bench`, each in its own process (run.ts builds
 * this file with src/ — see build.ts — and runs one group per process):
 *
 *   node --expose-gc bench/.cache/perf/timing.mjs <call|start|restore|callback>
 *
 * Every figure is timed in the same iterations as its baseline (measure.ts).
 * Prints one JSON line: { group, timings, info }.
 */
import { createActor } from 'xstate';
import * as z from 'zod/mini';
import { callbackPlanner } from '../src/callback/index.js';
import type { Clock } from '../src/core/clock.js';
import { createCallSession, restoreCallSession, type AuditEvent, type CallSession, type CallSessionDeps } from '../src/index.js';
import { parseOrThrow } from '../src/core/validate.js';
import { callStateSchema, sessionEventSchema } from '../src/model/index.js';
import { parseDeps } from '../src/session/deps.js';
import { callSnapshotSchema } from '../src/session/snapshot.js';
import { createCallMachine } from '../src/session/machine.js';
import { statePath } from '../src/session/session.js';
import { bareMidCall, bindBare, playBareCall, startBare, type BareActor } from './bare.js';
import { depsFor, loadScript, playVerifiedCall, playVerifiedCallReadingPrompts, precomputedStates, sessionMidCall, verifiedCallSteps } from './fixtures.js';
import { measure, type Task, type Timing } from './measure.js';

const group = process.argv[2];
const script = loadScript('fraud-alert');
const steps = verifiedCallSteps(script);
let n = 0;
let info: Record<string, unknown> = {};
let timings: Record<string, Timing>;

/** Monday 23 November 2026, 14:00 in Warsaw: within business hours. Timers are the host's (the per-question timeout is armed). */
const MONDAY_AFTERNOON = Date.parse('2026-11-23T13:00:00Z');
const mondayClock: Clock = {
  now: () => MONDAY_AFTERNOON,
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

switch (group) {
  case 'call': {
    // What a back end does with audit events: keep them (here: the last call's).
    let kept: AuditEvent[] = [];
    const audit = (event: AuditEvent) => {
      if (event.type === 'call-started') kept = [];
      kept.push(event);
    };
    await playBareCall(script, steps);
    await playVerifiedCall(createCallSession(script, depsFor(script, 0, { audit })), steps);
    info = { events: steps.filter((s) => 'send' in s).length, serviceAnswers: steps.filter((s) => 'settle' in s).length, auditEventsPerCall: kept.length };
    timings = await measure('call', {
      bare: () => playBareCall(script, steps, n++),
      session: () => playVerifiedCall(createCallSession(script, depsFor(script, n++)), steps),
      'session, prompt read after every event': () => playVerifiedCallReadingPrompts(createCallSession(script, depsFor(script, n++)), steps),
      'session with an audit sink': () => playVerifiedCall(createCallSession(script, depsFor(script, n++, { audit })), steps),
    });
    break;
  }
  case 'start': {
    timings = await measure('start', {
      bare: () => startBare(script, n++),
      session: () => createCallSession(script, depsFor(script, n++)),
      'session + first prompt': () => createCallSession(script, depsFor(script, n++)).prompt,
    });
    break;
  }
  case 'event': {
    // One event and its transition, in a loop the flow allows forever: HOLD and RESUME at the safe-place question.
    const session = createCallSession(script, depsFor(script, 5));
    const bare = startBare(script, 6);
    for (let i = 0; i < 3; i++) {
      session.send({ type: 'CONFIRM' });
      bare.send({ type: 'CONFIRM' });
    }
    if (session.prompt.step !== 'safe-place') throw new Error(`not at the safe place: ${session.prompt.step}`);
    const EVENTS = 20;
    const HOLD = { type: 'HOLD' } as const;
    const RESUME = { type: 'RESUME' } as const;
    info = { eventsPerSample: EVENTS };
    timings = await measure('event', {
      bare: () => {
        for (let i = 0; i < EVENTS / 2; i++) {
          bare.send({ type: 'HOLD' });
          bare.send({ type: 'RESUME' });
        }
      },
      session: () => {
        for (let i = 0; i < EVENTS / 2; i++) {
          session.send({ type: 'HOLD' });
          session.send({ type: 'RESUME' });
        }
      },
      // The parts of session.send's own work, for BENCHMARKS.md: the zod parse and the can() check.
      'parts: zod parse of the event': () => {
        for (let i = 0; i < EVENTS / 2; i++) {
          parseOrThrow(sessionEventSchema, HOLD, 'INVALID_EVENT', 'Invalid event');
          parseOrThrow(sessionEventSchema, RESUME, 'INVALID_EVENT', 'Invalid event');
        }
      },
      'parts: snapshot.can(event)': () => {
        const snapshot = bare.getSnapshot();
        for (let i = 0; i < EVENTS; i++) if (!snapshot.can(HOLD)) throw new Error('HOLD refused');
      },
      'session, prompt read after each': () => {
        for (let i = 0; i < EVENTS / 2; i++) {
          session.send({ type: 'HOLD' });
          if (!session.prompt.say) throw new Error('no prompt');
          session.send({ type: 'RESUME' });
          if (!session.prompt.say) throw new Error('no prompt');
        }
      },
    });
    break;
  }
  case 'snapshot': {
    const sizes: { state: string; bytes: number }[] = [];
    await playVerifiedCall(createCallSession(script, depsFor(script, 7)), steps, (s) => sizes.push({ state: statePath(s.actor.getSnapshot().value), bytes: JSON.stringify(s.snapshot()).length }));
    const session = await sessionMidCall(script, depsFor(script, 8));
    const bare = await bareMidCall(script, 9);
    const midCall = JSON.stringify(session.snapshot());
    info = { midCallBytes: midCall.length, midCall: JSON.parse(midCall), bareMidCallBytes: JSON.stringify(bare.getPersistedSnapshot()).length, perStep: sizes, largest: Math.max(...sizes.map((s) => s.bytes)) };
    timings = await measure('snapshot', {
      bare: () => JSON.stringify(bare.getPersistedSnapshot()),
      session: () => JSON.stringify(session.snapshot()),
    });
    session.stop();
    bare.stop();
    break;
  }
  case 'restore': {
    const session = await sessionMidCall(script, depsFor(script, 1));
    const json = JSON.stringify(session.snapshot());
    session.stop();
    const bare = await bareMidCall(script, 2);
    const bareJson = JSON.stringify(bare.getPersistedSnapshot());
    bare.stop();
    const deps = depsFor(script, 3);
    const machine = createCallMachine(script);
    const opened = precomputedStates(script).opened;
    let restored: BareActor | undefined;
    info = { snapshotBytes: json.length, bareSnapshotBytes: bareJson.length };
    timings = await measure('restore', {
      // xstate's documented restore: the persisted snapshot, parsed, into createActor.
      bare: () => bindBare(createActor(machine, { snapshot: JSON.parse(bareJson) }), script, n++).start().stop(),
      session: async () => (await restoreCallSession(script, JSON.parse(json), deps)).stop(),
      // Where the difference goes (BENCHMARKS.md): the three inputs restore validates with zod, and
      // the `safecall.restored` transition that re-arms the answer timer, timed alone.
      'parts: zod parse of the snapshot': () => z.safeParse(callSnapshotSchema, JSON.parse(json)),
      'parts: zod parse of the deps': () => parseDeps(script, deps),
      "parts: zod parse of resume's CallState": () => z.safeParse(callStateSchema, opened),
      'parts: the restored transition (reenter asking)': {
        prepare: () => {
          restored?.stop();
          restored = bindBare(createActor(machine, { snapshot: JSON.parse(bareJson) }), script, n++).start();
        },
        run: () => restored?.send({ type: 'safecall.restored' }),
      },
    });
    restored?.stop();
    break;
  }
  case 'callback': {
    const deps: CallSessionDeps = depsFor(script, 4, { clock: mondayClock, callbacks: callbackPlanner() });
    let session: CallSession | undefined;
    const notSafe = () => {
      session?.stop();
      session = createCallSession(script, deps);
      for (const type of ['CONFIRM', 'CONFIRM', 'CONFIRM', 'DENY'] as const) session.send({ type });
      if (session.actor.getSnapshot().getMeta() === undefined) throw new Error('no meta');
    };
    const live = () => {
      if (!session) throw new Error('not prepared');
      return session;
    };
    notSafe();
    const prompt = live().prompt;
    if (prompt.step !== 'not-safe' || prompt.input?.kind !== 'callback-time' || prompt.input.suggestions.length !== 3) throw new Error(`not-safe prompt: ${JSON.stringify(prompt)}`);
    live().send({ type: 'REQUEST_CALLBACK', inMinutes: 15 });
    if (live().outcome?.kind !== 'callback-scheduled') throw new Error(`accepted: ${JSON.stringify(live().outcome)}`);
    notSafe();
    live().send({ type: 'REQUEST_CALLBACK', at: '2026-11-29T12:00' });
    if (live().prompt.step !== 'callback') throw new Error('refused: not on the callback step');
    const tasks: Record<string, Task> = {
      'not-safe prompt rendered (3 slots + window)': { prepare: notSafe, run: () => live().prompt },
      'REQUEST_CALLBACK accepted (in 15 minutes)': { prepare: notSafe, run: () => live().send({ type: 'REQUEST_CALLBACK', inMinutes: 15 }) },
      'REQUEST_CALLBACK refused (a Sunday), 3 suggestions': { prepare: notSafe, run: () => live().send({ type: 'REQUEST_CALLBACK', at: '2026-11-29T12:00' }) },
      'CONFIRM on a step without callbacks (for scale)': {
        prepare: () => {
          session?.stop();
          session = createCallSession(script, deps);
        },
        run: () => live().send({ type: 'CONFIRM' }),
      },
    };
    timings = await measure('callback', tasks);
    session?.stop();
    break;
  }
  default:
    throw new Error(`unknown group ${String(group)}`);
}

console.log(JSON.stringify({ group, timings, info }));
process.exit(0);
