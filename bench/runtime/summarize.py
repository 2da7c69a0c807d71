#!/usr/bin/env python3
"""bench/runtime/summarize.py OUT_DIR: medians and ratios of run.sh's raw
lines (pairs.txt, callgrind.txt, work.txt) as Markdown tables."""
import collections
import os
import statistics
import sys

ALLOCS = ["glibc", "jemalloc", "mimalloc", "ts-none", "ts-random",
          "ts-partitioned", "ts-isolated", "hard-none", "hard-isolated"]
# ts-* run the fast profile, hard-* the hardened one (the default).
# With BEFORE=<build> (run.sh), an older runtime's none and isolated modes
# run in the same rounds: columns was-none and was-isolated.
WAS = ["was-none", "was-isolated"]


def lines(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [l.split() for l in f if l.strip()]


def table(head, rows):
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print()


def pairs(out):
    cells = collections.defaultdict(list)
    for a, t, size, kind, ns in lines(os.path.join(out, "pairs.txt")):
        cells[a, int(t), int(size), kind].append(float(ns))
    if not cells:
        return
    sizes = sorted({k[2] for k in cells})
    for t in (1, 2):
        for kind in ("tight", "batch"):
            n = len(cells.get(("glibc", t, 16, kind), []))
            print(f"### {kind} pairs, {t} thread(s): median ns per pair "
                  f"({n} interleaved rounds)\n")
            rows = []
            for s in sizes:
                med = {a: statistics.median(cells[a, t, s, kind])
                       for a in ALLOCS if cells.get((a, t, s, kind))}
                r = [str(s)] + [f"{med[a]:.1f}" if a in med else "-"
                                for a in ALLOCS]
                iso, none, g = (med.get("ts-isolated"), med.get("ts-none"),
                                med.get("glibc"))
                hard, je = med.get("hard-isolated"), med.get("jemalloc")
                r += [f"{iso / none:.2f}" if iso and none else "-",
                      f"{none / g:.2f}" if none and g else "-",
                      f"{iso / g:.2f}" if iso and g else "-",
                      f"{iso / je:.2f}" if iso and je else "-",
                      f"{hard / g:.2f}" if hard and g else "-"]
                rows.append(r)
            table(["size"] + ALLOCS + ["iso/none", "none/glibc",
                                       "iso/glibc", "iso/jemalloc",
                                       "hard-iso/glibc"], rows)


def callgrind(out):
    runs = collections.defaultdict(dict)
    for a, size, n, refs in lines(os.path.join(out, "callgrind.txt")):
        runs[a, int(size)][int(n)] = int(refs)
    if not runs:
        return
    print("### callgrind: instructions per tight pair "
          "((I(200k) - I(100k)) / 100k)\n")
    sizes = sorted({k[1] for k in runs})
    rows = []
    for s in sizes:
        ipp = {}
        for a in ALLOCS:
            r = runs.get((a, s), {})
            if 100000 in r and 200000 in r:
                ipp[a] = (r[200000] - r[100000]) / 100000
        row = [str(s)] + [f"{ipp[a]:.0f}" if a in ipp else "-"
                          for a in ALLOCS]
        iso, none, g = ipp.get("ts-isolated"), ipp.get("ts-none"), \
            ipp.get("glibc")
        hard, je = ipp.get("hard-isolated"), ipp.get("jemalloc")
        row += [f"{iso / none:.2f}" if iso and none else "-",
                f"{none / g:.2f}" if none and g else "-",
                f"{iso / je:.2f}" if iso and je else "-",
                f"{hard / g:.2f}" if hard and g else "-"]
        rows.append(row)
    table(["size"] + ALLOCS + ["iso/none", "none/glibc", "iso/jemalloc",
                               "hard-iso/glibc"], rows)


def work(out):
    cells = collections.defaultdict(list)
    for a, secs, rss in lines(os.path.join(out, "work.txt")):
        cells[a].append((float(secs), int(rss)))
    if not cells:
        return
    n = len(cells.get("ts-none", []))
    print(f"### kernelwork (2,000 types): medians of {n} interleaved runs\n")
    base = cells.get("ts-none")
    bt = statistics.median(x[0] for x in base) if base else None
    br = statistics.median(x[1] for x in base) if base else None
    rows = []
    for a in ALLOCS:
        if a not in cells:
            continue
        t = statistics.median(x[0] for x in cells[a])
        r = statistics.median(x[1] for x in cells[a])
        rows.append([a, f"{t:.2f}", f"{r / 1024:.1f}",
                     f"{t / bt:.2f}" if bt else "-",
                     f"{r / br:.2f}" if br else "-"])
    table(["allocator", "seconds", "peak RSS MiB", "time / ts-none",
           "RSS / ts-none"], rows)


out = sys.argv[1]
seen = set()
for f in ("pairs.txt", "callgrind.txt", "work.txt"):
    seen.update(l[0] for l in lines(os.path.join(out, f)))
ALLOCS += [a for a in WAS if a in seen]
pairs(out)
callgrind(out)
work(out)
