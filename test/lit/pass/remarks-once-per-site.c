// Proves that a kmalloc() that alloc_hooks() expands into two calls (one per
// arm of its `if`) is remarked once, at -O0 and at -O2, on the command line
// and in the YAML record, while both calls are still rewritten; two calls
// the user wrote on one line keep a remark each.
// RUN: rm -rf %t && mkdir %t
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -fsave-optimization-record -foptimization-record-file=%t/r.yaml -c -o /dev/null %s
// RUN: grep -A5 '^Pass: *typeslab' %t/r.yaml | grep '^Function:' | FileCheck %s --check-prefix=YAML
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -S -emit-llvm -o - %s 2>/dev/null | FileCheck %s --check-prefix=IR
#include "kernel.h"

struct node { struct node *next; int v; };
struct leaf { long a, b, c; };
void *spare;

// CHECK: remarks-once-per-site.c:[[@LINE+3]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'one' as 'struct node'
// IR-LABEL: @one(
// IR-COUNT-2: call ptr @kmalloc_token(
struct node *one(void) { struct node *n = kmalloc(sizeof(*n), GFP_KERNEL); return n; }

// CHECK: remarks-once-per-site.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'raw'
void raw(size_t len) { spare = kmalloc(len, GFP_KERNEL); }

// CHECK: remarks-once-per-site.c:[[@LINE+3]]:[[COL:[0-9]+]]: remark: typed 'kmalloc' call in 'two' as 'struct node'
// CHECK-NOT: :[[COL]]: remark
// CHECK: remarks-once-per-site.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'two' as 'struct leaf'
void two(struct node **a, struct leaf **b) { *a = kmalloc(sizeof(**a), GFP_KERNEL); *b = kmalloc(sizeof(**b), GFP_KERNEL); }

// YAML: Function: one
// YAML-NEXT: Function: raw
// YAML-NEXT: Function: two
// YAML-NEXT: Function: two
// YAML-NOT: Function:
