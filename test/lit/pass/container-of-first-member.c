// Proves that a block sized as a struct and stored to a pointer to its first
// member (at offset 0, however deeply nested), to be recovered later with
// container_of, is typed as the outer struct; a member at any other offset,
// a union's member and a struct that merely contains the sized one stay
// conflicting evidence.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
#include "kernel.h"

#define container_of(ptr, type, member)                                       \
  ((type *)((char *)(ptr) - offsetof(type, member)))

struct kobj { const char *name; struct kobj *parent; };
struct attr_grp { struct kobj kobj; int mode; void *attrs; };
struct wrapped { struct attr_grp grp; long extra; };
struct tail_kobj { long id; struct kobj kobj; };
union either { struct kobj k; long raw[4]; };

int register_kobj(struct kobj *k);

// CHECK: container-of-first-member.c:[[@LINE+3]]:{{[0-9]+}}: remark: typed 'kzalloc' call in 'first_member' as 'struct attr_grp' (single, evidence: size+first-member
struct attr_grp *first_member(void) {
  struct kobj *k;
  k = kzalloc(sizeof(struct attr_grp), GFP_KERNEL);
  if (!k)
    return NULL;
  register_kobj(k);
  return container_of(k, struct attr_grp, kobj);
}
// The first member of the first member is at offset 0 too.
// CHECK: container-of-first-member.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kzalloc' call in 'nested_first' as 'struct wrapped' (single, evidence: size+first-member
int nested_first(void) { return register_kobj(kzalloc(sizeof(struct wrapped), GFP_KERNEL)); }
// CHECK: container-of-first-member.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kzalloc' call in 'later_member': the size names 'struct tail_kobj' but the initialisation of 'k' names 'struct kobj', its member at byte 8, not a first member at offset 0 [conflicting-evidence]
struct kobj *later_member(void) { struct kobj *k = kzalloc(sizeof(struct tail_kobj), GFP_KERNEL); return k; }
// The other way round: the destination contains the sized struct.
// CHECK: container-of-first-member.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kzalloc' call in 'outer_dest': the size names 'struct kobj' but the initialisation of 'g' names 'struct attr_grp' [conflicting-evidence]
struct attr_grp *outer_dest(void) { struct attr_grp *g = kzalloc(sizeof(struct kobj), GFP_KERNEL); return g; }
// A union's members all sit at offset 0: which one the block is, is open.
// CHECK: container-of-first-member.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kzalloc' call in 'union_member': the size names 'union either' but the initialisation of 'k' names 'struct kobj' [conflicting-evidence]
struct kobj *union_member(void) { struct kobj *k = kzalloc(sizeof(union either), GFP_KERNEL); return k; }
