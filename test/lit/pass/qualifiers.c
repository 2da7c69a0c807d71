// Proves that qualifiers never split a type: sizeof(const int), sizeof(int)
// and sizeof(volatile int) give one token, and typedefs are canonicalised.
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -S -emit-llvm -o - %s | FileCheck %s
#include "kernel.h"

typedef const int cint_t;
struct s { int x; };
typedef struct s s_t;

// CHECK-DAG: @[[INT:__typeslab_type_[0-9a-f]+]].name = {{.*}} c"int\00"
// CHECK-DAG: @[[S:__typeslab_type_[0-9a-f]+]].name = {{.*}} c"struct s\00"
// CHECK-LABEL: @q(
// CHECK: call ptr @kmalloc_token({{.*}}, i64 ptrtoint (ptr @[[INT]] to i64))
// CHECK: call ptr @kmalloc_token({{.*}}, i64 ptrtoint (ptr @[[INT]] to i64))
// CHECK: call ptr @kmalloc_token({{.*}}, i64 ptrtoint (ptr @[[INT]] to i64))
// CHECK: call ptr @kmalloc_token({{.*}}, i64 ptrtoint (ptr @[[S]] to i64))
// CHECK: call ptr @kmalloc_token({{.*}}, i64 ptrtoint (ptr @[[S]] to i64))
void q(void **out) {
  out[0] = kmalloc(sizeof(const int), GFP_KERNEL);
  out[1] = kmalloc(sizeof(int), GFP_KERNEL);
  out[2] = kmalloc(sizeof(cint_t), GFP_KERNEL);
  out[3] = kmalloc(sizeof(struct s), GFP_KERNEL);
  out[4] = kmalloc(sizeof(const s_t), GFP_KERNEL);
}
