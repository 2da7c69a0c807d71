#!/usr/bin/env python3
#===- test/csmith/heapify.py - Move a csmith program's globals to the heap -===#
#
# csmith programs keep their state in file-scope globals and almost never
# call malloc, so compiling one with the typeslab pass would rewrite nothing.
# This rewrite moves every global `g_N` of the program into its own heap
# object, so that every global becomes a typed allocation site:
#
#   static int32_t *g_135[8] = {&g_104, ...};
# becomes
#   static int32_t *(*g_135_p)[8];
#   #define g_135 (*g_135_p)
#
# and a function run first in main() allocates each object with sizeof of
# its own type, cycling through three allocation forms so that all of the
# libc profile's common entry points are exercised:
#
#   g_2_p = malloc(sizeof(*g_2_p));                       (globals 0, 3, ...)
#   g_6_p = calloc(1, sizeof(*g_6_p));                    (globals 1, 4, ...)
#   { void *grow = malloc(1);                            (globals 2, 5, ...)
#     g_50_p = grow ? realloc(grow, sizeof(*g_50_p)) : NULL; }
#
# An array global `T g_105[8][9]` takes the counted forms instead of the
# first two: `malloc(8 * sizeof(**g_105_p))` and `calloc(8, sizeof(**g_105_p))`.
#
# then copies in the original initialiser (kept verbatim as the initialiser
# of a local copy, so `&g_104` now names the heap object), and a function run
# just before main() returns frees every object. The rewrite preserves the
# program's meaning: csmith programs never print addresses, and a global's
# initialiser is a constant expression, so it reads no other global's value
# and only needs the other objects to be allocated first.
#
#   heapify.py program.c > program-heap.c
#
# A global the rewrite does not understand is an error (exit status 2), never
# left behind silently.
#===------------------------------------------------------------------------===#
import re
import sys

GLOBAL = re.compile(
    r"^(?:static\s+)?(?P<type>[^=(]*?)\s*\b(?P<name>g_\d+)"
    r"(?P<dims>(?:\[\d+\])*)\s*=\s*(?P<init>.*?);\s*(?:/\*.*\*/)?\s*$")
MAIN = re.compile(r"^int main\s*\(.*\)\s*$")


def fail(msg):
    sys.stderr.write("heapify: " + msg + "\n")
    sys.exit(2)


def allocation(index, name, dims):
    p = name + "_p"
    form = index % 3
    # An array global is also allocated as a count of its first dimension.
    count = dims[1:dims.index("]")] if dims else None
    if form == 0 and count:
        return "    %s = malloc(%s * sizeof(**%s));" % (p, count, p)
    if form == 0:
        return "    %s = malloc(sizeof(*%s));" % (p, p)
    if form == 1 and count:
        return "    %s = calloc(%s, sizeof(**%s));" % (p, count, p)
    if form == 1:
        return "    %s = calloc(1, sizeof(*%s));" % (p, p)
    return ("    { void *grow = malloc(1);\n"
            "      %s = grow ? realloc(grow, sizeof(*%s)) : NULL; }" % (p, p))


def heapify(lines):
    try:
        begin = lines.index("/* --- GLOBAL VARIABLES --- */")
        end = lines.index("/* --- FORWARD DECLARATIONS --- */")
    except ValueError:
        fail("no csmith global-variable section")
    globals_ = []
    out = lines[:begin + 1]
    for n, line in enumerate(lines[begin + 1:end], begin + 2):
        if not line.strip():
            out.append(line)
            continue
        m = GLOBAL.match(line)
        if not m:
            fail("unsupported global at line %d: %s" % (n, line[:80]))
        name, type_, dims = m.group("name"), m.group("type"), m.group("dims")
        globals_.append(m)
        out.append("static %s (*%s_p)%s;" % (type_, name, dims))
        out.append("#define %s (*%s_p)" % (name, name))

    body = lines[end:]
    mains = [i for i, l in enumerate(body) if MAIN.match(l)]
    if len(mains) != 1 or body[mains[0] + 1] != "{":
        fail("no 'int main (...)' followed by '{'")
    first = mains[0]
    returns = [i for i, l in enumerate(body)
               if i > first and l.strip() == "return 0;"]
    if not returns:
        fail("no 'return 0;' in main")
    last = returns[-1]

    init = ["/* --- HEAPIFY: globals live on the heap --- */",
            "static void heapify_init(void)", "{"]
    for i, m in enumerate(globals_):
        init.append(allocation(i, m.group("name"), m.group("dims")))
        init.append("    if (!%s_p) abort();" % m.group("name"))
    for m in globals_:
        name = m.group("name")
        # The copy drops 'volatile' so that memcpy may read it.
        copy_type = re.sub(r"\bvolatile\b", "", m.group("type"))
        init.append("    { %s %s_init%s = %s;"
                    % (copy_type, name, m.group("dims"), m.group("init")))
        init.append("      memcpy((void *)%s_p, &%s_init, sizeof(*%s_p)); }"
                    % (name, name, name))
    init += ["}", "", "static void heapify_fini(void)", "{"]
    for m in reversed(globals_):
        init.append("    free((void *)%s_p);" % m.group("name"))
    init += ["}", ""]

    body = (body[:first] + init + body[first:first + 2] +
            ["    heapify_init();"] + body[first + 2:last] +
            ["    heapify_fini();"] + body[last:])
    return ["#include <stdlib.h>", "#include <string.h>"] + out + body


def main():
    if len(sys.argv) != 2:
        fail("usage: heapify.py program.c")
    with open(sys.argv[1]) as f:
        lines = f.read().split("\n")
    sys.stdout.write("\n".join(heapify(lines)))


if __name__ == "__main__":
    main()
