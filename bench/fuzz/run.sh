#!/usr/bin/env bash
#===- bench/fuzz/run.sh - Long runs of the runtime fuzzer ------------------===#
#
# Runs build/bin/typeslab-fuzz (test/fuzz/) in every mode, each without and
# with red zones + poison, for SECONDS seconds per configuration (default 90:
# 8 configurations, 12 minutes), one process at a time with a fixed seed and
# a fresh corpus, and prints one row per configuration: executions, exec/s,
# edge coverage (cov), features (ft), corpus size and crashes.
#   TYPESLAB_BUILD_DIR=build-x nice -n 19 bench/fuzz/run.sh [SECONDS]
# Crash inputs are kept in $OUT/<config>/ (OUT defaults to a temp dir);
# TYPESLAB_FUZZ names another fuzzer binary (e.g. a copy kept stable while
# the tree is rebuilt).
#===------------------------------------------------------------------------===#
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${TYPESLAB_BUILD_DIR:-$root/build}
secs=${1:-90}
fuzz=${TYPESLAB_FUZZ:-$build/bin/typeslab-fuzz}
out=${OUT:-$(mktemp -d)}
[ -x "$fuzz" ] || { echo "run.sh: build $fuzz first (ninja typeslab-fuzz)"; exit 1; }

printf '%-26s %10s %8s %6s %6s %7s %7s\n' config execs exec/s cov ft corpus crashes
total_crashes=0
for mode in none random partitioned isolated; do
  for opts in plain hardened; do
    name=$mode-$opts
    dir=$out/$name
    mkdir -p "$dir/corpus"
    env=(TYPESLAB_MODE=$mode)
    [ "$opts" = hardened ] && env+=(TYPESLAB_REDZONE=1 TYPESLAB_POISON=1)
    (cd "$dir" && env "${env[@]}" "$fuzz" -seed=7 -max_total_time="$secs" \
       -max_len=4096 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$dir/" corpus >"$dir/log" 2>&1)
    rc=$?
    execs=$(grep -Eo 'number_of_executed_units: *[0-9]+' "$dir/log" | grep -Eo '[0-9]+$')
    rate=$(grep -Eo 'average_exec_per_sec: *[0-9]+' "$dir/log" | grep -Eo '[0-9]+$')
    last=$(grep -E '^#[0-9]+.*cov:' "$dir/log" | tail -n1)
    cov=$(grep -Eo 'cov: [0-9]+' <<<"$last" | grep -Eo '[0-9]+')
    ft=$(grep -Eo 'ft: [0-9]+' <<<"$last" | grep -Eo '[0-9]+')
    corpus=$(ls "$dir/corpus" | wc -l)
    crashes=$(ls "$dir" | grep -Ec '^(crash|leak|timeout|oom)-')
    [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ] && crashes="rc=$rc"
    printf '%-26s %10s %8s %6s %6s %7s %7s\n' "$name" "${execs:-?}" \
      "${rate:-?}" "${cov:-?}" "${ft:-?}" "$corpus" "$crashes"
    [ "$crashes" = 0 ] || total_crashes=$((total_crashes + 1))
  done
done
echo "configurations with crashes: $total_crashes (logs in $out)"
[ "$total_crashes" -eq 0 ]
