#!/usr/bin/env bash
#===- bench/linux/run.sh - One kernel image in every typeslab mode --------===#
#
# Boots the image of `scripts/kernel.sh build` in the modes none, random,
# partitioned, typed and typed with sequestered slab pages, interleaved
# (one boot of each per round, ROUNDS rounds), each running the workload
# (bench/linux/workload.c) with KUnit off, and prints the medians and their
# ratios against none: time to init, Slab and SUnreclaim after boot and
# after the workload, slab caches, workload time.
#
# QEMU runs with -icount (scripts/kernel.sh boot --icount): the guest's
# clock counts executed instructions, so its times are repeatable whatever
# the host is doing (two boots of one mode agree within about 1%), as
# callgrind counts are. They count instructions, not cache or TLB misses.
# TYPESLAB_BENCH_WALL=1 boots without -icount, for wall-clock times.
#
#   bench/linux/run.sh [ROUNDS]        (default 3; ~20-40 s a boot, TCG)
#   python3 bench/linux/summarize.py $TYPESLAB_KBUILD/bench   (again)
#===------------------------------------------------------------------------===#
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
kb=${TYPESLAB_KBUILD:-$(cd "$root/.." && pwd)/kbuild}
rounds=${1:-3}
out=$kb/bench
rm -rf "$out"; mkdir -p "$out"
configs=(none random partitioned typed typed+sequester)
icount=--icount; [ "${TYPESLAB_BENCH_WALL:-0}" = 1 ] && icount=
for r in $(seq 1 "$rounds"); do
  for c in "${configs[@]}"; do
    mode=${c%%+*} extra=()
    [ "$c" = typed+sequester ] && extra=(-- typeslab.sequester=1)
    echo "== round $r: $c"
    "$root/scripts/kernel.sh" boot --mode "$mode" --no-kunit $icount "${extra[@]}" \
      > "$out/$c.$r.log" 2>&1 || { echo "boot failed: $out/$c.$r.log" >&2; exit 1; }
  done
done
python3 "$here/summarize.py" "$out"
