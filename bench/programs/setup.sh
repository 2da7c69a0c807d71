#!/usr/bin/env bash
#===- bench/programs/setup.sh - Debian sources of the real programs -------===#
#
# Adds a deb-src line for the Debian archive the machine already uses (the
# URIs and suites of /etc/apt/sources.list.d/debian.sources), installs what
# building and testing sqlite needs (tcl-dev for its testfixture; jemalloc
# and mimalloc for the comparison), and unpacks Debian's sqlite3 source
# with apt-get source into $TYPESLAB_PROGRAMS_DIR (default build/programs).
#   bench/programs/setup.sh
#===------------------------------------------------------------------------===#
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=${TYPESLAB_PROGRAMS_DIR:-$root/build/programs}
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo

src_list=/etc/apt/sources.list.d/typeslab-deb-src.sources
main=/etc/apt/sources.list.d/debian.sources
if [ ! -e "$src_list" ]; then
  [ -r "$main" ] || { echo "setup: no $main to take the archive from" >&2; exit 1; }
  # The first stanza (the main archive) with Types: deb-src.
  awk 'BEGIN { RS = ""; ORS = "\n\n" } NR == 1 { sub(/Types: deb/, "Types: deb-src"); print }' \
    "$main" | $SUDO tee "$src_list" >/dev/null
  $SUDO apt-get update -qq
fi
TYPESLAB_EXTRA_PACKAGES="tcl-dev libjemalloc2 libmimalloc2.0 libmimalloc-dev dpkg-dev" \
  "$root/scripts/setup.sh"

mkdir -p "$dir"
cd "$dir"
if ! ls -d sqlite3-*/ >/dev/null 2>&1; then
  apt-get source --download-only sqlite3 >/dev/null
  dpkg-source --no-check -x sqlite3_*.dsc >/dev/null
fi
ls -d "$dir"/sqlite3-*/
