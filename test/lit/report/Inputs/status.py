#!/usr/bin/env python3
"""status.py SCRIPT ARGS...: run a Python SCRIPT, then print 'status N' and
its stderr, so a test can FileCheck an exit status next to its message."""
import subprocess
import sys

r = subprocess.run([sys.executable] + sys.argv[1:], capture_output=True, text=True)
print("status", r.returncode)
print(r.stderr, end="")
