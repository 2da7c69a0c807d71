; Proves that every allocator of the libc profile is rewritten to its
; typeslab_X variant with the original arguments in place and the token
; (the fallback 0 of an untyped site) appended, posix_memalign's int result
; included.
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-profile=libc -S %s | FileCheck %s

target triple = "x86_64-pc-linux-gnu"

; CHECK-LABEL: define ptr @call_malloc(
; CHECK-NEXT: %r = call ptr @typeslab_malloc(i64 %n, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_malloc(i64 %n) {
  %r = call ptr @malloc(i64 %n)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_calloc(
; CHECK-NEXT: %r = call ptr @typeslab_calloc(i64 %n, i64 %s, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_calloc(i64 %n, i64 %s) {
  %r = call ptr @calloc(i64 %n, i64 %s)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_realloc(
; CHECK-NEXT: %r = call ptr @typeslab_realloc(ptr %p, i64 %n, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_realloc(ptr %p, i64 %n) {
  %r = call ptr @realloc(ptr %p, i64 %n)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_reallocarray(
; CHECK-NEXT: %r = call ptr @typeslab_reallocarray(ptr %p, i64 %n, i64 %s, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_reallocarray(ptr %p, i64 %n, i64 %s) {
  %r = call ptr @reallocarray(ptr %p, i64 %n, i64 %s)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_aligned_alloc(
; CHECK-NEXT: %r = call ptr @typeslab_aligned_alloc(i64 %a, i64 %n, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_aligned_alloc(i64 %a, i64 %n) {
  %r = call ptr @aligned_alloc(i64 %a, i64 %n)
  ret ptr %r
}

; CHECK-LABEL: define i32 @call_posix_memalign(
; CHECK-NEXT: %r = call i32 @typeslab_posix_memalign(ptr %out, i64 %a, i64 %n, i64 0)
; CHECK-NEXT: ret i32 %r
define i32 @call_posix_memalign(ptr %out, i64 %a, i64 %n) {
  %r = call i32 @posix_memalign(ptr %out, i64 %a, i64 %n)
  ret i32 %r
}

; CHECK-LABEL: define ptr @call_memalign(
; CHECK-NEXT: %r = call ptr @typeslab_memalign(i64 %a, i64 %n, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_memalign(i64 %a, i64 %n) {
  %r = call ptr @memalign(i64 %a, i64 %n)
  ret ptr %r
}

declare ptr @malloc(i64)
declare ptr @calloc(i64, i64)
declare ptr @realloc(ptr, i64)
declare ptr @reallocarray(ptr, i64, i64)
declare ptr @aligned_alloc(i64, i64)
declare i32 @posix_memalign(ptr, i64, i64)
declare ptr @memalign(i64, i64)
