import { PRELUDE } from './prelude.js';

/**
 * `logic.ts` `openStep`: a new call, if nobody changed the ledger since the
 * service read it (`expectVersion`); pins the challenge when given and none is
 * pinned (the only change that bumps the version). The call expires `callMs`
 * after opening.
 *
 * KEYS: ledger, call. ARGV[1]: `{ expectVersion, pin, now, callMs, keepMs }`; ARGV[2]: the CallRecord.
 *
 * @example
 * ```ts
 * await client.eval(OPEN_LUA, { keys: [ledgerKey, callKey], arguments: [JSON.stringify(args), JSON.stringify(call)] });
 * ```
 */
export const OPEN_LUA = `${PRELUDE}
local a = cjson.decode(ARGV[1])
local ledger = loadLedger(KEYS[1])
if redis.call('EXISTS', KEYS[2]) == 1 or ledger.version ~= a.expectVersion then return reply('conflict') end
local pin = orNil(a.pin)
if pin then
  if ledger.pin then return reply('conflict') end
  ledger.pin = pin
  -- Only pinning changes the ledger (see openStep): parallel opens that re-issue the pin do not conflict.
  ledger.version = ledger.version + 1
end
local call = decodeCall(ARGV[2])
local ledgerText, callText = commit(ledger, a.now, a.keepMs, call, a.callMs)
return reply('ok', ledgerText, callText)
`;
