// Proves the site records travel with the object: each object holds them in
// a non-allocated .typeslab.sites section, and the report reads the same
// sites from the objects, from a relocatable link (ld -r), from an archive
// and a thin archive of them, from the linked program, and from the record
// folder of -typeslab-sites=DIR.
// RUN: rm -rf %t && mkdir %t
// RUN: %clang -O2 -g -fpass-plugin=%typeslab_pass -mllvm -typeslab-report-only -mllvm -typeslab-sites=%t/recs -I %S/Inputs -DPLAIN_CALLS -DUNIT_A -c -o %t/a.o %s
// RUN: %clang -O2 -g -fpass-plugin=%typeslab_pass -mllvm -typeslab-report-only -mllvm -typeslab-sites=%t/recs -I %S/Inputs -DPLAIN_CALLS -DUNIT_B -c -o %t/b.o %s
// RUN: %llvm-readelf -S %t/a.o | FileCheck %s --check-prefix=SECTION
// SECTION: .typeslab.sites PROGBITS {{[0-9a-f]+}} {{[0-9a-f]+}} {{[0-9a-f]+}} 00 0 0 1
// RUN: %clang -DSTUBS -I %S/Inputs -DPLAIN_CALLS -c -o %t/stubs.o %s
// RUN: ld -r -o %t/ab.o %t/a.o %t/b.o
// RUN: llvm-ar rc %t/lib.a %t/a.o %t/b.o
// RUN: llvm-ar rcT %t/thin.a %t/a.o %t/b.o
// RUN: %clang -o %t/prog %t/ab.o %t/stubs.o
// RUN: %llvm-readelf -S %t/prog | FileCheck %s --check-prefix=SECTION
// RUN: %python %typeslab_tools/typeslab-report --format json -o %t/recs.json %t/recs
// RUN: %python %typeslab_tools/typeslab-report --format json -o %t/objs.json %t/a.o %t/b.o
// RUN: %python %typeslab_tools/typeslab-report --format json -o %t/ab.json %t/ab.o
// RUN: %python %typeslab_tools/typeslab-report --format json -o %t/lib.json %t/lib.a
// RUN: %python %typeslab_tools/typeslab-report --format json -o %t/thin.json %t/thin.a
// RUN: %python %typeslab_tools/typeslab-report --format json -o %t/prog.json %t/prog
// RUN: FileCheck %s < %t/prog.json
// RUN: diff %t/recs.json %t/objs.json
// RUN: diff %t/recs.json %t/ab.json
// RUN: diff %t/recs.json %t/lib.json
// RUN: diff %t/recs.json %t/thin.json
// RUN: diff %t/recs.json %t/prog.json
// CHECK: "function": "ring_new",
// CHECK: "typed": true
// CHECK: "function": "ring_buf",
// CHECK: "typed": false
// CHECK: "sites": 2,
#include "kernel.h"

struct ring { void *slots; u32 head; };

#ifdef UNIT_A
struct ring *ring_new(void) {
  struct ring *r = kmalloc(sizeof(*r), GFP_KERNEL);
  return r;
}
int main(void) { return ring_new() != 0; }
#endif

#ifdef UNIT_B
void *ring_spare;
void ring_buf(size_t n) { ring_spare = kzalloc(n, GFP_KERNEL); }
#endif

#ifdef STUBS
void *kmalloc_noprof(size_t size, gfp_t flags) { return 0; }
void *kzalloc_noprof(size_t size, gfp_t flags) { return 0; }
#endif
