-- wrk script for GET /api/v1/timeline: every request picks its own actor, theme and limit, so few
-- requests repeat and the gateway's ETag (computed from the store's answer) rarely matches.
-- Set REVALIDATE=1 to send If-None-Match with the last ETag seen for the same URL, as a browser
-- would; the gateway still asks store-service and answers 304 when the body has not changed.
-- Actor and theme ids are the synthetic corpus's (store-service's SyntheticCorpus).

local actors = { "KAZ", "RUS", "CHN", "USA", "KGZ", "UZB", "TJK", "TKM", "TUR", "EU", "org.csto", "org.nato",
  "org.sco", "org.eaeu", "person.tokayev", "person.putin", "person.xi", "co.kazmunaygas", "proj.cpc",
  "proj.bri", "AFG", "IRN", "AZE", "GEO", "UKR", "BLR", "ARM", "MNG", "IND", "PAK" }
local themes = { "military-exercises", "alliance-politics", "peacekeeping", "unrest", "energy-transit", "trade",
  "sanctions", "border-security", "elections", "water", "migration", "nuclear" }
local limits = { 10, 20, 50, 100 }

local revalidate = os.getenv("REVALIDATE") == "1"
local etags = {}
local last_path
local threads = {}
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + id)
end

local function pick(t)
  return t[math.random(#t)]
end

local function path()
  local r = math.random()
  -- mostly the frequent actors, as a reader of this corpus would ask; sometimes the long tail
  local actor = r < 0.6 and actors[math.random(5)] or pick(actors)
  local p = "/api/v1/timeline?actor=" .. actor .. "&limit=" .. pick(limits)
  local s = math.random()
  if s < 0.4 then
    p = p .. "&theme=" .. pick(themes)
  elseif s < 0.5 then
    p = p .. "&actor=" .. pick(actors) .. "&actorMode=all"
  end
  return p
end

function request()
  last_path = revalidate and ("/api/v1/timeline?actor=" .. actors[math.random(5)] .. "&limit=" .. pick(limits)) or path()
  local headers = { ["Accept"] = "application/json" }
  if revalidate and etags[last_path] then
    headers["If-None-Match"] = etags[last_path]
  end
  return wrk.format("GET", last_path, headers)
end

function response(code, headers, body)
  -- per-status counts live in plain globals so done() can read them with thread:get
  local key = "n" .. code
  _G[key] = (_G[key] or 0) + 1
  if revalidate and headers["ETag"] then
    etags[last_path] = headers["ETag"]
  end
end

function done(summary, latency, requests)
  local counts = {}
  for _, t in ipairs(threads) do
    for _, code in ipairs({ 200, 304, 400, 404, 429, 500, 502, 503 }) do
      local n = t:get("n" .. code)
      if n then counts[code] = (counts[code] or 0) + n end
    end
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f"
    .. " errors_connect=%d errors_read=%d errors_write=%d errors_status=%d errors_timeout=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
  local parts = {}
  for code, n in pairs(counts) do table.insert(parts, code .. "=" .. n) end
  table.sort(parts)
  io.write("STATUS " .. table.concat(parts, " ") .. "\n")
end
