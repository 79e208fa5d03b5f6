/**
 * `VerificationStore.read`: a call and its customer's ledger in one atomic
 * step, as stored (no decoding: the JS side parses and normalises them).
 * `VerificationStore.ledger`: the ledger alone, or nil for an unknown customer.
 *
 * KEYS: ledger, call (read); ledger (ledger).
 *
 * @example
 * ```ts
 * const text = await client.eval(READ_LUA, { keys: [ledgerKey, callKey], arguments: [] });
 * ```
 */
export const READ_LUA = `
local call = redis.call('GET', KEYS[2])
if not call then return '{"status":"not-found"}' end
local ledger = redis.call('GET', KEYS[1])
if not ledger then ledger = 'null' end
return '{"status":"ok","call":' .. call .. ',"ledger":' .. ledger .. '}'
`;

/**
 * See {@link READ_LUA}.
 *
 * @example
 * ```ts
 * const text = await client.eval(LEDGER_LUA, { keys: [ledgerKey], arguments: [] });
 * ```
 */
export const LEDGER_LUA = `
return redis.call('GET', KEYS[1])
`;
