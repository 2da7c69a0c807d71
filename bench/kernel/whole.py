#!/usr/bin/env python3
"""whole.py: typeslab against clang 22 over a whole kernel build.

  whole.py OUT PLUGIN_DIR RECORDS OUTDIR [--jobs N]

OUT is the kbuild O= folder of `scripts/kernel.sh build` (it writes
compile_commands.json there first, with the kernel's own
scripts/clang-tools/gen_compile_commands.py), PLUGIN_DIR the folder holding
TypeslabPass.so and TypeslabFrontend.so, RECORDS the site records that build
wrote (-typeslab-sites). Every translation unit whose records hold at least
one site is compiled again, to a scratch object, with its own kbuild command
plus

    -fpass-plugin=PLUGIN_DIR/TypeslabPass.so -mllvm -typeslab-report-only
    -mllvm -typeslab-sites=OUTDIR -mllvm -typeslab-root=SRC
    -fsanitize=alloc-token

so that, as in run.sh, each record carries typeslab's verdict and clang 22's
(`clang_type`) on the same call of the same compile. SRC is the source
tree (OUT/source), so that paths read as in run.sh's records. A unit without a site
has no allocation call either tool could type, so it is not compiled again.
Then table.py prints the comparison over the whole build.
"""
import argparse
import concurrent.futures
import glob
import json
import os
import shlex
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from overhead import strip_flags  # noqa: E402


def units_with_sites(records):
    """Source files of the record files that hold at least one site."""
    units = set()
    for name in glob.glob(os.path.join(records, "*.jsonl")):
        with open(name) as f:
            header = json.loads(f.readline() or "{}")
            if header.get("sites", 0) > 0:
                units.add(os.path.realpath(header["source"]))
    return units


def compile_one(cmd, extra, scratch):
    args = cmd["arguments"] if "arguments" in cmd else shlex.split(cmd["command"])
    args = strip_flags(args)
    fd, obj = tempfile.mkstemp(suffix=".o", dir=scratch)
    os.close(fd)
    if "-o" in args:
        args[args.index("-o") + 1] = obj
    try:
        p = subprocess.run(args[:1] + extra + args[1:], cwd=cmd["directory"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True)
    finally:
        os.remove(obj)
    return cmd["file"], p.returncode, p.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("plugin_dir")
    ap.add_argument("records")
    ap.add_argument("outdir")
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    a = ap.parse_args()
    with open(os.path.join(a.out, "compile_commands.json")) as f:
        cmds = json.load(f)
    want = units_with_sites(a.records)
    todo = [c for c in cmds if os.path.realpath(
        os.path.join(c["directory"], c["file"])) in want]
    if not todo:
        sys.exit("whole.py: no compile command matches a unit with sites in "
                 + a.records)
    os.makedirs(a.outdir, exist_ok=True)
    for old in glob.glob(os.path.join(a.outdir, "*.jsonl")):
        os.remove(old)
    plugin = os.path.join(a.plugin_dir, "TypeslabPass.so")
    src = os.path.realpath(os.path.join(a.out, "source"))
    extra = ["-fpass-plugin=" + plugin, "-mllvm", "-typeslab-report-only",
             "-mllvm", "-typeslab-sites=" + a.outdir,
             "-mllvm", "-typeslab-root=" + src, "-fsanitize=alloc-token"]
    scratch = tempfile.mkdtemp(prefix="typeslab-whole-")
    failed = 0
    print("whole.py: compiling %d of %d units again" % (len(todo), len(cmds)),
          file=sys.stderr)
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        for name, rc, err in pool.map(lambda c: compile_one(c, extra, scratch),
                                      todo):
            if rc != 0 or "typeslab: " in err:
                failed += 1
                print("whole.py: %s: exit %d\n%s" % (name, rc, err[-2000:]),
                      file=sys.stderr)
    os.rmdir(scratch)
    if failed:
        sys.exit("whole.py: %d units failed" % failed)
    here = os.path.dirname(os.path.abspath(__file__))
    return subprocess.call([sys.executable, os.path.join(here, "table.py"),
                            a.outdir])


if __name__ == "__main__":
    sys.exit(main())
