; Proves that an allocator whose address only appears in a global's
; initializer (an ops table) is kept, costs no crash, and gets an
; indirect-call site record naming the table even though no function is
; there to carry a remark (no call loads it); the direct call next to it is
; still rewritten.
; RUN: rm -rf %t && mkdir %t
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-sites=%t/recs -typeslab-verify -S %s | FileCheck %s
; RUN: cat %t/recs/*.jsonl | FileCheck %s --check-prefix=REC
; With remarks on: the direct call's remark, and no other.
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -pass-remarks=typeslab -pass-remarks-missed=typeslab -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark
; REMARK: remark: <unknown>:0:0: untyped 'kmalloc' call in 'direct': no front-end verdict and the IR names no type for a runtime size [runtime-size-no-type]

target triple = "x86_64-pc-linux-gnu"

; CHECK: @ops = global { ptr, ptr } { ptr @kmalloc, ptr @kfree }
@ops = global { ptr, ptr } { ptr @kmalloc, ptr @kfree }

; CHECK-LABEL: define ptr @direct(
; CHECK-NEXT: %p = call ptr @kmalloc_token(i64 %n, i32 0, i64 0)
define ptr @direct(i64 %n) {
  %p = call ptr @kmalloc(i64 %n, i32 0)
  ret ptr %p
}
; CHECK: declare ptr @kmalloc(i64, i32)

; REC: "allocator":"kmalloc",{{.*}}"function":"direct",
; REC-NEXT: "allocator":"kmalloc",{{.*}}"function":"",{{.*}}"reason":"the address of 'kmalloc' is taken in the initializer of 'ops'; calls through the pointer are not typed","reason_class":"indirect-call",

declare ptr @kmalloc(i64, i32)
declare void @kfree(ptr)
