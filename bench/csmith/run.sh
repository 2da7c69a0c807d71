#!/usr/bin/env bash
#===- bench/csmith/run.sh - The long csmith differential run ---------------===#
#
# Runs test/csmith/differential.sh over a long fixed seed range (default
# 1..1000, at least 1,000 programs) at low priority, keeps the files of any
# failing seed, appends each seed's verdict to a log as it finishes (so that
# an interrupted run still has its figures), and prints the summary line and
# the wall time. The figures go in bench/csmith/RESULTS.md.
#   bench/csmith/run.sh [FIRST LAST]      (build: $TYPESLAB_BUILD_DIR or build/)
#   TYPESLAB_CSMITH_JOBS=2, TYPESLAB_CSMITH_TIMEOUT=5 (CPU seconds) by default
#===------------------------------------------------------------------------===#
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${TYPESLAB_BUILD_DIR:-$root/build}
first=${1:-1} last=${2:-1000}
keep=${TYPESLAB_CSMITH_KEEP:-$build/csmith-failures}
log=${TYPESLAB_CSMITH_LOG:-$build/csmith-verdicts.log}
: >"$log"
start=$(date +%s)
TYPESLAB_BUILD_DIR=$build nice -n 19 "$root/test/csmith/differential.sh" \
  -j "${TYPESLAB_CSMITH_JOBS:-2}" -t "${TYPESLAB_CSMITH_TIMEOUT:-5}" \
  --keep "$keep" --log "$log" "$first" "$last"
rc=$?
echo "csmith: wall time $(($(date +%s) - start)) s; $(clang-22 --version | head -n1)"
exit $rc
