// Proves that a counted allocation through a pointer to a whole array,
// 'T (*p)[8][9] = malloc(8 * sizeof(**p))', is typed as an array of the
// destination array's elements, and that a size whose element type differs
// from the destination's stays a conflict.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -mllvm -typeslab-profile=libc -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -mllvm -typeslab-profile=libc -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
#include <stddef.h>
void *malloc(size_t size);
void *calloc(size_t n, size_t size);

long (*grid)[8][9];
// CHECK: whole-array-pointer.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'malloc' call in 'rows' as 'long[9]' (array, evidence: size+destination
void rows(void) { grid = malloc(8 * sizeof(**grid)); }
// CHECK: whole-array-pointer.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'calloc' call in 'rows_zeroed' as 'long[9]' (array, evidence: size+destination
void rows_zeroed(void) { grid = calloc(8, sizeof(**grid)); }
short (*line)[3];
// CHECK: whole-array-pointer.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'malloc' call in 'cells' as 'short' (array, evidence: size+destination
void cells(void) { line = malloc(3 * sizeof(**line)); }

// Negative: the size counts 'long[9]' rows, the destination holds 'int' rows.
int (*other)[8][9];
// CHECK: whole-array-pointer.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'malloc' call in 'mismatch': the size names 'long[9]' but the assignment to 'other' names 'int[8][9]' [conflicting-evidence]
void mismatch(void) { other = malloc(8 * sizeof(long[9])); }
