; Proves that opt loads TypeslabPass.so (which needs no libclang-cpp) and
; parses the pipeline name 'typeslab', alone and between other passes,
; running the pass with its IR rules; a name it does not know stays an error.
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -pass-remarks=typeslab -S %s 2>&1 | FileCheck %s
; RUN: opt -load-pass-plugin=%typeslab_pass -passes='verify,typeslab,verify' -S %s | FileCheck %s --check-prefix=IR
; RUN: not opt -load-pass-plugin=%typeslab_pass -passes=typeslab-nope -disable-output %s 2>&1 | FileCheck %s --check-prefix=UNKNOWN
; RUN: llvm-readelf --needed-libs %typeslab_pass | FileCheck %s --check-prefix=DEPS --implicit-check-not=clang

; CHECK: remark: <unknown>:0:0: typed 'kmalloc' call in 'make' as 'struct pair' (single, evidence: ir-gep from the IR
; CHECK-LABEL: define ptr @make(
; CHECK-NEXT: %p = call ptr @kmalloc_token(i64 16, i32 3264, i64 ptrtoint (ptr @__typeslab_type_{{[0-9a-f]+}} to i64))
; IR-LABEL: define ptr @make(
; IR-NEXT: %p = call ptr @kmalloc_token(i64 16, i32 3264, i64 ptrtoint (ptr @__typeslab_type_{{[0-9a-f]+}} to i64))
; UNKNOWN: opt: unknown pass name 'typeslab-nope'
; DEPS: libLLVM

target triple = "x86_64-pc-linux-gnu"

%struct.pair = type { ptr, i64 }

define ptr @make() {
  %p = call ptr @kmalloc(i64 16, i32 3264)
  %f = getelementptr inbounds %struct.pair, ptr %p, i32 0, i32 1
  store i64 1, ptr %f
  ret ptr %p
}

declare ptr @kmalloc(i64, i32)
