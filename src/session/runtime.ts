import { SafecallError } from '../core/errors.js';
import type { CallState, OpenCallRequest, Verifier } from '../model/index.js';
import type { Vault } from './vault.js';

/** What the machine's service calls need from their session: the port, the request to open with, the vault. */
export interface SessionRuntime {
  verifier: Verifier;
  request: OpenCallRequest;
  vault: Vault;
  /** The `open` started with the session, so the PESEL step rarely waits for it. */
  opening: Promise<CallState> | undefined;
}

// Keyed by the actor system: one machine per script serves every session, and
// its promise actors find their session through `system`.
const runtimes = new WeakMap<object, SessionRuntime>();

export function bindRuntime(system: object, runtime: SessionRuntime): void {
  runtimes.set(system, runtime);
}

export function runtimeOf(system: object): SessionRuntime {
  const runtime = runtimes.get(system);
  if (!runtime) throw new SafecallError('INVALID_ARGUMENT', 'no safecall session is bound to this actor system');
  return runtime;
}
