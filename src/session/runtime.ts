import type { Verifier } from '../verifier/index.js';

/**
 * What the customer said that must not be seen: the digits of the current
 * attempt, the pending answer, and digits revealed for mutual verification.
 * It lives beside the actor, never in its context or events.
 */
export interface Vault {
  digits: Map<number, string>;
  answer: string | undefined;
  revealed: Map<number, string>;
}

/** Per-session dependencies the machine's invoked actors need. */
export interface SessionRuntime {
  verifier: Verifier;
  customerRef: string;
  vault: Vault;
}

// Keyed by the actor system: one machine per script serves every session, and
// promise actors find their session's verifier and vault through `system`.
const runtimes = new WeakMap<object, SessionRuntime>();

export function bindRuntime(system: object, runtime: SessionRuntime): void {
  runtimes.set(system, runtime);
}

export function runtimeOf(system: object): SessionRuntime {
  const runtime = runtimes.get(system);
  if (!runtime) throw new Error('no safecall session is bound to this actor system');
  return runtime;
}

export function emptyVault(): Vault {
  return { digits: new Map(), answer: undefined, revealed: new Map() };
}

export function clearVault(vault: Vault): void {
  vault.digits.clear();
  vault.answer = undefined;
  vault.revealed.clear();
}
