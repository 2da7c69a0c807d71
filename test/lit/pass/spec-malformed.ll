; Proves that malformed spec files (bad JSON, an empty file, a wrong version,
; an unknown key, a missing size, a bad index) stop the compile with an error
; naming the file, the entry and the field, never a crash.
; RUN: rm -rf %t && mkdir %t
; RUN: echo '{"version": 1, "allocators": [{"name": "p", "typed": "q", "size": 1,}]}' > %t/comma.json
; RUN: not opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-spec=%t/comma.json -disable-output %s 2>&1 | FileCheck %s --check-prefix=COMMA
; RUN: echo '' > %t/empty.json
; RUN: not opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-spec=%t/empty.json -disable-output %s 2>&1 | FileCheck %s --check-prefix=EMPTY
; RUN: echo '{"version": 2, "allocators": []}' > %t/version.json
; RUN: not opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-spec=%t/version.json -disable-output %s 2>&1 | FileCheck %s --check-prefix=VERSION
; RUN: echo '{"version": 1, "allocators": [{"name": "p", "typed": "q", "size": 0, "gfp": 1}]}' > %t/key.json
; RUN: not opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-spec=%t/key.json -disable-output %s 2>&1 | FileCheck %s --check-prefix=KEY
; RUN: echo '{"version": 1, "allocators": [{"name": "p", "typed": "q"}]}' > %t/nosize.json
; RUN: not opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-spec=%t/nosize.json -disable-output %s 2>&1 | FileCheck %s --check-prefix=NOSIZE
; RUN: echo '{"version": 1, "allocators": [{"name": "p", "typed": "q", "size": -2}]}' > %t/index.json
; RUN: not opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-spec=%t/index.json -disable-output %s 2>&1 | FileCheck %s --check-prefix=INDEX

; COMMA: error: typeslab: spec '{{.*}}comma.json': not valid JSON: [1:{{[0-9]+}}, byte={{[0-9]+}}]: Expected object key
; EMPTY: error: typeslab: spec '{{.*}}empty.json': not valid JSON: {{.*}}Unexpected EOF
; VERSION: error: typeslab: spec '{{.*}}version.json': 'version' must be 1
; KEY: error: typeslab: spec '{{.*}}key.json': allocator #0 ('p'): unknown key 'gfp'
; NOSIZE: error: typeslab: spec '{{.*}}nosize.json': allocator #0 ('p'): field 'size': missing; every allocator needs a size argument
; INDEX: error: typeslab: spec '{{.*}}index.json': allocator #0 ('p'): field 'size': expected an argument index from 0 to 63 or null

target triple = "x86_64-pc-linux-gnu"

define ptr @f(i64 %n) {
  %p = call ptr @kmalloc(i64 %n, i32 0)
  ret ptr %p
}

declare ptr @kmalloc(i64, i32)
