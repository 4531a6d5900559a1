# Sourced by the load benchmarks: compiles, then starts the bench server class $1 in a plain JVM (spring-boot:run
# would add -XX:TieredStopAtLevel=1) with its output in $log, stops it on exit, and waits for its READY line.
# Sets $server (its process id) and $log. Needs BENCH_COUNT, BENCH_PORT and BENCH_DATA_DIR exported.
start_bench_server() {
    local cp_file
    cp_file=$(mktemp /tmp/insigne-bench-cp.XXXXXX)
    ./mvnw -q -o -pl badge-web -am test-compile dependency:build-classpath \
        -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
    log=$(mktemp /tmp/insigne-bench-server.XXXXXX.log)
    # shellcheck disable=SC2086
    java ${BENCH_JVM_ARGS:--Xms1g -Xmx1g -XX:+UseParallelGC} \
        -cp "badge-web/target/test-classes:badge-web/target/classes:$(cat "$cp_file")" \
        "org.insigne.web.bench.$1" >"$log" 2>&1 &
    server=$!
    trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
    echo "server log: $log; filling and starting (this takes a while for 1,000,000 awards)..."
    until grep -q "^READY" "$log"; do
        if ! kill -0 "$server" 2>/dev/null; then echo "server stopped:" >&2; tail -50 "$log" >&2; exit 1; fi
        sleep 2
    done
}
