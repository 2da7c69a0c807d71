#!/usr/bin/env bash
# expect_output.sh EXPECTED_STATUS REGEX PROGRAM ARGS...
# Runs PROGRAM, then checks its exit status and that some line of its
# stdout or stderr matches REGEX in full (grep -E -x).
set -u
want_status=$1 regex=$2
shift 2
out=$(mktemp)
"$@" >"$out" 2>&1
status=$?
ok=1
[ "$status" -eq "$want_status" ] || { echo "exit status $status, want $want_status"; ok=0; }
grep -Eqx "$regex" "$out" || { echo "no line matches: $regex"; ok=0; }
[ $ok -eq 1 ] || { echo "--- output:"; cat "$out"; }
rm -f "$out"
[ $ok -eq 1 ]
