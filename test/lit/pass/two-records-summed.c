// Proves that sizeof(A) + sizeof(B) of two different records is not typed
// as A (two objects in one block), unless A declares a flexible array member
// for the second and the second holds no pointer A lacks.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
#include "kernel.h"

struct hdr_a { u32 len; u32 flags; };
struct hdr_b { struct hdr_b *next; long key; };
struct host { void *ioaddr; unsigned long priv[]; };
struct plain_host { u32 quirks; unsigned long priv[]; };

// CHECK: two-records-summed.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'two_records': the size adds 'struct hdr_a' and 'struct hdr_b': two objects in one block, and 'struct hdr_a' declares no flexible array member to hold the second [conflicting-evidence]
void *two_records(void) { void *p = kmalloc(sizeof(struct hdr_a) + sizeof(struct hdr_b), GFP_KERNEL); return p; }
// A third term does not hide the pair.
// CHECK: two-records-summed.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kzalloc' call in 'two_records_and_len': the size adds 'struct hdr_b' and 'struct hdr_a': two objects in one block, and 'struct hdr_b' declares no flexible array member to hold the second [conflicting-evidence]
void *two_records_and_len(size_t len) { void *p = kzalloc(sizeof(struct hdr_b) + len + sizeof(struct hdr_a), GFP_KERNEL); return p; }
// A typed destination does not pick one of the two.
// CHECK: two-records-summed.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'two_records_dest': the size adds 'struct hdr_a' and 'struct hdr_b': two objects in one block, and 'struct hdr_a' declares no flexible array member to hold the second [conflicting-evidence]
struct hdr_a *two_records_dest(void) { struct hdr_a *a = kmalloc(sizeof(*a) + sizeof(struct hdr_b), GFP_KERNEL); return a; }
// The header's flexible array holds the private part (netdev_priv style).
// CHECK: two-records-summed.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kzalloc' call in 'flexible_tail' as 'struct host' (flex, evidence: size+destination
struct host *flexible_tail(void) { struct host *h = kzalloc(sizeof(struct host) + sizeof(struct hdr_b), GFP_KERNEL); return h; }
// A header that holds no pointer does not stand for a tail that does.
// CHECK: two-records-summed.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kzalloc' call in 'pointer_tail': the size adds 'struct plain_host' and 'struct hdr_b': 'struct hdr_b' holds pointers and 'struct plain_host', whose flexible tail it fills, holds none [conflicting-evidence]
void *pointer_tail(void) { void *h = kzalloc(sizeof(struct plain_host) + sizeof(struct hdr_b), GFP_KERNEL); return h; }
// A record and a scalar are the record, whichever comes first, unless the
// scalar is a pointer the record lacks. A record plus n elements is flexible.
// CHECK: two-records-summed.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'record_and_scalar' as 'struct hdr_a' (flex, evidence: size
void *record_and_scalar(void) { void *p = kmalloc(sizeof(struct hdr_a) + sizeof(u32), GFP_KERNEL); return p; }
// CHECK: two-records-summed.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'scalar_and_record' as 'struct hdr_b' (flex, evidence: size
void *scalar_and_record(void) { void *p = kmalloc(sizeof(u32) + sizeof(struct hdr_b), GFP_KERNEL); return p; }
// CHECK: two-records-summed.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'record_and_pointer': the size adds 'struct hdr_a' and 'void *': 'void *' holds a pointer and 'struct hdr_a' holds none [conflicting-evidence]
void *record_and_pointer(void) { void *p = kmalloc(sizeof(struct hdr_a) + sizeof(void *), GFP_KERNEL); return p; }
// CHECK: two-records-summed.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'record_and_array' as 'struct hdr_a' (flex, evidence: size
void *record_and_array(size_t n) { void *p = kmalloc(sizeof(struct hdr_a) + n * sizeof(struct hdr_b), GFP_KERNEL); return p; }
// The same record twice is one type.
// CHECK: two-records-summed.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'same_twice' as 'struct hdr_b' (flex, evidence: size
void *same_twice(void) { void *p = kmalloc(sizeof(struct hdr_b) + sizeof(struct hdr_b), GFP_KERNEL); return p; }
