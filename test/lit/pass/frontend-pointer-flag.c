// Proves that the front end's identities carry the pointer flag: a struct
// holding a pointer gets HAS_POINTER (1) in its descriptor and a token in the
// upper half under -typeslab-max-tokens=16, a pointer-free struct neither,
// at -O0 and at -O2. Partitioned mode splits types by this flag.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -DPLAIN_CALLS -S -emit-llvm -o - %s | FileCheck %s --check-prefix=DESC
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -DPLAIN_CALLS -S -emit-llvm -o - %s | FileCheck %s --check-prefix=DESC
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -DPLAIN_CALLS -mllvm -typeslab-tokens=hash -mllvm -typeslab-max-tokens=16 -S -emit-llvm -o - %s | FileCheck %s --check-prefix=HASH
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -DPLAIN_CALLS -mllvm -typeslab-tokens=hash -mllvm -typeslab-max-tokens=16 -S -emit-llvm -o - %s | FileCheck %s --check-prefix=HASH
#include "kernel.h"

struct flat { u32 a, b, c, d; };
struct linked { u32 id; struct linked *next; };

// Version 1, then the flags.
// DESC-DAG: @[[FLAT:__typeslab_type_[0-9a-f]+]] = linkonce_odr dso_local global %typeslab.type { i32 1112298324, i16 1, i16 0, i64 {{-?[0-9]+}}, i64 16,
// DESC-DAG: @[[LINKED:__typeslab_type_[0-9a-f]+]] = linkonce_odr dso_local global %typeslab.type { i32 1112298324, i16 1, i16 1, i64 {{-?[0-9]+}}, i64 16,
// DESC-LABEL: @mk_flat(
// DESC: call ptr @kmalloc_token(i64 noundef 16, i32 noundef 3264, i64 ptrtoint (ptr @[[FLAT]] to i64))
// HASH-LABEL: @mk_flat(
// HASH: call ptr @kmalloc_token(i64 noundef 16, i32 noundef 3264, i64 {{[1-7]}})
struct flat *mk_flat(void) { return kmalloc(sizeof(struct flat), GFP_KERNEL); }

// DESC-LABEL: @mk_linked(
// DESC: call ptr @kmalloc_token(i64 noundef 16, i32 noundef 3264, i64 ptrtoint (ptr @[[LINKED]] to i64))
// HASH-LABEL: @mk_linked(
// HASH: call ptr @kmalloc_token(i64 noundef 16, i32 noundef 3264, i64 {{[89]|1[0-5]}})
struct linked *mk_linked(void) { return kmalloc(sizeof(struct linked), GFP_KERNEL); }
