; Proves that an allocator declared with fewer parameters than the spec
; needs is left as it is, with a bad-declaration remark naming the counts.
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -pass-remarks=typeslab -pass-remarks-missed=typeslab -typeslab-verify -S %s 2>&1 | FileCheck %s

target triple = "x86_64-pc-linux-gnu"

; CHECK: remark: {{.*}}untyped 'kmalloc' call in 'short_decl': 'kmalloc' is declared with 1 parameters, the allocator spec expects at least 2 [bad-declaration]
; CHECK-LABEL: define ptr @short_decl(
; CHECK-NEXT: %p = call ptr @kmalloc(i64 %n)
; CHECK-NOT: _token
define ptr @short_decl(i64 %n) {
  %p = call ptr @kmalloc(i64 %n)
  ret ptr %p
}

declare ptr @kmalloc(i64)
