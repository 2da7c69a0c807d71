; Proves that descriptor mode (the default) passes the address of a per-type
; descriptor as the token: one linkonce_odr COMDAT global per type in section
; "typeslab_types", holding the type's name, layout hash, size, alignment and
; pointer flag, while an untyped site gets the fallback 0.
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -S %S/Inputs/two-types.ll | FileCheck %s

; CHECK: $[[PLAIN:__typeslab_type_[0-9a-f]+]] = comdat any
; CHECK: $[[NODE:__typeslab_type_[0-9a-f]+]] = comdat any
; CHECK: @[[PLAIN]].name = linkonce_odr hidden constant [13 x i8] c"struct plain\00", comdat($[[PLAIN]])
; CHECK: @[[PLAIN]] = linkonce_odr dso_local global %typeslab.type { i32 1112298324, i16 1, i16 8, i64 {{-?[0-9]+}}, i64 8, i64 0, i32 4, i32 0, ptr @[[PLAIN]].name, ptr null }, section "typeslab_types", comdat, align 8
; CHECK: @[[NODE]].name = linkonce_odr hidden constant [12 x i8] c"struct node\00", comdat($[[NODE]])
; CHECK: @[[NODE]] = linkonce_odr dso_local global %typeslab.type { i32 1112298324, i16 1, i16 9, i64 {{-?[0-9]+}}, i64 16, i64 0, i32 8, i32 0, ptr @[[NODE]].name, ptr null }, section "typeslab_types", comdat, align 8

; CHECK-LABEL: define ptr @mk_plain(
; CHECK-NEXT: %p = call ptr @kmalloc_token(i64 8, i32 3264, i64 ptrtoint (ptr @[[PLAIN]] to i64))
; CHECK-LABEL: define ptr @mk_node(
; CHECK-NEXT: %p = call ptr @kmalloc_token(i64 16, i32 3264, i64 ptrtoint (ptr @[[NODE]] to i64))
; CHECK-LABEL: define ptr @mk_bytes(
; CHECK-NEXT: %p = call ptr @kmalloc_token(i64 %n, i32 3264, i64 0)
