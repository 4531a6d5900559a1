-- wrk script: GET the public page of a random existing award, as a browser asks for it.
-- Usage: wrk ... -s random-badge.lua http://127.0.0.1:8089 -- <count>
-- Ids are those PublicPageBenchServer inserts: 00000000-0000-4000-8000-<i as 12 hex digits>, i in 1..count.
local count = 100000

function init(args)
   if args[1] ~= nil then
      count = tonumber(args[1])
   end
   -- each wrk thread has its own Lua state: seed each differently
   math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

function request()
   local path = string.format("/ob2/assertions/00000000-0000-4000-8000-%012x", math.random(1, count))
   return wrk.format("GET", path, { ["Accept"] = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8",
                                    ["Accept-Language"] = "fr-FR,fr;q=0.9" })
end

local failures = 0

function response(status, headers, body)
   if status ~= 200 then
      failures = failures + 1
   end
end

function done(summary, latency, requests)
   local statuses = summary.errors.status
   io.write(string.format("non-2xx: %d, socket errors: connect %d read %d write %d timeout %d\n",
      statuses, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
   io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms\n",
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency:percentile(99.9) / 1000, latency.max / 1000))
   io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1000000)))
end
