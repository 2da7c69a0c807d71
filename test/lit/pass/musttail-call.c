// Proves that an allocator call marked musttail is left as it is, with a
// remark saying why: the typed variant takes one parameter more, which a
// musttail call cannot pass. Rewriting it made IR the verifier rejects.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -mllvm -typeslab-verify -Rpass=typeslab -Rpass-missed=typeslab -S -emit-llvm -o %t.o0.ll %s 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: FileCheck %s < %t.o0.ll
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -mllvm -typeslab-verify -Rpass=typeslab -Rpass-missed=typeslab -S -emit-llvm -o %t.o2.ll %s 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: FileCheck %s < %t.o2.ll
typedef unsigned long size_t;
void *kmalloc(size_t size, unsigned flags);

struct pair { long a, b; };

// REMARK: musttail-call.c:[[@LINE+4]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'pair_fwd' as 'struct pair' ({{.*}}); not rewritten: a 'musttail' call must keep its callee's parameters, so it cannot take a token [-Rpass=typeslab]
// CHECK-LABEL: @pair_fwd(
// CHECK: musttail call ptr @kmalloc(i64 noundef 16,
// CHECK-NEXT: ret ptr
void *pair_fwd(size_t n, unsigned f) { __attribute__((musttail)) return kmalloc(sizeof(struct pair), f); }

// REMARK: musttail-call.c:[[@LINE+4]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'fwd': {{.*}}; not rewritten: a 'musttail' call must keep its callee's parameters, so it cannot take a token [-Rpass-missed=typeslab]
// CHECK-LABEL: @fwd(
// CHECK: musttail call ptr @kmalloc(i64 noundef %{{.*}}, i32 noundef %{{.*}})
// CHECK-NEXT: ret ptr
void *fwd(size_t n, unsigned f) { __attribute__((musttail)) return kmalloc(n, f); }

// A plain tail call next to them is still rewritten.
// CHECK-LABEL: @plain(
// CHECK: call ptr @kmalloc_token(
void *plain(size_t n, unsigned f) { return kmalloc(n, f); }
