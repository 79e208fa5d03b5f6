/**
 * The `redisStore` scripts, one per `VerificationStore` operation; each is
 * one atomic step on the Redis server (the `logic.ts` function it names).
 */
import { BEGIN_LUA } from './begin.js';
import { CLOSE_LUA } from './close.js';
import { OPEN_LUA } from './open.js';
import { LEDGER_LUA, READ_LUA } from './read.js';
import { REVEAL_LUA } from './reveal.js';
import { SETTLE_LUA } from './settle.js';

/**
 * Every script's Lua source, by operation.
 *
 * @example
 * ```ts
 * await client.eval(SCRIPTS.ledger, { keys: ['safecall:{c1}:ledger'], arguments: [] });
 * ```
 */
export const SCRIPTS = {
  ledger: LEDGER_LUA,
  read: READ_LUA,
  open: OPEN_LUA,
  begin: BEGIN_LUA,
  settle: SETTLE_LUA,
  reveal: REVEAL_LUA,
  close: CLOSE_LUA,
} as const;

/**
 * The name of a script in {@link SCRIPTS}.
 *
 * @example
 * ```ts
 * const name: ScriptName = 'begin';
 * ```
 */
export type ScriptName = keyof typeof SCRIPTS;

export { parseLedger, parseReply, recordsOf, unexpectedStatus, type ScriptReply } from './replies.js';
