/**
 * The baseline: the SAME machine a session runs — `createActor(createCallMachine(script))`
 * — driven directly with machine events, its promise actors calling the same
 * `Verifier` stub. What it lacks is exactly what the session adds: event
 * validation, the `can()` check, the vault, deps parsing, ids, the eager
 * `open`, audit stamping, notices, prompts and snapshots.
 *
 * The machine's invoked actors find the verifier through the actor system
 * (`bindRuntime`), so the baseline binds the minimum they read: the port, the
 * open request and an empty vault (the stub ignores the digits).
 */
import { createActor, type Actor } from 'xstate';
import type { CallScript } from '../src/index.js';
import { createCallMachine, type CallMachine, type CallMachineSnapshot } from '../src/session/machine.js';
import { bindRuntime } from '../src/session/runtime.js';
import { Vault } from '../src/session/vault.js';
import { machineEventOf, midCallSteps, verifierFor, type CallStep } from './fixtures.js';

export type BareActor = Actor<CallMachine>;

/** Binds the verifier the machine's invoked services look up (what a session binds, minus the session). */
export function bindBare(actor: BareActor, script: CallScript, n = 0): BareActor {
  bindRuntime(actor.system, {
    verifier: verifierFor(script),
    request: { customerRef: `c-${n}`, script: { id: script.id, version: script.version }, agentId: 'agent-17' },
    vault: new Vault(),
    opening: undefined,
  });
  return actor;
}

/** `createActor(machine)` with its verifier bound, not started. */
export function bareActor(script: CallScript, n = 0, snapshot?: CallMachineSnapshot): BareActor {
  const machine = createCallMachine(script);
  return bindBare(snapshot ? createActor(machine, { snapshot }) : createActor(machine), script, n);
}

/** `createActor(machine).start()`. */
export function startBare(script: CallScript, n = 0): BareActor {
  return bareActor(script, n).start();
}

/** Resolves once no invoked service call is running: the same wait as `session.settled()`. */
export function bareSettled(actor: BareActor): Promise<void> {
  const idle = (snapshot: CallMachineSnapshot) => Object.keys(snapshot.children).length === 0;
  if (idle(actor.getSnapshot())) return Promise.resolve();
  return new Promise((resolve) => {
    const subscription = actor.subscribe({
      next: (snapshot) => {
        if (!idle(snapshot)) return;
        subscription.unsubscribe();
        resolve();
      },
      error: () => resolve(),
      complete: () => resolve(),
    });
  });
}

/** Plays the verified call's steps on a bare actor, with machine events. */
export async function playBareCall(script: CallScript, steps: readonly CallStep[], n = 0): Promise<void> {
  const actor = startBare(script, n);
  for (const step of steps) {
    if ('send' in step) actor.send(machineEventOf(step.send));
    else await bareSettled(actor);
  }
  const snapshot = actor.getSnapshot();
  if (snapshot.status !== 'done' || snapshot.context.outcome?.kind !== 'verified') throw new Error(`bare call ended in ${JSON.stringify(snapshot.value)}`);
}

/** A bare actor mid-call: main steps confirmed, the service answered, the first digit given (as `sessionMidCall`). */
export async function bareMidCall(script: CallScript, n = 0): Promise<BareActor> {
  const actor = startBare(script, n);
  for (const step of midCallSteps(script)) {
    if ('send' in step) actor.send(machineEventOf(step.send));
    else await bareSettled(actor);
  }
  return actor;
}
