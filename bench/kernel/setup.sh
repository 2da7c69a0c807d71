#!/usr/bin/env bash
#===- bench/kernel/setup.sh - Install the real-kernel benchmark's inputs --===#
#
# Installs Debian's linux-source-6.12 (a tarball under /usr/src) and what a
# kernel build with LLVM=-22 needs, through scripts/setup.sh so that only
# Debian packages are ever downloaded. Also valgrind (compile-time overhead
# is counted in instructions).
#   bench/kernel/setup.sh
#===------------------------------------------------------------------------===#
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
TYPESLAB_EXTRA_PACKAGES="linux-source-6.12 flex bison bc libelf-dev \
libssl-dev xz-utils cpio kmod python3 valgrind make gcc libc6-dev" \
  exec "$here/../../scripts/setup.sh"
