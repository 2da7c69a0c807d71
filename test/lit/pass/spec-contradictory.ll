; Proves that contradictory spec files stop the compile with an error naming
; the file, the entry and the conflict: two roles on one argument, one name
; twice, a typed variant that is itself an allocator (of the profile or of
; the file), and an allocator named like a typed variant.
; RUN: rm -rf %t && mkdir %t
; RUN: echo '{"version": 1, "allocators": [{"name": "p", "typed": "p_t", "size": 1, "flags": 1}]}' > %t/roles.json
; RUN: not opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-spec=%t/roles.json -disable-output %s 2>&1 | FileCheck %s --check-prefix=ROLES
; RUN: echo '{"version": 1, "allocators": [{"name": "p", "typed": "p_t", "size": 0}, {"name": "p", "typed": "p_u", "size": 0}]}' > %t/twice.json
; RUN: not opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-spec=%t/twice.json -disable-output %s 2>&1 | FileCheck %s --check-prefix=TWICE
; RUN: echo '{"version": 1, "allocators": [{"name": "p", "typed": "kmalloc", "size": 0}]}' > %t/profile.json
; RUN: not opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-spec=%t/profile.json -disable-output %s 2>&1 | FileCheck %s --check-prefix=PROFILE
; RUN: echo '{"version": 1, "allocators": [{"name": "a", "typed": "b", "size": 0}, {"name": "b", "typed": "c", "size": 0}]}' > %t/chain.json
; RUN: not opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-spec=%t/chain.json -disable-output %s 2>&1 | FileCheck %s --check-prefix=CHAIN
; RUN: echo '{"version": 1, "allocators": [{"name": "kzalloc_token", "typed": "z", "size": 0}]}' > %t/typedname.json
; RUN: not opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-spec=%t/typedname.json -disable-output %s 2>&1 | FileCheck %s --check-prefix=TYPEDNAME
; RUN: echo '{"version": 1, "allocators": [{"name": "p", "typed": "p_t", "size": 0, "token": 3}]}' > %t/gap.json
; RUN: not opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-spec=%t/gap.json -disable-output %s 2>&1 | FileCheck %s --check-prefix=GAP

; ROLES: error: typeslab: spec '{{.*}}roles.json': allocator #0 ('p'): field 'flags': argument 1 is already the 'size' argument
; TWICE: error: typeslab: spec '{{.*}}twice.json': allocator #1 ('p'): duplicate allocator 'p'
; PROFILE: error: typeslab: spec '{{.*}}profile.json': allocator #0 ('p'): field 'typed': 'kmalloc' is itself an allocator
; CHAIN: error: typeslab: spec '{{.*}}chain.json': allocator #0 ('a'): field 'typed': 'b' is itself an allocator
; TYPEDNAME: error: typeslab: spec '{{.*}}typedname.json': allocator #0 ('kzalloc_token'): field 'name': 'kzalloc_token' is already a typed variant
; GAP: error: typeslab: spec '{{.*}}gap.json': allocator #0 ('p'): field 'token': position 3 leaves a gap after the last argument

target triple = "x86_64-pc-linux-gnu"

define ptr @f(i64 %n) {
  %p = call ptr @kmalloc(i64 %n, i32 0)
  ret ptr %p
}

declare ptr @kmalloc(i64, i32)
