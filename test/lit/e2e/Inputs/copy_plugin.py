#!/usr/bin/env python3
"""copy_plugin.py PASS DIR: copy TypeslabPass.so and the TypeslabFrontend.so
next to it into DIR, so a test can change its own copies."""
import os
import shutil
import sys

src = os.path.dirname(sys.argv[1])
for name in ("TypeslabPass.so", "TypeslabFrontend.so"):
    shutil.copy(os.path.join(src, name), sys.argv[2])
