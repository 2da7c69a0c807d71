#!/usr/bin/env bash
#===- test/kernel-corpus/build.sh - Build the corpus program ---------------===#
#
#   build.sh --out PROG [--cc CLANG] [--plugin TypeslabPass.so]
#            [--runtime libtypeslab_runtime.a] [--records DIR] [-- CFLAGS...]
#
# Compiles every file in SOURCES plus main.c against the corpus headers and
# links the runtime. With --plugin the pass rewrites allocator calls (and,
# with --records, writes site records to DIR); without it the binary is the
# plain, untyped build. Extra clang flags follow --.
#===------------------------------------------------------------------------===#
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
cc=/usr/lib/llvm-22/bin/clang out="" plugin="" runtime="" records=""
extra=()
while [ $# -gt 0 ]; do
  case $1 in
    --cc) cc=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --plugin) plugin=$2; shift 2 ;;
    --runtime) runtime=$2; shift 2 ;;
    --records) records=$2; shift 2 ;;
    --) shift; extra+=("$@"); break ;;
    *) echo "build.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[ -n "$out" ] || { echo "build.sh: --out is required" >&2; exit 2; }
[ -n "$runtime" ] || runtime=$top/build/lib/libtypeslab_runtime.a
# The compiles run from the corpus root: make every given path absolute.
abspath() { case $1 in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
out=$(abspath "$out")
runtime=$(abspath "$runtime")
[ -z "$plugin" ] || plugin=$(abspath "$plugin")
[ -z "$records" ] || records=$(abspath "$records")

flags=(-O2 -std=gnu11 -Wall -Werror -I"$here/include" -I"$here" -I"$top/include")
if [ -n "$plugin" ]; then
  flags+=(-fpass-plugin="$plugin")
  [ -z "$records" ] || flags+=(-mllvm -typeslab-sites="$records")
fi
flags+=("${extra[@]}")

objdir=$(mktemp -d)
trap 'rm -rf "$objdir"' EXIT
objs=()
# Relative paths, compiled from the corpus root, so records name
# drivers/net/... as a kernel build would.
cd "$here"
while read -r src; do
  obj=$objdir/$(echo "$src" | tr / _).o
  "$cc" "${flags[@]}" -c "$src" -o "$obj"
  objs+=("$obj")
done < <(cat SOURCES; echo main.c)
"$cc" -o "$out" "${objs[@]}" "$runtime" -lpthread
