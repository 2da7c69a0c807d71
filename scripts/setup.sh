#!/usr/bin/env bash
#===- scripts/setup.sh - Install what a fresh Debian 12 machine lacks -----===#
#
# Installs the Debian packages typeslab builds and tests with. Does nothing
# when every one is present; downloads nothing but Debian packages.
#   scripts/setup.sh
#===------------------------------------------------------------------------===#
set -euo pipefail

packages=(llvm-22-dev libclang-22-dev clang-22 llvm-22-tools lld-22
          cmake ninja-build python3)
# What the test suite uses besides: csmith and its header (differential testing of the
# pass), libFuzzer and clang 22's sanitizer runtimes (the runtime's fuzz
# target), Chromium (the HTML report renders headless).
packages+=(csmith libcsmith-dev libfuzzer-22-dev libclang-rt-22-dev chromium)
# The contrib/linux checks apply the series to Debian's kernel source.
packages+=(linux-source-6.12 patch xz-utils)
# The preload test runs unmodified sqlite3 on libtypeslab.so (test/preload/).
packages+=(sqlite3)
# ccache and distcc: the build-integration tests (test/lit/e2e).
packages+=(ccache distcc)
# Benchmarks add their own (bench/*/setup.sh) through this variable.
packages+=(${TYPESLAB_EXTRA_PACKAGES:-})

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "typeslab setup: installing ${missing[*]}" >&2
SUDO=
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
