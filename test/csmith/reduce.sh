#!/usr/bin/env bash
#===- test/csmith/reduce.sh - Reduce a failing csmith seed with creduce ----===#
#
# Takes the heap.c of a seed that differential.sh reported (kept with
# --keep DIR, in DIR/<seed>/heap.c) and shrinks it with creduce while it
# still fails the same way, so that it can become a lit regression test in
# test/lit/csmith/. The failure kinds:
#
#   compile   clang with the plugin exits with an error or crashes
#   run       the program built with the plugin crashes, or prints something
#             other than the same program built without it
#
# To keep creduce from trading the bug for undefined behaviour, a candidate
# is interesting only if the build without the plugin has no warning that
# signals UB and runs cleanly under ASan and UBSan.
#
#   test/csmith/reduce.sh [--pass SO] [--runtime A] [--mode M] heap.c reduced.c
#     --mode M   the TYPESLAB_MODE to run in (default isolated)
#===------------------------------------------------------------------------===#
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${TYPESLAB_BUILD_DIR:-$here/../../build}
pass=$build/lib/TypeslabPass.so
runtime=$build/lib/libtypeslab_runtime.a
mode=isolated
while [ $# -gt 0 ]; do
  case $1 in
  --pass) pass=$(realpath "$2"); shift 2 ;;
  --runtime) runtime=$(realpath "$2"); shift 2 ;;
  --mode) mode=$2; shift 2 ;;
  -*) sed -n '/^#   test\/csmith\/reduce/,/^#     --mode/p' "$0" >&2; exit 2 ;;
  *) break ;;
  esac
done
[ $# -eq 2 ] || { echo "usage: reduce.sh [options] heap.c reduced.c" >&2; exit 2; }
command -v creduce >/dev/null || { echo "reduce.sh: install creduce" >&2; exit 2; }
src=$(realpath "$1") out=$(realpath -m "$2")
work=$(mktemp -d "${TMPDIR:-/tmp}/typeslab-reduce.XXXXXX")
trap '[ -n "${TYPESLAB_REDUCE_KEEP:-}" ] || rm -rf "$work"' EXIT
cp "$src" "$work/case.c"

# The interestingness test; its first argument is the failure kind to keep.
cat >"$work/interesting.sh" <<EOF
#!/usr/bin/env bash
kind=\${KIND:-\$1}
clang=${CLANG:-clang-22} inc=-I${CSMITH_INCLUDE:-/usr/include/csmith}
cc=(\$clang -w \$inc)
plugin=(-fpass-plugin=$pass -mllvm -typeslab-profile=libc -mllvm -typeslab-verify)
run() { (ulimit -t 5 && exec "\$@"); }
# No warning that signals undefined behaviour, and clean under the sanitizers.
\$clang \$inc -c -O0 -Wall -Wextra case.c -o /dev/null 2>warn.log || exit 1
grep -qE 'uninitialized|incompatible|without a cast|control reaches|return type|implicit|too (few|many)|out of bounds|undefined|division by zero|shift count' warn.log && exit 1
"\${cc[@]}" -O1 -fsanitize=address,undefined -fno-sanitize-recover=all case.c -o san 2>/dev/null || exit 1
run ./san >san.out 2>/dev/null || exit 1
if [ "\$kind" = compile ]; then
  ! "\${cc[@]}" -O2 "\${plugin[@]}" -c case.c -o typed.o 2>/dev/null
  exit
fi
"\${cc[@]}" -O2 "\${plugin[@]}" case.c $runtime -o typed 2>/dev/null || exit 1
"\${cc[@]}" -O2 case.c $runtime -o plain 2>/dev/null || exit 1
TYPESLAB_MODE=$mode run ./plain >plain.out 2>/dev/null || exit 1
cmp -s plain.out san.out || exit 1
TYPESLAB_MODE=$mode run ./typed >typed.out 2>/dev/null || exit 0
! cmp -s typed.out plain.out
EOF
chmod +x "$work/interesting.sh"

cd "$work" || exit 1
kind=
for k in compile run; do
  if ./interesting.sh "$k"; then kind=$k; break; fi
done
[ -n "$kind" ] || { echo "reduce.sh: $src does not fail (or is not clean without the plugin)" >&2; exit 1; }
echo "reduce.sh: reducing a '$kind' failure"
KIND=$kind creduce --n 2 ./interesting.sh case.c >creduce.log 2>&1 ||
  { tail -n 20 creduce.log >&2; exit 1; }
cp case.c "$out"
echo "reduce.sh: $(wc -l <case.c) lines in $out"
