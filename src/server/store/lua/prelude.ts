/**
 * Lua shared by every `redisStore` script: reading and writing the JSON
 * records of `records.ts`, and the small helpers `logic.ts` uses (`prune`,
 * `isLocked`, `failuresOf`, `removeOne`). Each script is this prelude plus its
 * own body, so every script is self-contained (EVALSHA needs no other script).
 *
 * Conventions of every script: `KEYS[1]` is the customer's ledger,
 * `KEYS[2]` the call (both under the customer's hash tag, so one slot on
 * Redis Cluster); `ARGV[1]` is the operation's arguments as JSON; the reply
 * is one JSON text `{"status":…,"call":…,"ledger":…}`. Times are the
 * service's clock (`now` in the arguments), never Redis's, exactly as the
 * memory store; only key expiry (PX) runs on Redis's clock.
 *
 * Records are written by the encoders below, field by field, not by
 * `cjson.encode`: cjson writes an empty list as `{}` and cuts numbers to 14
 * significant digits. Nothing is written until every value is encoded, so a
 * script that fails has written nothing.
 *
 * @example
 * ```ts
 * const source = `${PRELUDE}\nreturn ledgerJson(loadLedger(KEYS[1]))`;
 * ```
 */
export const PRELUDE = `
local NULL = cjson.null

-- Numbers: integers exactly; other values with the fewest digits that read back the same.
local function num(n)
  if n == math.floor(n) and n > -9007199254740992 and n < 9007199254740992 then
    return string.format('%d', n)
  end
  local s = string.format('%.15g', n)
  if tonumber(s) ~= n then s = string.format('%.17g', n) end
  return s
end

-- cjson escapes strings correctly (it writes "/" as "\\/", which JSON allows).
local function str(s) return cjson.encode(s) end

local function numbers(list)
  local out = {}
  for i = 1, #list do out[i] = num(list[i]) end
  return '[' .. table.concat(out, ',') .. ']'
end

local function strings(list)
  local out = {}
  for i = 1, #list do out[i] = str(list[i]) end
  return '[' .. table.concat(out, ',') .. ']'
end

local function sortedKeys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  return keys
end

-- A map of item → count. Keys sorted: the same record always gives the same bytes.
local function counts(map)
  local out = {}
  for _, k in ipairs(sortedKeys(map)) do out[#out + 1] = str(k) .. ':' .. num(map[k]) end
  return '{' .. table.concat(out, ',') .. '}'
end

-- The outcome: objects of strings (no lists in any CallOutcome).
local function value(v)
  local t = type(v)
  if t == 'string' then return str(v) end
  if t == 'number' then return num(v) end
  if t == 'boolean' then return tostring(v) end
  if t == 'table' then
    local out = {}
    for _, k in ipairs(sortedKeys(v)) do out[#out + 1] = str(k) .. ':' .. value(v[k]) end
    return '{' .. table.concat(out, ',') .. '}'
  end
  return 'null'
end

local function nullable(v, encode)
  if v == nil then return 'null' end
  return encode(v)
end

local function orNil(v)
  if v == NULL then return nil end
  return v
end

local function contains(list, x)
  for i = 1, #list do if list[i] == x then return true end end
  return false
end

-- records.ts emptyLedger()
local function emptyLedger()
  return { version = 0, spoken = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, failures = {}, attempts = {}, streak = 0, lockedUntil = 0 }
end

local function loadLedger(key)
  local raw = redis.call('GET', key)
  if not raw then return emptyLedger() end
  local ledger = cjson.decode(raw)
  ledger.pin = orNil(ledger.pin)
  return ledger
end

-- A CallRecord from JSON, its JSON nulls as Lua nils.
local function decodeCall(text)
  local call = cjson.decode(text)
  call.challenge = orNil(call.challenge)
  call.required = orNil(call.required)
  call.outcome = orNil(call.outcome)
  return call
end

local function loadCall(key)
  local raw = redis.call('GET', key)
  if not raw then return nil end
  return decodeCall(raw)
end

-- LedgerRecord, fields in the order of records.ts
local function ledgerJson(l)
  return '{"version":' .. num(l.version) .. ',"spoken":' .. numbers(l.spoken) .. ',"failures":' .. numbers(l.failures)
    .. ',"attempts":' .. numbers(l.attempts) .. ',"streak":' .. num(l.streak) .. ',"lockedUntil":' .. num(l.lockedUntil)
    .. ',"pin":' .. nullable(l.pin, numbers) .. '}'
end

-- CallRecord, fields in the order of records.ts
local function callJson(c)
  return '{"callId":' .. str(c.callId) .. ',"customerRef":' .. str(c.customerRef) .. ',"scriptId":' .. str(c.scriptId)
    .. ',"scriptVersion":' .. num(c.scriptVersion) .. ',"agentId":' .. str(c.agentId) .. ',"openedAt":' .. num(c.openedAt)
    .. ',"challenge":' .. nullable(c.challenge, numbers) .. ',"challengeBits":' .. num(c.challengeBits)
    .. ',"reissued":' .. tostring(c.reissued == true) .. ',"maxFailures":' .. counts(c.maxFailures)
    .. ',"failures":' .. counts(c.failures) .. ',"required":' .. nullable(c.required, strings)
    .. ',"passed":' .. strings(c.passed) .. ',"revealed":' .. numbers(c.revealed)
    .. ',"outcome":' .. nullable(c.outcome, value) .. ',"closedAt":' .. num(c.closedAt) .. '}'
end

local function reply(status, ledgerText, callText, extra)
  local out = '{"status":"' .. status .. '"'
  if extra then out = out .. ',' .. extra end
  if callText then out = out .. ',"call":' .. callText .. ',"ledger":' .. ledgerText end
  return out .. '}'
end

-- Writes both records (encoded before the first write). The ledger lives keepMs after its last write, and
-- at least as long as its lock-out; a permanent lock (-1) never expires. The call keeps the expiry it got
-- when it opened (KEEPTTL), unless callMs is given (open).
local function commit(ledger, now, keepMs, call, callMs)
  local ledgerText, callText = ledgerJson(ledger), callJson(call)
  if ledger.lockedUntil == -1 then
    redis.call('SET', KEYS[1], ledgerText)
  else
    local ttl = keepMs
    if ledger.lockedUntil - now > ttl then ttl = ledger.lockedUntil - now end
    redis.call('SET', KEYS[1], ledgerText, 'PX', num(ttl))
  end
  if callMs then
    redis.call('SET', KEYS[2], callText, 'PX', num(callMs))
  else
    redis.call('SET', KEYS[2], callText, 'KEEPTTL')
  end
  return ledgerText, callText
end

-- logic.ts prune()
local function keepAfter(times, t)
  local out = {}
  for i = 1, #times do if times[i] > t then out[#out + 1] = times[i] end end
  return out
end
local function prune(ledger, now, limits)
  ledger.failures = keepAfter(ledger.failures, now - limits.failWindowMs)
  ledger.attempts = keepAfter(ledger.attempts, now - limits.tryWindowMs)
end

-- records.ts isLocked()
local function isLocked(ledger, now)
  return ledger.lockedUntil == -1 or ledger.lockedUntil > now
end

-- logic.ts failuresOf()
local function failuresOf(call, item)
  return call.failures[item] or 0
end

-- logic.ts removeOne(): the last occurrence
local function removeOne(times, at)
  for i = #times, 1, -1 do
    if times[i] == at then
      table.remove(times, i)
      return
    end
  end
end
`;
