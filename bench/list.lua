-- wrk script for the student list: rotates over the paths in the file named
-- by $URLS (one path a line), counts answers other than 200 per thread (a
-- redirect to the login page would otherwise pass as success), and prints a
-- machine-readable summary line at the end:
--   RESULT requests=… rps=… p50_ms=… p90_ms=… p99_ms=… max_ms=… non200=… errors=…
-- The session cookie comes with wrk's -H 'cookie: edb_session=…'.

local paths = {}
local f = assert(io.open(os.getenv("URLS") or "urls.txt"))
for line in f:lines() do
  if line ~= "" then paths[#paths + 1] = line end
end
f:close()

local threads = {}
function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

local i, non200 = 0, 0
function init(args)
  -- each thread starts at a different place in the rotation
  i = id or 0
end

function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end

function response(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + (t:get("non200") or 0) end
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f non200=%d errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, bad, errors))
end
