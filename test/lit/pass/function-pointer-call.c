// Proves that a call through a function pointer holding an allocator is left
// alone, and that taking the allocator's address gets an indirect-call
// remark and record, at -O0 and at -O2 (where the call is direct again after
// the pass ran, and stays untyped rather than being guessed).
// RUN: rm -rf %t && mkdir %t
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -Rpass-missed=typeslab -mllvm -typeslab-sites=%t/o0 -S -emit-llvm -o %t/o0.ll %s 2> %t/o0.remarks
// RUN: FileCheck %s --check-prefix=REMARK < %t/o0.remarks
// RUN: FileCheck %s --check-prefix=IR < %t/o0.ll
// RUN: cat %t/o0/*.jsonl | FileCheck %s --check-prefix=REC
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -Rpass-missed=typeslab -S -emit-llvm -o %t/o2.ll %s 2> %t/o2.remarks
// RUN: FileCheck %s --check-prefix=REMARK < %t/o2.remarks
// RUN: FileCheck %s --check-prefix=IR < %t/o2.ll
typedef unsigned long size_t;
void *kmalloc(size_t size, unsigned flags);

// REMARK: function-pointer-call.c:[[@LINE+3]]:{{[0-9]+}}: remark: address of 'kmalloc' taken in 'through_pointer': calls through the pointer are not typed [indirect-call]
// IR-LABEL: define {{.*}}@through_pointer(
void *through_pointer(size_t n) {
  void *(*fp)(size_t, unsigned) = kmalloc;
  // IR: call {{.*}}ptr {{%[0-9a-z]+|@kmalloc}}(i64 noundef %{{[0-9a-z]+}}, i32 noundef 0)
  return fp(n, 0);
}
// IR-NOT: _token
// REC: "function":"through_pointer",{{.*}}"reason":"the address of 'kmalloc' is taken; calls through the pointer are not typed","reason_class":"indirect-call",{{.*}}"typed":false
