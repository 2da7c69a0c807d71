#!/usr/bin/env bash
#===- scripts/run.sh - The main job: corpus -> plugin -> runtime -> report -===#
#
# Installs what is missing, builds typeslab, compiles the bundled kernel
# corpus with the pass (descriptor tokens, site records), runs it on the
# runtime in isolated mode with the isolation checks, and prints the text
# report of typed and untyped sites.
#   scripts/run.sh [--format text|json|sarif|html] [-o FILE]
#===------------------------------------------------------------------------===#
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TYPESLAB_BUILD_DIR:-$root/build}
jobs=${TYPESLAB_JOBS:-$(nproc)}

"$root/scripts/setup.sh"
mkdir -p "$build"
cmake -G Ninja -S "$root" -B "$build" >"$build/cmake.log" 2>&1 ||
  { cat "$build/cmake.log"; exit 1; }
ninja -C "$build" -j"$jobs" >"$build/ninja.log" 2>&1 ||
  { tail -50 "$build/ninja.log"; exit 1; }

out=$build/corpus
records=$out/records
rm -rf "$out"
mkdir -p "$out"
echo "== compiling test/kernel-corpus with the typeslab pass" >&2
"$root/test/kernel-corpus/build.sh" --cc /usr/lib/llvm-22/bin/clang \
  --plugin "$build/lib/TypeslabPass.so" \
  --runtime "$build/lib/libtypeslab_runtime.a" \
  --records "$records" --out "$out/corpus" >&2
echo "== running the corpus on the runtime (TYPESLAB_MODE=isolated)" >&2
TYPESLAB_MODE=isolated "$out/corpus" --check-isolation >&2
echo "== report" >&2
exec "$root/tools/typeslab-report" "$@" "$records"
