// Proves that kmemdup() is typed by its source and krealloc() by its old
// pointer when the size names nothing, that the size still wins, and that a
// byte source or old pointer types only what no wrapper caller can name.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
#include "kernel.h"

struct cfg { int mode; char *name; };

// CHECK: source-and-old-pointer.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmemdup' call in 'dup' as 'struct cfg' (unknown, evidence: source
void *dup(const struct cfg *c, size_t len) { return kmemdup(c, len, GFP_KERNEL); }
// CHECK: source-and-old-pointer.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'krealloc' call in 'grow' as 'struct cfg' (unknown, evidence: old-pointer
void *grow(struct cfg *c, size_t len) { return krealloc(c, len, GFP_KERNEL); }
// CHECK: source-and-old-pointer.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'krealloc' call in 'grow_sized' as 'struct cfg' (array, evidence: size
void *grow_sized(struct cfg *c, size_t n) { return krealloc(c, n * sizeof(*c), GFP_KERNEL); }
// A byte source does not type a wrapper: returned with a caller's size, the
// callers name the type.
// CHECK: source-and-old-pointer.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kmemdup' call in 'dup_bytes': the size comes from parameter 'len' of 'dup_bytes', so only its callers know the type [opaque-wrapper]
void *dup_bytes(const u8 *b, size_t len) { return kmemdup(b, len, GFP_KERNEL); }
// A byte source types a copy that reaches no typed pointer as its bytes.
struct msg { size_t len; void *body; };
// CHECK: source-and-old-pointer.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmemdup' call in 'copy_body' as 'unsigned char' (array, evidence: source
void copy_body(struct msg *m, const u8 *b) { m->body = kmemdup(b, m->len, GFP_KERNEL); }
// So does a byte old pointer.
// CHECK: source-and-old-pointer.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'krealloc' call in 'grow_body' as 'char' (array, evidence: old-pointer
void grow_body(struct msg *m, char *old) { m->body = krealloc(old, m->len, GFP_KERNEL); }
