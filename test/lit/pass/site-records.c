// Proves that -typeslab-sites=DIR writes one JSON-lines record per site with
// every documented key, typed and untyped, deterministically.
// RUN: rm -rf %t && mkdir %t
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -mllvm -typeslab-sites=%t/recs -I %S/Inputs -DPLAIN_CALLS -c -o %t/o.o %s
// RUN: cat %t/recs/site-records.c-*.jsonl | FileCheck %s
// RUN: cp %t/recs/site-records.c-*.jsonl %t/first.jsonl
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -mllvm -typeslab-sites=%t/recs -I %S/Inputs -DPLAIN_CALLS -c -o %t/o.o %s
// RUN: diff %t/first.jsonl %t/recs/site-records.c-*.jsonl
// RUN: ls %t/recs | count 1
#include "kernel.h"

struct ring { void *slots; u32 head; };

// CHECK: {"allocator":"kmalloc","col":{{[0-9]+}},"evidence":"size+destination","file":"{{.*}}site-records.c","function":"ring_new","line":[[@LINE+2]],"mode":"descriptor","reason":"","reason_class":"","rewritten":true,"shape":"single","token":"0x{{[0-9a-f]+}}","type":"struct ring","typed":true}
struct ring *ring_new(void) {
  struct ring *r = kmalloc(sizeof(*r), GFP_KERNEL);
  return r;
}
void *ring_spare;
// CHECK-NEXT: {"allocator":"kzalloc","col":{{[0-9]+}},"evidence":"","file":"{{.*}}site-records.c","function":"ring_buf","line":[[@LINE+1]],"mode":"descriptor","reason":"size is a runtime value and the result is only stored to a 'void *' (assignment to 'ring_spare')","reason_class":"runtime-size-no-type","rewritten":true,"shape":"unknown","token":"0x0","type":"","typed":false}
void ring_buf(size_t n) { ring_spare = kzalloc(n, GFP_KERNEL); }
