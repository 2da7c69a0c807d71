; Proves that a -typeslab-spec file that does not exist stops the compile
; with an error naming the file and the reason, not a crash.
; RUN: not opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-spec=%t.does-not-exist.json -disable-output %s 2>&1 | FileCheck %s -DFILE=%t.does-not-exist.json

; CHECK: error: typeslab: spec '[[FILE]]': cannot read: No such file or directory
; CHECK-NOT: error:

target triple = "x86_64-pc-linux-gnu"

define ptr @f(i64 %n) {
  %p = call ptr @kmalloc(i64 %n, i32 0)
  ret ptr %p
}

declare ptr @kmalloc(i64, i32)
