#!/usr/bin/env python3
"""gen_records.py OUT_DIR [RECORDS] [FILES]: write a kernel-size set of site
records, shaped like what -mllvm -typeslab-sites=DIR leaves after a build.

RECORDS (default 60000) records spread over FILES (default 3000) translation
units in a kernel-like tree (drivers/net/ethernet/vendor17/..., fs/..., ...).
About 12% of sites are untyped, with the pass's reason classes; every tenth
record is one of a pool of sites in shared headers' inline functions, each
recorded by several units, so the reader's de-duplication does real work. Deterministic: a fixed seed.
"""
import json
import os
import random
import sys

TOP = ["drivers/net/ethernet", "drivers/gpu/drm", "drivers/usb", "drivers/scsi",
       "drivers/media", "fs", "net", "sound/soc", "kernel", "mm", "block",
       "crypto", "security", "lib"]
ALLOCATORS = ["kmalloc", "kzalloc", "kcalloc", "kmalloc_array", "krealloc",
              "kmemdup", "kstrdup", "devm_kzalloc", "kvmalloc"]
REASONS = [("byte-buffer", "the result is a byte buffer"),
           ("runtime-size-no-type", "size is a runtime value and the result is only stored to a 'void *'"),
           ("constant-size-no-type", "a constant size and no type anywhere"),
           ("size-bucket", "the size picks between two types at run time"),
           ("opaque-wrapper", "the size comes from a wrapper's parameter")]


def main():
    out = sys.argv[1]
    nrec = int(sys.argv[2]) if len(sys.argv) > 2 else 60000
    nfiles = int(sys.argv[3]) if len(sys.argv) > 3 else 3000
    rng = random.Random(6)
    os.makedirs(out, exist_ok=True)
    headers = ["include/linux/h%03d.h" % i for i in range(200)]
    # Sites in headers' inline functions: each is recorded by every unit
    # that includes it, always with the same file, line and column.
    inline_sites = [(rng.choice(headers), rng.randrange(10, 900), rng.randrange(1, 40))
                    for _ in range(nrec // 40)]
    per_file = nrec // nfiles
    for f in range(nfiles):
        src = "%s/sub%02d/file%05d.c" % (TOP[f % len(TOP)], f // len(TOP) % 60, f)
        lines = []
        count = per_file + (1 if f < nrec % nfiles else 0)
        for i in range(count):
            shared = i % 10 == 9
            if shared:
                file, line, col = rng.choice(inline_sites)
            else:
                file, line, col = src, rng.randrange(10, 4000), rng.randrange(1, 40)
            typed = rng.random() < 0.88
            cls, why = ("", "") if typed else rng.choice(REASONS)
            lines.append(json.dumps({
                "file": file, "line": line, "col": col,
                "function": "fn_%d_%d" % (f if not shared else 0, line // 40),
                "allocator": rng.choice(ALLOCATORS), "typed": typed,
                "type": "struct t%d" % rng.randrange(5000) if typed else "",
                "token": "0x%x" % rng.getrandbits(48) if typed else "0x0",
                "shape": "single" if typed else "unknown",
                "evidence": "size+destination" if typed else "",
                "reason_class": cls, "reason": why, "rewritten": True,
                "mode": "descriptor"}, sort_keys=True))
        name = "%s-%08x.jsonl" % (os.path.basename(src), f)
        with open(os.path.join(out, name), "w") as fh:
            fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
