// Proves, by linking and running two translation units, that the same type
// gets one merged descriptor (the linker folds the COMDATs) and that two
// different 'struct priv' layouts get two different descriptors.
// RUN: rm -rf %t && mkdir %t
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -c -o %t/a.o %S/Inputs/two-tu/drv_a.c
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -c -o %t/b.o %S/Inputs/two-tu/drv_b.c
// RUN: %clang -O2 -I %typeslab_include -c -o %t/main.o %S/Inputs/two-tu/main.c
// RUN: %clang -o %t/prog %t/main.o %t/a.o %t/b.o
// RUN: %t/prog | FileCheck %s
//
// CHECK: call0 desc=[[PRIV_A:0x[0-9a-f]+]] name='struct priv' size=16 magic_ok=1
// CHECK-NEXT: call1 desc=[[CFG:0x[0-9a-f]+]] name='struct shared_cfg' size=16 magic_ok=1
// CHECK-NEXT: call2 desc=[[PRIV_B:0x[0-9a-f]+]] name='struct priv' size=520 magic_ok=1
// CHECK-NOT: desc=[[PRIV_A]]
// CHECK-NEXT: call3 desc=[[CFG]] name='struct shared_cfg' size=16 magic_ok=1
// CHECK-NEXT: descriptors=3
