#!/usr/bin/env bash
#===- scripts/test.sh - Build typeslab and run every test -----------------===#
#
# The test command of the README and of .ci/run: installs what is missing,
# builds everything, runs the lit suites (pass, checker, report, corpus
# end-to-end) and the ctest suites (runtime), and ends with one summary line.
#   scripts/test.sh
#===------------------------------------------------------------------------===#
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TYPESLAB_BUILD_DIR:-$root/build}
jobs=${TYPESLAB_JOBS:-$(nproc)}

"$root/scripts/setup.sh" || exit 1
mkdir -p "$build"
cmake -G Ninja -S "$root" -B "$build" >"$build/cmake.log" 2>&1 ||
  { cat "$build/cmake.log"; exit 1; }
ninja -C "$build" -j"$jobs" || exit 1

lit_log=$(mktemp)
ctest_log=$(mktemp)
trap 'rm -f "$lit_log" "$ctest_log"' EXIT

/usr/lib/llvm-22/bin/lit -sv -j"$jobs" "$build/test/lit" 2>&1 | tee "$lit_log"
lit_rc=${PIPESTATUS[0]}
(cd "$build" && ctest --output-on-failure -j"$jobs") 2>&1 | tee "$ctest_log"
ctest_rc=${PIPESTATUS[0]}

# One closing line over both runners.
count() { grep -Eo "^ *$1 *: *[0-9]+" "$2" | grep -Eo '[0-9]+$' | head -n1; }
lit_pass=$(count Passed "$lit_log"); lit_pass=${lit_pass:-0}
lit_fail=0
for k in Failed Unresolved 'Timed Out' 'Unexpectedly Passed'; do
  n=$(count "$k" "$lit_log"); lit_fail=$((lit_fail + ${n:-0}))
done
ct_total=$(grep -Eo 'tests failed out of [0-9]+' "$ctest_log" | grep -Eo '[0-9]+$')
ct_fail=$(grep -Eo '[0-9]+ tests failed out of' "$ctest_log" | grep -Eo '^[0-9]+')
ct_total=${ct_total:-0}; ct_fail=${ct_fail:-0}
passed=$((lit_pass + ct_total - ct_fail))
failed=$((lit_fail + ct_fail))
if [ "$lit_rc" -ne 0 ] || [ "$ctest_rc" -ne 0 ]; then
  [ "$failed" -gt 0 ] || failed=1
fi
echo "typeslab: lit ${lit_pass} passed, ${lit_fail} failed; ctest $((ct_total - ct_fail)) passed, ${ct_fail} failed"
echo "summary: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
