#!/bin/sh
# bench/runtime/run.sh BUILD_DIR [ROUNDS] - the runtime benchmarks, as
# recorded in bench/runtime/RESULTS.md. Separate processes per allocator and
# mode, interleaved round by round (A B C ... A B C ...), medians per cell.
#   1. pairbench: ns per alloc/free pair, sizes 16..4096, 1 and 2 threads;
#   2. callgrind: instructions per tight pair (difference of two runs);
#   3. kernelwork: time and peak RSS of the 2,000-type workload.
# Writes raw lines to $OUT (default bench/runtime/out) and prints tables.
# Allocators: glibc, jemalloc, mimalloc, ts-MODE (the fast profile) and
# hard-MODE (the hardened profile, the runtime's default); ALLOCS="..."
# picks a subset, CG_SIZES="..." the callgrind sizes.
# BEFORE=OTHER_BUILD_DIR adds that build's runtime (an older commit, built
# with ninja bench-runtime) in none and isolated modes to every round, as
# was-none and was-isolated, for before/after figures measured together.
set -eu
B=${1:?usage: run.sh BUILD_DIR [ROUNDS]}
ROUNDS=${2:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${OUT:-$HERE/out}
mkdir -p "$OUT"
"$HERE/setup.sh"
ninja -C "$B" -j2 bench-runtime >/dev/null
PB=$B/bin/pairbench
KW=$B/bin/kernelwork
JE=libjemalloc.so.2

# run_alloc ID ARGS...: $WRAP $PROG <allocator> ARGS, set up for ID.
WRAP=""
run_alloc() {
  id=$1; shift
  case $id in
    glibc) $WRAP "$PROG" glibc "$@" ;;
    jemalloc) LD_PRELOAD=$JE $WRAP "$PROG" jemalloc "$@" ;;
    mimalloc) $WRAP "$PROG" mimalloc "$@" ;;
    ts-*) TYPESLAB_PROFILE=fast TYPESLAB_MODE=${id#ts-} $WRAP "$PROG" typeslab "$@" ;;
    hard-*) TYPESLAB_PROFILE=hardened TYPESLAB_MODE=${id#hard-} $WRAP "$PROG" typeslab "$@" ;;
    was-*) TYPESLAB_PROFILE=fast TYPESLAB_MODE=${id#was-} $WRAP "$BEFORE/bin/${PROG##*/}" typeslab "$@" ;;
  esac
}
ALLOCS=${ALLOCS:-"glibc jemalloc mimalloc ts-none ts-random ts-partitioned ts-isolated hard-none hard-isolated"}
BEFORE=${BEFORE:-}
if [ -n "$BEFORE" ]; then
  ninja -C "$BEFORE" -j2 bench-runtime >/dev/null
  ALLOCS="$ALLOCS was-none was-isolated"
fi

if [ "${SKIP_PAIRS:-0}" != 1 ]; then
  : >"$OUT/pairs.txt"
  for r in $(seq "$ROUNDS"); do
    for t in 1 2; do
      for a in $ALLOCS; do
        PROG=$PB run_alloc "$a" "$t" | sed "s/^[a-z]*/$a/" >>"$OUT/pairs.txt"
      done
    done
  done
fi

if [ "${SKIP_CALLGRIND:-0}" != 1 ]; then
  : >"$OUT/callgrind.txt"
  for s in ${CG_SIZES:-16 64 256 1024 4096}; do
    for a in $ALLOCS; do
      for n in 100000 200000; do
        PROG=$PB WRAP="valgrind --tool=callgrind --callgrind-out-file=/dev/null" \
          run_alloc "$a" 1 "$s" "$n" 2>&1 |
          sed -n "s/.*I *refs: *//p" | tr -d , |
          sed "s/^/$a $s $n /" >>"$OUT/callgrind.txt"
      done
    done
  done
fi 2>/dev/null

if [ "${SKIP_WORK:-0}" != 1 ]; then
  : >"$OUT/work.txt"
  for r in $(seq "$ROUNDS"); do
    for a in $ALLOCS; do
      PROG=$KW run_alloc "$a" | sed "s/^[a-z]* [a-z-]*/$a/" >>"$OUT/work.txt"
    done
  done
fi

python3 "$HERE/summarize.py" "$OUT"
