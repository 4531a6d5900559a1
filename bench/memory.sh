# Sourced by the bench scripts: the memory the application and its embedded PostgreSQL hold together.
# PSS (proportional set size, /proc/PID/smaps_rollup) rather than RSS: PostgreSQL's processes share its buffers,
# which RSS would count once per process.

# The summed PSS in MB of process $1 and of the PostgreSQL processes whose postmaster is $2 (may be empty).
footprint_mb() {
    local pids="$1" pid kb=0
    if [ -n "${2:-}" ]; then pids="$pids $2 $(pgrep -P "$2" || true)"; fi
    for pid in $pids; do
        kb=$((kb + $(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)))
    done
    echo $((kb / 1024))
}

# Samples footprint_mb every second into $3 (one figure per line) until process $1 ends or the file is removed.
sample_footprint() {
    local app=$1 postmaster=$2 out=$3
    while kill -0 "$app" 2>/dev/null && [ -f "$out" ]; do
        footprint_mb "$app" "$postmaster" >>"$out"
        sleep 1
    done
}
