; Proves that clang 22's !alloc_token metadata, which spells a C record
; without its tag ("foo" for struct foo), is read as the module's struct foo:
; the site gets struct foo's identity (same name and token as the front end
; gives it) and its size is checked against that layout.
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -pass-remarks=typeslab -pass-remarks-missed=typeslab -S -o %t.ll %s 2> %t.remarks
; RUN: FileCheck %s --input-file=%t.remarks
; The front end's descriptor for the same struct foo, then this test's: one
; FileCheck run, so the two are compared.
; RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -DPLAIN_CALLS -S -emit-llvm -o %t.fe.ll %S/Inputs/struct-foo.c
; RUN: cat %t.fe.ll %t.ll | FileCheck %s --check-prefix=SAME

%struct.foo = type { i32, ptr }

; CHECK: remark: <unknown>:0:0: typed 'kmalloc' call in 'fits' as 'struct foo' (single, evidence: alloc-token-metadata from the IR
; SAME: call ptr @kmalloc_token(i64 noundef 16, i32 noundef 3264, i64 ptrtoint (ptr @[[DESC:__typeslab_type_[0-9a-f]+]] to i64))
; SAME: define ptr @fits()
; SAME-NEXT: %r = call ptr @kmalloc_token(i64 16, i32 0, i64 ptrtoint (ptr @[[DESC]] to i64))
define ptr @fits() {
  %r = call ptr @kmalloc(i64 16, i32 0), !alloc_token !0
  ret ptr %r
}

; A size that cannot hold struct foo is a conflict, not a typed site.
; CHECK: remark: <unknown>:0:0: untyped 'kmalloc' call in 'too_small': clang's !alloc_token names 'foo' (16 bytes) but the allocation has size 4 [conflicting-evidence]
define ptr @too_small() {
  %r = call ptr @kmalloc(i64 4, i32 0), !alloc_token !0
  ret ptr %r
}

declare ptr @kmalloc(i64, i32)

!0 = !{!"foo", i1 true}
