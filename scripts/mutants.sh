#!/usr/bin/env bash
#===- scripts/mutants.sh - Check that the tests kill known mutants --------===#
#
# Applies each small source mutation of test/mutants/*.patch, one at a time,
# to a scratch git worktree of the committed HEAD, rebuilds it incrementally
# and runs only the tests the patch names. A mutant is killed when one of
# those tests fails; it survives when all pass. Every surviving mutant, and
# every patch that no longer applies or no longer builds, is reported; the
# script exits 1 if there is any. Not part of scripts/test.sh or .ci/run.
#   scripts/mutants.sh                 # every mutant
#   scripts/mutants.sh NAME...         # some (NAME = patch file, no .patch)
#   scripts/mutants.sh --list          # the mutants and their tests
#
# A patch names its tests in its header, before the diff:
#   Mutant: one line saying what the mutation breaks
#   Kills: lit:pass/foo.c lit:report/bar.test ctest:runtime-misuse-double-free
#   Build: rt-misuse     (optional: the ninja targets those tests need)
# lit: paths are under test/lit; ctest: names are exact test names. Without
# Build:, a mutant naming only lit tests builds the plugins and the runtime
# library, and one naming ctest tests builds everything (the fuzzer too).
#
# The worktree (with its build/) lives in $TYPESLAB_MUTANTS_DIR (default
# build-mutants/ in the checkout) and is reused, so a rerun only rebuilds
# what the patches touch; with ccache installed, reverting a mutant is a
# cache hit. TYPESLAB_JOBS sets ninja's and lit's -j (default 2).
# Commit first: the mutants, the tests and the code are taken from HEAD.
#===------------------------------------------------------------------------===#
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${TYPESLAB_MUTANTS_DIR:-$root/build-mutants}
jobs=${TYPESLAB_JOBS:-2}
lit=/usr/lib/llvm-22/bin/lit
src=$work/src
build=$src/build    # as build/ in the checkout: ccache can share objects
log=$work/log
mutants=$src/test/mutants

header() { sed -n "s/^$1: *//p;/^diff --git/q" "$2" | head -n1; }

