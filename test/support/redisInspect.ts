/**
 * Looking at what a store left in Redis, from outside any client: every key
 * under a prefix, with its value and time to live, on one server or on every
 * node of a cluster.
 */
import { respCommand, type RespReply } from './redisWire.js';

/**
 * @example
 * ```ts
 * const { value, pttl } = (await storedKeys([port], prefix)).get(key)!;
 * ```
 */
export interface StoredKey {
  value: string;
  /** Milliseconds left; −1: no expiry. */
  pttl: number;
}

/**
 * The port of a `redis://127.0.0.1:<port>` URL.
 *
 * @example
 * ```ts
 * portOf('redis://127.0.0.1:6379'); // 6379
 * ```
 */
export function portOf(url: string): number {
  return Number(new URL(url).port);
}

function strings(reply: RespReply): string[] {
  return Array.isArray(reply) ? reply.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * Every key starting with `prefix` on the servers at `ports` (a cluster's
 * masters, or one server), with value and PTTL.
 *
 * @example
 * ```ts
 * const keys = await storedKeys([portOf(redisUrl())], prefix);
 * ```
 */
export async function storedKeys(ports: readonly number[], prefix: string): Promise<Map<string, StoredKey>> {
  const found = new Map<string, StoredKey>();
  for (const port of ports) {
    let cursor = '0';
    do {
      const reply = await respCommand(port, ['SCAN', cursor, 'MATCH', `${prefix}*`, 'COUNT', '1000']);
      if (!Array.isArray(reply)) throw new Error('SCAN answered something else than an array');
      cursor = typeof reply[0] === 'string' ? reply[0] : '0';
      for (const key of strings(reply[1] ?? [])) {
        const value = await respCommand(port, ['GET', key]);
        const pttl = await respCommand(port, ['PTTL', key]);
        if (typeof value === 'string' && typeof pttl === 'number') found.set(key, { value, pttl });
      }
    } while (cursor !== '0');
  }
  return found;
}
