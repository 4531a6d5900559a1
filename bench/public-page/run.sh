#!/usr/bin/env bash
# Load benchmark of the public badge page (see README.md). Usage, from the repository root:
#   bench/public-page/run.sh [count=100000] [duration=30s] [connections=32]
# Needs wrk (Debian: apt-get install wrk). Starts the application with <count> awards on port 8089,
# warms it up for 15 s, then measures for <duration>, and stops it. Also prints the CPU time the
# application and PostgreSQL spent per request during the measured run (from /proc), a figure that
# other processes on the machine disturb much less than the throughput.
set -euo pipefail
count=${1:-100000}
duration=${2:-30s}
connections=${3:-32}
wrk_threads=${BENCH_WRK_THREADS:-1}
# warm-up before measuring; make it longer on a busy machine, where 15 s is too few requests for the JIT
warmup=${BENCH_WARMUP:-15s}
# measured runs one after the other on the same warm server (the first can still carry JIT work on 2 cores)
rounds=${BENCH_ROUNDS:-1}
port=${BENCH_PORT:-8089}
data_dir=${BENCH_DATA_DIR:-/tmp/insigne-bench}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)" >&2; exit 1; }

export BENCH_COUNT=$count BENCH_PORT=$port BENCH_DATA_DIR=$data_dir
# shellcheck source=../server.sh
. "$root/bench/server.sh"
start_bench_server PublicPageBenchServer
grep "inserted\|READY" "$log" || true

url="http://127.0.0.1:$port"
echo "== one page, headers (no cookie expected)"
curl -s -o /dev/null -D - -H 'Accept: text/html' "$url/ob2/assertions/00000000-0000-4000-8000-000000000002" \
    | grep -i "^HTTP\|^set-cookie\|^content-length\|^vary" || true

# CPU time (user + system, in clock ticks) of a process and of its children that are still running.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
children_ticks() {
    local sum=0 child
    for child in $(pgrep -P "$1" || true); do sum=$((sum + $(ticks "$child"))); done
    echo "$sum"
}
postmaster=$(head -1 "$(find "$data_dir" -maxdepth 3 -name postmaster.pid | head -1)" 2>/dev/null || echo "")

echo "== warm-up $warmup"
wrk -t"$wrk_threads" -c"$connections" -d"$warmup" -s "$here/random-badge.lua" "$url" -- "$count" >/dev/null
hz=$(getconf CLK_TCK)
# shellcheck source=../memory.sh
. "$root/bench/memory.sh"
memory_file=$(mktemp /tmp/insigne-bench-memory.XXXXXX)
for round in $(seq 1 "$rounds"); do
    echo "== load, round $round of $rounds: $count awards, $connections connections, $wrk_threads wrk thread(s), $duration, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    app_before=$(ticks "$server")
    pg_before=$([ -n "$postmaster" ] && children_ticks "$postmaster" || echo 0)
    : >"$memory_file"
    sample_footprint "$server" "$postmaster" "$memory_file" &
    sampler=$!
    out=$(wrk -t"$wrk_threads" -c"$connections" -d"$duration" --latency -s "$here/random-badge.lua" "$url" -- "$count")
    kill "$sampler" 2>/dev/null || true
    app_after=$(ticks "$server")
    pg_after=$([ -n "$postmaster" ] && children_ticks "$postmaster" || echo 0)
    echo "$out"
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    awk -v r="$requests" -v a=$((app_after - app_before)) -v p=$((pg_after - pg_before)) -v hz="$hz" 'BEGIN {
        printf "CPU per request: application %.3f ms, PostgreSQL backends %.3f ms (%d requests)\n",
            a * 1000 / hz / r, p * 1000 / hz / r, r }'
    echo "memory (application + PostgreSQL, PSS): peak $(sort -n "$memory_file" | tail -1) MB"
done
