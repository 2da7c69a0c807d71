; Proves that -typeslab-max-tokens=16 reduces hash tokens into 1..15 with the
; pointer-holding type in the upper half (8..15) and the pointer-free type in
; the lower half (1..7), and keeps 0 for the untyped site.
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-tokens=hash -typeslab-max-tokens=16 -S %S/Inputs/two-types.ll | FileCheck %s

; CHECK-LABEL: define ptr @mk_plain(
; CHECK-NEXT: %p = call ptr @kmalloc_token(i64 8, i32 3264, i64 {{[1-7]}})
; CHECK-LABEL: define ptr @mk_node(
; CHECK-NEXT: %p = call ptr @kmalloc_token(i64 16, i32 3264, i64 {{[89]|1[0-5]}})
; CHECK-LABEL: define ptr @mk_bytes(
; CHECK-NEXT: %p = call ptr @kmalloc_token(i64 %n, i32 3264, i64 0)
