#!/usr/bin/env python3
"""table.py: typeslab against clang 22 on the site records of a kernel build.

  table.py SITES_DIR [--list WHAT] [--sites-csv FILE]

SITES_DIR holds the *.jsonl records written by the pass (run.sh builds with
-mllvm -typeslab-sites and -fsanitize=alloc-token, so each record carries
typeslab's verdict and, as "clang_type", the type clang 22's !alloc_token
metadata named on the same call).

A site is a call location (file, line, column, allocator); a header's inline
function compiled into many units counts once (typed if any unit typed it).
Calls inside the allocator API itself (include/linux/slab.h, string.h,
device/devres.h: kzalloc_noprof calling kmalloc_noprof and the like) are
the implementation, not call sites, and are left out; so are the records of
an allocator's address being taken (no call; counted on their own line).

--list ts-only|clang-only|differ|untyped prints those sites.
--sites-csv FILE writes every site as CSV (the population labels are drawn
from).
"""
import argparse
import collections
import csv
import glob
import json
import os
import re
import sys

# The kmalloc family: the kernel profile's allocators and those of
# kernel-6.12.json, by the family name records carry. Calls of same-TU helpers
# that typeslab found to be allocators (pcpu_mem_zalloc, memdup_user, ...)
# have no clang 22 counterpart and are counted on their own line.
KMALLOC_FAMILY = {
    "kmalloc", "kzalloc", "kmalloc_array", "kcalloc", "krealloc",
    "krealloc_array", "kvmalloc", "kvzalloc", "kvmalloc_array", "kvcalloc",
    "kvrealloc", "kmalloc_node", "kzalloc_node", "kcalloc_node",
    "kmalloc_array_node", "kvmalloc_node", "kmemdup", "devm_kmalloc",
    "devm_kzalloc", "devm_kcalloc", "devm_kmalloc_array",
    "kvmalloc_array_node", "kmalloc_track_caller", "__kmalloc",
    "__kmalloc_node", "kmemdup_array", "devm_krealloc"}
# String copies of the kernel profile: typed 'char', not in the table (clang
# 22's metadata is not compared on them), counted on their own line.
STRING_COPIES = {"kstrdup", "kstrndup", "kmemdup_nul", "kvasprintf"}
API_HEADERS = ("include/linux/slab.h", "include/linux/string.h",
               "include/linux/device/devres.h")


def norm(path):
    while path.startswith("./"):
        path = path[2:]
    return path


BYTE_NAMES = {"char", "unsigned char", "signed char"}
TAGS = re.compile(r"\b(struct|union|enum) ")


def same_type(a, b):
    """clang 22's metadata spells C types without their tag ('bio_slab',
    'device *'); typeslab with it ('struct bio_slab')."""
    return TAGS.sub("", a) == TAGS.sub("", b)


