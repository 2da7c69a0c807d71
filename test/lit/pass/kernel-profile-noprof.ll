; Proves that the *_noprof spelling of every kernel allocator that has one
; (6.10+ alloc_hooks kernels) is rewritten to the same X_token variant as
; X itself, with the token appended after the last original argument.
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -S %s | FileCheck %s

target triple = "x86_64-pc-linux-gnu"

; CHECK-LABEL: define ptr @call_kmalloc_noprof(
; CHECK-NEXT: %r = call ptr @kmalloc_token(i64 %n, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kmalloc_noprof(i64 %n, i32 %f) {
  %r = call ptr @kmalloc_noprof(i64 %n, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kzalloc_noprof(
; CHECK-NEXT: %r = call ptr @kzalloc_token(i64 %n, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kzalloc_noprof(i64 %n, i32 %f) {
  %r = call ptr @kzalloc_noprof(i64 %n, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kmalloc_array_noprof(
; CHECK-NEXT: %r = call ptr @kmalloc_array_token(i64 %n, i64 %s, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kmalloc_array_noprof(i64 %n, i64 %s, i32 %f) {
  %r = call ptr @kmalloc_array_noprof(i64 %n, i64 %s, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kcalloc_noprof(
; CHECK-NEXT: %r = call ptr @kcalloc_token(i64 %n, i64 %s, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kcalloc_noprof(i64 %n, i64 %s, i32 %f) {
  %r = call ptr @kcalloc_noprof(i64 %n, i64 %s, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_krealloc_noprof(
; CHECK-NEXT: %r = call ptr @krealloc_token(ptr %p, i64 %n, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_krealloc_noprof(ptr %p, i64 %n, i32 %f) {
  %r = call ptr @krealloc_noprof(ptr %p, i64 %n, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_krealloc_array_noprof(
; CHECK-NEXT: %r = call ptr @krealloc_array_token(ptr %p, i64 %n, i64 %s, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_krealloc_array_noprof(ptr %p, i64 %n, i64 %s, i32 %f) {
  %r = call ptr @krealloc_array_noprof(ptr %p, i64 %n, i64 %s, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kvmalloc_noprof(
; CHECK-NEXT: %r = call ptr @kvmalloc_token(i64 %n, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kvmalloc_noprof(i64 %n, i32 %f) {
  %r = call ptr @kvmalloc_noprof(i64 %n, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kvzalloc_noprof(
; CHECK-NEXT: %r = call ptr @kvzalloc_token(i64 %n, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kvzalloc_noprof(i64 %n, i32 %f) {
  %r = call ptr @kvzalloc_noprof(i64 %n, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kvmalloc_array_noprof(
; CHECK-NEXT: %r = call ptr @kvmalloc_array_token(i64 %n, i64 %s, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kvmalloc_array_noprof(i64 %n, i64 %s, i32 %f) {
  %r = call ptr @kvmalloc_array_noprof(i64 %n, i64 %s, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kvcalloc_noprof(
; CHECK-NEXT: %r = call ptr @kvcalloc_token(i64 %n, i64 %s, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kvcalloc_noprof(i64 %n, i64 %s, i32 %f) {
  %r = call ptr @kvcalloc_noprof(i64 %n, i64 %s, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kvrealloc_noprof(
; CHECK-NEXT: %r = call ptr @kvrealloc_token(ptr %p, i64 %n, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kvrealloc_noprof(ptr %p, i64 %n, i32 %f) {
  %r = call ptr @kvrealloc_noprof(ptr %p, i64 %n, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kmalloc_node_noprof(
; CHECK-NEXT: %r = call ptr @kmalloc_node_token(i64 %n, i32 %f, i32 %node, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kmalloc_node_noprof(i64 %n, i32 %f, i32 %node) {
  %r = call ptr @kmalloc_node_noprof(i64 %n, i32 %f, i32 %node)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kzalloc_node_noprof(
; CHECK-NEXT: %r = call ptr @kzalloc_node_token(i64 %n, i32 %f, i32 %node, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kzalloc_node_noprof(i64 %n, i32 %f, i32 %node) {
  %r = call ptr @kzalloc_node_noprof(i64 %n, i32 %f, i32 %node)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kcalloc_node_noprof(
; CHECK-NEXT: %r = call ptr @kcalloc_node_token(i64 %n, i64 %s, i32 %f, i32 %node, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kcalloc_node_noprof(i64 %n, i64 %s, i32 %f, i32 %node) {
  %r = call ptr @kcalloc_node_noprof(i64 %n, i64 %s, i32 %f, i32 %node)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kmalloc_array_node_noprof(
; CHECK-NEXT: %r = call ptr @kmalloc_array_node_token(i64 %n, i64 %s, i32 %f, i32 %node, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kmalloc_array_node_noprof(i64 %n, i64 %s, i32 %f, i32 %node) {
  %r = call ptr @kmalloc_array_node_noprof(i64 %n, i64 %s, i32 %f, i32 %node)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kvmalloc_node_noprof(
; CHECK-NEXT: %r = call ptr @kvmalloc_node_token(i64 %n, i32 %f, i32 %node, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kvmalloc_node_noprof(i64 %n, i32 %f, i32 %node) {
  %r = call ptr @kvmalloc_node_noprof(i64 %n, i32 %f, i32 %node)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kmemdup_noprof(
; CHECK-NEXT: %r = call ptr @kmemdup_token(ptr %p, i64 %n, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kmemdup_noprof(ptr %p, i64 %n, i32 %f) {
  %r = call ptr @kmemdup_noprof(ptr %p, i64 %n, i32 %f)
  ret ptr %r
}

declare ptr @kmalloc_noprof(i64, i32)
declare ptr @kzalloc_noprof(i64, i32)
declare ptr @kmalloc_array_noprof(i64, i64, i32)
declare ptr @kcalloc_noprof(i64, i64, i32)
declare ptr @krealloc_noprof(ptr, i64, i32)
declare ptr @krealloc_array_noprof(ptr, i64, i64, i32)
declare ptr @kvmalloc_noprof(i64, i32)
declare ptr @kvzalloc_noprof(i64, i32)
declare ptr @kvmalloc_array_noprof(i64, i64, i32)
declare ptr @kvcalloc_noprof(i64, i64, i32)
declare ptr @kvrealloc_noprof(ptr, i64, i32)
declare ptr @kmalloc_node_noprof(i64, i32, i32)
declare ptr @kzalloc_node_noprof(i64, i32, i32)
declare ptr @kcalloc_node_noprof(i64, i64, i32, i32)
declare ptr @kmalloc_array_node_noprof(i64, i64, i32, i32)
declare ptr @kvmalloc_node_noprof(i64, i32, i32)
declare ptr @kmemdup_noprof(ptr, i64, i32)
