-- wrk script for GET /api/v1/timeline at a fixed rate, over the weighted URL population written by
-- urls.py (env URLS: weight <TAB> path <TAB> etag).
--
-- Fixed rate: Debian's wrk 4.1 has no -R (that is wrk2), but it calls delay() before each request
-- of a connection. Each thread keeps a schedule of send slots RATE/threads per second apart and
-- every delay() takes the next slot, so requests leave at the target rate whatever the latency,
-- as long as a connection is free (-c well above rate x latency). A slot that is already past when
-- a connection asks for it (the server fell behind) is sent at once and counted as late: LATE in
-- done() shows whether the rate was really held. The clock is clock_gettime through LuaJIT's FFI.
--
-- Env: URLS (required), RATE (requests/s over all threads, default 500), REVALIDATE_SHARE (share of
-- requests sending If-None-Match with the URL's ETag, as a browser that has the page; default 0.3).

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } nf_timespec;
  int clock_gettime(int clk_id, nf_timespec *tp);
]]
local ts = ffi.new("nf_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("id", thread_count)
  table.insert(threads, thread)
end

local paths, etags, cumulative = {}, {}, {}
local total = 0
local interval_ms, next_slot
local revalidate_share, gzip_share

function init(args)
  math.randomseed(os.time() * 1000 + id)
  for line in io.lines(os.getenv("URLS")) do
    local weight, path, etag = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)$")
    total = total + tonumber(weight)
    table.insert(paths, path)
    table.insert(etags, etag ~= "-" and etag or false)
    table.insert(cumulative, total)
  end
  local rate = tonumber(os.getenv("RATE") or "500")
  -- every thread takes an equal share of the rate; thread_count is set in each thread by setup
  interval_ms = 1000 * tonumber(os.getenv("THREADS") or "2") / rate
  revalidate_share = tonumber(os.getenv("REVALIDATE_SHARE") or "0.3")
  gzip_share = tonumber(os.getenv("GZIP_SHARE") or "0")
  sent, late, late_max_ms = 0, 0, 0
end

function delay()
  local now = now_ms()
  if next_slot == nil then
    next_slot = now
  end
  next_slot = next_slot + interval_ms
  local wait = next_slot - now
  if wait < 0 then
    if -wait > 1 then
      late = late + 1
      if -wait > late_max_ms then late_max_ms = -wait end
    end
    return 0
  end
  return math.floor(wait)
end

local function pick()
  local r = math.random() * total
  local lo, hi = 1, #cumulative
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cumulative[mid] < r then lo = mid + 1 else hi = mid end
  end
  return lo
end

function request()
  local i = pick()
  local headers = { ["Accept"] = "application/json" }
  if math.random() < gzip_share then
    headers["Accept-Encoding"] = "gzip, deflate, br"
  end
  if etags[i] and math.random() < revalidate_share then
    headers["If-None-Match"] = etags[i]
  end
  sent = sent + 1
  return wrk.format("GET", paths[i], headers)
end

function response(code, headers, body)
  local key = "n" .. code
  _G[key] = (_G[key] or 0) + 1
end

function done(summary, latency, requests)
  local counts, late_total, late_worst = {}, 0, 0
  for _, t in ipairs(threads) do
    for _, code in ipairs({ 200, 304, 400, 404, 429, 500, 502, 503 }) do
      local n = t:get("n" .. code)
      if n then counts[code] = (counts[code] or 0) + n end
    end
    late_total = late_total + (t:get("late") or 0)
    late_worst = math.max(late_worst, t:get("late_max_ms") or 0)
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f"
    .. " errors_connect=%d errors_read=%d errors_write=%d errors_status=%d errors_timeout=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
  io.write(string.format("LATE sends_more_than_1ms_behind_schedule=%d worst_ms=%.1f\n", late_total, late_worst))
  local parts = {}
  for code, n in pairs(counts) do table.insert(parts, code .. "=" .. n) end
  table.sort(parts)
  io.write("STATUS " .. table.concat(parts, " ") .. "\n")
end
