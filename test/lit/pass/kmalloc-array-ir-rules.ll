; Proves that the IR rules (under opt, no front end) read kmalloc_array's
; element size from its second argument and its count from its first: an
; element of the struct's size types the site as an array of it, whatever
; the count; an element of another size is a conflict, not the struct.
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -pass-remarks=typeslab -pass-remarks-missed=typeslab -S -o %t.ll %s 2> %t.remarks
; RUN: FileCheck %s --check-prefix=REMARK --input-file=%t.remarks
; RUN: FileCheck %s --check-prefix=IR --input-file=%t.ll

target triple = "x86_64-pc-linux-gnu"

%struct.pair = type { ptr, i64 }

; REMARK: remark: <unknown>:0:0: typed 'kmalloc_array' call in 'runtime_count' as 'struct pair' (array, evidence: ir-gep from the IR, token 0x[[HASH:[0-9a-f]+]])
; REMARK-NEXT: remark: <unknown>:0:0: typed 'kmalloc_array' call in 'constant_count' as 'struct pair' (array, evidence: ir-gep from the IR, token 0x[[HASH]])
; REMARK-NEXT: remark: <unknown>:0:0: untyped 'kmalloc_array' call in 'wrong_element': the result is used as 'struct pair' (16 bytes) but the allocation has element size 24 [conflicting-evidence]

; IR-LABEL: define ptr @runtime_count(
; IR-NEXT: %p = call ptr @kmalloc_array_token(i64 %n, i64 16, i32 0, i64 ptrtoint (ptr @[[DESC:__typeslab_type_[0-9a-f]+]] to i64))
define ptr @runtime_count(i64 %n) {
  %p = call ptr @kmalloc_array(i64 %n, i64 16, i32 0)
  %f = getelementptr inbounds %struct.pair, ptr %p, i32 0, i32 1
  store i64 1, ptr %f
  ret ptr %p
}

; IR-LABEL: define ptr @constant_count(
; IR-NEXT: %p = call ptr @kmalloc_array_token(i64 4, i64 16, i32 0, i64 ptrtoint (ptr @[[DESC]] to i64))
define ptr @constant_count() {
  %p = call ptr @kmalloc_array(i64 4, i64 16, i32 0)
  %f = getelementptr inbounds %struct.pair, ptr %p, i32 0, i32 1
  store i64 1, ptr %f
  ret ptr %p
}

; IR-LABEL: define ptr @wrong_element(
; IR-NEXT: %p = call ptr @kmalloc_array_token(i64 %n, i64 24, i32 0, i64 0)
define ptr @wrong_element(i64 %n) {
  %p = call ptr @kmalloc_array(i64 %n, i64 24, i32 0)
  %f = getelementptr inbounds %struct.pair, ptr %p, i32 0, i32 1
  store i64 1, ptr %f
  ret ptr %p
}

declare ptr @kmalloc_array(i64, i64, i32)
