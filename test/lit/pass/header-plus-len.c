// Proves that len + sizeof(struct hdr), sizeof(*p) + len and a local
// size_t sz = sizeof(T) are typed.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
#include "kernel.h"

struct hdr { u32 type; u32 len; void *next; };

// CHECK: header-plus-len.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'len_plus_hdr' as 'struct hdr' (flex, evidence: size
void *len_plus_hdr(size_t len) { return kmalloc(len + sizeof(struct hdr), GFP_KERNEL); }
// CHECK: header-plus-len.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kzalloc' call in 'deref_plus_len' as 'struct hdr' (flex, evidence: size+destination
struct hdr *deref_plus_len(struct hdr *p, size_t len) { p = kzalloc(sizeof(*p) + len, GFP_KERNEL); return p; }
// CHECK: header-plus-len.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'size_var' as 'struct hdr' (single, evidence: size
void *size_var(void) { size_t sz = sizeof(struct hdr); void *p = kmalloc(sz, GFP_KERNEL); return p; }
// A size variable that comes from a parameter names nothing.
// CHECK: header-plus-len.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'neg_param_var': size is a runtime value and the result is only stored to a 'void *' (initialisation of 'p') [runtime-size-no-type]
void *neg_param_var(size_t n) { size_t sz = n; void *p = kmalloc(sz, GFP_KERNEL); return p; }
