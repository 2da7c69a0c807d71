// Proves that c ? sizeof(A) : sizeof(B) is never typed as one of them but
// becomes a size-bucket site, while equal arms keep their type.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
#include "kernel.h"

struct a4 { int x; };
struct b8 { long y; };

// CHECK: conditional-size-bucket.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'bucket': the size picks between 'struct a4' and 'struct b8' at run time [size-bucket]
void *bucket(int c) { return kmalloc(c ? sizeof(struct a4) : sizeof(struct b8), GFP_KERNEL); }
// Even a typed destination does not pick an arm.
// CHECK: conditional-size-bucket.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'bucket_dest': the size picks between 'struct a4' and 'struct b8' at run time [size-bucket]
struct a4 *bucket_dest(int c) { return kmalloc(c ? sizeof(struct a4) : sizeof(struct b8), GFP_KERNEL); }
// CHECK: conditional-size-bucket.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'same_arms' as 'struct b8' (single, evidence: size
void *same_arms(int c) { return kmalloc(c ? sizeof(struct b8) : sizeof(struct b8), GFP_KERNEL); }
