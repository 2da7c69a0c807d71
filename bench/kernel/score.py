#!/usr/bin/env python3
"""score.py: score typeslab and clang 22 against the hand labels.

  score.py LABELS_CSV SITES_DIR [-v]

LABELS_CSV (labels.csv) has file,line,allocator,label: the type a careful
kernel developer would name at the site ("struct foo", "u32", "struct foo *"
for an array of pointers) or "bytes" for a buffer of bytes (strings, wire
data, register caches), or "none" where no type exists at the site: the
allocation inside a generic allocator (devm_kmemdup's copy of a 'const void
*', mempool_kmalloc's pool_data size) whose type only its callers know. Site records come from run.sh.

Per tool and site:
  right    the tool names the labelled type; for a "bytes" label, the tool
           says so (typeslab: reason class byte-buffer; clang 22: char,
           signed/unsigned char);
  wrong    the tool names another type (for "bytes": any non-byte type);
  untyped  the tool names nothing (clang 22: no !alloc_token metadata;
           typeslab: any reason class other than byte-buffer on a "bytes"
           site).
On a "none" site naming nothing is right and naming a type is wrong.
Type names are compared with typedefs as the label writes them resolved by
the equivalences below and with the struct/union/enum tag ignored (clang 22
leaves it out).
"""
import argparse
import csv
import re
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from table import load  # noqa: E402

TAGS = re.compile(r"\b(struct|union|enum) ")
# Kernel typedefs a label may use, as the canonical C type both tools print.
ALIASES = {"u8": "unsigned char", "s8": "signed char", "u16": "unsigned short",
           "s16": "short", "u32": "unsigned int", "s32": "int",
           "u64": "unsigned long long", "s64": "long long",
           "__u8": "unsigned char", "__u32": "unsigned int",
           "__u64": "unsigned long long", "__be32": "unsigned int",
           "__le32": "unsigned int", "__le16": "unsigned short",
           "__be16": "unsigned short", "__le64": "unsigned long long",
           "bool": "_Bool", "size_t": "unsigned long",
           "phys_addr_t": "unsigned long long", "gfp_t": "unsigned int",
           "atomic_long_t": "atomic64_t", "long unsigned int": "unsigned long"}
BYTE_TYPES = {"char", "unsigned char", "signed char"}


def canon(t):
    t = TAGS.sub("", t.strip())
    return ALIASES.get(t, t)


def verdict(label, typed, name, byte_class):
    if label == "none":
        return "wrong" if typed else "right"
    if label == "bytes":
        if byte_class or (typed and canon(name) in BYTE_TYPES):
            return "right"
        return "wrong" if typed else "untyped"
    if not typed:
        return "untyped"
    return "right" if canon(name) == canon(label) else "wrong"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("labels")
    ap.add_argument("sites")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    sites, _ = load(a.sites)
    by_line = {}
    for (f, line, _col, alloc), r in sites.items():
        by_line.setdefault((f, line, alloc), []).append(r)
    score = {"typeslab": {}, "clang 22": {}}
    missing = 0
    with open(a.labels) as fh:
        rows = [r for r in csv.DictReader(fh)]
    for row in rows:
        recs = by_line.get((row["file"], int(row["line"]), row["allocator"]))
        if not recs:
            missing += 1
            print("no record for %s:%s %s" % (row["file"], row["line"],
                                              row["allocator"]), file=sys.stderr)
            continue
        r = recs[0]
        label = row["label"].strip()
        ts = verdict(label, r["typed"], r["type"],
                     r["reason_class"] == "byte-buffer")
        cl = verdict(label, bool(r.get("clang_type")), r.get("clang_type", ""),
                     False)
        for tool, v in (("typeslab", ts), ("clang 22", cl)):
            score[tool][v] = score[tool].get(v, 0) + 1
        if a.v and (ts != "right" or cl != "right"):
            print("%s:%s %s label=%r typeslab=%s(%s%s) clang=%s(%s)" % (
                row["file"], row["line"], row["allocator"], label, ts,
                r["type"], "" if r["typed"] else r["reason_class"], cl,
                r.get("clang_type", "")))
    n = len(rows) - missing
    print("| tool | right | wrong | untyped | sites |")
    print("|---|---:|---:|---:|---:|")
    for tool in ("typeslab", "clang 22"):
        s = score[tool]
        print("| %s | %d | %d | %d | %d |" % (tool, s.get("right", 0),
              s.get("wrong", 0), s.get("untyped", 0), n))
    if missing:
        print("labels without a site record: %d" % missing)


if __name__ == "__main__":
    main()
