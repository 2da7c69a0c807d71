; Proves that -typeslab-tokens=hash passes the type's full 64-bit layout hash
; (the same value descriptor mode stores in the type's descriptor) as a
; constant token, emits no descriptor, and gives untyped sites the fallback 0.
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -S -o %t.desc.ll %S/Inputs/two-types.ll
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-tokens=hash -S -o %t.hash.ll %S/Inputs/two-types.ll
; RUN: grep typeslab_types %t.desc.ll > %t.both
; RUN: cat %t.hash.ll >> %t.both
; RUN: FileCheck %s < %t.both
; RUN: FileCheck %s --check-prefix=NODESC < %t.hash.ll

; The descriptors of the default run give the layout hashes.
; CHECK: global %typeslab.type { i32 1112298324, i16 1, i16 8, i64 [[PLAIN:-?[0-9]+]], i64 8,
; CHECK-NEXT: global %typeslab.type { i32 1112298324, i16 1, i16 9, i64 [[NODE:-?[0-9]+]], i64 16,
; The hash run passes exactly those.
; CHECK: ModuleID
; CHECK-LABEL: define ptr @mk_plain(
; CHECK-NEXT: %p = call ptr @kmalloc_token(i64 8, i32 3264, i64 [[PLAIN]])
; CHECK-LABEL: define ptr @mk_node(
; CHECK-NEXT: %p = call ptr @kmalloc_token(i64 16, i32 3264, i64 [[NODE]])
; CHECK-LABEL: define ptr @mk_bytes(
; CHECK-NEXT: %p = call ptr @kmalloc_token(i64 %n, i32 3264, i64 0)

; NODESC-NOT: typeslab_types
; NODESC-NOT: __typeslab_type_
