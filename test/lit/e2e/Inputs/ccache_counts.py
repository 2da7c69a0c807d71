#!/usr/bin/env python3
"""ccache_counts.py: print 'hits H misses M' from `ccache --print-stats` of
the cache in CCACHE_DIR, counting direct and preprocessed hits alike."""
import subprocess

out = subprocess.run(["ccache", "--print-stats"], capture_output=True,
                     text=True, check=True).stdout
stats = dict(line.split("\t", 1) for line in out.splitlines() if "\t" in line)
hits = int(stats.get("direct_cache_hit", 0)) + int(stats.get("preprocessed_cache_hit", 0))
print("hits %d misses %d" % (hits, int(stats.get("cache_miss", 0))))
