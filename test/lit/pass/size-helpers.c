// Proves that struct_size(), size_add(), size_mul() and array_size() keep
// the flexible struct or array type, through the kernel's macro shapes.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
#include "kernel.h"

struct msg { u32 len; struct msg *next; u8 body[]; };
struct item { long key; void *val; };

// CHECK: size-helpers.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'struct_size_var' as 'struct msg' (flex,
struct msg *struct_size_var(struct msg *m, size_t n) { return kmalloc(struct_size(m, body, n), GFP_KERNEL); }
// CHECK: size-helpers.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kzalloc' call in 'struct_size_const' as 'struct msg' (flex,
void *struct_size_const(struct msg *m) { return kzalloc(struct_size(m, body, 16), GFP_KERNEL); }
// CHECK: size-helpers.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'size_add_flex' as 'struct msg' (flex,
void *size_add_flex(size_t n) { return kmalloc(size_add(sizeof(struct msg), size_mul(n, sizeof(u8))), GFP_KERNEL); }
// CHECK: size-helpers.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kvmalloc' call in 'array_size_items' as 'struct item' (array,
void *array_size_items(size_t n) { void *kvmalloc(size_t, gfp_t); return kvmalloc(array_size(n, sizeof(struct item)), GFP_KERNEL); }
// A helper of unknown meaning says nothing about the type.
// CHECK: size-helpers.c:[[@LINE+2]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'neg_unknown_helper': size is a runtime value and the result is only stored to a 'void *' (initialisation of 'p') [runtime-size-no-type]
size_t unknown_helper(size_t, size_t);
void *neg_unknown_helper(size_t n) { void *p = kmalloc(unknown_helper(n, sizeof(struct item)), GFP_KERNEL); return p; }
