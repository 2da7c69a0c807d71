// Proves that when the size names a scalar and the destination another scalar
// of the same size (swapfile.c's kvmalloc_array(n, sizeof(long)) into an
// 'unsigned long *'), the site is typed as the destination's element, which
// is what the code stores; a destination of another size is still a conflict.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
#include "kernel.h"

struct node;

// CHECK: same-size-scalar-destination.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc_array' call in 'bitmap' as 'unsigned long' (array, evidence: size+destination
unsigned long *bitmap(size_t n) { unsigned long *map = kmalloc_array(n, sizeof(long), GFP_KERNEL); return map; }
// CHECK: same-size-scalar-destination.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kcalloc' call in 'slots' as 'struct node *' (array, evidence: size+destination
struct node **slots(size_t n) { struct node **s = kcalloc(n, sizeof(void *), GFP_KERNEL); return s; }

// CHECK: same-size-scalar-destination.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kmalloc_array' call in 'neg_other_size': the size names 'int' but the initialisation of 'm' names 'unsigned long' [conflicting-evidence]
unsigned long *neg_other_size(size_t n) { unsigned long *m = kmalloc_array(n, sizeof(int), GFP_KERNEL); return m; }
