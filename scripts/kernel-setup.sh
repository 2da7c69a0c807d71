#!/usr/bin/env bash
#===- scripts/kernel-setup.sh - Install what scripts/kernel.sh needs -------===#
#
# Debian's linux-source-6.12 (the tarball under /usr/src), the kernel's build
# dependencies, QEMU and a static busybox, through scripts/setup.sh so that
# only Debian packages are ever downloaded.
#   scripts/kernel-setup.sh
#===------------------------------------------------------------------------===#
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
TYPESLAB_EXTRA_PACKAGES="${TYPESLAB_EXTRA_PACKAGES:-} linux-source-6.12 flex bison \
bc libelf-dev libssl-dev xz-utils cpio kmod make gcc libc6-dev patch \
qemu-system-x86 busybox-static" exec "$here/setup.sh"
