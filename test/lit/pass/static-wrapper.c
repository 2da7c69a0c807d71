// Proves that static helpers returning an allocator's result with a size from
// their own parameter are allocators: each typed caller reaches the inner
// allocation through a clone that passes its token; untyped callers and the
// helper itself keep the fallback token. Two levels of wrapping work.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -S -emit-llvm -o %t.ll %s
// RUN: FileCheck %s < %t.ll
// RUN: FileCheck %s --check-prefix=HELPER < %t.ll
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s --check-prefix=INNER
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -S -emit-llvm -o - %s | FileCheck %s --check-prefix=O2
#include "kernel.h"

struct foo { int a; void *b; };
struct bar { long x[3]; };
static void *my_alloc(size_t size) { return kmalloc(size, GFP_KERNEL); }
static void *my_zalloc(size_t n) { void *p = my_alloc(n); return p; }

// CHECK: @[[FOO:__typeslab_type_[0-9a-f]+]].name = {{.*}} c"struct foo\00"
// CHECK: @[[BAR:__typeslab_type_[0-9a-f]+]].name = {{.*}} c"struct bar\00"
// CHECK-LABEL: define {{.*}}@mk_foo(
// CHECK: call ptr @my_alloc.typeslab(i64 noundef 16, i64 ptrtoint (ptr @[[FOO]] to i64))
// REMARK: static-wrapper.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'my_alloc' call in 'mk_foo' as 'struct foo' (single, evidence: size+destination
struct foo *mk_foo(void) { struct foo *f = my_alloc(sizeof(*f)); return f; }
// CHECK-LABEL: define {{.*}}@mk_bar(
// CHECK: call ptr @my_zalloc.typeslab(i64 noundef 24, i64 ptrtoint (ptr @[[BAR]] to i64))
struct bar *mk_bar(void) { return my_zalloc(sizeof(struct bar)); }
// CHECK-LABEL: define {{.*}}@raw_bytes(
// CHECK: call ptr @my_alloc.typeslab(i64 noundef %{{.*}}, i64 ptrtoint (ptr @[[UCHAR:__typeslab_type_[0-9a-f]+]] to i64))
// REMARK: static-wrapper.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'my_alloc' call in 'raw_bytes' as 'unsigned char' (array, evidence: destination
u8 *raw_bytes(size_t n) { u8 *p = my_alloc(n); return p; }
// An untyped caller calls the helper itself.
struct req { size_t len; void *data; };
// CHECK-LABEL: define {{.*}}@opaque(
// CHECK: call ptr @my_alloc(i64
// REMARK: static-wrapper.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'my_alloc' call in 'opaque': size is a runtime value and the result is only stored to a 'void *' (assignment to field 'data') [runtime-size-no-type]
void opaque(struct req *r) { r->data = my_alloc(r->len); }

// The helper keeps the fallback token; the clones take the caller's.
// HELPER-LABEL: define internal ptr @my_alloc(
// HELPER: call ptr @kmalloc_token({{.*}}, i64 0)
// HELPER-LABEL: define internal ptr @my_alloc.typeslab(
// HELPER-SAME: i64 noundef %{{.*}}, i64 %[[TOK:[0-9a-z.]+]])
// HELPER: call ptr @kmalloc_token({{.*}}, i64 %[[TOK]])
// HELPER-LABEL: define internal ptr @my_zalloc.typeslab(
// HELPER-SAME: i64 noundef %{{.*}}, i64 %[[TOK2:[0-9a-z.]+]])
// HELPER: call ptr @my_alloc.typeslab(i64 noundef %{{.*}}, i64 %[[TOK2]])
// INNER: static-wrapper.c:15:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'my_alloc': the size comes from parameter 'size' of 'my_alloc', so only its callers know the type [opaque-wrapper]

// At -O2 the clones inline into direct typed calls.
// O2-LABEL: define {{.*}}@mk_foo(
// O2: call ptr @kmalloc_token(i64 noundef 16, i32 noundef 3264, i64 ptrtoint (ptr @__typeslab_type_
// O2-LABEL: define {{.*}}@mk_bar(
// O2: call ptr @kmalloc_token(i64 noundef 24, i32 noundef 3264, i64 ptrtoint (ptr @__typeslab_type_
