#!/usr/bin/env bash
# Runs the checker over every C file of the kernel corpus (found in the
# directory, not read from a list, so that no file can be left out),
# compiled with the flags of its build.sh, and prints each diagnostic line
# (file:line:col: level: message). With --list FILE it also writes the
# files it checked to FILE, one a line.
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
for src in "${sources[@]}"; do
  "$cc" -O2 -std=gnu11 -Wall -I"$corpus/include" -I"$corpus" -I"$include" \
    -fsyntax-only -fno-color-diagnostics -fplugin="$plugin" "$@" "$src" 2>&1 |
    grep -E '^[^ ]+:[0-9]+:[0-9]+: (warning|error|remark|note): ' || true
done
