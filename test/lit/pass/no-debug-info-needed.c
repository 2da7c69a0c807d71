// Proves that inference does not depend on -g: the same tokens with and
// without debug info, and no debug info in the object without -g.
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -S -emit-llvm -o %t.nog.ll %s
// RUN: %clang -O2 -g -fpass-plugin=%typeslab_pass -I %S/Inputs -S -emit-llvm -o %t.g.ll %s
// RUN: grep -o 'kmalloc_token(.*__typeslab_type_[0-9a-f]*' %t.nog.ll > %t.nog
// RUN: grep -o 'kmalloc_token(.*__typeslab_type_[0-9a-f]*' %t.g.ll > %t.g
// RUN: diff %t.nog %t.g
// RUN: FileCheck %s < %t.nog
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -c -o %t.o %s
// RUN: %llvm-readelf -S %t.o | FileCheck %s --check-prefix=OBJ
#include "kernel.h"

struct conn { struct conn *peer; int fd; };
// CHECK: kmalloc_token(i64 noundef 16, i32 noundef 3264, i64 ptrtoint (ptr @__typeslab_type_
struct conn *mk(void) { struct conn *c = kmalloc(sizeof(*c), GFP_KERNEL); return c; }
// OBJ-NOT: .debug_info
// OBJ: typeslab_types
// OBJ-NOT: .debug_info
