; Proves that a JSON spec (-typeslab-spec=FILE) adds allocators to the
; profile: their calls are rewritten to the spec's typed name with the token
; appended by default or at the spec's "token" position, remarks name the
; spec's family, and the kernel profile's own allocators are still rewritten.
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-spec=%S/Inputs/pool-spec.json -pass-remarks=typeslab -S %s 2> %t.remarks | FileCheck %s
; RUN: FileCheck %s --check-prefix=REMARK < %t.remarks

target triple = "x86_64-pc-linux-gnu"

%struct.item = type { i64, i64 }

; CHECK-LABEL: define ptr @from_pool(
; CHECK-NEXT: %p = call ptr @pool_alloc_typed(ptr %pool, i64 16, i32 0, i64 ptrtoint (ptr @[[DESC:__typeslab_type_[0-9a-f]+]] to i64))
; REMARK: typed 'pool' call in 'from_pool' as 'struct item'
define ptr @from_pool(ptr %pool) {
  %p = call ptr @pool_alloc(ptr %pool, i64 16, i32 0)
  %f = getelementptr inbounds %struct.item, ptr %p, i32 0, i32 1
  store i64 0, ptr %f
  ret ptr %p
}

; CHECK-LABEL: define ptr @from_arena(
; CHECK-NEXT: %p = call ptr @arena_new_tok(i64 16, i64 ptrtoint (ptr @[[DESC]] to i64), ptr %arena)
; REMARK: typed 'arena_new' call in 'from_arena' as 'struct item'
define ptr @from_arena(ptr %arena) {
  %p = call ptr @arena_new(i64 16, ptr %arena)
  %f = getelementptr inbounds %struct.item, ptr %p, i32 0, i32 1
  store i64 0, ptr %f
  ret ptr %p
}

; CHECK-LABEL: define ptr @from_kmalloc(
; CHECK-NEXT: %p = call ptr @kmalloc_token(i64 %n, i32 0, i64 0)
define ptr @from_kmalloc(i64 %n) {
  %p = call ptr @kmalloc(i64 %n, i32 0)
  ret ptr %p
}

; CHECK-DAG: declare ptr @pool_alloc_typed(ptr, i64, i32, i64)
; CHECK-DAG: declare ptr @arena_new_tok(i64, i64, ptr)

declare ptr @pool_alloc(ptr, i64, i32)
declare ptr @arena_new(i64, ptr)
declare ptr @kmalloc(i64, i32)
