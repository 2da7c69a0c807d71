// Proves that a struct never completed in the translation unit leaves the
// site untyped with the incomplete-type class instead of inventing a layout,
// while one completed later in the file is typed (verdicts are made at the
// end of the translation unit, where the layout is known).
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
#include "kernel.h"

struct opaque;
struct later;
// CHECK: incomplete-type.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'inc': the type 'struct opaque' is incomplete here [incomplete-type]
struct opaque *inc(size_t n) { return kmalloc(n, GFP_KERNEL); }
// CHECK: incomplete-type.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'completed_later' as 'struct later'
struct later *completed_later(size_t n) { return kmalloc(n, GFP_KERNEL); }
struct later { int x; };
struct opaque_done { int y; };
// CHECK: incomplete-type.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'complete' as 'struct opaque_done'
struct opaque_done *complete(size_t n) { return kmalloc(n, GFP_KERNEL); }
