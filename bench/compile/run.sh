#!/usr/bin/env bash
#===- bench/compile/run.sh - Compile-time cost of the typeslab plugin -----===#
#
# Counts instructions (callgrind, so the ratio does not depend on machine
# noise) of clang-22 -O2 -c with and without the plugin, side by side:
#   * a generated kernel-style TU of N drivers (gen_tu.py N; default 100:
#     ~2,500 lines, 400 allocation sites);
#   * every file of test/kernel-corpus, compiled by one clang -c invocation
#     (the driver runs each cc1 in process, so one callgrind run covers all).
# Configurations: plain clang; the plugin in report-only mode (inference,
# remarks and records, no rewrite); hash tokens; descriptor tokens.
#   bench/compile/run.sh [N]
# TYPESLAB_BUILD_DIR picks the build (default build/); CONFIGS a subset of
# the configurations, e.g. CONFIGS="plain descriptor".
#===------------------------------------------------------------------------===#
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
n=${1:-100}
clang=/usr/lib/llvm-22/bin/clang
plugin=${TYPESLAB_BUILD_DIR:-$top/build}/lib/TypeslabPass.so
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v valgrind >/dev/null || { echo "needs valgrind" >&2; exit 1; }
[ -f "$plugin" ] || { echo "build first: $plugin missing" >&2; exit 1; }

declare -A flags=(
  [plain]=""
  [report-only]="-fpass-plugin=$plugin -mllvm -typeslab-report-only"
  [hash]="-fpass-plugin=$plugin -mllvm -typeslab-tokens=hash"
  [descriptor]="-fpass-plugin=$plugin"
)
read -r -a order <<< "${CONFIGS:-plain report-only hash descriptor}"
[ "${order[0]}" = plain ] || { echo "CONFIGS must start with plain" >&2; exit 1; }

# Instructions of one compile, the driver and cc1 together.
count() {
  local out=$work/cg.$RANDOM
  # shellcheck disable=SC2086
  valgrind --tool=callgrind --trace-children=yes --callgrind-out-file="$out.%p" \
    "$clang" -O2 "$@" >/dev/null 2>&1
  cat "$out".* | awk '/^totals:/ {s += $2} END {print s}'
  rm -f "$out".*
}

python3 "$here/gen_tu.py" "$n" > "$work/big.c"
echo "# generated TU: $(wc -l < "$work/big.c") lines, N=$n"
declare -A big
for c in "${order[@]}"; do
  # shellcheck disable=SC2086
  big[$c]=$(count ${flags[$c]} -c -o "$work/o.o" "$work/big.c")
done
corpus=$top/test/kernel-corpus
mapfile -t srcs < <(sed "s|^|$corpus/|" "$corpus/SOURCES")
echo "# corpus: ${#srcs[@]} files of test/kernel-corpus"
declare -A corp
mkdir -p "$work/objs"
for c in "${order[@]}"; do
  # shellcheck disable=SC2086
  corp[$c]=$(cd "$work/objs" && count ${flags[$c]} -std=gnu11 \
    -I"$corpus/include" -I"$corpus" -I"$top/include" -c "${srcs[@]}")
done

printf '%-12s %16s %8s %16s %8s\n' config "generated TU" ratio "corpus (sum)" ratio
for c in "${order[@]}"; do
  printf '%-12s %16s %8s %16s %8s\n' "$c" "${big[$c]}" \
    "$(python3 -c "print('%.4f' % (${big[$c]} / ${big[plain]}))")" \
    "${corp[$c]}" \
    "$(python3 -c "print('%.4f' % (${corp[$c]} / ${corp[plain]}))")"
done
