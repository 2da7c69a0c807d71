#!/usr/bin/env bash
#===- bench/kernel/run.sh - typeslab and clang 22 on real Linux 6.12 code -===#
#
# Builds a fixed subset of Debian's linux-source-6.12 (x86_64 defconfig,
# LLVM=-22) with the typeslab plugin in report-only mode, the IR verifier on,
# and -fsanitize=alloc-token in the same compile, so that every site record
# carries clang 22's own verdict (its !alloc_token metadata) next to
# typeslab's. Then prints the comparison table (table.py).
#
#   bench/kernel/setup.sh            # once: linux-source-6.12 + build deps
#   bench/kernel/run.sh [BUILD_DIR]  # BUILD_DIR: typeslab build (./build)
#
# Kernel sources and objects live under $KBUILD (default /work/kbuild),
# never in the repository. The plugin is copied there first, so rebuilding
# typeslab during a kernel build cannot mix two versions.
#===------------------------------------------------------------------------===#
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=$(cd "${1:-${TYPESLAB_BUILD_DIR:-$top/build}}" && pwd)
kbuild=${KBUILD:-/work/kbuild}
ksrc=$kbuild/linux-source-6.12
sites=$kbuild/sites
jobs=${JOBS:-2}
# The fixed subset (stated in RESULTS.md).
subset=(mm/ fs/ext4/ net/core/ block/ drivers/base/)

[ -f "$build/lib/TypeslabPass.so" ] || {
  echo "build typeslab first: $build/lib/TypeslabPass.so missing" >&2; exit 1; }
mkdir -p "$kbuild"
if [ ! -d "$ksrc" ]; then
  tar -C "$kbuild" -xf /usr/src/linux-source-6.12.tar.xz
fi
cd "$ksrc"
[ -f .config ] || make LLVM=-22 defconfig >/dev/null

plugin=$kbuild/TypeslabPass.so
# The pass loads its front-end half from its own folder: copy both.
cp "$build/lib/TypeslabPass.so" "$build/lib/TypeslabFrontend.so" "$kbuild/"
cp "$here/kernel-6.12.json" "$kbuild/kernel-6.12.json"
kcflags="-fpass-plugin=$plugin -mllvm -typeslab-report-only \
-mllvm -typeslab-sites=$sites -mllvm -typeslab-verify \
-mllvm -typeslab-spec=$kbuild/kernel-6.12.json -fsanitize=alloc-token"

# Objects of the subset are rebuilt every time: the flags do not change when
# the plugin does, so kbuild would otherwise keep stale objects.
find "${subset[@]}" -name '*.o' -delete
rm -rf "$sites"
start=$(date +%s)
nice -n 10 make LLVM=-22 -j"$jobs" KCFLAGS="$kcflags" "${subset[@]}" \
  > "$kbuild/build.log" 2>&1 || {
  echo "kernel build failed; see $kbuild/build.log" >&2
  grep -E "error|Error" "$kbuild/build.log" | head -20 >&2; exit 1; }
echo "kernel subset built in $(( $(date +%s) - start )) s: ${subset[*]}"
if grep -qiE "typeslab: .*(verifier|rejected)|PLEASE submit a bug" "$kbuild/build.log"; then
  echo "verifier failure or crash; see $kbuild/build.log" >&2; exit 1
fi
python3 "$here/table.py" "$sites"
