#!/usr/bin/env bash
#===- bench/programs/build.sh - Build Debian's sqlite plain and typed -----===#
#
# After setup.sh: configures Debian's sqlite 3.40.1 once (clang-22 -O2),
# makes its amalgamation and speedtest1 (sqlite-plain, for glibc, jemalloc,
# mimalloc and the preloaded runtime), then compiles the same amalgamation
# and speedtest1 with the same definitions through the typeslab pass (libc
# profile, site records in sites/) and links the runtime archive
# (sqlite-typed/speedtest1). SPEC=FILE adds -typeslab-spec=FILE.
#   bench/programs/build.sh BUILD_DIR
#===------------------------------------------------------------------------===#
set -euo pipefail
B=$(cd "${1:?usage: build.sh BUILD_DIR}" && pwd)
P=$B/programs
src=$(ls -d "$P"/sqlite3-*/ | head -n1)
mkdir -p "$P/sqlite-plain" "$P/sqlite-typed"
cd "$P/sqlite-plain"
[ -e Makefile ] || nice -n 15 "$src/configure" CC=clang-22 CFLAGS="-O2 -g0" \
  --with-tcl=/usr/lib/tcl8.6 --disable-readline >configure.log
nice -n 15 make -j2 speedtest1 >make.log
# The definitions the Makefile gives speedtest1.
defs=(-DSQLITE_OS_UNIX=1 -D_HAVE_SQLITE_CONFIG_H -DBUILD_sqlite -DNDEBUG
      -DSQLITE_THREADSAFE=1 -DSQLITE_ENABLE_MATH_FUNCTIONS -DSQLITE_HAVE_ZLIB=1
      -DSQLITE_OS_KV_OPTIONAL -I"$P/sqlite-plain" -I"$src/src")
pass=(-fpass-plugin="$B/lib/TypeslabPass.so" -mllvm -typeslab-profile=libc
      -mllvm -typeslab-sites="$P/sqlite-typed/sites")
[ -z "${SPEC:-}" ] || pass+=(-mllvm -typeslab-spec="$SPEC")
cd "$P/sqlite-typed"
rm -rf sites && mkdir sites
nice -n 15 clang-22 -O2 -g0 "${defs[@]}" "${pass[@]}" -c "$P/sqlite-plain/sqlite3.c" -o sqlite3.o
nice -n 15 clang-22 -O2 -g0 "${defs[@]}" "${pass[@]}" -c "$src/test/speedtest1.c" -o speedtest1.o
clang-22 -o speedtest1 speedtest1.o sqlite3.o "$B/lib/libtypeslab_runtime.a" -lm -lz -lpthread
"$B/../tools/typeslab-report" sites 2>/dev/null | head -n 20 || true
