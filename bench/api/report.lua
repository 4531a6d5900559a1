-- Shared by the API wrk scripts: counts answers outside 2xx and prints the latency percentiles.
local failures = 0

function response(status, headers, body)
   if status < 200 or status > 299 then
      failures = failures + 1
   end
end

function done(summary, latency, requests)
   io.write(string.format("non-2xx: %d, socket errors: connect %d read %d write %d timeout %d\n",
      summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write,
      summary.errors.timeout))
   io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms\n",
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency:percentile(99.9) / 1000, latency.max / 1000))
   io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1000000)))
end
