import type { RandomSource } from '../core/random.js';
import type { CallSessionDeps } from './session.js';

type Loose = Record<string, unknown>;
const isPlain = (value: unknown): value is Loose => {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};
const hasMethods = (value: unknown, names: readonly string[]): boolean =>
  !!value && typeof value === 'object' && names.every((k) => typeof (value as Loose)[k] === 'function');
const isPositionList = (value: unknown): value is number[] => {
  if (!Array.isArray(value)) return false;
  // An index loop: holes in a sparse array are `undefined`, and invalid, as in the schema.
  for (let i = 0; i < value.length; i++) {
    const p: unknown = value[i];
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 1 || p > 11) return false;
  }
  return true;
};
const VERIFIER_METHODS = ['checkDigits', 'revealDigits', 'checkAnswer'] as const;
const CLOCK_METHODS = ['now', 'setTimeout', 'clearTimeout'] as const;

/**
 * `depsSchema`'s output for well-formed plain-object deps, without the schema
 * walk (it is a third of a session's start): names trimmed, unknown keys
 * dropped, optional keys kept when present. `undefined` for anything else,
 * which then goes through the schema, so errors are the schema's.
 */
export function fastDeps(input: unknown): CallSessionDeps | undefined {
  if (!isPlain(input)) return undefined;
  const { agent, customer, verifier, clock, random, audit, id } = input;
  if (!isPlain(agent) || !isPlain(customer)) return undefined;
  if (typeof agent['name'] !== 'string' || typeof agent['id'] !== 'string' || agent['id'].length < 1) return undefined;
  const agentName = agent['name'].trim();
  if (typeof customer['name'] !== 'string' || typeof customer['ref'] !== 'string' || customer['ref'].length < 1) return undefined;
  const customerName = customer['name'].trim();
  if (!agentName || !customerName) return undefined;
  const { form, recentPositions } = customer;
  if (form !== undefined && form !== 'pan' && form !== 'pani') return undefined;
  if (recentPositions !== undefined && !isPositionList(recentPositions)) return undefined;
  if (!hasMethods(verifier, VERIFIER_METHODS)) return undefined;
  if (clock !== undefined && !hasMethods(clock, CLOCK_METHODS)) return undefined;
  if (random !== undefined && !(random && typeof (random as RandomSource).getRandomValues === 'function')) return undefined;
  if (audit !== undefined && typeof audit !== 'function') return undefined;
  if (id !== undefined && !(typeof id === 'string' && id.length >= 1 && id.length <= 128)) return undefined;
  const out: Loose = {
    agent: { name: agentName, id: agent['id'] },
    customer: { name: customerName, ref: customer['ref'] } as Loose,
    verifier,
  };
  if ('form' in customer) (out['customer'] as Loose)['form'] = form;
  if ('recentPositions' in customer) (out['customer'] as Loose)['recentPositions'] = recentPositions === undefined ? undefined : [...(recentPositions as number[])];
  for (const key of ['clock', 'random', 'audit', 'id'] as const) if (key in input) out[key] = input[key];
  return out as unknown as CallSessionDeps;
}
