#!/usr/bin/env bash
#===- scripts/kernel.sh - Build and boot a Linux kernel built with typeslab -===#
#
# The README's third command: a real kernel (Debian's linux-source-6.12),
# patched with contrib/linux/, compiled with the typeslab plugin, booted
# under QEMU on per-type caches.
#
#   scripts/kernel.sh build [--mode M] [--kasan]
#       Extract the source into $TYPESLAB_KBUILD, apply the series, configure
#       x86_64 defconfig + typeslab + KUnit, and build bzImage and modules
#       with LLVM=-22 and the plugin (IR verifier on, site records kept).
#       Incremental: a second run rebuilds what changed; a changed plugin
#       rebuilds everything it compiled. The image is left at
#       $TYPESLAB_KBUILD/bzImage (bzImage-kasan with --kasan).
#   scripts/kernel.sh boot [--mode M] [--kasan] [--init FILE] [--timeout S]
#                          [--no-kunit] [--icount] [-- KERNEL-ARGS]
#       Boot the image under qemu-system-x86_64 (TCG; KVM where /dev/kvm
#       exists) with a busybox initramfs. FILE (a static program or a script)
#       is the workload; the default is bench/linux/workload.c. Prints the
#       console, fails on a panic, hang, BUG, WARNING, Oops, KASAN report or
#       failed KUnit test, and exits with the workload's status. --icount
#       runs QEMU with -icount shift=0,sleep=off: the guest's clock counts
#       the instructions it executed (1 ns each), so the times it prints do
#       not depend on the host's load (TCG only; bench/linux/run.sh uses it).
#
# M is none, random, partitioned or typed (default typed). TYPESLAB_KBUILD
# defaults to ../kbuild beside the checkout; TYPESLAB_BUILD_DIR is the
# typeslab build (default ./build). Times on 2 cores: build ~45 minutes from
# scratch, a few minutes incremental; boot with the workload ~1-2 minutes.
#===------------------------------------------------------------------------===#
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
kb=${TYPESLAB_KBUILD:-$(cd "$root/.." && pwd)/kbuild}
build=${TYPESLAB_BUILD_DIR:-$root/build}
jobs=${TYPESLAB_JOBS:-$(nproc)}
tarball=/usr/src/linux-source-6.12.tar.xz
series=$root/contrib/linux

usage() {
  sed -n '/^#   scripts/,/^# M is/p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

cmd=${1:-}; [ -n "$cmd" ] || usage; shift
mode=typed kasan=0 init= timeout= kunit=1 icount=0 kargs=()
while [ $# -gt 0 ]; do
  case $1 in
    --mode) mode=${2:?--mode needs a value}; shift 2 ;;
    --mode=*) mode=${1#--mode=}; shift ;;
    --kasan) kasan=1; shift ;;
    --init) init=${2:?--init needs a file}; shift 2 ;;
    --timeout) timeout=${2:?--timeout needs seconds}; shift 2 ;;
    --no-kunit) kunit=0; shift ;;
    --icount) icount=1; shift ;;
    --) shift; kargs=("$@"); break ;;
    *) echo "kernel.sh: unknown argument '$1'" >&2; usage ;;
  esac
done
case $mode in none|random|partitioned|typed) ;;
  *) echo "kernel.sh: --mode is none, random, partitioned or typed, not '$mode'" >&2
     exit 2 ;;
esac
suffix=; [ "$kasan" = 1 ] && suffix=-kasan
src=$kb/src
out=$kb/out$suffix
image=$kb/bzImage$suffix

