// Proves that a runtime-sized allocation is typed through where its result
// goes: a T * variable, a T * field, a return from a T * function, a T *
// parameter and an initialiser field; a 'void *' destination types nothing.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
#include "kernel.h"

struct node { struct node *next; long key; };
struct owner { struct node *head; void *opaque; };
void take(struct node *n);
void take_void(void *p);

// CHECK: destination.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'to_var' as 'struct node' (unknown, evidence: destination
void to_var(size_t n) { struct node *p; p = kmalloc(n, GFP_KERNEL); take(p); }
// CHECK: destination.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'to_field' as 'struct node' (unknown, evidence: destination
void to_field(struct owner *o, size_t n) { o->head = kmalloc(n, GFP_KERNEL); }
// CHECK: destination.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'to_return' as 'struct node' (unknown, evidence: destination
struct node *to_return(size_t n) { return kmalloc(n, GFP_KERNEL); }
// CHECK: destination.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'to_param' as 'struct node' (unknown, evidence: destination
void to_param(size_t n) { take(kmalloc(n, GFP_KERNEL)); }
// CHECK: destination.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'to_init_field' as 'struct node' (unknown, evidence: destination
struct owner to_init_field(size_t n) { struct owner o = { kmalloc(n, GFP_KERNEL), 0 }; return o; }
// CHECK: destination.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'neg_void_field': size is a runtime value and the result is only stored to a 'void *' (assignment to field 'opaque') [runtime-size-no-type]
void neg_void_field(struct owner *o, size_t n) { o->opaque = kmalloc(n, GFP_KERNEL); }
// CHECK: destination.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'neg_void_param': size is a runtime value and the result is only stored to a 'void *' (argument 1 of 'take_void') [runtime-size-no-type]
void neg_void_param(size_t n) { take_void(kmalloc(n, GFP_KERNEL)); }