def load(folder, wrappers=None):
    """Sites of the kmalloc family; those of same-TU wrappers go to the
    wrappers dict when one is given."""
    sites = {}
    address_taken = set()
    for name in sorted(glob.glob(os.path.join(folder, "*.jsonl"))):
        with open(name) as f:
            for line in f:
                r = json.loads(line)
                if "typeslab_records" in r:
                    continue  # a unit's header record, not a site
                r["file"] = norm(r["file"])
                if r["line"] == 0:
                    address_taken.add((r["file"], r["allocator"]))
                    continue
                if r["file"].startswith(API_HEADERS):
                    continue
                key = (r["file"], r["line"], r["col"], r["allocator"])
                if r["allocator"] not in KMALLOC_FAMILY:
                    if wrappers is not None:
                        wrappers.setdefault(key, r)
                    continue
                old = sites.get(key)
                if old is None:
                    sites[key] = r
                    continue
                # Typed if any unit typed it; clang likewise.
                if r["typed"] and not old["typed"]:
                    r.setdefault("clang_type", old.get("clang_type", ""))
                    sites[key] = r
                elif r.get("clang_type") and not old.get("clang_type"):
                    old["clang_type"] = r["clang_type"]
    return sites, address_taken


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sites")
    ap.add_argument("--list", choices=["ts-only", "clang-only", "differ",
                                       "untyped"])
    ap.add_argument("--sites-csv")
    a = ap.parse_args()
    wrappers = {}
    sites, address_taken = load(a.sites, wrappers)
    if not sites:
        sys.exit("no site records in " + a.sites)
    rows = sorted(sites.values(),
                  key=lambda r: (r["file"], r["line"], r["col"]))
    ts = [r for r in rows if r["typed"]]
    cl = [r for r in rows if r.get("clang_type")]
    ts_only = [r for r in ts if not r.get("clang_type")]
    cl_only = [r for r in cl if not r["typed"]]
    both = [r for r in ts if r.get("clang_type")]
    differ = [r for r in both if not same_type(r["type"], r["clang_type"])]
    n = len(rows)

    def pct(k):
        return "%5.1f%%" % (100.0 * k / n)

    print("| | sites | share |")
    print("|---|---:|---:|")
    print("| allocation call sites | %d | |" % n)
    print("| typed by typeslab | %d | %s |" % (len(ts), pct(len(ts))))
    print("| typed by clang 22 (-fsanitize=alloc-token) | %d | %s |"
          % (len(cl), pct(len(cl))))
    print("| typed by typeslab, not by clang 22 | %d | |" % len(ts_only))
    print("| typed by clang 22, not by typeslab | %d | |" % len(cl_only))
    print("| typed by both, same type name | %d | |"
          % (len(both) - len(differ)))
    print("| typed by both, different type names | %d | |" % len(differ))
    def is_bytes(t):
        return TAGS.sub("", t) in BYTE_NAMES or re.fullmatch(
            r"(char|unsigned char|signed char)\[\d+\]", t) is not None
    ts_nb = [r for r in ts if not is_bytes(r["type"])]
    cl_nb = [r for r in cl if not is_bytes(r["clang_type"])]
    print("| typed by typeslab with a non-byte type | %d | %s |"
          % (len(ts_nb), pct(len(ts_nb))))
    print("| typed by clang 22 with a non-byte type | %d | %s |"
          % (len(cl_nb), pct(len(cl_nb))))
    print("| clang 22 names a byte type, typeslab says byte-buffer | %d | |"
          % sum(1 for r in cl_only if r["reason_class"] == "byte-buffer"))
    print("| distinct types, typeslab | %d | |"
          % len({r["type"] for r in ts}))
    print("| distinct types, clang 22 | %d | |"
          % len({r["clang_type"] for r in cl}))
    print()
    print("| typeslab untyped, by reason class | sites | of which clang 22 typed |")
    print("|---|---:|---:|")
    by = collections.Counter(r["reason_class"] for r in rows if not r["typed"])
    by_cl = collections.Counter(r["reason_class"] for r in cl_only)
    for k, v in by.most_common():
        print("| %s | %d | %d |" % (k, v, by_cl[k]))
    print()
    print("allocator address taken (no call to type): %d" % len(address_taken))
    strings = {k: r for k, r in wrappers.items()
               if r["allocator"] in STRING_COPIES}
    helpers = {k: r for k, r in wrappers.items() if k not in strings}
    print("calls of same-TU allocator wrappers typeslab found (not in the "
          "table): %d, typed %d" % (len(helpers), sum(
              1 for r in helpers.values() if r["typed"])))
    print("string copies (%s; not in the table): %d, typed %d" % (
        ", ".join(sorted(STRING_COPIES)), len(strings),
        sum(1 for r in strings.values() if r["typed"])))
    print("by allocator: " + ", ".join(
        "%s %d" % kv for kv in
        collections.Counter(r["allocator"] for r in rows).most_common()))

    lists = {"ts-only": ts_only, "clang-only": cl_only, "differ": differ,
             "untyped": [r for r in rows if not r["typed"]]}
    if a.list:
        print()
        for r in lists[a.list]:
            print("%s:%d:%d %s in %s: typeslab %s | clang %s | %s %s" % (
                r["file"], r["line"], r["col"], r["allocator"], r["function"],
                r["type"] or "-", r.get("clang_type") or "-",
                r["reason_class"], r["reason"]))
    if a.sites_csv:
        with open(a.sites_csv, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["file", "line", "col", "allocator", "function",
                        "typeslab", "clang22", "reason_class"])
            for r in rows:
                w.writerow([r["file"], r["line"], r["col"], r["allocator"],
                            r["function"], r["type"], r.get("clang_type", ""),
                            r["reason_class"]])


if __name__ == "__main__":
    main()
