; Proves that descriptors are dso_local outside shared objects, as clang
; marks its own definitions: non-PIC code (the kernel, whose linker script
; forbids GOT entries) and PIE executables reach them directly, while a
; shared object (PIC, not PIE) keeps them preemptible.
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -S %S/Inputs/two-types.ll | FileCheck %s --check-prefix=LOCAL
; RUN: cat %S/Inputs/two-types.ll > %t.pie.ll
; RUN: grep '^; PIE: ' %s | sed -e 's/^; PIE: //' >> %t.pie.ll
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -S %t.pie.ll | FileCheck %s --check-prefix=LOCAL
; RUN: cat %S/Inputs/two-types.ll > %t.pic.ll
; RUN: grep '^; PIC: ' %s | sed -e 's/^; PIC: //' >> %t.pic.ll
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -S %t.pic.ll | FileCheck %s --check-prefix=SHARED

; PIE: !llvm.module.flags = !{!100, !101}
; PIE: !100 = !{i32 8, !"PIC Level", i32 2}
; PIE: !101 = !{i32 7, !"PIE Level", i32 2}
; PIC: !llvm.module.flags = !{!100}
; PIC: !100 = !{i32 8, !"PIC Level", i32 2}

; LOCAL: @__typeslab_type_{{[0-9a-f]+}} = linkonce_odr dso_local global %typeslab.type
; SHARED: @__typeslab_type_{{[0-9a-f]+}} = linkonce_odr global %typeslab.type
