; Proves that an allocator declared with the right arity but the wrong types
; (a pointer where the spec has the size, a non-pointer result) is left as
; it is, with a bad-declaration remark naming the parameter and its type.
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -pass-remarks=typeslab -pass-remarks-missed=typeslab -typeslab-verify -S %s 2>&1 | FileCheck %s

target triple = "x86_64-pc-linux-gnu"

; CHECK: remark: {{.*}}untyped 'kmalloc' call in 'ptr_size': 'kmalloc' parameter 0 ('size') has type 'ptr', the allocator spec expects an integer [bad-declaration]
; CHECK: remark: {{.*}}untyped 'kzalloc' call in 'int_result': 'kzalloc' returns 'i64', the allocator spec expects a pointer [bad-declaration]
; CHECK-LABEL: define ptr @ptr_size(
; CHECK-NEXT: %p = call ptr @kmalloc(ptr %x, i32 0)
define ptr @ptr_size(ptr %x) {
  %p = call ptr @kmalloc(ptr %x, i32 0)
  ret ptr %p
}

; CHECK-LABEL: define i64 @int_result(
; CHECK-NEXT: %p = call i64 @kzalloc(i64 %n, i32 0)
define i64 @int_result(i64 %n) {
  %p = call i64 @kzalloc(i64 %n, i32 0)
  ret i64 %p
}
; CHECK-NOT: _token

declare ptr @kmalloc(ptr, i32)
declare i64 @kzalloc(i64, i32)
