#!/usr/bin/env bash
# Runs the checker over every C file of the kernel corpus (found in the
# directory, not read from a list, so that no file can be left out),
# compiled with the flags of its build.sh, and prints each diagnostic line
# (file:line:col: level: message). With --list FILE it also writes the
# files it checked to FILE, one a line. It exits 1 when clang fails on any
# file (an error, a crash), after checking them all.
#   check-corpus.sh CLANG CHECKER_PLUGIN CORPUS_DIR TYPESLAB_INCLUDE
#                   [--list FILE] [ARGS...]
set -euo pipefail
cc=$1 plugin=$2 corpus=$3 include=$4
shift 4
list=/dev/null
if [ "${1:-}" = --list ]; then
  list=$2
  shift 2
fi
cd "$corpus"
mapfile -t sources < <(find . -name '*.c' | sed 's|^\./||' | LC_ALL=C sort)
printf '%s\n' "${sources[@]}" > "$list"
failed=0
for src in "${sources[@]}"; do
  status=0
  out=$("$cc" -O2 -std=gnu11 -Wall -I"$corpus/include" -I"$corpus" -I"$include" \
    -fsyntax-only -fno-color-diagnostics -fplugin="$plugin" "$@" "$src" 2>&1) ||
    status=$?
  # A file with no diagnostic prints nothing.
  printf '%s\n' "$out" |
    grep -E '^[^ ]+:[0-9]+:[0-9]+: (warning|error|remark|note): ' || true
  if [ "$status" -ne 0 ]; then
    echo "check-corpus.sh: $src: clang exited with status $status" >&2
    failed=1
  fi
done
exit "$failed"
