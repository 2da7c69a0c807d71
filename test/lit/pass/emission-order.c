// Proves that front-end verdicts reach the right IR calls without any debug
// info: calls clang folds away (constant-false branches, dead ?: arms, 0 &&,
// the unchosen side of __builtin_choose_expr) do not shift the others, and
// several calls on one line, as arguments or in both ?: arms keep their order.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -DPLAIN_CALLS -S -emit-llvm -o - %s | FileCheck %s
// RUN: %clang -O0 -g -fpass-plugin=%typeslab_pass -I %S/Inputs -DPLAIN_CALLS -S -emit-llvm -o - %s | FileCheck %s
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -S -emit-llvm -o - %s | FileCheck %s --check-prefix=HOOKS
#include "kernel.h"

struct a { int x; };
struct b { long y; void *p; };
struct c { char z[3]; };
void two(void *x, void *y);
#define IS_ENABLED_NO 0

// CHECK-DAG: @[[A:__typeslab_type_[0-9a-f]+]].name = {{.*}} c"struct a\00"
// CHECK-DAG: @[[B:__typeslab_type_[0-9a-f]+]].name = {{.*}} c"struct b\00"
// CHECK-DAG: @[[C:__typeslab_type_[0-9a-f]+]].name = {{.*}} c"struct c\00"
// HOOKS-DAG: @[[A:__typeslab_type_[0-9a-f]+]].name = {{.*}} c"struct a\00"
// HOOKS-DAG: @[[B:__typeslab_type_[0-9a-f]+]].name = {{.*}} c"struct b\00"

// CHECK-LABEL: define {{.*}}@folded(
// CHECK: call ptr @kmalloc_token(i64 noundef 4, i32 noundef 3264, i64 ptrtoint (ptr @[[A]] to i64))
// CHECK: call ptr @kmalloc_token(i64 noundef 16, i32 noundef 3264, i64 ptrtoint (ptr @[[B]] to i64))
// CHECK-NOT: call ptr @kmalloc_token
// CHECK: ret void
// HOOKS-LABEL: define {{.*}}@folded(
// HOOKS-COUNT-2: call ptr @kmalloc_token(i64 noundef 4, i32 noundef 3264, i64 ptrtoint (ptr @[[A]] to i64))
// HOOKS-COUNT-2: call ptr @kmalloc_token(i64 noundef 16, i32 noundef 3264, i64 ptrtoint (ptr @[[B]] to i64))
// HOOKS-NOT: call ptr @kmalloc_token
// HOOKS: ret void
void folded(struct a **oa, struct b **ob) {
  if (IS_ENABLED_NO)
    *oa = kmalloc(sizeof(struct c), GFP_KERNEL);
  void *pb = 0 ? kmalloc(sizeof(struct c), GFP_KERNEL) : (void *)0;
  void *pc = __builtin_choose_expr(1, (void *)0, kmalloc(sizeof(struct c), GFP_KERNEL));
  int z = 0 && kmalloc(sizeof(struct c), GFP_KERNEL);
  (void)pb; (void)pc; (void)z;
  *oa = kmalloc(sizeof(struct a), GFP_KERNEL);
  *ob = kmalloc(sizeof(struct b), GFP_KERNEL);
}

// CHECK-LABEL: define {{.*}}@same_line(
// CHECK: call ptr @kmalloc_token(i64 noundef 16, i32 noundef 3264, i64 ptrtoint (ptr @[[B]] to i64))
// CHECK: call ptr @kmalloc_token(i64 noundef 4, i32 noundef 3264, i64 ptrtoint (ptr @[[A]] to i64))
void same_line(void) { two(kmalloc(sizeof(struct b), GFP_KERNEL), kmalloc(sizeof(struct a), GFP_KERNEL)); }

// CHECK-LABEL: define {{.*}}@both_arms(
// CHECK: call ptr @kmalloc_token(i64 noundef 4, i32 noundef 3264, i64 ptrtoint (ptr @[[A]] to i64))
// CHECK: call ptr @kmalloc_token(i64 noundef 3, i32 noundef 3264, i64 ptrtoint (ptr @[[C]] to i64))
void *both_arms(int c) { return c ? kmalloc(sizeof(struct a), GFP_KERNEL) : kmalloc(sizeof(struct c), GFP_KERNEL); }
