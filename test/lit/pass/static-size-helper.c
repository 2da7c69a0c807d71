// Proves that a size from a static (inline) helper whose body is one return
// of a pure size expression of its parameters is read through, two helpers
// deep; helpers that do more, or are not static, leave the site untyped with
// the reason.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
#include "kernel.h"

struct ring_desc { u32 len; void *buf; };
struct ring { u32 head; u32 tail; struct ring_desc desc[]; };
struct other { long a, b, c; };

static inline size_t ring_bytes(int n) { return n * sizeof(struct ring_desc); }
static size_t ring_total(int n) { return sizeof(struct ring) + ring_bytes(n); }
static size_t ring_bytes2(int n) { return ring_bytes(n); }
static size_t ring_bytes3(int n) { return ring_bytes2(n); }
static inline size_t pick(int big) { return big ? sizeof(struct ring_desc) : sizeof(struct other); }
static inline size_t counted(int n) {
  size_t sz = n;
  return sz * sizeof(struct ring_desc);
}
static int scale = 4;
static inline size_t scaled(int n) { return n * scale * sizeof(struct ring_desc); }
size_t exported_bytes(int n) { return n * sizeof(struct ring_desc); }

// CHECK: static-size-helper.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kzalloc' call in 'one_level' as 'struct ring_desc' (array, evidence: size
void *one_level(int n) { void *p = kzalloc(ring_bytes(n), GFP_KERNEL); return p; }
// CHECK: static-size-helper.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kzalloc' call in 'two_levels' as 'struct ring' (flex, evidence: size
void *two_levels(int n) { void *p = kzalloc(ring_total(n), GFP_KERNEL); return p; }
// The argument stands for the parameter: a typed argument types the site.
// CHECK: static-size-helper.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'typed_argument' as 'struct ring_desc' (array, evidence: size+destination
struct ring_desc *typed_argument(int n) { struct ring_desc *d = kmalloc(ring_bytes(n), GFP_KERNEL); return d; }
// CHECK: static-size-helper.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kzalloc' call in 'two_plain_levels' as 'struct ring_desc' (array, evidence: size
void *two_plain_levels(int n) { void *p = kzalloc(ring_bytes2(n), GFP_KERNEL); return p; }
// CHECK: static-size-helper.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kzalloc' call in 'three_levels': size is a runtime value (size helper 'ring_bytes' is more than two helpers deep) and the result is only stored to a 'void *' (initialisation of 'p') [runtime-size-no-type]
void *three_levels(int n) { void *p = kzalloc(ring_bytes3(n), GFP_KERNEL); return p; }
// A helper that picks between two types is a bucket, as ?: itself is.
// CHECK: static-size-helper.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kzalloc' call in 'bucket_helper': the size picks between 'struct ring_desc' and 'struct other' at run time [size-bucket]
void *bucket_helper(int big) { void *p = kzalloc(pick(big), GFP_KERNEL); return p; }
// CHECK: static-size-helper.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kzalloc' call in 'statements_helper': size is a runtime value (size helper 'counted' is not a single 'return') and the result is only stored to a 'void *' (initialisation of 'p') [runtime-size-no-type]
void *statements_helper(int n) { void *p = kzalloc(counted(n), GFP_KERNEL); return p; }
// CHECK: static-size-helper.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kzalloc' call in 'global_helper': size is a runtime value (size helper 'scaled' returns more than a size expression of its parameters) and the result is only stored to a 'void *' (initialisation of 'p') [runtime-size-no-type]
void *global_helper(int n) { void *p = kzalloc(scaled(n), GFP_KERNEL); return p; }
// Another TU may replace an exported function: not followed.
// CHECK: static-size-helper.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kzalloc' call in 'exported_helper': size is a runtime value and the result is only stored to a 'void *' (initialisation of 'p') [runtime-size-no-type]
void *exported_helper(int n) { void *p = kzalloc(exported_bytes(n), GFP_KERNEL); return p; }
