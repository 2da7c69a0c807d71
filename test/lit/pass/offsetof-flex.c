// Proves that offsetof(S, tail) + n * sizeof(elem) is the flexible struct S,
// not the element (clang 22 types it as the element).
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
#include "kernel.h"

struct flex { int n; void *owner; int data[]; };

// CHECK: offsetof-flex.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'pos' as 'struct flex' (flex, evidence: size
void *pos(int n) { return kmalloc(offsetof(struct flex, data) + n * sizeof(int), GFP_KERNEL); }

// The element alone is an array of the element.
// CHECK: offsetof-flex.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'neg_elem_only' as 'int' (array, evidence: size
void *neg_elem_only(int n) { return kmalloc(n * sizeof(int), GFP_KERNEL); }
