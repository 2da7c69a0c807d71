#!/usr/bin/env python3
"""distcc_compare.py --cwd DIR --out OUT [--flags-file F] [--jobs N]
                      SOURCE... -- CFLAGS...

Starts two distccd helpers on 127.0.0.1 (two free ports), compiles every
SOURCE from DIR through distcc with the flags of F (shell words, as
tools/typeslab-flags prints them) and CFLAGS (no local fallback), compiles it
again locally with the same clang and flags, and prints:

  compiled N sources: remote M on helper 1, K on helper 2
  identical N of N objects
  differ: SOURCE          (one line per object that differs)

The helpers are stopped (their process groups, by id) before it exits.
"""
import argparse
import os
import shlex
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

CLANG = "/usr/lib/llvm-22/bin/clang"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_helper(port, log):
    # As root distccd switches to an unprivileged user: it logs to stderr,
    # which this process opens.
    with open(log, "wb") as f:
        p = subprocess.Popen(
            ["distccd", "--daemon", "--no-detach", "--listen", "127.0.0.1",
             "--port", str(port), "--allow", "127.0.0.1/32",
             "--enable-tcp-insecure", "--log-stderr", "--log-level", "info",
             "--jobs", "1"],
            stderr=f, stdout=subprocess.DEVNULL, start_new_session=True,
            # Its user cannot enter a private TMPDIR (lit sets one).
            env=dict(os.environ, TMPDIR="/tmp"))
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return p
        except OSError:
            time.sleep(0.05)
    stop(p)
    raise SystemExit("distcc_compare: distccd on port %d did not start" % port)


def stop(p):
    try:
        os.killpg(p.pid, 15)
    except ProcessLookupError:
        pass
    p.wait()


def compile_one(cmd, env, cwd):
    r = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if r.returncode:
        sys.stderr.write(r.stderr)
        raise SystemExit("distcc_compare: failed: %s" % " ".join(cmd))


def main(argv):
    if "--" not in argv:
        raise SystemExit("usage: distcc_compare.py --cwd DIR --out OUT "
                         "SOURCE... -- CFLAGS...")
    i = argv.index("--")
    ap = argparse.ArgumentParser()
    ap.add_argument("--cwd", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--flags-file")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("sources", nargs="+")
    args = ap.parse_args(argv[:i])
    cflags = argv[i + 1:]
    if args.flags_file:
        with open(args.flags_file) as f:
            cflags = shlex.split(f.read()) + cflags
    out = os.path.abspath(args.out)
    for d in ("remote", "local", "state"):
        os.makedirs(os.path.join(out, d), exist_ok=True)
    os.chmod(out, 0o755)

    def obj(kind, src):
        return os.path.join(out, kind, src.replace("/", "__") + ".o")

    ports = [free_port(), free_port()]
    logs = [os.path.join(out, "helper%d.log" % n) for n in (1, 2)]
    helpers = [start_helper(p, l) for p, l in zip(ports, logs)]
    try:
        env = dict(os.environ, DISTCC_HOSTS=" ".join("127.0.0.1:%d/1" % p for p in ports),
                   DISTCC_FALLBACK="0", DISTCC_DIR=os.path.join(out, "state"),
                   DISTCC_SKIP_LOCAL_RETRY="1")
        with ThreadPoolExecutor(args.jobs) as ex:
            list(ex.map(lambda s: compile_one(
                ["distcc", CLANG] + cflags + ["-c", s, "-o", obj("remote", s)],
                env, args.cwd), args.sources))
        for s in args.sources:
            compile_one([CLANG] + cflags + ["-c", s, "-o", obj("local", s)],
                        os.environ, args.cwd)
    finally:
        for h in helpers:
            stop(h)
    served = []
    for l in logs:
        with open(l, errors="replace") as f:
            served.append(sum(1 for line in f if "COMPILE_OK" in line))
    print("compiled %d sources: remote %d on helper 1, %d on helper 2"
          % (len(args.sources), served[0], served[1]))
    differ = []
    for s in args.sources:
        with open(obj("remote", s), "rb") as a, open(obj("local", s), "rb") as b:
            if a.read() != b.read():
                differ.append(s)
    print("identical %d of %d objects" % (len(args.sources) - len(differ), len(args.sources)))
    for s in differ:
        print("differ: " + s)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
