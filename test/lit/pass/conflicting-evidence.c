// Proves that a size naming one record and a destination naming another is
// reported as conflicting evidence rather than guessed.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
#include "kernel.h"

struct foo { long a, b, c, d; };
struct bar { long a; };

// CHECK: conflicting-evidence.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'conflict': the size names 'struct bar' but the initialisation of 'f' names 'struct foo' [conflicting-evidence]
struct foo *conflict(void) { struct foo *f = kmalloc(sizeof(struct bar), GFP_KERNEL); return f; }
// sizeof(p) instead of sizeof(*p): the pointer type is not the object.
// CHECK: conflicting-evidence.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'pointer_size': the size names 'struct foo *' but the initialisation of 'f' names 'struct foo' [conflicting-evidence]
struct foo *pointer_size(void) { struct foo *f = kmalloc(sizeof(f), GFP_KERNEL); return f; }
// Agreement is not a conflict.
// CHECK: conflicting-evidence.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'agree' as 'struct foo' (single, evidence: size+destination
struct foo *agree(void) { struct foo *f = kmalloc(sizeof(*f), GFP_KERNEL); return f; }
