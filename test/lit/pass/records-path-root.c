// Proves record paths do not depend on how the source was named: compiled
// as 'src/x.c' and as '<cwd>/src/x.c', both record 'src/x.c' (relative to
// the working directory, which the header records once as build folder
// and root), so the baseline gate sees no new and no fixed site;
// -typeslab-root=DIR makes paths relative to DIR instead, and a relative
// root is an error.
// RUN: rm -rf %t && mkdir -p %t/src && cp %s %t/src/x.c && cp %S/Inputs/kernel.h %t/src/
// RUN: cd %t && %clang -O2 -fpass-plugin=%typeslab_pass -mllvm -typeslab-sites=%t/rel -DPLAIN_CALLS -c -o %t/rel.o src/x.c
// RUN: cd %t && %clang -O2 -fpass-plugin=%typeslab_pass -mllvm -typeslab-sites=%t/abs -DPLAIN_CALLS -c -o %t/abs.o %t/src/x.c
// RUN: cat %t/rel/*.jsonl | FileCheck %s -DROOT=%t
// RUN: cat %t/abs/*.jsonl | FileCheck %s -DROOT=%t
// CHECK: {"build_dir":"[[ROOT]]","root":"[[ROOT]]","sites":1,"source":"src/x.c","typeslab_records":1,"typeslab_version":"{{[0-9.]+}}"}
// CHECK-NEXT: "file":"src/x.c","function":"untyped_buf"
// RUN: %python %typeslab_tools/typeslab-report --format json -o %t/base.json %t/rel.o
// RUN: %python %typeslab_tools/typeslab-report --baseline %t/base.json %t/abs.o 2>&1 >/dev/null | FileCheck %s --check-prefix=GATE
// GATE: typeslab-report: 0 new untyped, 0 fixed against the baseline
// RUN: cd %t && %clang -O2 -fpass-plugin=%typeslab_pass -mllvm -typeslab-sites=%t/rooted -mllvm -typeslab-root=%t/src -DPLAIN_CALLS -c -o %t/rooted.o src/x.c
// RUN: cat %t/rooted/*.jsonl | FileCheck %s --check-prefix=ROOTED
// ROOTED: "source":"x.c"
// ROOTED: "file":"x.c"
// RUN: cd %t && not %clang -O2 -fpass-plugin=%typeslab_pass -mllvm -typeslab-root=src -DPLAIN_CALLS -c -o %t/bad.o src/x.c 2>&1 | FileCheck %s --check-prefix=RELATIVE
// RELATIVE: error: typeslab: -typeslab-root='src' is not an absolute path
#include "kernel.h"

void *untyped_buf(size_t n) { return kmalloc(n, GFP_KERNEL); }
