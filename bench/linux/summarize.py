#!/usr/bin/env python3
"""Medians and ratios against 'none' of bench/linux/run.sh's boot logs.

  summarize.py DIR     (DIR holds CONFIG.ROUND.log files)
"""
import collections
import os
import re
import statistics
import sys


def parse(path):
    text = open(path, errors="replace").read()
    row = {}
    m = re.search(r"TYPESLAB-INIT uptime=([\d.]+)", text)
    if m:
        row["init_s"] = float(m.group(1))
    for when in ("boot", "workload"):
        m = re.search(rf"TYPESLAB-MEM {when} Slab: (\d+) kB SUnreclaim: (\d+) kB caches=(\d+)", text)
        if m:
            row[f"slab_{when}_kB"] = int(m.group(1))
            row[f"sunreclaim_{when}_kB"] = int(m.group(2))
            row[f"caches_{when}"] = int(m.group(3))
    m = re.search(r"TYPESLAB-WORKLOAD rounds=\d+ time_ms=(\d+)", text)
    if m:
        row["workload_ms"] = int(m.group(1))
    # The median round of the boot, the first left out as a warm-up.
    rounds = [int(x) / 1000 for x in re.findall(r"TYPESLAB-ROUND \d+ time_us=(\d+)", text)]
    if len(rounds) > 2:
        rounds = rounds[1:]
    if rounds:
        row["round_ms"] = statistics.median(rounds)
    return row


def main(d):
    runs = collections.defaultdict(list)
    for f in sorted(os.listdir(d)):
        m = re.match(r"(.+)\.(\d+)\.log$", f)
        if m:
            runs[m.group(1)].append(parse(os.path.join(d, f)))
    order = [c for c in ("none", "random", "partitioned", "typed", "typed+sequester") if c in runs]
    keys = ["init_s", "slab_boot_kB", "sunreclaim_boot_kB", "caches_boot",
            "slab_workload_kB", "sunreclaim_workload_kB", "caches_workload",
            "workload_ms", "round_ms"]
    med = {c: {k: statistics.median([r[k] for r in runs[c] if k in r])
               for k in keys if any(k in r for r in runs[c])} for c in order}
    n = {c: len(runs[c]) for c in order}
    print("| metric | " + " | ".join(f"{c} (n={n[c]})" for c in order) + " |")
    print("|---|" + "---|" * len(order))
    for k in keys:
        cells = []
        for c in order:
            v = med[c].get(k)
            if v is None:
                cells.append("-")
                continue
            base = med.get("none", {}).get(k)
            ratio = f" ({v / base:.2f}x)" if base and c != "none" else ""
            num = f"{v:.2f}".rstrip("0").rstrip(".")
            cells.append(f"{num}{ratio}")
        print(f"| {k} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
