/*
 * Starting, resuming and re-languaging a call: the session's dependencies
 * and the three ways a session comes to be.
 */
import { createCallSession, isSafecallError, restoreCallSession, type CallSession, type CallSessionDeps, type CallSnapshotInput, type Locale } from 'safecall-pl';
import { callbackPlanner } from 'safecall-pl/callback';
import { verifierFor, type Agent, type QueueEntry } from './api.js';
import { scriptFor } from './scripts.js';

/** A call on screen: the session and what the desktop knows around it. */
export interface ActiveCall {
  session: CallSession;
  scriptId: string;
  locale: Locale;
  customer: QueueEntry;
}

function depsFor(agent: Agent, customer: QueueEntry, token: string): CallSessionDeps {
  return {
    agent: { name: agent.name, id: agent.id, form: agent.form },
    customer: { name: customer.name, ref: customer.ref, form: customer.form },
    verifier: verifierFor(token),
    // Callback times are planned here, in the browser, in the script's time zone (Europe/Warsaw).
    callbacks: callbackPlanner(),
  };
}

export function startCall(scriptId: string, locale: Locale, agent: Agent, customer: QueueEntry, token: string): ActiveCall {
  const session = createCallSession(scriptFor(scriptId, locale), depsFor(agent, customer, token));
  return { session, scriptId, locale, customer };
}

/** Continues a call from its snapshot; the service's state wins (see `restoreCallSession`). */
export async function resumeCall(scriptId: string, locale: Locale, snapshot: CallSnapshotInput, agent: Agent, customer: QueueEntry, token: string): Promise<ActiveCall> {
  const session = await restoreCallSession(scriptFor(scriptId, locale), snapshot, depsFor(agent, customer, token));
  return { session, scriptId, locale, customer };
}

/** Why a stored call could not be resumed, and whether trying again may help. */
export function describeResumeError(error: unknown): { retryable: boolean; code: string } {
  if (isSafecallError(error)) return { retryable: error.retryable, code: error.code };
  return { retryable: true, code: 'UNKNOWN' };
}
