#!/usr/bin/env python3
"""verdicts_agree.py: compiles C and C++ files once with the pass's remarks
(-fpass-plugin, -Rpass=typeslab -Rpass-missed=typeslab, at -O0 so that
every call is emitted) and once with the checker's (-fplugin), and compares
the two verdicts of every allocation site, keyed by file:line:col: typed or
untyped, and the reason class of an untyped site. The checker says nothing
about a typed site, so a site is typed for it unless it remarks it untyped.
Two kinds of pass site have no checker verdict to compare, and are counted
apart: a call the pass never sees (in a function clang does not emit), and
a call of a wrapper (a function the pass remarks [opaque-wrapper] in, which
it treats as an allocator of its own; the checker knows only the spec's).
Prints each disagreement, then one summary line per input set, and exits 1
on any disagreement but the known ones.

  verdicts_agree.py --clang CLANG --pass TypeslabPass.so
                    --checker KmallocObjChecker.so --include TYPESLAB_INCLUDE
                    [--corpus CORPUS_DIR] [--lit DIR]... [--known FILE]

The corpus files (every *.c of CORPUS_DIR, compiled from it with the flags
of its build.sh) must compile; a lit input that either compile rejects (it
needs flags of its RUN lines, or tests an error) is skipped and named.
FILE lists known disagreements, one a line as printed but with the file's
base name ('name.c:LINE:COL: disagree: ...'), '#' starting a comment; each
must still occur, so that a fixed one leaves the list.
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys

REMARK = re.compile(
    r"^(?P<loc>[^ ]+:\d+:\d+): remark: (?P<verdict>typed|untyped) "
    r"'(?P<alloc>[^']*)' call in '(?P<fn>.*?)'(?P<rest>(: | as ').*)$")
PASS_FLAG = re.compile(r" \[-Rpass(-missed)?=typeslab\]$")
NOT_REWRITTEN = "; not rewritten: "
REASON_CLASS = re.compile(r" \[([a-z][a-z-]*)\]$")


def verdicts(output, from_pass):
    """({location: set of verdicts}, {location: allocators}, wrappers) of
    the site remarks in a compile's output; a verdict is 'typed' or
    'untyped [class]', wrappers the functions of [opaque-wrapper] sites."""
    sites, allocs, wrappers = {}, {}, set()
    for line in output.splitlines():
        flag = PASS_FLAG.search(line)
        if bool(flag) != from_pass:
            continue  # the other plugin's remark, or none of ours
        m = REMARK.match(line[:flag.start()] if flag else line)
        if not m:
            continue
        verdict = m.group("verdict")
        if verdict == "untyped":
            rest = m.group("rest")
            if NOT_REWRITTEN in rest:
                rest = rest[:rest.rindex(NOT_REWRITTEN)]
            c = REASON_CLASS.search(rest)
            verdict += " [%s]" % (c.group(1) if c else "?")
            if verdict == "untyped [opaque-wrapper]":
                wrappers.add(m.group("fn"))
        sites.setdefault(m.group("loc"), set()).add(verdict)
        allocs.setdefault(m.group("loc"), set()).add(m.group("alloc"))
    return sites, allocs, wrappers


def compile_both(args, cwd, src, flags):
    """(pass verdicts, checker verdicts), or an error string."""
    base = [args.clang, "-fno-color-diagnostics"] + flags
    runs = {
        "pass": base + ["-O0", "-c", "-o", os.devnull,
                        "-fpass-plugin=" + args.pass_plugin,
                        "-Rpass=typeslab", "-Rpass-missed=typeslab",
                        "-mllvm", "-typeslab-records=false", src],
        "checker": base + ["-fsyntax-only", "-fplugin=" + args.checker, src],
    }
    out = {}
    for name, cmd in runs.items():
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
        if p.returncode != 0:
            return "the %s compile fails" % name
        out[name] = verdicts(p.stderr, name == "pass")
    return out["pass"], out["checker"]


def compare(pass_result, checker_result):
    """(lines naming each site whose verdicts differ, sites compared, calls
    of wrappers left out)."""
    pass_sites, allocs, wrappers = pass_result
    checker_sites = checker_result[0]
    lines = []
    compared = wrapper_calls = 0
    for loc in sorted(set(pass_sites) | set(checker_sites)):
        p = pass_sites.get(loc)
        if p is None:
            continue  # never emitted: the pass has no verdict
        if allocs[loc] <= wrappers:
            wrapper_calls += 1
            continue
        compared += 1
        c = checker_sites.get(loc)
        untyped_p = {v for v in p if v != "typed"}
        if (c or set()) == untyped_p:
            continue
        lines.append("%s: disagree: pass says %s, checker says %s" % (
            loc, ", ".join(sorted(p)),
            ", ".join(sorted(c)) if c else "typed (no remark)"))
    return lines, compared, wrapper_calls


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--clang", required=True)
    ap.add_argument("--pass", dest="pass_plugin", required=True)
    ap.add_argument("--checker", required=True)
    ap.add_argument("--include", required=True)
    ap.add_argument("--corpus")
    ap.add_argument("--lit", action="append", default=[])
    ap.add_argument("--known")
    args = ap.parse_args()
    # The compiles run from each input's folder.
    for name in ("pass_plugin", "checker", "include"):
        setattr(args, name, os.path.abspath(getattr(args, name)))
    if os.path.sep in args.clang:
        args.clang = os.path.abspath(args.clang)
    known = set()
    if args.known:
        for line in open(args.known):
            line = line.split("#", 1)[0].strip()
            if line:
                known.add(line)

    jobs = []  # (set name, cwd, source, flags, must compile)
    if args.corpus:
        corpus = os.path.abspath(args.corpus)
        flags = ["-std=gnu11", "-I" + os.path.join(corpus, "include"),
                 "-I" + corpus, "-I" + args.include]
        for root, _, files in os.walk(corpus):
            for f in files:
                if f.endswith(".c"):
                    rel = os.path.relpath(os.path.join(root, f), corpus)
                    jobs.append(("corpus", corpus, rel, flags, True))
    for d in args.lit:
        d = os.path.abspath(d)
        for root, _, files in os.walk(d):
            for f in files:
                if f.endswith((".c", ".cpp")):
                    flags = ["-I" + os.path.join(d, "Inputs"), "-I" + root,
                             "-I" + os.path.join(os.path.abspath(
                                 args.corpus or d), "include"),
                             "-I" + args.include]
                    jobs.append(("lit", d, os.path.join(root, f), flags,
                                 False))
    jobs.sort(key=lambda j: (j[0], j[2]))

    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda j: compile_both(args, *j[1:4]), jobs))

    disagreements = 0
    failed = False
    seen_known = set()
    summary = {}
    for (kind, _, src, _, must), result in zip(jobs, results):
        s = summary.setdefault(kind, {"files": 0, "sites": 0, "wrapper": 0,
                                      "skipped": []})
        if isinstance(result, str):
            if must:
                print("%s: %s" % (src, result))
                failed = True
            else:
                s["skipped"].append(os.path.basename(src))
            continue
        lines, compared, wrapper_calls = compare(*result)
        s["files"] += 1
        s["sites"] += compared
        s["wrapper"] += wrapper_calls
        for line in lines:
            short = os.path.basename(line)
            if short in known:
                print("known: " + short.replace(": disagree: ", ": "))
                seen_known.add(short)
                continue
            print(line)
            disagreements += 1
    for kind in sorted(summary):
        s = summary[kind]
        print("%s: %d files, %d sites compared, %d calls of wrappers left "
              "out; skipped %d: %s" % (
                  kind, s["files"], s["sites"], s["wrapper"],
                  len(s["skipped"]), " ".join(sorted(s["skipped"])) or "none"))
    for line in sorted(known - seen_known):
        print("known disagreement no longer seen: " + line)
        failed = True
    print("%d disagreements" % disagreements)
    return 1 if disagreements or failed else 0


if __name__ == "__main__":
    sys.exit(main())
