/*
 * The desktop's link to its back end: the agent's bearer token, the call
 * queue, and the verifier port over HTTP. The page is served by the same
 * process as the API, so everything is same-origin under /api.
 */
import { httpVerifier, type Verifier } from 'safecall-pl';

const TOKEN_KEY = 'safecall.desktop.token';

/** The signed-in agent and their queue, as `/api/queue` answers. */
export interface Agent {
  name: string;
  id: string;
  form: 'pan' | 'pani';
}

export interface QueueEntry {
  ref: string;
  name: string;
  form: 'pan' | 'pani';
  topic: { pl: string; en: string };
}

export interface Queue {
  agent: Agent;
  customers: QueueEntry[];
}

/**
 * The agent's token: taken from the URL fragment the server printed
 * (`#token=…`, never sent to any server), kept for this tab only, and removed
 * from the address bar.
 */
export function takeToken(): string | undefined {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

export function saveToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function forgetToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

const apiBase = () => `${window.location.origin}/api`;

/** Why the queue could not be loaded. */
export class QueueError extends Error {
  constructor(readonly kind: 'unauthorized' | 'unreachable') {
    super(kind);
  }
}

function isQueue(value: unknown): value is Queue {
  if (!value || typeof value !== 'object') return false;
  const { agent, customers } = value as { agent?: unknown; customers?: unknown };
  return !!agent && typeof agent === 'object' && Array.isArray(customers);
}

export async function loadQueue(token: string): Promise<Queue> {
  let response: Response;
  try {
    response = await fetch(`${apiBase()}/queue`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
  } catch {
    throw new QueueError('unreachable');
  }
  if (response.status === 401) throw new QueueError('unauthorized');
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok || !isQueue(body)) throw new QueueError('unreachable');
  return body;
}

/** The verification service as this desktop reaches it. */
export function verifierFor(token: string): Verifier {
  return httpVerifier(apiBase(), { headers: { authorization: `Bearer ${token}` }, timeoutMs: 8000 });
}
