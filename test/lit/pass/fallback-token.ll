; Proves that -typeslab-fallback=N gives untyped sites token N in both token
; modes and leaves typed sites' tokens alone.
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-fallback=77 -S %S/Inputs/two-types.ll | FileCheck %s --check-prefix=DESC
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-fallback=77 -typeslab-tokens=hash -S %S/Inputs/two-types.ll | FileCheck %s --check-prefix=HASH

; DESC-LABEL: define ptr @mk_plain(
; DESC-NEXT: %p = call ptr @kmalloc_token(i64 8, i32 3264, i64 ptrtoint (ptr @__typeslab_type_{{[0-9a-f]+}} to i64))
; DESC-LABEL: define ptr @mk_bytes(
; DESC-NEXT: %p = call ptr @kmalloc_token(i64 %n, i32 3264, i64 77)

; HASH-LABEL: define ptr @mk_plain(
; HASH-NEXT: %p = call ptr @kmalloc_token(i64 8, i32 3264, i64 -4839176023769950192)
; HASH-LABEL: define ptr @mk_bytes(
; HASH-NEXT: %p = call ptr @kmalloc_token(i64 %n, i32 3264, i64 77)