series_hash() { cat "$series"/*.patch | sha256sum | cut -c1-16; }

# The files the series touches, from its patches' headers.
series_files() {
  sed -n 's#^+++ b/##p; s#^--- a/##p' "$series"/*.patch | sort -u
}

# The source tree: the tarball with the series applied. When the series
# changes, a fresh copy is made and, of the files the old or the new series
# touches, those whose contents differ are replaced, so that kbuild rebuilds
# what the change touches and nothing else. (A tree without the list of the
# old series' files is compared file by file, which takes minutes.)
prepare_source() {
  [ -f "$tarball" ] || {
    echo "kernel.sh: $tarball missing; run scripts/kernel-setup.sh" >&2; exit 1; }
  local want; want=$(series_hash)
  [ -f "$src/.typeslab-series" ] && [ "$(cat "$src/.typeslab-series")" = "$want" ] && return
  local fresh=$kb/src.new
  rm -rf "$fresh"; mkdir -p "$fresh"
  echo "== extracting $(basename "$tarball") and applying contrib/linux"
  tar -C "$fresh" --strip-components=1 -xf "$tarball"
  for p in "$series"/*.patch; do
    patch -d "$fresh" -p1 --quiet --forward < "$p" || {
      echo "kernel.sh: $(basename "$p") does not apply" >&2; exit 1; }
  done
  if [ -d "$src" ]; then
    local list=$kb/src.files
    if [ -f "$src/.typeslab-files" ]; then
      { cat "$src/.typeslab-files"; series_files; } | sort -u | sed 's#^#./#' > "$list"
    else
      (cd "$fresh" && find . -type f; cd "$src" && find . -path ./.git -prune -o -type f -print) |
        grep -v '^\./\.typeslab-' | sort -u > "$list"
    fi
    # Replace changed files only, keeping the others' times.
    while IFS= read -r f; do
      if [ -e "$fresh/$f" ]; then
        cmp -s "$fresh/$f" "$src/$f" || { mkdir -p "$(dirname "$src/$f")"; cp -p "$fresh/$f" "$src/$f"; touch "$src/$f"; }
      else
        rm -f "$src/$f"
      fi
    done < "$list"
    rm -rf "$fresh" "$list"
  else
    mv "$fresh" "$src"
  fi
  series_files > "$src/.typeslab-files"
  echo "$want" > "$src/.typeslab-series"
}

# The plugin, copied under a name that changes with its contents: the path
# is part of KCFLAGS, so a changed plugin rebuilds every object.
install_plugin() {
  local pass=$build/lib/TypeslabPass.so fe=$build/lib/TypeslabFrontend.so
  [ -f "$pass" ] && [ -f "$fe" ] || {
    echo "kernel.sh: build typeslab first ($pass missing): scripts/test.sh or ninja -C build" >&2
    exit 1; }
  local h; h=$(cat "$pass" "$fe" | sha256sum | cut -c1-12)
  plugin=$kb/plugin-$h
  if [ ! -f "$plugin/TypeslabPass.so" ]; then
    mkdir -p "$plugin.tmp"; cp "$pass" "$fe" "$plugin.tmp/"; mv "$plugin.tmp" "$plugin"
  fi
}

configure() {
  local cfg=$src/scripts/config
  mkdir -p "$out"
  [ -f "$out/.config" ] || make -C "$src" O="$out" LLVM=-22 defconfig >/dev/null
  local upper; upper=$(echo "$mode" | tr a-z A-Z)
  "$cfg" --file "$out/.config" -d LOCALVERSION_AUTO -e KUNIT -d KUNIT_ALL_TESTS \
    -e TYPESLAB -e "TYPESLAB_CACHES_$upper" -e TYPESLAB_KUNIT_TEST \
    -m TYPESLAB_KUNIT_MODULE_TEST
  if [ "$kasan" = 1 ]; then
    "$cfg" --file "$out/.config" -e KASAN -e KASAN_GENERIC -e KASAN_INLINE
  fi
  make -C "$src" O="$out" LLVM=-22 olddefconfig >/dev/null
  grep -q "^CONFIG_TYPESLAB_CACHES_$upper=y" "$out/.config" || {
    echo "kernel.sh: CONFIG_TYPESLAB_CACHES_$upper did not stick" >&2; exit 1; }
}

do_build() {
  "$root/scripts/kernel-setup.sh"
  mkdir -p "$kb"
  prepare_source
  install_plugin
  configure
  local kcflags="-fpass-plugin=$plugin/TypeslabPass.so -mllvm -typeslab-verify \
-mllvm -typeslab-sites=$kb/sites$suffix"
  local log=$kb/build$suffix.log start; start=$(date +%s)
  echo "== building bzImage and modules in $out (log: $log)"
  if ! make -C "$src" O="$out" LLVM=-22 -j"$jobs" KCFLAGS="$kcflags" \
       bzImage modules > "$log" 2>&1; then
    grep -E "error|Error" "$log" | head -20 >&2
    echo "kernel.sh: kernel build failed; see $log" >&2; exit 1
  fi
  if grep -qE "typeslab: |PLEASE submit a bug report" "$log"; then
    grep -E "typeslab: |PLEASE submit" "$log" | head -20 >&2
    echo "kernel.sh: the plugin reported a problem; see $log" >&2; exit 1
  fi
  # A warning of the kernel's own tools (modpost, objtool, the linker's
  # orphan sections) about what the plugin emitted is a failure too.
  if grep -qiE "warning.*typeslab" "$log"; then
    grep -iE "warning.*typeslab" "$log" | head -20 >&2
    echo "kernel.sh: the build warns about typeslab's output; see $log" >&2; exit 1
  fi
  cp "$out/arch/x86/boot/bzImage" "$image"
  echo "== built $image in $(( $(date +%s) - start )) s"
}

# A busybox initramfs with the workload (or FILE), the test module and an
# init that reports memory, runs the workload and powers off.
make_initramfs() {
  local dir=$kb/initramfs$suffix
  rm -rf "$dir"; mkdir -p "$dir"/{bin,dev,proc,sys,tmp}
  cp /bin/busybox "$dir/bin/busybox"
  ln -s busybox "$dir/bin/sh"; ln -s busybox "$dir/bin/true"
  local mod; mod=$(find "$out" -name typeslab_kunit_module.ko | head -1)
  [ -n "$mod" ] && cp "$mod" "$dir/"
  if [ -n "$init" ]; then
    cp "$init" "$dir/workload"
  else
    cc -O2 -static -pthread -o "$dir/workload" "$root/bench/linux/workload.c"
  fi
  chmod +x "$dir/workload"
  cat > "$dir/init" <<'EOF'
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev 2>/dev/null
mount -t tmpfs tmp /tmp
ip link set lo up
echo "TYPESLAB-INIT uptime=$(cut -d' ' -f1 /proc/uptime)"
mem() {
  echo "TYPESLAB-MEM $1 $(grep -E '^(Slab|SUnreclaim):' /proc/meminfo | tr -s ' ' | tr '\n' ' ')caches=$(($(wc -l < /proc/slabinfo) - 2))"
}
mem boot
[ -f /typeslab_kunit_module.ko ] && insmod /typeslab_kunit_module.ko
/workload
rc=$?
mem workload
grep -c '^ts:' /proc/slabinfo | sed 's/^/TYPESLAB-TYPED-CACHES /'
echo "TYPESLAB-EXIT=$rc"
poweroff -f
EOF
  chmod +x "$dir/init"
  (cd "$dir" && find . | cpio -o -H newc --quiet | gzip -1) > "$kb/initramfs$suffix.cpio.gz"
}

do_boot() {
  "$root/scripts/kernel-setup.sh"
  [ -f "$image" ] || { echo "kernel.sh: $image missing; run scripts/kernel.sh build${suffix:+ --kasan}" >&2; exit 1; }
  make_initramfs
  # TCG runs both vCPUs in one host thread: with one thread per vCPU
  # (MTTCG), the kernel's int3-based code patching (static keys) raced with
  # the other vCPU and oopsed on an int3 in about 1 of 8 boots here.
  local accel=tcg,thread=single qemu_extra=()
  if [ "$icount" = 1 ]; then
    qemu_extra=(-icount shift=0,sleep=off)
  elif [ -w /dev/kvm ]; then
    accel=kvm
  fi
  local limit=${timeout:-$([ "$kasan" = 1 ] && echo 900 || echo 600)}
  local log=$kb/boot$suffix-$mode.log
  local append="console=ttyS0 panic=-1 oops=panic typeslab.mode=$mode"
  [ "$kunit" = 1 ] || append+=" kunit.enable=0"
  append+=" ${kargs[*]:-}"
  echo "== booting $image (mode $mode, $accel, limit ${limit}s): $append"
  set +e
  timeout --foreground -k 10 "$limit" qemu-system-x86_64 -accel "$accel" -m 1024 -smp 2 \
    -nographic -no-reboot -kernel "$image" -initrd "$kb/initramfs$suffix.cpio.gz" \
    -append "$append" "${qemu_extra[@]}" < /dev/null 2>&1 | tee "$log"
  local qrc=${PIPESTATUS[0]}
  set -e
  local status=0
  if [ "$qrc" = 124 ] || [ "$qrc" = 137 ]; then
    echo "kernel.sh: the kernel hung: no power-off within ${limit}s" >&2; status=1
  fi
  if grep -qE "Kernel panic|BUG:|WARNING:|Oops|KASAN:|general protection fault" "$log"; then
    echo "kernel.sh: the console shows a panic, BUG, WARNING, Oops or KASAN report" >&2; status=1
  fi
  if [ "$kunit" = 1 ]; then
    # Console lines carry a "[    3.26] " time stamp before the KTAP text.
    if grep -qE "# (typeslab|typeslab_module): .*fail:[1-9]|not ok [0-9]+ typeslab" "$log"; then
      echo "kernel.sh: a typeslab KUnit test failed" >&2; status=1
    fi
    for suite in typeslab typeslab_module; do
      grep -qE "(^|\] )\s*ok [0-9]+ $suite\s*$" "$log" ||
        { echo "kernel.sh: the $suite KUnit suite did not pass" >&2; status=1; }
    done
  fi
  local rc; rc=$(sed -n 's/^TYPESLAB-EXIT=\([0-9]*\).*/\1/p' "$log" | tail -1)
  if [ -z "$rc" ]; then
    echo "kernel.sh: the workload did not finish" >&2; status=1
  elif [ "$rc" != 0 ]; then
    echo "kernel.sh: the workload exited with $rc" >&2; status=$rc
  fi
  exit "$status"
}

case $cmd in
  build) do_build ;;
  boot) do_boot ;;
  *) usage ;;
esac
