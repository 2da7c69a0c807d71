#!/usr/bin/env bash
#===- bench/report/run.sh - typeslab-report on a kernel-size input ---------===#
#
# Generates RECORDS site records over FILES record files (gen_records.py;
# default 60,000 over 3,000, the order of a defconfig kernel build), then
# times typeslab-report in every format, ROUNDS rounds interleaved so that
# machine noise hits every format alike. Prints wall and CPU (user+sys)
# seconds and peak memory per run, then the median per format.
#   bench/report/run.sh [RECORDS [FILES [ROUNDS]]]
#===------------------------------------------------------------------------===#
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
records=${1:-60000} files=${2:-3000} rounds=${3:-5}
report=$top/tools/typeslab-report
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$here/gen_records.py" "$work/records" "$records" "$files"
echo "input: $(cat "$work"/records/*.jsonl | wc -l) records in" \
     "$(ls "$work/records" | wc -l) files, $(du -sh "$work/records" | cut -f1)"
python3 "$report" "$work/records" | head -n 1

formats=(text json sarif html)
for r in $(seq "$rounds"); do
  for f in "${formats[@]}"; do
    /usr/bin/time -f "$f %e %U %S %M" -a -o "$work/times" \
      python3 "$report" --format "$f" -o "$work/out.$f" "$work/records"
  done
  # The baseline gate: the JSON report against itself.
  /usr/bin/time -f "baseline %e %U %S %M" -a -o "$work/times" \
    python3 "$report" --baseline "$work/out.json" -o /dev/null "$work/records" 2>/dev/null
done
python3 - "$work/times" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    f, wall, user, sys_, kb = line.split()
    runs.setdefault(f, []).append((float(wall), float(user) + float(sys_), int(kb)))
print("%-9s %6s %10s %10s %9s" % ("format", "runs", "wall s", "cpu s", "peak MB"))
for f, rs in runs.items():
    print("%-9s %6d %10.2f %10.2f %9.0f" % (
        f, len(rs), statistics.median(r[0] for r in rs),
        statistics.median(r[1] for r in rs), max(r[2] for r in rs) / 1024))
PY
