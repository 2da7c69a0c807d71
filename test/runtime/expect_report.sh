#!/usr/bin/env bash
# expect_report.sh EXPECTED_STATUS REGEX PROGRAM ARGS...
# Runs PROGRAM, then checks its exit status (134 = abort, 139 = SIGSEGV) and
# that stderr is exactly one line matching REGEX (no line when REGEX is "").
set -u
want_status=$1 regex=$2
shift 2
err=$(mktemp)
"$@" 2>"$err" >/dev/null
status=$?
lines=$(wc -l <"$err")
ok=1
[ "$status" -eq "$want_status" ] || { echo "exit status $status, want $want_status"; ok=0; }
want_lines=1
[ -n "$regex" ] || want_lines=0
[ "$lines" -eq "$want_lines" ] || { echo "stderr has $lines lines, want $want_lines"; ok=0; }
[ -z "$regex" ] || grep -Eqx "$regex" "$err" || { echo "stderr does not match: $regex"; ok=0; }
[ $ok -eq 1 ] || { echo "--- stderr:"; cat "$err"; }
rm -f "$err"
[ $ok -eq 1 ]
