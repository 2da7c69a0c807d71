; Proves that allocator calls in unreachable blocks (no predecessors, and a
; self-referencing loop) are typed and rewritten like any other without the
; use walk looping, and the module still verifies.
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -pass-remarks=typeslab -typeslab-verify -S %s 2>&1 | FileCheck %s

target triple = "x86_64-pc-linux-gnu"

%struct.s = type { i32, i32 }

; CHECK: remark: {{.*}}typed 'kmalloc' call in 'dead_alloc' as 'struct s'
; CHECK-LABEL: define ptr @dead_alloc(
; CHECK: dead:
; CHECK-NEXT: %p = call ptr @kmalloc_token(i64 8, i32 0, i64 ptrtoint (ptr @__typeslab_type_{{[0-9a-f]+}} to i64))
define ptr @dead_alloc() {
entry:
  ret ptr null
dead:
  %p = call ptr @kmalloc(i64 8, i32 0)
  %g = getelementptr inbounds %struct.s, ptr %p, i32 0, i32 1
  store i32 0, ptr %g
  br label %loop
loop:
  %q = phi ptr [ %p, %dead ], [ %r, %loop ]
  %r = getelementptr inbounds i8, ptr %q, i64 8
  br label %loop
}

declare ptr @kmalloc(i64, i32)
