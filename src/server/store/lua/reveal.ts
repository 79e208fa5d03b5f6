import { PRELUDE } from './prelude.js';

/**
 * `logic.ts` `revealStep`: records positions read out to the agent, if the
 * ledger is still at `expectVersion`, the call passed its challenge, and the
 * call's total stays within `max`.
 *
 * KEYS: ledger, call. ARGV[1]: `{ positions, expectVersion, max, now, keepMs }`.
 *
 * @example
 * ```ts
 * await client.eval(REVEAL_LUA, { keys: [ledgerKey, callKey], arguments: [JSON.stringify({ positions: [10], expectVersion: 4, max: 2, now, keepMs })] });
 * ```
 */
export const REVEAL_LUA = `${PRELUDE}
local a = cjson.decode(ARGV[1])
local call = loadCall(KEYS[2])
if not call then return reply('not-found') end
local ledger = loadLedger(KEYS[1])
if call.outcome then return reply('closed', ledgerJson(ledger), callJson(call)) end
if ledger.version ~= a.expectVersion then return reply('conflict') end
if not contains(call.passed, 'pesel') then return reply('refused') end
local fresh = {}
for _, position in ipairs(a.positions) do
  if not contains(call.revealed, position) then fresh[#fresh + 1] = position end
end
if #call.revealed + #fresh > a.max then return reply('refused') end
for _, position in ipairs(fresh) do
  call.revealed[#call.revealed + 1] = position
  ledger.spoken[position] = a.now
end
ledger.version = ledger.version + 1
local ledgerText, callText = commit(ledger, a.now, a.keepMs, call, nil)
return reply('ok', ledgerText, callText)
`;
