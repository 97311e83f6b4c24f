-- A mix of what visitors and partners ask (wrk's Lua): search, suggestions, scheme and territory pages and API calls.
-- Paths come from the environment (LOAD_PATHS, separated by spaces), chosen round-robin per connection.
local paths = {}
for path in string.gmatch(os.getenv("LOAD_PATHS") or "/", "%S+") do
  table.insert(paths, path)
end
local errors = 0
local counter = 0

function setup(thread)
  thread:set("offset", counter)
  counter = counter + 7
end

function init(args)
  index = offset
end

function request()
  index = index + 1
  return wrk.format("GET", paths[(index % #paths) + 1], { ["Accept-Language"] = "fr" })
end

function response(status, headers, body)
  if status >= 400 then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("requests %d in %.1f s: %.0f/s; errors: %d socket (connect %d, read %d, write %d, timeout %d), %d non-2xx/3xx\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
  io.write(string.format("latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
