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
#   bench/linux/run.sh [ROUNDS]        (default 3; ~1-2 minutes a boot, TCG)
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
for r in $(seq 1 "$rounds"); do
  for c in "${configs[@]}"; do
    mode=${c%%+*} extra=()
    [ "$c" = typed+sequester ] && extra=(-- typeslab.sequester=1)
    echo "== round $r: $c"
    "$root/scripts/kernel.sh" boot --mode "$mode" --no-kunit "${extra[@]}" \
      > "$out/$c.$r.log" 2>&1 || { echo "boot failed: $out/$c.$r.log" >&2; exit 1; }
  done
done
python3 "$here/summarize.py" "$out"
