#!/usr/bin/env bash
#===- test/csmith/differential.sh - Differential testing with csmith -------===#
#
# For every seed in FIRST..LAST: generate a program with csmith, move its
# globals to the heap (heapify.py: every global becomes a typed malloc,
# calloc or realloc site), and build it three ways at -O2:
#
#   ref      without the plugin, system malloc          (the reference)
#   plain    without the plugin, typeslab runtime linked
#   typed    with -fpass-plugin=TypeslabPass.so -mllvm -typeslab-profile=libc
#            -mllvm -typeslab-verify, typeslab runtime linked
#
# then runs ref once and plain and typed under each TYPESLAB_MODE (none,
# random, partitioned, isolated). Every run must exit 0 with empty stderr
# and print exactly what ref printed (csmith's checksum of all globals).
#
# A seed whose reference run needs more CPU time than the limit is skipped
# and counted (csmith programs may loop for a very long time). The limit is
# CPU time (ulimit -t), not wall time, so that a busy machine does not change
# which seeds are skipped. The variants get three times the limit (and a
# wall-clock backstop); a variant that exceeds it is a crash. A seed whose
# reference run fails is skipped and counted as a bad program if the program
# csmith wrote fails on its own too (csmith occasionally emits one that
# relies on an infinite loop, which clang may assume terminates), and is an
# error otherwise. A seed that csmith or heapify.py cannot handle is an error.
#
#   test/csmith/differential.sh [options] FIRST LAST
#     -j N          seeds in parallel (default 1)
#     -t SECONDS    reference CPU-time limit (default 5)
#     --min N       fail unless at least N programs were compared
#     --keep DIR    keep the files of every failing seed in DIR/<seed>/
#     --pass SO     the pass plugin   (default $TYPESLAB_BUILD_DIR/lib/TypeslabPass.so)
#     --runtime A   the runtime archive (default $TYPESLAB_BUILD_DIR/lib/libtypeslab_runtime.a)
#     --log FILE    append each seed's verdict line to FILE as it finishes
#     -v            one line per seed
#
# The last line is the summary, e.g.
#   csmith: seeds 1..60: 60 programs, 58 compared, 2 skipped (timeout),
#   0 skipped (bad program), 0 errors;
#   sites 3150 typed, 1050 untyped; 0 divergences, 0 crashes
# Exit status 0 only with no divergence, crash or error, and at least --min
# programs compared.
#===------------------------------------------------------------------------===#
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${TYPESLAB_BUILD_DIR:-$here/../../build}
jobs=1 timeout=5 min=0 keep= log= verbose=0
pass=$build/lib/TypeslabPass.so
runtime=$build/lib/libtypeslab_runtime.a
clang=${CLANG:-clang-22}
csmith=${CSMITH:-csmith}
csmith_include=${CSMITH_INCLUDE:-/usr/include/csmith}
modes="none random partitioned isolated"

usage() { sed -n '/^#   test\/csmith/,/^#     -v/p' "$0" | sed 's/^#//' >&2; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
  -j) jobs=$2; shift 2 ;;
  -j[0-9]*) jobs=${1#-j}; shift ;;
  -t) timeout=$2; shift 2 ;;
  --min) min=$2; shift 2 ;;
  --keep) keep=$2; shift 2 ;;
  --log) log=$2; shift 2 ;;
  --pass) pass=$2; shift 2 ;;
  --runtime) runtime=$2; shift 2 ;;
  -v) verbose=1; shift ;;
  -*) usage ;;
  *) break ;;
  esac
