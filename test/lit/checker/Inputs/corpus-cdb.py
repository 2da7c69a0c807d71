#!/usr/bin/env python3
# Writes compile_commands.json for a copy of the kernel corpus: one entry
# per file of SOURCES (and main.c), with the flags of its build.sh (its -O2,
# or the optimisation level given).
#   corpus-cdb.py CORPUS_DIR TYPESLAB_INCLUDE CLANG [-O0|-O1|-O2|...]
import json
import os
import sys

corpus, include, clang = sys.argv[1:4]
opt = sys.argv[4] if len(sys.argv) > 4 else "-O2"
corpus = os.path.realpath(corpus)
with open(os.path.join(corpus, "SOURCES")) as f:
    sources = [line.strip() for line in f if line.strip()] + ["main.c"]
flags = [opt, "-std=gnu11", "-Wall", "-Werror", "-I" + os.path.join(corpus, "include"),
         "-I" + corpus, "-I" + include]
entries = [{"directory": corpus, "file": src,
            "arguments": [clang] + flags + ["-c", src, "-o", src + ".o"]} for src in sources]
with open(os.path.join(corpus, "compile_commands.json"), "w") as f:
    json.dump(entries, f, indent=1)
