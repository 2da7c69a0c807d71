#!/usr/bin/env bash
#===- bench/programs/run-shell.sh - Debian's sqlite3 shell, preloaded -----===#
#
# Time and peak RSS of the unmodified Debian sqlite3 shell (3.40.1, -O2, on
# libsqlite3.so) running a generated allocation-heavy script (ROWS rows:
# inserts with strings, an index, a join, group by, updates, deletes) under
# glibc, jemalloc, mimalloc (LD_PRELOAD of the Debian packages) and
# libtypeslab.so in the four modes. Separate processes, interleaved round by
# round, ROUNDS rounds (default 3); prints the median of each.
#   bench/programs/run-shell.sh BUILD_DIR [ROUNDS] [ROWS]
#===------------------------------------------------------------------------===#
set -euo pipefail
B=$(cd "${1:?usage: run-shell.sh BUILD_DIR [ROUNDS] [ROWS]}" && pwd)
ROUNDS=${2:-3}
ROWS=${3:-200000}
LIB=$B/lib/libtypeslab.so
JE=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2
MI=/usr/lib/x86_64-linux-gnu/libmimalloc.so.2
for f in "$LIB" "$JE" "$MI" /usr/bin/sqlite3; do
  [ -e "$f" ] || { echo "run-shell.sh: missing $f" >&2; exit 1; }
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cat >"$out/script.sql" <<SQL
create table item(id integer primary key, name text, grp int, val real);
with recursive c(x) as (select 1 union all select x + 1 from c where x < $ROWS)
insert into item select x, printf('item-%08d-%s', x, substr('abcdefghijklmnopqrstuvwxyz', 1 + x % 26)),
  x % 997, (x * 7919) % 1000 / 10.0 from c;
create index item_name on item(name);
create table grp(id integer primary key, label text);
insert into grp select distinct grp, 'group ' || grp from item;
select count(*), sum(val) from item i join grp g on g.id = i.grp;
select grp, count(*), group_concat(substr(name, 1, 4)) from item group by grp order by 2 desc limit 3;
update item set name = upper(name) || '!' where id % 3 = 0;
delete from item where id % 5 = 0;
select count(*), max(length(name)) from item;
SQL
configs=(glibc jemalloc mimalloc preload-none preload-random
         preload-partitioned preload-isolated)
run() {
  local c=$1 env=()
  case $c in
    jemalloc) env=(LD_PRELOAD=$JE) ;;
    mimalloc) env=(LD_PRELOAD=$MI) ;;
    preload-*) env=(LD_PRELOAD=$LIB TYPESLAB_MODE=${c#preload-}) ;;
  esac
  env "${env[@]}" /usr/bin/time -f "%e %M %U %S" -o "$out/t" \
    /usr/bin/sqlite3 :memory: -init /dev/null -cmd ".read $out/script.sql" .quit \
    >"$out/got-$c"
  cat "$out/t" >>"$out/$c"
  cmp -s "$out/got-glibc" "$out/got-$c" || { echo "$c: output differs" >&2; exit 1; }
}
for r in $(seq "$ROUNDS"); do
  for c in "${configs[@]}"; do run "$c"; done
done
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
g_t=$(cut -d' ' -f1 "$out/glibc" | median)
g_m=$(cut -d' ' -f2 "$out/glibc" | median)
# CPU time (user + sys) is less disturbed by a shared machine than wall time.
cpu() { awk '{ printf "%.2f\n", $3 + $4 }' "$1" | median; }
g_c=$(cpu "$out/glibc")
printf '%-20s %9s %9s %9s %9s %12s %9s\n' config "wall (s)" "vs glibc" \
  "cpu (s)" "vs glibc" "peak RSS KiB" "vs glibc"
for c in "${configs[@]}"; do
  t=$(cut -d' ' -f1 "$out/$c" | median)
  m=$(cut -d' ' -f2 "$out/$c" | median)
  u=$(cpu "$out/$c")
  printf '%-20s %9s %9.3f %9s %9.3f %12s %9.3f\n' "$c" "$t" \
    "$(echo "$t / $g_t" | bc -l)" "$u" "$(echo "$u / $g_c" | bc -l)" \
    "$m" "$(echo "$m / $g_m" | bc -l)"
done
echo "sqlite3 shell, $ROWS rows, $ROUNDS rounds, medians; commit $(git -C "$(dirname "$0")" rev-parse --short HEAD)"
