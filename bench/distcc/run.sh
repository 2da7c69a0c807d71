#!/usr/bin/env bash
#===- bench/distcc/run.sh - distcc against a local build, every unit -------===#
#
# Compiles every unit of test/kernel-corpus/SOURCES through two distccd
# helpers on 127.0.0.1 and locally, with the flags of tools/typeslab-flags,
# and prints how many objects are identical byte for byte (site records
# included) and whether the reports of both builds agree. Not part of
# scripts/test.sh (minutes on a loaded machine); the test suite runs the same
# comparison on four units (test/lit/e2e/distcc-matches-local.test).
#   bench/distcc/run.sh [BUILD_DIR]
#===------------------------------------------------------------------------===#
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$top/build}
corpus=$top/test/kernel-corpus
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
chmod 755 "$out"
"$top/tools/typeslab-flags" --pass "$build/lib/TypeslabPass.so" \
  --root "$corpus" --build-dir "$corpus" > "$out/flags"
mapfile -t sources < "$corpus/SOURCES"
python3 "$top/test/lit/e2e/Inputs/distcc_compare.py" --cwd "$corpus" \
  --out "$out" --flags-file "$out/flags" "${sources[@]}" -- \
  -O2 -std=gnu11 -Wall -Werror -Iinclude -I. -I"$top/include"
"$top/tools/typeslab-report" "$out"/remote/*.o > "$out/remote.txt"
"$top/tools/typeslab-report" "$out"/local/*.o > "$out/local.txt"
if cmp -s "$out/remote.txt" "$out/local.txt"; then
  echo "reports identical: $(head -n1 "$out/remote.txt")"
else
  echo "reports differ"; diff "$out/remote.txt" "$out/local.txt" || true
fi
