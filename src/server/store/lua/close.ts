import { PRELUDE } from './prelude.js';

/**
 * `logic.ts` `closeStep`: records the outcome once; `verified` only when the
 * call's `required` items are all passed and the customer is not locked out.
 *
 * KEYS: ledger, call. ARGV[1]: `{ outcome, now, keepMs }`.
 *
 * @example
 * ```ts
 * await client.eval(CLOSE_LUA, { keys: [ledgerKey, callKey], arguments: [JSON.stringify({ outcome: { kind: 'verified' }, now, keepMs })] });
 * ```
 */
export const CLOSE_LUA = `${PRELUDE}
local a = cjson.decode(ARGV[1])
local call = loadCall(KEYS[2])
if not call then return reply('not-found') end
local ledger = loadLedger(KEYS[1])
if call.outcome then return reply('closed', ledgerJson(ledger), callJson(call)) end
if a.outcome.kind == 'verified' then
  local evidence = call.required ~= nil and not isLocked(ledger, a.now)
  if evidence then
    for _, item in ipairs(call.required) do
      if not contains(call.passed, item) then evidence = false end
    end
  end
  if not evidence then return reply('refused', ledgerJson(ledger), callJson(call)) end
end
call.outcome = a.outcome
call.closedAt = a.now
ledger.version = ledger.version + 1
local ledgerText, callText = commit(ledger, a.now, a.keepMs, call, nil)
return reply('ok', ledgerText, callText)
`;
