; Proves that the pass's statistics count sites seen, typed, untyped,
; conflicting, rewritten, descriptors and address-taken uses, and reach
; clang's statistics output (-save-stats JSON and -print-stats) although
; Debian's LLVM is a release build.
; RUN: rm -rf %t && mkdir %t
; RUN: %clang -O0 -fpass-plugin=%typeslab_pass -save-stats=obj -S -emit-llvm -o %t/statistics.out.ll %s
; RUN: FileCheck %s --check-prefix=JSON < %t/statistics.stats
; RUN: %clang -O0 -fpass-plugin=%typeslab_pass -mllvm -stats -Xclang -print-stats -S -emit-llvm -o /dev/null %s 2>&1 | FileCheck %s --check-prefix=PRINT

; JSON-DAG: "typeslab.NumSites": 3{{,?$}}
; JSON-DAG: "typeslab.NumTyped": 1{{,?$}}
; JSON-DAG: "typeslab.NumUntyped": 2{{,?$}}
; JSON-DAG: "typeslab.NumConflicting": 1{{,?$}}
; JSON-DAG: "typeslab.NumRewritten": 3{{,?$}}
; JSON-DAG: "typeslab.NumDescriptors": 1{{,?$}}
; JSON-DAG: "typeslab.NumAddressTaken": 1{{,?$}}

; PRINT-DAG: 3 typeslab - Allocator calls seen
; PRINT-DAG: 1 typeslab - Allocator calls typed
; PRINT-DAG: 2 typeslab - Allocator calls left untyped
; PRINT-DAG: 1 typeslab - Allocator calls with conflicting evidence

target triple = "x86_64-pc-linux-gnu"

%struct.a = type { i32, i32 }
%struct.b = type { i64 }

@hook = global ptr @kmalloc

define void @typed() {
  %p = call ptr @kmalloc(i64 8, i32 3264)
  %f = getelementptr inbounds %struct.a, ptr %p, i32 0, i32 1
  store i32 1, ptr %f
  ret void
}

define void @untyped(i64 %n) {
  %p = call ptr @kmalloc(i64 %n, i32 3264)
  ret void
}

define void @conflicting() {
  %p = call ptr @kmalloc(i64 8, i32 3264)
  %f = getelementptr inbounds %struct.a, ptr %p, i32 0, i32 1
  store i32 1, ptr %f
  %g = getelementptr inbounds %struct.b, ptr %p, i32 0, i32 0
  store i64 1, ptr %g
  ret void
}

declare ptr @kmalloc(i64, i32)
