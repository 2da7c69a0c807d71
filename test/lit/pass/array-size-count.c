// Proves that an ARRAY_SIZE() count never names the type: the element size
// does (clang 22 types both positives below as the counted array instead).
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
#include "kernel.h"

struct bar { long x, y, z; };
static const int ids[8];
static const char *const names[3];

// CHECK: array-size-count.c:[[@LINE+2]]:{{[0-9]+}}: remark: typed 'kmalloc_array' call in 'pos_bar' as 'struct bar' (array, evidence: size+destination
struct bar *pos_bar(void) {
  struct bar *b = kmalloc_array(ARRAY_SIZE(ids), sizeof(struct bar), GFP_KERNEL);
  return b;
}

// CHECK: array-size-count.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kcalloc' call in 'pos_int' as 'int' (array, evidence: size
int *pos_int(void) { return kcalloc(ARRAY_SIZE(names), sizeof(int), GFP_KERNEL); }

// The count alone names nothing: untyped, and never 'int[8]'.
// CHECK-NOT: int[8]
void *spare;
// CHECK: array-size-count.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kmalloc_array' call in 'neg_count_only': size is a runtime value and the result is only stored to a 'void *' (assignment to 'spare') [runtime-size-no-type]
void neg_count_only(size_t len) { spare = kmalloc_array(ARRAY_SIZE(ids), len, GFP_KERNEL); }
