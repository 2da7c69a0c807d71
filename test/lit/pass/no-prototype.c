// Proves that an allocator declared without a prototype (C89 'void
// *kmalloc();') is left as it is, with a remark saying so, at -O0 and -O2.
// RUN: %clang -std=gnu89 -O0 -fpass-plugin=%typeslab_pass -Rpass-missed=typeslab -mllvm -typeslab-verify -S -emit-llvm -o - %s 2>&1 | FileCheck %s
// RUN: %clang -std=gnu89 -O2 -fpass-plugin=%typeslab_pass -Rpass-missed=typeslab -mllvm -typeslab-verify -S -emit-llvm -o - %s 2>&1 | FileCheck %s
void *kmalloc();

struct msg { int len; struct msg *next; };

// CHECK: remark: {{.*}}untyped 'kmalloc' call in 'old_style': 'kmalloc' is declared without a prototype [variadic-allocator]
// CHECK-LABEL: define {{.*}}@old_style(
// CHECK: call ptr {{.*}}@kmalloc(i64 noundef 16, i32 noundef 3264)
// CHECK-NOT: _token
struct msg *old_style(void) { return kmalloc(sizeof(struct msg), 0xcc0u); }
