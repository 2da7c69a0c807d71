#!/usr/bin/env bash
#===- bench/programs/run.sh - sqlite's speedtest1 on every allocator -----===#
#
# Time and peak RSS of Debian's sqlite 3.40.1 speedtest1 (built by build.sh)
# under glibc, jemalloc and mimalloc (LD_PRELOAD of the Debian packages),
# libtypeslab.so preloaded in the four modes, and the build typed through
# the pass (libc profile) linked with the runtime archive, isolated.
# Separate processes, interleaved round by round (every configuration once
# per round), ROUNDS rounds (default 3); prints the median of each.
#   bench/programs/run.sh BUILD_DIR [ROUNDS] [SPEEDTEST1 ARGS...]
#===------------------------------------------------------------------------===#
set -euo pipefail
B=$(cd "${1:?usage: run.sh BUILD_DIR [ROUNDS] [ARGS...]}" && pwd)
ROUNDS=${2:-3}
shift $(( $# >= 2 ? 2 : 1 ))
ARGS=("$@")
[ ${#ARGS[@]} -gt 0 ] || ARGS=(--size 25)
P=$B/programs
PLAIN=$P/sqlite-plain/speedtest1
TYPED=$P/sqlite-typed/speedtest1
LIB=$B/lib/libtypeslab.so
JE=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2
MI=/usr/lib/x86_64-linux-gnu/libmimalloc.so.2
for f in "$PLAIN" "$TYPED" "$LIB" "$JE" "$MI"; do
  [ -e "$f" ] || { echo "run.sh: missing $f (bench/programs/build.sh)" >&2; exit 1; }
done
configs=(glibc jemalloc mimalloc preload-none preload-random
         preload-partitioned preload-isolated typed-isolated)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
db=$out/speedtest1.db

run() { # CONFIG: one run, appends "seconds peak_kib" to $out/CONFIG
  local c=$1 env=() prog=$PLAIN
  case $c in
    jemalloc) env=(LD_PRELOAD=$JE) ;;
    mimalloc) env=(LD_PRELOAD=$MI) ;;
    preload-*) env=(LD_PRELOAD=$LIB TYPESLAB_MODE=${c#preload-}) ;;
    typed-isolated) env=(TYPESLAB_MODE=isolated); prog=$TYPED ;;
  esac
  rm -f "$db"
  env "${env[@]}" /usr/bin/time -f "%e %M" -o "$out/t" \
    "$prog" "${ARGS[@]}" "$db" >/dev/null
  cat "$out/t" >>"$out/$c"
}

for r in $(seq "$ROUNDS"); do
  for c in "${configs[@]}"; do run "$c"; done
done
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
g_t=$(cut -d' ' -f1 "$out/glibc" | median)
g_m=$(cut -d' ' -f2 "$out/glibc" | median)
printf '%-20s %9s %9s %12s %9s\n' config "time (s)" "vs glibc" "peak RSS KiB" "vs glibc"
for c in "${configs[@]}"; do
  t=$(cut -d' ' -f1 "$out/$c" | median)
  m=$(cut -d' ' -f2 "$out/$c" | median)
  printf '%-20s %9s %9.3f %12s %9.3f\n' "$c" "$t" "$(echo "$t / $g_t" | bc -l)" \
    "$m" "$(echo "$m / $g_m" | bc -l)"
done
echo "speedtest1 ${ARGS[*]}, $ROUNDS rounds, medians; commit $(git -C "$(dirname "$0")" rev-parse --short HEAD)"
