#!/usr/bin/env bash
# Load benchmark of the issuer API (see README.md). Usage, from the repository root:
#   bench/api/run.sh [count=100000] [duration=30s] [connections=16]
# Needs wrk. Starts the application with <count> awards in one organisation on port 8089 (as
# bench/public-page does) and an API token of that organisation, warms up, then measures
# GET /api/v1/awards (100 per page, random pages), getCredentials of an earner holding BENCH_HELD (100)
# OB 3.0 credentials, and POST /api/v1/awards (one new award per request),
# printing the load average before and after each run: on a shared machine, read the figures with it.
set -euo pipefail
count=${1:-100000}
duration=${2:-30s}
connections=${3:-16}
warmup=${BENCH_WARMUP:-15s}
port=${BENCH_PORT:-8089}
data_dir=${BENCH_DATA_DIR:-/tmp/insigne-bench}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)" >&2; exit 1; }

export BENCH_COUNT=$count BENCH_PORT=$port BENCH_DATA_DIR=$data_dir
# shellcheck source=../server.sh
. "$root/bench/server.sh"
start_bench_server ApiBenchServer
token=$(awk '/^TOKEN / {print $2}' "$log")
ob3_token=$(awk '/^OB3_TOKEN / {print $2}' "$log")
badge_class=$(awk '/^BADGE_CLASS / {print $2}' "$log")
url="http://127.0.0.1:$port"

echo "== one page of 100, headers"
curl -s -o /dev/null -D - -H "Authorization: Bearer $token" "$url/api/v1/awards?size=100&page=2" \
    | grep -i "^HTTP\|^x-total-count\|^content-length" || true

run() {
    local name=$1 script=$2 token=$3 arg=$4
    echo "== $name: warm-up $warmup"
    wrk -t1 -c"$connections" -d"$warmup" -s "$here/$script" "$url" -- "$token" "$arg" >/dev/null
    echo "== $name: $connections connections, $duration, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    wrk -t1 -c"$connections" -d"$duration" --latency -s "$here/$script" "$url" -- "$token" "$arg" \
        | grep -v "^ \{4\}[0-9]*%\|Latency Distribution"
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}
run "GET /api/v1/awards?size=100" list-awards.lua "$token" "$count"
run "getCredentials (limit=100)" credentials.lua "$ob3_token" ""
run "POST /api/v1/awards" award.lua "$token" "$badge_class"
