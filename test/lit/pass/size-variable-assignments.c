// Proves that a size variable is read through every write that reaches the
// allocation on its straight-line path (=, *=, +=, ++, in order), and that a
// write under a condition, in a loop, behind a label or through a pointer
// leaves the site untyped with that reason instead of typing it from the
// initialiser alone.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
#include "kernel.h"

struct ent { u32 id; void *data; };
struct blk { long a, b; };
struct hdr { u32 n; struct ent ents[]; };
void fill(size_t *sz);

// CHECK: size-variable-assignments.c:[[@LINE+5]]:{{[0-9]+}}: remark: typed 'kzalloc' call in 'assigned_then_scaled' as 'struct ent' (array, evidence: size
void *assigned_then_scaled(int nr) {
  size_t sz;
  sz = sizeof(struct ent);
  sz *= nr;
  void *p = kzalloc(sz, GFP_KERNEL);
  return p;
}
// CHECK: size-variable-assignments.c:[[@LINE+5]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'header_plus_scaled' as 'struct hdr' (flex, evidence: size
void *header_plus_scaled(int nr) {
  size_t sz = sizeof(struct ent);
  sz = sz * nr;
  sz += sizeof(struct hdr);
  void *p = kmalloc(sz, GFP_KERNEL);
  return p;
}
// A later '=' replaces what came before.
// CHECK: size-variable-assignments.c:[[@LINE+4]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'reassigned' as 'struct blk' (single, evidence: size
void *reassigned(void) {
  size_t sz = sizeof(struct ent);
  sz = sizeof(struct blk);
  void *p = kmalloc(sz, GFP_KERNEL);
  sz = 0;
  return p;
}
// In a block of its own the path is still straight.
// CHECK: size-variable-assignments.c:[[@LINE+6]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'inner_block' as 'struct ent' (array, evidence: size
void *inner_block(int nr, int want) {
  size_t sz = sizeof(struct ent);
  void *p = NULL;
  if (want) {
    sz *= nr;
    p = kmalloc(sz, GFP_KERNEL);
  }
  return p;
}
// CHECK: size-variable-assignments.c:[[@LINE+5]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'conditional': size is a runtime value (size variable 'sz' is written under a condition, in a loop or inside another expression) and the result is only stored to a 'void *' (initialisation of 'p') [runtime-size-no-type]
void *conditional(int big) {
  size_t sz = sizeof(struct ent);
  if (big)
    sz = sizeof(struct blk);
  void *p = kmalloc(sz, GFP_KERNEL);
  return p;
}
// CHECK: size-variable-assignments.c:[[@LINE+6]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'in_loop': size is a runtime value (size variable 'sz' is written in a loop around the allocation) and the result is only stored to a 'void *' (assignment to 'p') [runtime-size-no-type]
void *in_loop(int n) {
  size_t sz = sizeof(struct ent);
  void *p = NULL;
  for (int i = 0; i < n; i++) {
    sz += sizeof(struct blk);
    p = kmalloc(sz, GFP_KERNEL);
  }
  return p;
}
// CHECK: size-variable-assignments.c:[[@LINE+7]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'skipped_by_goto': size is a runtime value (size variable 'sz' is written before a label that a jump to the allocation could take past the write) and the result is only stored to a 'void *' (initialisation of 'p') [runtime-size-no-type]
void *skipped_by_goto(int nr, int fast) {
  size_t sz = sizeof(struct blk);
  if (fast)
    goto out;
  sz = nr * sizeof(struct ent);
out:;
  void *p = kmalloc(sz, GFP_KERNEL);
  return p;
}
// CHECK: size-variable-assignments.c:[[@LINE+4]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'through_pointer': size is a runtime value (the address of size variable 'sz' is taken) and the result is only stored to a 'void *' (initialisation of 'p') [runtime-size-no-type]
void *through_pointer(void) {
  size_t sz = sizeof(struct ent);
  fill(&sz);
  void *p = kmalloc(sz, GFP_KERNEL);
  return p;
}
