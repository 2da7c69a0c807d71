// Proves that typed and untyped remarks reach -fsave-optimization-record
// YAML under the pass name, with the allocator the user wrote (never an
// intrinsic) and the reason class as arguments.
// RUN: rm -rf %t && mkdir %t
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -fsave-optimization-record -foptimization-record-file=%t/r.yaml -c -o %t/o.o %s
// RUN: FileCheck %s < %t/r.yaml
#include "kernel.h"

struct tbl { void **slot; int n; };
// CHECK: --- !Passed
// CHECK-NEXT: Pass: typeslab
// CHECK-NEXT: Name: Typed
// CHECK: - Allocator: kmalloc
// CHECK: - Function: mk
// CHECK: - Type: struct tbl
// CHECK: - Evidence: 'size+destination'
struct tbl *mk(void) { struct tbl *t = kmalloc(sizeof(*t), GFP_KERNEL); return t; }
// CHECK: --- !Missed
// CHECK-NEXT: Pass: typeslab
// CHECK-NEXT: Name: Untyped
// CHECK: - Allocator: kmalloc
// CHECK: - Function: raw
// CHECK: - ReasonClass: runtime-size-no-type
// CHECK-NOT: llvm.alloc.token
void *spare;
void raw(size_t n) { spare = kmalloc(n, GFP_KERNEL); }
