#!/usr/bin/env python3
"""overhead.py: compile-time cost of the typeslab plugin on the kernel subset.

  overhead.py KSRC PLUGIN SPEC [--n 30] [--seed S] [--method M] [--rounds R]
              [--rewrite] [--src SRC] [--dirs D ...]

Takes the compile commands kbuild recorded for the subset (KSRC's
compile_commands.json, made by scripts/clang-tools/gen_compile_commands.py
after run.sh), draws N translation units with a fixed seed, and compiles each
twice, back to back:
  plain   the kernel's own command line without any typeslab or
          -fsanitize=alloc-token flag;
  plugin  the same plus -fpass-plugin=PLUGIN -mllvm -typeslab-report-only
          -mllvm -typeslab-sites=<tmp> -mllvm -typeslab-spec=SPEC, as run.sh
          builds (records written, nothing rewritten).
--method callgrind (default) counts instructions under valgrind's callgrind,
so the ratio does not depend on the noise of a shared machine, but costs
~50x a compile. --method cputime sums the user+system CPU seconds of the
compiler processes (getrusage of the children) over R rounds, the two
configurations interleaved per TU and their order alternated per round, so
that load changes hit both alike. Prints per-TU figures and the ratio of the
sums. --method selftime compiles each TU once with the plugin and
-ftime-report and reads the CPU seconds of the typeslab pass
("typeslab::TypeslabPass") and of its front-end half ("typeslab front-end
half") out of the report: plugin = the whole compile, plain = the whole
compile minus those two, measured in one process, so the machine's load
scales both alike.
"""
import argparse
import glob
import hashlib
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile


def strip_flags(args):
    out, skip = [], 0
    for i, a in enumerate(args):
        if skip:
            skip -= 1
            continue
        if a.startswith("-fpass-plugin=") or a == "-fsanitize=alloc-token":
            continue
        # Dependency files would land in the kernel tree, next to kbuild's.
        if a.startswith("-Wp,-MMD,") or a.startswith("-Wp,-MD,"):
            continue
        if a == "-mllvm" and i + 1 < len(args) and \
                args[i + 1].startswith("-typeslab"):
            skip = 1
            continue
        out.append(a)
    return out


def count(args, cwd, tmp):
    prefix = os.path.join(tmp, "cg")
    for f in glob.glob(prefix + ".*"):
        os.remove(f)
    subprocess.run(["valgrind", "--tool=callgrind", "--trace-children=yes",
                    "--callgrind-out-file=" + prefix + ".%p"] + args,
                   cwd=cwd, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True)
    total = 0
    for f in glob.glob(prefix + ".*"):
        with open(f) as fh:
            for line in fh:
                if line.startswith("totals:"):
                    total += int(line.split()[1])
    return total


def cputime(args, cwd):
    before = os.times()
    subprocess.run(args, cwd=cwd, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True)
    after = os.times()
    return (after.children_user - before.children_user +
            after.children_system - before.children_system)


def selftime(args, cwd):
    before = os.times()
    p = subprocess.run(args + ["-ftime-report"], cwd=cwd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True, check=True)
    after = os.times()
    total = (after.children_user - before.children_user +
             after.children_system - before.children_system)
    own = 0.0
    for line in p.stderr.splitlines():
        if line.rstrip().endswith(("typeslab::TypeslabPass",
                                   "typeslab front-end half")):
            # [user] [system] [user+system] wall, a column left out when
            # its total is zero: the one before wall is the CPU time.
            cols = re.findall(r"(\d+\.\d+) +\(", line)
            own += float(cols[-2]) if len(cols) >= 2 else 0.0
    return total - own, total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ksrc")
    ap.add_argument("plugin")
    ap.add_argument("spec")
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", default="typeslab-kernel-overhead")
    ap.add_argument("--method", choices=["callgrind", "cputime", "selftime"],
                    default="callgrind")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--rewrite", action="store_true",
                    help="rewrite mode, as scripts/kernel.sh builds: no "
                    "-typeslab-report-only (SPEC may be '-' for none)")
    ap.add_argument("--src", help="the kernel source tree, when KSRC is a "
                    "kbuild O= folder (default: KSRC)")
    ap.add_argument("--dirs", nargs="*",
                    default=["mm/", "fs/ext4/", "net/core/", "block/",
                             "drivers/base/"])
    a = ap.parse_args()
    with open(os.path.join(a.ksrc, "compile_commands.json")) as f:
        cmds = json.load(f)
    pool = []
    for c in cmds:
        rel = os.path.relpath(c["file"], a.src or a.ksrc)
        if rel.endswith(".c") and any(rel.startswith(d) for d in a.dirs):
            pool.append((hashlib.sha256((a.seed + rel).encode()).hexdigest(),
                         rel, c))
    # One entry a file (kbuild may list a file compiled twice), in the
    # seeded order.
    pool = sorted({rel: (h, rel, c) for h, rel, c in pool}.values(),
                  key=lambda e: e[:2])
    tmp = tempfile.mkdtemp(prefix="typeslab-overhead-")
    sites = os.path.join(tmp, "sites")
    extra = ["-fpass-plugin=" + a.plugin, "-mllvm", "-typeslab-sites=" + sites]
    if not a.rewrite:
        extra += ["-mllvm", "-typeslab-report-only"]
    if a.spec != "-":
        extra += ["-mllvm", "-typeslab-spec=" + a.spec]
    tot = {"plain": 0, "plugin": 0}
    unit = {"callgrind": "instructions", "selftime": "CPU s, one compile"}.get(
        a.method, "CPU s, %d rounds" % a.rounds)
    print("| TU | plain (%s) | plugin | ratio |" % unit)
    print("|---|---:|---:|---:|")
    for _, rel, c in pool[:a.n]:
        args = c["arguments"] if "arguments" in c else shlex.split(c["command"])
        args = strip_flags(args)
        # Write the object to the scratch folder, not over the build's.
        if "-o" in args:
            args[args.index("-o") + 1] = os.path.join(tmp, "o.o")
        with_plugin = args[:1] + extra + args[1:]
        if a.method == "selftime":
            plain, plugin = selftime(with_plugin, c["directory"])
        elif a.method == "callgrind":
            plain = count(args, c["directory"], tmp)
            plugin = count(with_plugin, c["directory"], tmp)
        else:
            plain = plugin = 0.0
            for r in range(a.rounds):
                runs = [(False, args), (True, with_plugin)]
                for is_plugin, cmd in (runs if r % 2 == 0 else runs[::-1]):
                    t = cputime(cmd, c["directory"])
                    if is_plugin:
                        plugin += t
                    else:
                        plain += t
        tot["plain"] += plain
        tot["plugin"] += plugin
        print("| %s | %.6g | %.6g | %.4f |" % (rel, plain, plugin, plugin / plain),
              flush=True)
    print("| **sum of %d TUs** | %.6g | %.6g | **%.4f** |" % (
        min(a.n, len(pool)), tot["plain"], tot["plugin"],
        tot["plugin"] / tot["plain"]))


if __name__ == "__main__":
    main()
