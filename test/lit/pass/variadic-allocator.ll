; Proves that a variadic allocator declaration is left as it is (a token
; cannot follow variadic arguments), with a variadic-allocator remark.
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -pass-remarks=typeslab -pass-remarks-missed=typeslab -typeslab-verify -S %s 2>&1 | FileCheck %s

target triple = "x86_64-pc-linux-gnu"

; CHECK: remark: {{.*}}untyped 'kmalloc' call in 'vararg_call': 'kmalloc' is variadic, so its typed variant cannot take a token [variadic-allocator]
; CHECK-LABEL: define ptr @vararg_call(
; CHECK-NEXT: %p = call ptr (i64, ...) @kmalloc(i64 %n, i32 0)
; CHECK-NOT: _token
define ptr @vararg_call(i64 %n) {
  %p = call ptr (i64, ...) @kmalloc(i64 %n, i32 0)
  ret ptr %p
}

declare ptr @kmalloc(i64, ...)
