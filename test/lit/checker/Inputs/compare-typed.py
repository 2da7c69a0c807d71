#!/usr/bin/env python3
# Compares two typeslab-report JSON summaries: prints the typed and untyped
# counts before and after, and exits 1 if fewer sites are typed after.
#   compare-typed.py BEFORE.json AFTER.json
import json
import sys

before, after = (json.load(open(p))["summary"] for p in sys.argv[1:3])
print("typed before %d of %d, after %d of %d" % (
    before["typed"], before["sites"], after["typed"], after["sites"]))
if after["typed"] < before["typed"]:
    print("fewer typed sites after conversion")
    sys.exit(1)
print("same or more typed sites after conversion")
