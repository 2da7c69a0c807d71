// Proves that anonymous records are named without a path (so the build
// directory never reaches the token) and a typedef'd one by its typedef.
// RUN: rm -rf %t && mkdir -p %t/one/deeper %t/two
// RUN: cp %s %t/one/deeper/anon.c && cp %s %t/two/anon.c
// RUN: cd %t/one/deeper && %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -S -emit-llvm -o %t/one.ll anon.c
// RUN: cd %t/two && %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -S -emit-llvm -o %t/two.ll %t/two/anon.c
// RUN: FileCheck %s < %t/one.ll
// RUN: grep -o '__typeslab_type_[0-9a-f]* = ' %t/one.ll > %t/one.tokens
// RUN: grep -o '__typeslab_type_[0-9a-f]* = ' %t/two.ll > %t/two.tokens
// RUN: diff %t/one.tokens %t/two.tokens
// RUN: not grep -q 'anon.c:' %t/one.ll
#include "kernel.h"

typedef struct { int a; void *b; } widget_t;
static struct { long x[4]; } *table;

// CHECK-DAG: c"widget_t\00"
// CHECK-DAG: c"struct (anonymous)\00"
void make(widget_t **w) {
  *w = kmalloc(sizeof(**w), GFP_KERNEL);
  table = kmalloc(sizeof(*table), GFP_KERNEL);
}
