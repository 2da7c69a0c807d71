// Proves that 6.10+ alloc_hooks() statement expressions (a typeof(call) local
// assigned in both arms of an if) are seen through: both emitted calls get
// the same type and token as a plain call, at -O0 and -O2 (where later
// passes merge the two arms into one call).
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -S -emit-llvm -o - %s | FileCheck %s --check-prefix=IR
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -S -emit-llvm -o - %s | FileCheck %s --check-prefix=O2
// The token of a plain call, then the tokens of the alloc_hooks calls at -O0
// and -O2, read in one FileCheck run so that they are compared.
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -DPLAIN_CALLS -S -emit-llvm -o %t.plain.ll %s
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -S -emit-llvm -o %t.O0.ll %s
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -S -emit-llvm -o %t.O2.ll %s
// RUN: cat %t.plain.ll %t.O0.ll %t.O2.ll | FileCheck %s --check-prefix=PLAIN
#include "kernel.h"

struct sess { struct sess *next; u32 id; };

// IR: @[[DESC:__typeslab_type_[0-9a-f]+]].name = linkonce_odr hidden constant [12 x i8] c"struct sess\00"
// IR-LABEL: @open_sess(
// IR: call ptr @kmalloc_token(i64 noundef 16, i32 noundef 3264, i64 ptrtoint (ptr @[[DESC]] to i64))
// IR: call ptr @kmalloc_token(i64 noundef 16, i32 noundef 3264, i64 ptrtoint (ptr @[[DESC]] to i64))
// IR-NOT: @kmalloc_noprof(
// O2: @[[DESC:__typeslab_type_[0-9a-f]+]].name = linkonce_odr hidden constant [12 x i8] c"struct sess\00"
// O2-LABEL: @open_sess(
// O2: call ptr @kmalloc_token(i64 noundef 16, i32 noundef 3264, i64 ptrtoint (ptr @[[DESC]] to i64))
// O2-NOT: @kmalloc_noprof(
// PLAIN-LABEL: @open_sess(
// PLAIN: call ptr @kmalloc_token(i64 noundef 16, i32 noundef 3264, i64 ptrtoint (ptr @__typeslab_type_[[HASH:[0-9a-f]+]] to i64))
// PLAIN-NOT: call {{.*}}@kmalloc_token(
// PLAIN-LABEL: @open_sess(
// PLAIN: call ptr @kmalloc_token(i64 noundef 16, i32 noundef 3264, i64 ptrtoint (ptr @__typeslab_type_[[HASH]] to i64))
// PLAIN: call ptr @kmalloc_token(i64 noundef 16, i32 noundef 3264, i64 ptrtoint (ptr @__typeslab_type_[[HASH]] to i64))
// PLAIN-LABEL: @open_sess(
// PLAIN: call ptr @kmalloc_token(i64 noundef 16, i32 noundef 3264, i64 ptrtoint (ptr @__typeslab_type_[[HASH]] to i64))
struct sess *open_sess(void) {
  struct sess *s = kmalloc(sizeof(*s), GFP_KERNEL);
  return s;
}
