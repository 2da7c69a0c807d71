#!/usr/bin/env python3
"""isolation_table.py --plugin SO --runtime LIB [--cc CLANG] [--work DIR]
                     [--update DOC.md]

Builds the corpus four ways (the pass with descriptor tokens, with 64-bit
hash tokens, with hash tokens reduced mod 16 -- the KMALLOC_PARTITION_TYPED
shape -- and without the pass, every token 0), runs each build in every
runtime mode with --check-isolation, and prints a Markdown table of the type
pairs whose sampled objects shared a slab (see main.c for what is sampled).
Random mode picks a cache copy from the caller's address, which ASLR moves
on every run (the kernel seeds it per boot): it runs RANDOM_RUNS times and
its cell is the range "min-max".

Every run's own checks must pass ("corpus: N files passed, 0 failed"), or
the script exits 1. With --update, the table replaces the lines between
'<!-- isolation-table:begin -->' and '<!-- isolation-table:end -->' in DOC.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
MODES = ("none", "random", "partitioned", "isolated")
RANDOM_RUNS = 5
BUILDS = (
    ("descriptor tokens", ["--plugin"], []),
    ("hash tokens", ["--plugin"], ["-mllvm", "-typeslab-tokens=hash"]),
    ("hash tokens mod 16", ["--plugin"],
     ["-mllvm", "-typeslab-tokens=hash", "-mllvm", "-typeslab-max-tokens=16"]),
    ("no pass (token 0)", [], []),
)


def build(args, name, with_plugin, flags, out):
    cmd = [os.path.join(HERE, "build.sh"), "--cc", args.cc, "--runtime", args.runtime,
           "--out", out]
    if with_plugin:
        cmd += ["--plugin", args.plugin]
    if flags:
        cmd += ["--"] + flags
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode:
        sys.exit("isolation_table: building '%s' failed:\n%s" % (name, r.stdout))


def run(name, prog, mode):
    env = dict(os.environ, TYPESLAB_MODE=mode)
    r = subprocess.run([prog, "--check-isolation"], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, env=env)
    out = r.stdout
    if not re.search(r"^corpus: \d+ files passed, 0 failed$", out, re.M):
        sys.exit("isolation_table: '%s' in mode %s failed its checks:\n%s" % (name, mode, out))
    pairs = re.search(r"^isolation: type pairs sharing a slab: (\d+)$", out, re.M)
    sample = re.search(r"^isolation: (\d+ sampled objects of \d+ types \(\d+ pairs\))$",
                       out, re.M)
    if not pairs or not sample:
        sys.exit("isolation_table: no isolation figures from '%s' in mode %s:\n%s"
                 % (name, mode, out))
    return int(pairs.group(1)), sample.group(1)


def table(cells, sample):
    lines = ["| mode | " + " | ".join(b[0] for b in BUILDS) + " |",
             "|---|" + "---:|" * len(BUILDS)]
    for m in MODES:
        lines.append("| %s | %s |" % (m, " | ".join(cells[b[0], m] for b in BUILDS)))
    lines.append("")
    lines.append("Type pairs sharing a slab, of %s; random: the range over %d runs."
                 % (sample, RANDOM_RUNS))
    return "\n".join(lines) + "\n"


def update(doc, text):
    begin, end = "<!-- isolation-table:begin -->", "<!-- isolation-table:end -->"
    body = open(doc, encoding="utf-8").read()
    i, j = body.find(begin), body.find(end)
    if i < 0 or j < i:
        sys.exit("isolation_table: '%s' lacks the %s / %s markers" % (doc, begin, end))
    with open(doc, "w", encoding="utf-8") as f:
        f.write(body[:i + len(begin)] + "\n" + text + body[j:])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cc", default="/usr/lib/llvm-22/bin/clang")
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--runtime", required=True)
    ap.add_argument("--work")
    ap.add_argument("--update", metavar="DOC")
    args = ap.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="typeslab-isolation-")
    os.makedirs(work, exist_ok=True)
    cells, samples = {}, set()
    for i, (name, plugin, flags) in enumerate(BUILDS):
        prog = os.path.join(work, "corpus-%d" % i)
        build(args, name, bool(plugin), flags, prog)
        for m in MODES:
            got = [run(name, prog, m) for _ in range(RANDOM_RUNS if m == "random" else 1)]
            lo, hi = min(p for p, _ in got), max(p for p, _ in got)
            cells[name, m] = str(lo) if lo == hi else "%d-%d" % (lo, hi)
            samples.update(s for _, s in got)
    if len(samples) != 1:
        sys.exit("isolation_table: the builds sampled different objects: %s" % sorted(samples))
    text = table(cells, samples.pop())
    sys.stdout.write(text)
    if args.update:
        update(args.update, text)


if __name__ == "__main__":
    main()
