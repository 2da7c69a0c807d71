// Proves that ALIGN(sizeof(T), a), max(sizeof(T), n) and round_up(sizeof(T), a)
// are T (clang 22 leaves all three untyped).
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
#include "kernel.h"

struct desc { void *addr; u32 len; };

// CHECK: align-max-roundup.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'aligned' as 'struct desc' (flex, evidence: size
void *aligned(void) { return kmalloc(ALIGN(sizeof(struct desc), 64), GFP_KERNEL); }
// CHECK: align-max-roundup.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'maxed' as 'struct desc' (flex, evidence: size
void *maxed(void) { return kmalloc(max(sizeof(struct desc), (size_t)128), GFP_KERNEL); }
// CHECK: align-max-roundup.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'rounded' as 'struct desc' (flex, evidence: size
void *rounded(void) { return kmalloc(round_up(sizeof(struct desc), 32), GFP_KERNEL); }
// Aligning a runtime length names nothing.
void *spare;
// CHECK: align-max-roundup.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'neg_aligned_len': size is a runtime value and the result is only stored to a 'void *' (assignment to 'spare') [runtime-size-no-type]
void neg_aligned_len(size_t len) { spare = kmalloc(ALIGN(len, 64), GFP_KERNEL); }
