; Shared input of the token-mode tests: one site typed 'struct plain' (no
; pointer), one typed 'struct node' (holds a pointer), both by a struct GEP
; on the result, and one untyped site (runtime size, no use).
target triple = "x86_64-pc-linux-gnu"

%struct.plain = type { i32, i32 }
%struct.node = type { ptr, i32 }

define ptr @mk_plain() {
  %p = call ptr @kmalloc(i64 8, i32 3264)
  %f = getelementptr inbounds %struct.plain, ptr %p, i32 0, i32 1
  store i32 1, ptr %f
  ret ptr %p
}

define ptr @mk_node() {
  %p = call ptr @kmalloc(i64 16, i32 3264)
  %f = getelementptr inbounds %struct.node, ptr %p, i32 0, i32 1
  store i32 1, ptr %f
  ret ptr %p
}

define ptr @mk_bytes(i64 %n) {
  %p = call ptr @kmalloc(i64 %n, i32 3264)
  ret ptr %p
}

declare ptr @kmalloc(i64, i32)
