; Proves that bad, unknown or contradictory -typeslab-* option values stop
; the compile with one clear error naming the option, never a crash.
; RUN: not opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-profile=bsd -disable-output %s 2>&1 | FileCheck %s --check-prefix=PROFILE
; RUN: not opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-tokens=address -disable-output %s 2>&1 | FileCheck %s --check-prefix=TOKENS
; RUN: not opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-max-tokens=many -disable-output %s 2>&1 | FileCheck %s --check-prefix=NUMBER
; RUN: not opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-fallback=-1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=NEGATIVE
; RUN: not opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-bogus=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=UNKNOWN
; RUN: not opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-max-tokens=16 -disable-output %s 2>&1 | FileCheck %s --check-prefix=MAXDESC
; RUN: not opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-tokens=hash -typeslab-max-tokens=16 -typeslab-fallback=16 -disable-output %s 2>&1 | FileCheck %s --check-prefix=FALLBACK

; PROFILE: error: typeslab: unknown -typeslab-profile='bsd'; expected 'kernel' or 'libc'
; TOKENS: error: typeslab: unknown -typeslab-tokens='address'; expected 'descriptor' or 'hash'
; NUMBER: for the --typeslab-max-tokens option: 'many' value invalid for ulong argument!
; NEGATIVE: for the --typeslab-fallback option: '-1' value invalid for ulong argument!
; UNKNOWN: Unknown command line argument '-typeslab-bogus=1'
; MAXDESC: error: typeslab: -typeslab-max-tokens=16 needs -typeslab-tokens=hash
; FALLBACK: error: typeslab: -typeslab-fallback=16 is not below -typeslab-max-tokens=16

target triple = "x86_64-pc-linux-gnu"

define ptr @f(i64 %n) {
  %p = call ptr @kmalloc(i64 %n, i32 0)
  ret ptr %p
}

declare ptr @kmalloc(i64, i32)
