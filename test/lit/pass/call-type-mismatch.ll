; Proves that a call whose type differs from the allocator's declaration (a
; call through a cast, as K&R-style code produces) is left alone with a
; bad-declaration remark, instead of becoming a call of the typed variant
; with the wrong number of arguments (invalid IR).
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -pass-remarks=typeslab -pass-remarks-missed=typeslab -typeslab-verify -S %s 2>&1 | FileCheck %s

target triple = "x86_64-pc-linux-gnu"

; CHECK: remark: {{.*}}untyped 'kmalloc' call in 'cast_call': the call's type 'ptr (i64)' differs from the declared type 'ptr (i64, i32)' of 'kmalloc' [bad-declaration]
; CHECK-LABEL: define ptr @cast_call(
; CHECK-NEXT: %p = call ptr @kmalloc(i64 %n)
; CHECK-NOT: _token
define ptr @cast_call(i64 %n) {
  %p = call ptr @kmalloc(i64 %n)
  ret ptr %p
}

declare ptr @kmalloc(i64, i32)
