#!/usr/bin/env bash
#===- test/preload/system-programs.sh - Unmodified programs preloaded -----===#
#
# Runs unmodified system programs (python3 on Inputs/workload.py, sqlite3 on
# the script of Inputs/gen-sql.sh, sort and awk on generated text) with and
# without LD_PRELOAD=libtypeslab.so in one mode, and fails unless stdout and
# the exit status are the same and the library was in use: the runtime's
# slabinfo dump at exit (TYPESLAB_SLABINFO=1) names the mode chosen from the
# environment, or, for sort and awk, whose exit handlers close stderr
# first, the dynamic linker bound their malloc to it (LD_DEBUG=bindings).
#   system-programs.sh LIBTYPESLAB.so MODE PYTHON3
#===------------------------------------------------------------------------===#
set -u
lib=$1 mode=$2 python=$3
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$here/Inputs/gen-sql.sh" >"$tmp/script.sql"
"$python" -c '
import random
r = random.Random(4)
for i in range(60000):
    print(" ".join(str(r.randint(0, 5000)) for _ in range(r.randint(1, 8))))
' >"$tmp/text"

fail=0
run() { # NAME PROOF COMMAND...: the preloaded run against the plain one;
        # PROOF: slabinfo or bindings.
  local name=$1 proof=$2
  shift 2
  "$@" >"$tmp/want" 2>/dev/null
  local want_rc=$?
  local debug=()
  [ "$proof" = bindings ] && debug=(LD_DEBUG=bindings LD_DEBUG_OUTPUT="$tmp/ld")
  rm -f "$tmp"/ld.*
  env TYPESLAB_MODE="$mode" TYPESLAB_SLABINFO=1 LD_PRELOAD="$lib" "${debug[@]}" \
    "$@" >"$tmp/got" 2>"$tmp/err"
  local rc=$?
  if [ "$rc" -ne "$want_rc" ]; then
    echo "$name ($mode): exit status $rc, want $want_rc"; fail=1
  fi
  if ! cmp -s "$tmp/want" "$tmp/got"; then
    echo "$name ($mode): output differs"; diff "$tmp/want" "$tmp/got" | head -20
    fail=1
  fi
  if [ "$proof" = slabinfo ] &&
     ! grep -qx "# typeslab slabinfo, mode $mode" "$tmp/err"; then
    echo "$name ($mode): no slabinfo dump for mode $mode: libtypeslab.so not in use?"
    head -5 "$tmp/err"; fail=1
  fi
  if [ "$proof" = bindings ] &&
     ! cat "$tmp"/ld.* 2>/dev/null | grep -q "libtypeslab.so \[0\]: normal symbol \`malloc'"; then
    echo "$name ($mode): malloc not bound to libtypeslab.so"; fail=1
  fi
  [ -s "$tmp/want" ] || { echo "$name: empty output"; fail=1; }
}

run python3 slabinfo "$python" "$here/Inputs/workload.py"
run sqlite3 slabinfo sqlite3 :memory: -init /dev/null -cmd ".read $tmp/script.sql" .quit
run sort bindings sort -n -k2 -k1 "$tmp/text"
run awk bindings awk '{ for (i = 1; i <= NF; i++) n[$i]++ } END { for (w in n) if (n[w] > 60) print w, n[w] }' "$tmp/text"
[ "$fail" -eq 0 ] && echo "system programs ($mode): ok"
exit "$fail"
