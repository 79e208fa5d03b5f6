import { PRELUDE } from './prelude.js';

/**
 * `logic.ts` `beginStep`: checks an attempt against the call and the
 * customer's limits and, if it may be evaluated, counts it as a failure
 * before it is (`go`, with a ticket). Writes on `go` and `locked`, as the
 * memory store commits them; every other answer writes nothing.
 *
 * KEYS: ledger, call. ARGV[1]: `{ item, now, limits, keepMs }`.
 *
 * @example
 * ```ts
 * await client.eval(BEGIN_LUA, { keys: [ledgerKey, callKey], arguments: [JSON.stringify({ item: 'pesel', now, limits, keepMs })] });
 * ```
 */
export const BEGIN_LUA = `${PRELUDE}
local a = cjson.decode(ARGV[1])
local call = loadCall(KEYS[2])
if not call then return reply('not-found') end
local ledger = loadLedger(KEYS[1])
local item, now, limits = a.item, a.now, a.limits
local function unchanged(status) return reply(status, ledgerJson(ledger), callJson(call)) end
local function written(status, extra)
  local ledgerText, callText = commit(ledger, now, a.keepMs, call, nil)
  return reply(status, ledgerText, callText, extra)
end

if call.outcome then return unchanged('closed') end
if item == 'pesel' and not call.challenge then return unchanged('no-challenge') end
local callMax = call.maxFailures[item]
if callMax == nil then return unchanged('unknown-item') end
if contains(call.passed, item) then return unchanged('passed') end
prune(ledger, now, limits)
if isLocked(ledger, now) then return written('locked') end
if failuresOf(call, item) >= callMax then return unchanged('exhausted') end
if #ledger.attempts >= limits.tryMax then
  -- One attempt over the rate limit locks, as PCI DSS 8.3.4 asks; the lock is the write.
  ledger.lockedUntil = math.max(ledger.lockedUntil, now + limits.lockMs)
  ledger.version = ledger.version + 1
  return written('locked')
end
local lockBefore = ledger.lockedUntil
ledger.attempts[#ledger.attempts + 1] = now
ledger.failures[#ledger.failures + 1] = now
ledger.streak = ledger.streak + 1
call.failures[item] = failuresOf(call, item) + 1
local lockSet = 0
if ledger.streak >= limits.streakMax then
  lockSet = -1
elseif #ledger.failures >= limits.failMax then
  lockSet = now + limits.lockMs
end
if lockSet ~= 0 then ledger.lockedUntil = lockSet end
ledger.version = ledger.version + 1
return written('go', '"ticket":{"item":' .. str(item) .. ',"at":' .. num(now) .. ',"lockSet":' .. num(lockSet) .. ',"lockBefore":' .. num(lockBefore) .. '}')
`;
