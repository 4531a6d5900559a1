#!/usr/bin/env bash
# Load benchmark of the public badge page (see README.md). Usage, from the repository root:
#   bench/public-page/run.sh [count=100000] [duration=30s] [connections=32]
# Needs wrk (Debian: apt-get install wrk). Starts the application with <count> awards on port 8089,
# warms it up for 15 s, then measures for <duration>, and stops it.
set -euo pipefail
count=${1:-100000}
duration=${2:-30s}
connections=${3:-32}
port=${BENCH_PORT:-8089}
data_dir=${BENCH_DATA_DIR:-/tmp/insigne-bench}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)" >&2; exit 1; }

export BENCH_COUNT=$count BENCH_PORT=$port BENCH_DATA_DIR=$data_dir
# Compile, then run the server in a plain JVM (spring-boot:run would add -XX:TieredStopAtLevel=1).
cp_file=$(mktemp /tmp/insigne-bench-cp.XXXXXX)
./mvnw -q -o -pl badge-web -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
log=$(mktemp /tmp/insigne-bench-server.XXXXXX.log)
# shellcheck disable=SC2086
java ${BENCH_JVM_ARGS:--Xms1g -Xmx1g -XX:+UseParallelGC} \
    -cp "badge-web/target/test-classes:badge-web/target/classes:$(cat "$cp_file")" \
    org.insigne.web.bench.PublicPageBenchServer >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT

echo "server log: $log; filling and starting (this takes a while for 1,000,000 awards)..."
until grep -q "^READY" "$log"; do
    if ! kill -0 "$server" 2>/dev/null; then echo "server stopped:" >&2; tail -50 "$log" >&2; exit 1; fi
    sleep 2
done
grep "inserted\|READY" "$log" || true

url="http://127.0.0.1:$port"
echo "== one page, headers (no session cookie expected)"
curl -s -o /dev/null -D - -H 'Accept: text/html' "$url/ob2/assertions/00000000-0000-4000-8000-000000000002" \
    | grep -i "^HTTP\|^set-cookie\|^content-length\|^vary" || true

echo "== warm-up 15 s"
wrk -t2 -c"$connections" -d15s -s "$here/random-badge.lua" "$url" -- "$count" >/dev/null
echo "== load: $count awards, $connections connections, $duration, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t2 -c"$connections" -d"$duration" --latency -s "$here/random-badge.lua" "$url" -- "$count"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
