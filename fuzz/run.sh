#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser of outside input, with Jazzer (not part of the default build).
# Usage, from the repository root:   fuzz/run.sh [runs=100000] [target ...]
# Targets: unbake json jsonld jws status-list cbor verify csv (all by default). Each runs for <runs>
# executions, starting from its seeds (badge-*/src/test/resources/fuzz/<target>) and, for the byte-level
# targets, the third-party samples in ../shared/conformance. New interesting inputs go to
# target/fuzz/corpus/<target>; a failing input is written to target/fuzz/findings/<target>-crash-…, and the
# script exits non-zero. Copy a finding into the target's seed folder: FuzzRegressionTests (normal build)
# then replays it for ever.
set -euo pipefail
runs=${1:-100000}
shift || true
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jazzer_version=0.30.0
out=target/fuzz
mkdir -p "$out/corpus" "$out/findings"

./mvnw -q -o -pl badge-issuer -am test-compile
jazzer=$out/jazzer-$jazzer_version.jar
if [ ! -f "$jazzer" ]; then
    ./mvnw -q dependency:copy -Dartifact=com.code-intelligence:jazzer:$jazzer_version -DoutputDirectory="$out"
    ./mvnw -q dependency:copy -Dartifact=com.code-intelligence:jazzer-api:$jazzer_version -DoutputDirectory="$out"
fi
classpath_of() {
    local file
    file=$(mktemp)
    ./mvnw -q -o -pl "$1" dependency:build-classpath -Dmdep.outputFile="$file" -Dmdep.includeScope=test
    echo "$1/target/test-classes:$1/target/classes:$(cat "$file")"
    rm -f "$file"
}
core_cp="$(classpath_of badge-core):$out/jazzer-api-$jazzer_version.jar"
issuer_cp="$(classpath_of badge-issuer):badge-core/target/test-classes:badge-core/target/classes:$out/jazzer-api-$jazzer_version.jar"
shared=$(cd .. && pwd)/shared/conformance

declare -A class=(
    [unbake]=org.insigne.core.fuzz.FuzzTargets\$Unbake
    [json]=org.insigne.core.fuzz.FuzzTargets\$Json
    [jsonld]=org.insigne.core.fuzz.FuzzTargets\$JsonLd
    [jws]=org.insigne.core.fuzz.FuzzTargets\$Jws
    [status-list]=org.insigne.core.fuzz.FuzzTargets\$StatusList
    [cbor]=org.insigne.core.signing.CborFuzzTarget
    [verify]=org.insigne.core.fuzz.FuzzTargets\$Verify
    [csv]=org.insigne.issuer.bulk.CsvFuzzTarget
)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(unbake json jsonld jws status-list cbor verify csv)
status=0
for target in "${targets[@]}"; do
    if [ "$target" = csv ]; then cp=$issuer_cp; seeds=badge-issuer/src/test/resources/fuzz/csv
    else cp=$core_cp; seeds=badge-core/src/test/resources/fuzz/$target; fi
    corpora=("$out/corpus/$target" "$seeds")
    mkdir -p "$out/corpus/$target"
    case $target in unbake|json|verify) [ -d "$shared" ] && corpora+=("$shared") ;; esac
    echo "== $target: $runs runs"
    started=$(date +%s)
    if java -Xmx1g -Xss4m -cp "$jazzer:$cp" com.code_intelligence.jazzer.Jazzer --cp="$cp" --target_class="${class[$target]}" \
            --instrumentation_includes='org.insigne.**:tools.jackson.**:com.apicatalog.**:org.apache.commons.csv.**' \
            -runs="$runs" -max_len=65536 -rss_limit_mb=4096 -timeout=60 \
            -artifact_prefix="$out/findings/$target-" "${corpora[@]}" >"$out/$target.log" 2>&1; then
        echo "   ok in $(( $(date +%s) - started )) s: $(grep -E '^Done [0-9]+ runs' "$out/$target.log" || tail -1 "$out/$target.log")"
    else
        status=1
        echo "   FAILED, see $out/$target.log and $out/findings/"
        grep -E "== Java Exception|FuzzerSecurityIssue|Exception|Error" "$out/$target.log" | head -5 || true
    fi
done
exit $status