done
[ $# -eq 2 ] || usage
first=$1 last=$2
for f in "$pass" "$runtime" "$csmith_include/csmith.h"; do
  [ -e "$f" ] || { echo "differential.sh: missing $f" >&2; exit 2; }
done
command -v "$csmith" >/dev/null || { echo "differential.sh: no csmith" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/typeslab-csmith.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Runs one seed in $work/<seed>/ and writes its verdict to $work/<seed>.res:
#   <seed> <verdict> <typed sites> <untyped sites> <detail>
# with verdict ok, timeout, badprog, error, divergence or crash.
one_seed() {
  local seed=$1 d=$work/$1 verdict=ok detail= typed=0 untyped=0 rc
  mkdir -p "$d" && cd "$d" || return
  local cflags=(-O2 -w -I"$csmith_include")
  local plugin=(-fpass-plugin="$pass" -mllvm -typeslab-profile=libc
                -mllvm -typeslab-verify -Rpass=typeslab -Rpass-missed=typeslab)
  finish() {
    echo "$seed $verdict $typed $untyped $detail" >"$work/$seed.res"
    [ -z "$log" ] || cat "$work/$seed.res" >>"$log"
    if [ "$verdict" != ok ] && [ "$verdict" != timeout ] && [ -n "$keep" ]; then
      mkdir -p "$keep/$seed" && cp -r "$d"/. "$keep/$seed/"
    fi
    cd "$work" && rm -rf "$d"
  }
  if ! limited 60 "$csmith" -s "$seed" -o orig.c >csmith.log 2>&1; then
    verdict=error detail="csmith failed"; finish; return
  fi
  if ! python3 "$here/heapify.py" orig.c >heap.c 2>heapify.log; then
    verdict=error detail="heapify: $(head -c 200 heapify.log)"; finish; return
  fi
  if ! "$clang" "${cflags[@]}" -c heap.c -o ref.o 2>ref-cc.log ||
     ! "$clang" ref.o -o ref 2>>ref-cc.log ||
     ! "$clang" ref.o "$runtime" -o plain 2>>ref-cc.log; then
    verdict=error detail="reference build failed"; finish; return
  fi
  "$clang" "${cflags[@]}" "${plugin[@]}" -c heap.c -o typed.o 2>typed-cc.log
  rc=$?
  typed=$(grep -c 'remark: typed ' typed-cc.log)
  untyped=$(grep -c 'remark: untyped ' typed-cc.log)
  if [ $rc -ne 0 ] || grep -q 'error:' typed-cc.log ||
     ! "$clang" typed.o "$runtime" -o typed 2>>typed-cc.log; then
    verdict=crash detail="compiling with the plugin failed (status $rc)"
    finish; return
  fi
  limited "$timeout" ./ref >ref.out 2>ref.err
  rc=$?
  if [ $rc -eq 124 ] || [ $rc -eq $((128 + 24)) ] || [ $rc -eq $((128 + 9)) ]; then
    verdict=timeout; finish; return
  fi
  if [ $rc -ne 0 ] || [ -s ref.err ]; then
    # Blame heapify.py only if the program csmith wrote runs cleanly.
    local orc
    "$clang" "${cflags[@]}" orig.c -o orig 2>/dev/null &&
      limited "$timeout" ./orig >orig.out 2>orig.err
    orc=$?
    if [ $orc -ne 0 ] || [ -s orig.err ]; then
      verdict=badprog
      detail="reference exited $rc, and csmith's own program exits $orc"
    else
      verdict=error detail="reference exited $rc"
    fi
    finish; return
  fi
  local m b
  for m in $modes; do
    for b in plain typed; do
      TYPESLAB_MODE=$m limited $((3 * timeout)) ./$b >$b-$m.out 2>$b-$m.err
      rc=$?
      if [ $rc -ne 0 ] || [ -s $b-$m.err ]; then
        verdict=crash
        detail="$b in mode $m exited $rc: $(head -c 200 $b-$m.err)"
        finish; return
      fi
      if ! cmp -s ref.out $b-$m.out; then
        verdict=divergence
        detail="$b in mode $m: $(tail -n1 $b-$m.out) vs $(tail -n1 ref.out)"
        finish; return
      fi
    done
  done
  finish
}
# Runs a program with at most $1 seconds of CPU time (SIGXCPU, status 152)
# and, as a backstop on a loaded machine, 20 times that in wall time (124).
limited() {
  local cpu=$1; shift
  (ulimit -t "$cpu" && exec timeout $((20 * cpu)) "$@")
}
export -f one_seed limited
export work here keep log clang csmith csmith_include pass runtime timeout modes

seq "$first" "$last" | xargs -P "$jobs" -I{} bash -c 'one_seed {}'

programs=0 compared=0 skipped=0 bad=0 errors=0 divergences=0 crashes=0
typed=0 untyped=0
for seed in $(seq "$first" "$last"); do
  programs=$((programs + 1))
  if [ ! -f "$work/$seed.res" ]; then
    errors=$((errors + 1)); echo "seed $seed: no result"; continue
  fi
  read -r s verdict t u detail <"$work/$seed.res"
  typed=$((typed + t)) untyped=$((untyped + u))
  case $verdict in
  ok) compared=$((compared + 1)) ;;
  timeout) skipped=$((skipped + 1)) ;;
  badprog) bad=$((bad + 1)) ;;
  error) errors=$((errors + 1)) ;;
  divergence) divergences=$((divergences + 1)) ;;
  crash) crashes=$((crashes + 1)) ;;
  esac
  if [ "$verdict" != ok ] || [ $verbose -eq 1 ]; then
    echo "seed $seed: $verdict ($t typed, $u untyped)${detail:+: $detail}"
  fi
done
echo "csmith: seeds $first..$last: $programs programs, $compared compared," \
  "$skipped skipped (timeout), $bad skipped (bad program), $errors errors;" \
  "sites $typed typed, $untyped untyped; $divergences divergences, $crashes crashes"
[ $((errors + divergences + crashes)) -eq 0 ] && [ "$compared" -ge "$min" ]
