// Proves one source compiled into two objects (here two -D variants) keeps
// the records of both: two record files in -typeslab-sites=DIR, and the
// report of the folder or of the two objects lists both sites, the untyped
// one included.
// RUN: rm -rf %t && mkdir %t
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -mllvm -typeslab-sites=%t/recs -I %S/Inputs -DPLAIN_CALLS -DVARIANT_A -c -o %t/a.o %s
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -mllvm -typeslab-sites=%t/recs -I %S/Inputs -DPLAIN_CALLS -c -o %t/b.o %s
// RUN: ls %t/recs | count 2
// RUN: %python %typeslab_tools/typeslab-report %t/recs | FileCheck %s
// RUN: %python %typeslab_tools/typeslab-report %t/a.o %t/b.o | FileCheck %s
// CHECK: typeslab report: 2 allocation sites, 1 typed (50.0%), 1 untyped
// CHECK: 'kmalloc' in 'variant_a': the size comes from parameter 'n' of 'variant_a'
#include "kernel.h"

struct ring { void *slots; u32 head; };

#ifdef VARIANT_A
void *variant_a(size_t n) { return kmalloc(n, GFP_KERNEL); }
#else
struct ring *variant_b(void) {
  struct ring *r = kmalloc(sizeof(*r), GFP_KERNEL);
  return r;
}
#endif
