#!/usr/bin/env python3
"""sample.py: draw the labelled sample of kernel allocation sites.

  sample.py SITES_CSV FRACTION [--seed S] [--ksrc DIR]

SITES_CSV is table.py --sites-csv output. Every site gets the key
sha256("<seed>:<file>:<line>:<allocator>") read as a number in [0, 1); the
sites whose key is below FRACTION are the sample. The draw is fixed by the
seed and does not depend on the order of the records or on the other sites,
so a site's membership never changes between runs, and a larger FRACTION
only adds sites. Prints CSV rows file,line,allocator,label with an empty label, and with
--ksrc the source lines around each site (to stderr) for labelling by hand.
"""
import argparse
import csv
import hashlib
import sys

DEFAULT_SEED = "typeslab-kernel-6.12"


def key(seed, r):
    s = "%s:%s:%s:%s" % (seed, r["file"], r["line"], r["allocator"])
    return int(hashlib.sha256(s.encode()).hexdigest(), 16) / 2.0**256


def draw(rows, fraction, seed=DEFAULT_SEED):
    return sorted((r for r in rows if key(seed, r) < fraction),
                  key=lambda r: (r["file"], int(r["line"])))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sites_csv")
    ap.add_argument("fraction", type=float)
    ap.add_argument("--seed", default=DEFAULT_SEED)
    ap.add_argument("--ksrc")
    a = ap.parse_args()
    with open(a.sites_csv) as f:
        rows = list(csv.DictReader(f))
    w = csv.writer(sys.stdout)
    w.writerow(["file", "line", "allocator", "label"])
    for r in draw(rows, a.fraction, a.seed):
        w.writerow([r["file"], r["line"], r["allocator"], ""])
        if a.ksrc:
            with open("%s/%s" % (a.ksrc, r["file"]), errors="replace") as f:
                src = f.readlines()
            i = int(r["line"]) - 1
            print("== %s:%s %s" % (r["file"], r["line"], r["allocator"]),
                  file=sys.stderr)
            for j in range(max(0, i - 2), min(len(src), i + 3)):
                print("%5d %s" % (j + 1, src[j].rstrip()), file=sys.stderr)


if __name__ == "__main__":
    main()
