// Proves that a cast or assignment around an unrelated expression never
// types an inner allocation (clang 22 leaks 'struct priv' into both).
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
#include "kernel.h"

struct priv { int a; char *p; };
void *sink;
void *wrap(void *p);

// CHECK: no-leakage.c:[[@LINE+2]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'cast_around_stmt_expr': size is a runtime value and the result is only stored to a 'void *' (assignment to 'sink') [runtime-size-no-type]
struct priv *cast_around_stmt_expr(size_t len) {
  return (struct priv *)({ sink = kmalloc(len, GFP_KERNEL); wrap(sink); });
}
// CHECK: no-leakage.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'wrapped': size is a runtime value and the result is only stored to a 'void *' (argument 1 of 'wrap') [runtime-size-no-type]
void wrapped(struct priv **out, size_t len) { *out = wrap(kmalloc(len, GFP_KERNEL)); }
// The positive: the cast applies to the call's own value.
// CHECK: no-leakage.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'direct_cast' as 'struct priv' (unknown, evidence: cast
void *direct_cast(size_t len) { return (struct priv *)kmalloc(len, GFP_KERNEL); }
