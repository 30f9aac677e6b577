-- wrk script of the learning-card benchmark: each request is one card
-- holder's (the card cookie rotates over the tokens in the file named by
-- $TOKENS, one a line). MODE=page: GET /card/me; MODE=enrol: POST one
-- enrolment in session $SESSION through the JSON API; MODE=path: GET
-- $PATH_ONLY without a card (the baseline) (threads take
-- disjoint holders; a holder comes round again only after all have).
-- Counts the answers by status per thread and prints at the end:
--   RESULT requests=… rps=… p50_ms=… p90_ms=… p99_ms=… max_ms=… s200=… s201=… s409=… other=… errors=…

local tokens = {}
local f = assert(io.open(os.getenv("TOKENS") or "tokens.txt"))
for line in f:lines() do
  if line ~= "" then tokens[#tokens + 1] = line end
end
f:close()
local mode = os.getenv("MODE") or "page"
local session = os.getenv("SESSION") or "1"
-- DELAY_MS: each connection waits this long before its next request, which
-- paces the load (32 connections and 100 ms: about 300 requests a second).
local pause = tonumber(os.getenv("DELAY_MS") or "0")

local threads = {}
function setup(thread)
  thread:set("id", #threads)
  thread:set("nthreads", 0)
  threads[#threads + 1] = thread
  for _, t in ipairs(threads) do t:set("nthreads", #threads) end
end

local i, step = 0, 1
-- globals, so that done() can read them from each thread
s200, s201, s409, other = 0, 0, 0, 0
function init(args)
  -- thread k takes tokens k, k+n, k+2n, … so no holder is used twice
  i = id or 0
  step = 2
end

function request()
  local token = tokens[(i % #tokens) + 1]
  i = i + step
  local headers = { ["cookie"] = "edb_card=" .. token }
  if mode == "enrol" then
    headers["content-type"] = "application/json"
    return wrk.format("POST", "/api/v1/public/card/enrolments", headers,
      '{"session_id":' .. session .. '}')
  end
  if mode == "path" then
    return wrk.format("GET", os.getenv("PATH_ONLY") or "/card/login")
  end
  return wrk.format("GET", "/card/me", headers)
end

if pause > 0 then
  function delay() return pause end
end

function response(status, headers, body)
  if status == 200 then s200 = s200 + 1
  elseif status == 201 then s201 = s201 + 1
  elseif status == 409 then s409 = s409 + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local a, b, c, d = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + (t:get("s200") or 0)
    b = b + (t:get("s201") or 0)
    c = c + (t:get("s409") or 0)
    d = d + (t:get("other") or 0)
  end
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f s200=%d s201=%d s409=%d other=%d errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, a, b, c, d, errors))
end
