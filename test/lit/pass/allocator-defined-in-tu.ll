; Proves that allocators defined in the same TU are handled: callers of a
; defined kmalloc are rewritten to kmalloc_token, the definition is kept,
; and the definition of the typed variant itself, which calls the
; untyped allocator, is left alone instead of becoming self-recursive.
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-verify -S %s | FileCheck %s

target triple = "x86_64-pc-linux-gnu"

; CHECK-LABEL: define ptr @kmalloc(
; CHECK-NEXT: %p = call ptr @kmalloc_token(i64 %n, i32 %f, i64 0)
define ptr @kmalloc(i64 %n, i32 %f) {
  %p = call ptr @kmalloc_token(i64 %n, i32 %f, i64 0)
  ret ptr %p
}

; CHECK-LABEL: define ptr @kmalloc_token(
; CHECK-NEXT: %p = call ptr @kmalloc_noprof(i64 %n, i32 %f)
define ptr @kmalloc_token(i64 %n, i32 %f, i64 %t) {
  %p = call ptr @kmalloc_noprof(i64 %n, i32 %f)
  ret ptr %p
}

; CHECK-LABEL: define ptr @user(
; CHECK-NEXT: %p = call ptr @kmalloc_token(i64 %n, i32 0, i64 0)
define ptr @user(i64 %n) {
  %p = call ptr @kmalloc(i64 %n, i32 0)
  ret ptr %p
}

declare ptr @kmalloc_noprof(i64, i32)
