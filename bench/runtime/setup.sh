#!/bin/sh
# bench/runtime/setup.sh - install the allocators and tools the runtime
# benchmarks compare against: Debian's jemalloc and mimalloc, and valgrind
# for callgrind instruction counts. Nothing else is downloaded.
set -eu
need=""
for p in libjemalloc-dev libmimalloc-dev valgrind; do
  dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"
done
[ -z "$need" ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need
