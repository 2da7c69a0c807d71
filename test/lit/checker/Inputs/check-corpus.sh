#!/usr/bin/env bash
# Runs the checker over the listed files of the kernel corpus, compiled
# with the flags of its build.sh, and prints each diagnostic line
# (file:line:col: level: message).
#   check-corpus.sh CLANG CHECKER_PLUGIN CORPUS_DIR TYPESLAB_INCLUDE FILE_LIST
#                   [ARGS...]
set -euo pipefail
cc=$1 plugin=$2 corpus=$3 include=$4 list=$(cd "$(dirname "$5")" && pwd)/$(basename "$5")
shift 5
cd "$corpus"
while read -r src; do
  "$cc" -O2 -std=gnu11 -Wall -I"$corpus/include" -I"$corpus" -I"$include" \
    -fsyntax-only -fno-color-diagnostics -fplugin="$plugin" "$@" "$src" 2>&1 |
    grep -E '^[^ ]+:[0-9]+:[0-9]+: (warning|error|remark|note): ' || true
done < "$list"
