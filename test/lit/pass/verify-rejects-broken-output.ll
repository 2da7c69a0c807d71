; Proves that -typeslab-verify catches a module the pass left broken: one
; error quoting the verifier and naming the function, not a crash, under opt
; and under clang at -O0 and -O2 (where the pipeline goes on after the
; error: the broken function is dropped to a declaration first). No input
; makes the pass emit broken IR today, so the hidden testing option
; -typeslab-break-output-for-testing breaks it on purpose; the first RUN
; shows the same input verifies without it.
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-verify -S %s | FileCheck %s --check-prefix=OK
; RUN: not opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-verify -typeslab-break-output-for-testing -disable-output %s 2>&1 | FileCheck %s --implicit-check-not=error:
; RUN: not %clang -O0 -Wno-override-module -fpass-plugin=%typeslab_pass -mllvm -typeslab-verify -mllvm -typeslab-break-output-for-testing -c -o /dev/null %s 2>&1 | FileCheck %s --check-prefixes=CHECK,CLANG --implicit-check-not=error:
; RUN: not %clang -O2 -Wno-override-module -fpass-plugin=%typeslab_pass -mllvm -typeslab-verify -mllvm -typeslab-break-output-for-testing -c -o /dev/null %s 2>&1 | FileCheck %s --check-prefixes=CHECK,CLANG --implicit-check-not=error:

; OK-LABEL: define ptr @first(
; OK-NEXT: call ptr @kmalloc_token(i64 %n, i32 3264, i64 0)
; OK-LABEL: define ptr @second(
; OK-NEXT: call ptr @kmalloc_token(i64 %n, i32 3264, i64 0)
; CHECK: error: typeslab: the IR verifier rejected the rewritten module (in 'first'): Terminator found in the middle of a basic block!
; CLANG: 1 error generated.

target triple = "x86_64-pc-linux-gnu"

define ptr @first(i64 %n) {
  %p = call ptr @kmalloc(i64 %n, i32 3264)
  ret ptr %p
}

define ptr @second(i64 %n) {
  %p = call ptr @kmalloc(i64 %n, i32 3264)
  ret ptr %p
}

declare ptr @kmalloc(i64, i32)
