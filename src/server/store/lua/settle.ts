import { PRELUDE } from './prelude.js';

/**
 * `logic.ts` `settleStep`: records the spoken positions, then keeps the
 * counted failure (`fail`), resets the counts on a `pass` (never the spoken
 * positions), or refunds the attempt (`void`). A pass or refund undoes only
 * the lock-out its own provisional failure set.
 *
 * KEYS: ledger, call. ARGV[1]: `{ ticket, verdict, spoken, now, keepMs }`.
 *
 * @example
 * ```ts
 * await client.eval(SETTLE_LUA, { keys: [ledgerKey, callKey], arguments: [JSON.stringify({ ticket, verdict: 'pass', spoken: [7, 8, 9], now, keepMs })] });
 * ```
 */
export const SETTLE_LUA = `${PRELUDE}
local a = cjson.decode(ARGV[1])
local call = loadCall(KEYS[2])
if not call then return reply('not-found') end
local ledger = loadLedger(KEYS[1])
local ticket, now = a.ticket, a.now
for _, position in ipairs(a.spoken) do ledger.spoken[position] = now end
local function undoCount()
  call.failures[ticket.item] = math.max(0, failuresOf(call, ticket.item) - 1)
  if ticket.lockSet ~= 0 and ledger.lockedUntil == ticket.lockSet then ledger.lockedUntil = ticket.lockBefore end
end
if a.verdict == 'pass' then
  undoCount()
  if not contains(call.passed, ticket.item) then call.passed[#call.passed + 1] = ticket.item end
  if ticket.item == 'pesel' then ledger.pin = nil end
  ledger.failures = {}
  ledger.streak = 0
elseif a.verdict == 'void' then
  undoCount()
  removeOne(ledger.failures, ticket.at)
  removeOne(ledger.attempts, ticket.at)
  ledger.streak = math.max(0, ledger.streak - 1)
end
ledger.version = ledger.version + 1
local ledgerText, callText = commit(ledger, now, a.keepMs, call, nil)
return reply('ok', ledgerText, callText)
`;
