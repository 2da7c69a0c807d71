#!/usr/bin/env python3
"""Checks of contrib/linux against Debian's linux-source-6.12 tarball.

  kernel_series.py apply TARBALL SERIES_DIR WORKDIR
      Extract the files the series touches and apply every patch with
      `patch -p1`; print one line per patch.
  kernel_series.py contract SERIES_DIR TOKEN_H
      Check that the header the series adds as include/linux/typeslab_token.h
      is token.h, byte for byte.
  kernel_series.py allocators TARBALL WORKDIR
      Print the functions that 6.12's slab, devres and string headers
      declare with __alloc_size or __realloc_size, one per line.
  kernel_series.py probe NAMES_FILE
      Print a C file that calls each named function.
  kernel_series.py coverage NAMES_FILE REMARKS_FILE DOC
      Check that every name is an allocator of the kernel profile (the pass
      remarks on its probe's line) or is listed as excluded in DOC; print
      the verdicts.
"""
import os
import re
import subprocess
import sys

PREFIX = "linux-source-6.12/"
HEADERS = ["include/linux/slab.h", "include/linux/device/devres.h",
           "include/linux/string.h"]


def patches(series):
    return sorted(os.path.join(series, p) for p in os.listdir(series)
                  if p.endswith(".patch"))


def touched(series):
    """(existing files, new files) the series patches."""
    old, new = set(), set()
    for p in patches(series):
        src = None
        for line in open(p, encoding="utf-8"):
            if line.startswith("--- "):
                src = line[4:].strip()
            elif line.startswith("+++ "):
                dst = line[4:].strip()[2:]
                (new if src == "/dev/null" else old).add(dst)
    return sorted(old - new), sorted(new)


def extract(tarball, work, files):
    os.makedirs(work, exist_ok=True)
    subprocess.run(["tar", "-C", work, "-xf", tarball, "--strip-components=1"]
                   + [PREFIX + f for f in files], check=True)


def cmd_apply(tarball, series, work):
    old, _ = touched(series)
    extract(tarball, work, old)
    for p in patches(series):
        r = subprocess.run(["patch", "-d", work, "-p1", "--forward", "--batch",
                            "-i", p], capture_output=True, text=True)
        status = "applied" if r.returncode == 0 else "FAILED"
        print(f"{status}: {os.path.basename(p)}")
        if r.returncode:
            sys.stdout.write(r.stdout + r.stderr)
            return 1
        if "offset" in r.stdout or "fuzz" in r.stdout:
            print(f"not clean: {os.path.basename(p)}: {r.stdout.strip()}")
            return 1
    return 0


def cmd_contract(series, token_h):
    want = open(token_h, encoding="utf-8").read()
    for p in patches(series):
        text = open(p, encoding="utf-8").read()
        m = re.search(r"^\+\+\+ b/include/linux/typeslab_token\.h\n@@[^\n]*\n"
                      r"((?:\+[^\n]*\n)*)", text, re.M)
        if m:
            got = "".join(l[1:] + "\n" for l in m.group(1).splitlines())
            if got != want:
                print("include/linux/typeslab_token.h differs from token.h")
                return 1
            print("include/linux/typeslab_token.h is token.h")
            return 0
    print("no patch adds include/linux/typeslab_token.h")
    return 1


NOT_NAMES = {"__alloc_size", "__realloc_size", "__printf", "__malloc",
             "__must_check", "__assume_kmalloc_alignment",
             "__assume_page_alignment", "__assume_slab_alignment",
             "DECL_BUCKET_PARAMS", "__always_inline", "inline", "static",
             "void", "extern", "char", "const"}


def declared_allocators(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    text = re.sub(r"^\s*#(?:[^\n]*\\\n)*[^\n]*", " ", text, flags=re.M)
    names = []
    for chunk in re.split(r"[;{}]", text):
        if not re.search(r"\b__(?:re)?alloc_size\s*\(", chunk):
            continue
        for m in re.finditer(r"(\w+)\s*\(", chunk):
            if m.group(1) not in NOT_NAMES:
                names.append(m.group(1))
                break
    return names


def cmd_allocators(tarball, work):
    extract(tarball, work, HEADERS)
    seen = []
    for h in HEADERS:
        for n in declared_allocators(open(os.path.join(work, h)).read()):
            if n not in seen:
                seen.append(n)
    print("\n".join(seen))
    return 0


def cmd_probe(names_file):
    names = open(names_file).read().split()
    for n in names:
        print(f"void *{n}();")
    for i, n in enumerate(names):
        print(f"void *probe_{i}(void) {{ return {n}(1, 2, 3, 4, 5); }}")
    return 0


def cmd_coverage(names_file, remarks_file, doc):
    names = open(names_file).read().split()
    remarks = open(remarks_file).read()
    excluded = set(re.findall(r"^\| `(\w+)` \| excluded", open(doc).read(), re.M))
    bad = 0
    for i, n in enumerate(names):
        # The probe of name i stands on line len(names) + i + 1.
        if re.search(rf":{len(names) + i + 1}:\d+: remark: ", remarks):
            print(f"typed by the profile: {n}")
        elif n in excluded:
            print(f"excluded: {n}")
        else:
            print(f"MISSING: {n}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    cmds = {"apply": cmd_apply, "contract": cmd_contract,
            "allocators": cmd_allocators, "probe": cmd_probe,
            "coverage": cmd_coverage}
    if len(sys.argv) < 2 or sys.argv[1] not in cmds:
        sys.exit(__doc__)
    sys.exit(cmds[sys.argv[1]](*sys.argv[2:]))
