#!/usr/bin/env bash
# Soak: a mixed load of <clients> clients for <seconds> on the real application over its embedded PostgreSQL
# with <count> awards (see README.md). Usage, from the repository root:
#   bench/soak/run.sh [count=100000] [seconds=300] [clients=50]
# Environment: BENCH_DATA_DIR (default /tmp/insigne-soak), BENCH_PORT (8091), BENCH_JVM_ARGS (default
# -Xms512m -Xmx512m), BENCH_TOMCAT_THREADS (16), and any Spring property as an environment variable (for a small
# box: SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE=5). Prints per kind of request the latencies and statuses, the
# errors (anything but the expected answers and 429s), and the memory the application and PostgreSQL held.
set -euo pipefail
count=${1:-100000}
seconds=${2:-300}
clients=${3:-50}
port=${BENCH_PORT:-8091}
data_dir=${BENCH_DATA_DIR:-/tmp/insigne-soak}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
# shellcheck source=../memory.sh
. bench/memory.sh
work=$(mktemp -d /tmp/insigne-soak.XXXXXX)
server="" mail=""
trap 'kill $server $mail 2>/dev/null; wait $server $mail 2>/dev/null || true' EXIT

cp_file="$work/classpath"
./mvnw -q -o -pl badge-web -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
greenmail=$(tr ':' '\n' <"$cp_file" | grep greenmail-standalone || true)
if [ -z "$greenmail" ]; then
    version=$(sed -n 's:.*<greenmail.version>\(.*\)</greenmail.version>.*:\1:p' pom.xml)
    ./mvnw -q -o -N dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$version" -DoutputDirectory="$work" >/dev/null
    greenmail=$(ls "$work"/greenmail-standalone-*.jar)
fi
smtp_port=$((20000 + RANDOM % 20000))
java -Xmx256m -cp "$greenmail" .ci/MailSink.java "$smtp_port" "$work/received" >"$work/mail.log" 2>&1 &
mail=$!

export BENCH_COUNT=$count BENCH_PORT=$port BENCH_DATA_DIR=$data_dir SOAK_SMTP_PORT=$smtp_port
# shellcheck disable=SC2086
java ${BENCH_JVM_ARGS:--Xms512m -Xmx512m} \
    -cp "badge-web/target/test-classes:badge-web/target/classes:$(cat "$cp_file")" \
    org.insigne.web.bench.SoakBenchServer >"$work/server.log" 2>&1 &
server=$!
echo "server log: $work/server.log; filling and starting..."
until grep -q "^READY" "$work/server.log"; do
    if ! kill -0 "$server" 2>/dev/null; then echo "server stopped:" >&2; tail -50 "$work/server.log" >&2; exit 1; fi
    sleep 2
done
ready=$(grep "^READY" "$work/server.log")
value() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$ready"; }
postmaster=$(head -1 "$(find "$data_dir" -maxdepth 3 -name postmaster.pid | head -1)" 2>/dev/null || echo "")

echo "== memory after start: $(footprint_mb "$server" "$postmaster") MB (application + PostgreSQL, PSS)"
echo "== $clients clients for $seconds s, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
: >"$work/memory"
sample_footprint "$server" "$postmaster" "$work/memory" &
sampler=$!
status=0
java bench/soak/SoakClient.java "http://127.0.0.1:$port" "$(value token)" "$(value badgeClass)" "$(value earner)" \
    "une phrase de passe pour le banc" "$count" "$clients" "$seconds" || status=$?
rm -f "$work/memory.done"; kill "$sampler" 2>/dev/null || true
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== memory during the run (application + PostgreSQL, PSS): peak $(sort -n "$work/memory" | tail -1) MB"
echo "== mails received by the SMTP server: $(wc -l <"$work/received" 2>/dev/null || echo 0)"
echo "== server errors logged: $(grep -c ' ERROR ' "$work/server.log" || true)"
grep ' ERROR ' "$work/server.log" | sed 's/^.*\] //' | sort | uniq -c | sort -rn | head -5 || true
exit $status
