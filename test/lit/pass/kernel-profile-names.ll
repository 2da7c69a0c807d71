; Proves that every allocator of the kernel profile, devm_*, kmemdup and
; the string copies (kstrdup, kstrndup, kvasprintf: no size argument;
; kmemdup_nul) included, is rewritten to its X_token variant with the
; original arguments in place and the token (here the fallback 0 of an
; untyped site) appended after the last one, node, device and va_list
; arguments included.
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -S %s | FileCheck %s

target triple = "x86_64-pc-linux-gnu"

; CHECK-LABEL: define ptr @call_kmalloc(
; CHECK-NEXT: %r = call ptr @kmalloc_token(i64 %n, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kmalloc(i64 %n, i32 %f) {
  %r = call ptr @kmalloc(i64 %n, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kzalloc(
; CHECK-NEXT: %r = call ptr @kzalloc_token(i64 %n, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kzalloc(i64 %n, i32 %f) {
  %r = call ptr @kzalloc(i64 %n, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kmalloc_array(
; CHECK-NEXT: %r = call ptr @kmalloc_array_token(i64 %n, i64 %s, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kmalloc_array(i64 %n, i64 %s, i32 %f) {
  %r = call ptr @kmalloc_array(i64 %n, i64 %s, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kcalloc(
; CHECK-NEXT: %r = call ptr @kcalloc_token(i64 %n, i64 %s, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kcalloc(i64 %n, i64 %s, i32 %f) {
  %r = call ptr @kcalloc(i64 %n, i64 %s, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_krealloc(
; CHECK-NEXT: %r = call ptr @krealloc_token(ptr %p, i64 %n, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_krealloc(ptr %p, i64 %n, i32 %f) {
  %r = call ptr @krealloc(ptr %p, i64 %n, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_krealloc_array(
; CHECK-NEXT: %r = call ptr @krealloc_array_token(ptr %p, i64 %n, i64 %s, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_krealloc_array(ptr %p, i64 %n, i64 %s, i32 %f) {
  %r = call ptr @krealloc_array(ptr %p, i64 %n, i64 %s, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kvmalloc(
; CHECK-NEXT: %r = call ptr @kvmalloc_token(i64 %n, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kvmalloc(i64 %n, i32 %f) {
  %r = call ptr @kvmalloc(i64 %n, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kvzalloc(
; CHECK-NEXT: %r = call ptr @kvzalloc_token(i64 %n, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kvzalloc(i64 %n, i32 %f) {
  %r = call ptr @kvzalloc(i64 %n, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kvmalloc_array(
; CHECK-NEXT: %r = call ptr @kvmalloc_array_token(i64 %n, i64 %s, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kvmalloc_array(i64 %n, i64 %s, i32 %f) {
  %r = call ptr @kvmalloc_array(i64 %n, i64 %s, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kvcalloc(
; CHECK-NEXT: %r = call ptr @kvcalloc_token(i64 %n, i64 %s, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kvcalloc(i64 %n, i64 %s, i32 %f) {
  %r = call ptr @kvcalloc(i64 %n, i64 %s, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kvrealloc(
; CHECK-NEXT: %r = call ptr @kvrealloc_token(ptr %p, i64 %n, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kvrealloc(ptr %p, i64 %n, i32 %f) {
  %r = call ptr @kvrealloc(ptr %p, i64 %n, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kmalloc_node(
; CHECK-NEXT: %r = call ptr @kmalloc_node_token(i64 %n, i32 %f, i32 %node, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kmalloc_node(i64 %n, i32 %f, i32 %node) {
  %r = call ptr @kmalloc_node(i64 %n, i32 %f, i32 %node)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kzalloc_node(
; CHECK-NEXT: %r = call ptr @kzalloc_node_token(i64 %n, i32 %f, i32 %node, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kzalloc_node(i64 %n, i32 %f, i32 %node) {
  %r = call ptr @kzalloc_node(i64 %n, i32 %f, i32 %node)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kcalloc_node(
; CHECK-NEXT: %r = call ptr @kcalloc_node_token(i64 %n, i64 %s, i32 %f, i32 %node, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kcalloc_node(i64 %n, i64 %s, i32 %f, i32 %node) {
  %r = call ptr @kcalloc_node(i64 %n, i64 %s, i32 %f, i32 %node)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kmalloc_array_node(
; CHECK-NEXT: %r = call ptr @kmalloc_array_node_token(i64 %n, i64 %s, i32 %f, i32 %node, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kmalloc_array_node(i64 %n, i64 %s, i32 %f, i32 %node) {
  %r = call ptr @kmalloc_array_node(i64 %n, i64 %s, i32 %f, i32 %node)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kvmalloc_node(
; CHECK-NEXT: %r = call ptr @kvmalloc_node_token(i64 %n, i32 %f, i32 %node, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kvmalloc_node(i64 %n, i32 %f, i32 %node) {
  %r = call ptr @kvmalloc_node(i64 %n, i32 %f, i32 %node)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kmemdup(
; CHECK-NEXT: %r = call ptr @kmemdup_token(ptr %p, i64 %n, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kmemdup(ptr %p, i64 %n, i32 %f) {
  %r = call ptr @kmemdup(ptr %p, i64 %n, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kstrdup(
; CHECK-NEXT: %r = call ptr @kstrdup_token(ptr %s, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kstrdup(ptr %s, i32 %f) {
  %r = call ptr @kstrdup(ptr %s, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kstrndup(
; CHECK-NEXT: %r = call ptr @kstrndup_token(ptr %s, i64 %max, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kstrndup(ptr %s, i64 %max, i32 %f) {
  %r = call ptr @kstrndup(ptr %s, i64 %max, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kmemdup_nul(
; CHECK-NEXT: %r = call ptr @kmemdup_nul_token(ptr %s, i64 %n, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kmemdup_nul(ptr %s, i64 %n, i32 %f) {
  %r = call ptr @kmemdup_nul(ptr %s, i64 %n, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_kvasprintf(
; CHECK-NEXT: %r = call ptr @kvasprintf_token(i32 %f, ptr %fmt, ptr %ap, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_kvasprintf(i32 %f, ptr %fmt, ptr %ap) {
  %r = call ptr @kvasprintf(i32 %f, ptr %fmt, ptr %ap)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_devm_kmalloc(
; CHECK-NEXT: %r = call ptr @devm_kmalloc_token(ptr %p, i64 %n, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_devm_kmalloc(ptr %p, i64 %n, i32 %f) {
  %r = call ptr @devm_kmalloc(ptr %p, i64 %n, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_devm_kzalloc(
; CHECK-NEXT: %r = call ptr @devm_kzalloc_token(ptr %p, i64 %n, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_devm_kzalloc(ptr %p, i64 %n, i32 %f) {
  %r = call ptr @devm_kzalloc(ptr %p, i64 %n, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_devm_kcalloc(
; CHECK-NEXT: %r = call ptr @devm_kcalloc_token(ptr %p, i64 %n, i64 %s, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_devm_kcalloc(ptr %p, i64 %n, i64 %s, i32 %f) {
  %r = call ptr @devm_kcalloc(ptr %p, i64 %n, i64 %s, i32 %f)
  ret ptr %r
}

; CHECK-LABEL: define ptr @call_devm_kmalloc_array(
; CHECK-NEXT: %r = call ptr @devm_kmalloc_array_token(ptr %p, i64 %n, i64 %s, i32 %f, i64 0)
; CHECK-NEXT: ret ptr %r
define ptr @call_devm_kmalloc_array(ptr %p, i64 %n, i64 %s, i32 %f) {
  %r = call ptr @devm_kmalloc_array(ptr %p, i64 %n, i64 %s, i32 %f)
  ret ptr %r
}

declare ptr @kmalloc(i64, i32)
declare ptr @kzalloc(i64, i32)
declare ptr @kmalloc_array(i64, i64, i32)
declare ptr @kcalloc(i64, i64, i32)
declare ptr @krealloc(ptr, i64, i32)
declare ptr @krealloc_array(ptr, i64, i64, i32)
declare ptr @kvmalloc(i64, i32)
declare ptr @kvzalloc(i64, i32)
declare ptr @kvmalloc_array(i64, i64, i32)
declare ptr @kvcalloc(i64, i64, i32)
declare ptr @kvrealloc(ptr, i64, i32)
declare ptr @kmalloc_node(i64, i32, i32)
declare ptr @kzalloc_node(i64, i32, i32)
declare ptr @kcalloc_node(i64, i64, i32, i32)
declare ptr @kmalloc_array_node(i64, i64, i32, i32)
declare ptr @kvmalloc_node(i64, i32, i32)
declare ptr @kmemdup(ptr, i64, i32)
declare ptr @kstrdup(ptr, i32)
declare ptr @kstrndup(ptr, i64, i32)
declare ptr @kmemdup_nul(ptr, i64, i32)
declare ptr @kvasprintf(i32, ptr, ptr)
declare ptr @devm_kmalloc(ptr, i64, i32)
declare ptr @devm_kzalloc(ptr, i64, i32)
declare ptr @devm_kcalloc(ptr, i64, i64, i32)
declare ptr @devm_kmalloc_array(ptr, i64, i64, i32)
