// Proves that the pass is required: at -O0 (every function optnone), at -O2,
// and in an optnone function of an -O2 build, the call is rewritten to the
// typed variant with the same descriptor token.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -DPLAIN_CALLS -S -emit-llvm -o - %s | FileCheck %s --check-prefix=CHECK
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -DPLAIN_CALLS -S -emit-llvm -o - %s | FileCheck %s --check-prefix=CHECK
// At -O0 the function rewritten above is itself optnone.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -DPLAIN_CALLS -S -emit-llvm -o - %s | FileCheck %s --check-prefix=O0
#include "kernel.h"

struct widget { struct widget *next; u32 id; };

// CHECK: @[[DESC:__typeslab_type_[0-9a-f]+]].name = {{.*}} c"struct widget\00"
// CHECK-LABEL: define {{.*}}@plain_fn(
// O0-LABEL: define {{.*}}@plain_fn(
// O0-SAME: #[[NOOPT:[0-9]+]]
// O0: call ptr @kmalloc_token(
// CHECK: call ptr @kmalloc_token(i64 noundef 16, i32 noundef 3264, i64 ptrtoint (ptr @[[DESC]] to i64))
struct widget *plain_fn(void) {
  struct widget *w = kmalloc(sizeof(*w), GFP_KERNEL);
  return w;
}

// CHECK-LABEL: define {{.*}}@optnone_fn(
// CHECK-SAME: #[[NOOPT2:[0-9]+]]
// CHECK: call ptr @kmalloc_token(i64 noundef 16, i32 noundef 3264, i64 ptrtoint (ptr @[[DESC]] to i64))
__attribute__((optnone, noinline)) struct widget *optnone_fn(void) {
  struct widget *w = kmalloc(sizeof(*w), GFP_KERNEL);
  return w;
}
// CHECK-NOT: call {{.*}}@kmalloc_noprof(
// CHECK-NOT: call {{.*}}@kmalloc(
// CHECK: attributes #[[NOOPT2]] = {{{.*}}optnone
// O0: attributes #[[NOOPT]] = {{{.*}}optnone