if [ "${1:-}" = --list ]; then
  for p in "$root"/test/mutants/*.patch; do
    printf '%-28s %s\n    %s\n' "$(basename "$p" .patch)" \
      "$(header Mutant "$p")" "$(header Kills "$p")"
  done
  exit 0
fi

# The scratch worktree, at HEAD and clean.
mkdir -p "$work" "$log"
head=$(git -C "$root" rev-parse HEAD) || exit 1
if [ ! -e "$src/.git" ]; then
  git -C "$root" worktree add -q --detach "$src" "$head" || exit 1
fi
git -C "$src" checkout -q --detach -f "$head" || exit 1
git -C "$src" reset -q --hard && git -C "$src" clean -qfd || exit 1

# build_tree LOG [TARGET...]
build_tree() {
  local out=$1
  shift
  nice -n 15 ninja -C "$build" -j"$jobs" "$@" >"$out" 2>&1
}
lit_targets=(TypeslabPass TypeslabFrontend KmallocObjChecker typeslab_runtime)
# The targets a mutant's tests need, from its Build: line or its Kills: kinds.
targets_of() {
  local b
  b=$(header Build "$1")
  if [ -n "$b" ]; then
    echo "$b"
  elif ! header Kills "$1" | grep -q 'ctest:'; then
    echo "${lit_targets[*]}"
  fi
}
# With ccache, reverting a mutant costs a cache hit, and a checkout whose
# build/ used ccache too (same relative layout) seeds the first build.
launch=()
if command -v ccache >/dev/null; then
  launch=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root} CCACHE_NOHASHDIR=1
fi
if [ ! -f "$build/build.ninja" ]; then
  cmake -G Ninja -S "$src" -B "$build" "${launch[@]}" >"$log/cmake.log" 2>&1 ||
    { cat "$log/cmake.log"; exit 1; }
fi

# run_tests LOG SPEC...: runs the named tests; 0 when all pass.
run_tests() {
  local out=$1 spec lits=() cts=() rc=0
  shift
  for spec in "$@"; do
    case $spec in
      lit:*) lits+=("$build/test/lit/${spec#lit:}") ;;
      ctest:*) cts+=("${spec#ctest:}") ;;
      *) echo "bad test spec '$spec'" >>"$out"; return 2 ;;
    esac
  done
  : >"$out"
  if [ ${#lits[@]} -gt 0 ]; then
    nice -n 15 "$lit" -v -j"$jobs" "${lits[@]}" >>"$out" 2>&1 || rc=1
  fi
  if [ ${#cts[@]} -gt 0 ]; then
    local re
    re="^($(printf '%s|' "${cts[@]}" | sed 's/|$//'))\$"
    (cd "$build" && nice -n 15 ctest -j"$jobs" --output-on-failure -R "$re") \
      >>"$out" 2>&1 || rc=1
    # A name that matches no test must not pass as "all passed".
    local n
    n=$(cd "$build" && ctest -N -R "$re" | sed -n 's/^Total Tests: //p')
    [ "${n:-0}" -eq ${#cts[@]} ] ||
      { echo "ctest: ${n:-0} of ${#cts[@]} named tests exist" >>"$out"; rc=2; }
  fi
  return $rc
}

# The failing tests of a log, one per line.
failures() {
  { grep -Eo '^(FAIL|UNRESOLVED|TIMEOUT): typeslab :: [^ ]+' "$1" |
      sed 's/.*:: /lit:/'
    grep -Eo '^[[:space:]]*[0-9]+ - [^ ]+ \(' "$1" | awk '{print "ctest:" $3}'
  } | sort -u | tr '\n' ' '
}

if [ $# -gt 0 ]; then
  patches=()
  for n in "$@"; do patches+=("$mutants/$n.patch"); done
else
  patches=("$mutants"/*.patch)
fi

# The unmutated tree: the targets every selected mutant needs, or all.
base_targets=()
for p in "${patches[@]}"; do
  [ -f "$p" ] || { echo "mutants: no such mutant: $p"; exit 1; }
  read -ra t <<<"$(targets_of "$p")"
  [ ${#t[@]} -gt 0 ] || { base_targets=(all); break; }
  base_targets+=("${t[@]}")
done
mapfile -t base_targets < <(printf '%s\n' "${base_targets[@]}" | sort -u)
echo "mutants: building the unmutated tree in $build"
build_tree "$log/base-build.log" "${base_targets[@]}" ||
  { tail -n 30 "$log/base-build.log"; echo "mutants: HEAD does not build"; exit 1; }
# Every named test must pass on the unmutated tree, or a kill means nothing.
all_specs=()
for p in "${patches[@]}"; do
  read -ra k <<<"$(header Kills "$p")"
  all_specs+=("${k[@]}")
done
mapfile -t all_specs < <(printf '%s\n' "${all_specs[@]}" | sort -u)
echo "mutants: running the ${#all_specs[@]} named tests on the unmutated tree"
run_tests "$log/base-tests.log" "${all_specs[@]}" || {
  echo "mutants: the unmutated tree fails: $(failures "$log/base-tests.log")"
  echo "mutants: see $log/base-tests.log"; exit 1; }

tried=0 killed=0 survived=() stale=()
for p in "${patches[@]}"; do
  name=$(basename "$p" .patch)
  read -ra k <<<"$(header Kills "$p")"
  tried=$((tried + 1))
  if [ ${#k[@]} -eq 0 ]; then
    stale+=("$name (no Kills: line)"); echo "STALE    $name: no Kills: line"; continue
  fi
  if ! git -C "$src" apply --check "$p" 2>"$log/$name.apply"; then
    stale+=("$name (no longer applies)")
    echo "STALE    $name: the patch no longer applies to HEAD:"
    sed 's/^/           /' "$log/$name.apply"
    continue
  fi
  git -C "$src" apply "$p"
  start=$SECONDS
  read -ra t <<<"$(targets_of "$p")"
  if ! build_tree "$log/$name.build" "${t[@]}"; then
    stale+=("$name (does not build)")
    echo "STALE    $name: the mutated tree does not build ($log/$name.build)"
  elif run_tests "$log/$name.tests" "${k[@]}"; then
    survived+=("$name")
    echo "SURVIVED $name: $(header Mutant "$p") ($((SECONDS - start)) s)"
  else
    killed=$((killed + 1))
    echo "killed   $name ($((SECONDS - start)) s) by: $(failures "$log/$name.tests")"
  fi
  git -C "$src" checkout -q -f -- . && git -C "$src" clean -qfd
done

echo "mutants: ${tried} tried, ${killed} killed, ${#survived[@]} survived, ${#stale[@]} stale"
for s in "${survived[@]}"; do echo "  survived: $s"; done
for s in "${stale[@]}"; do echo "  stale: $s"; done
[ ${#survived[@]} -eq 0 ] && [ ${#stale[@]} -eq 0 ]
