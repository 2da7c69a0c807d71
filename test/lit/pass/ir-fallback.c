// Proves that with the front-end half switched off the pass degrades to its
// IR rules and says so in the remark.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -mllvm -typeslab-frontend=false -I %S/Inputs -DPLAIN_CALLS -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
#include "kernel.h"

struct pkt { u32 len; struct pkt *next; };

// CHECK: ir-fallback.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'gep_typed' as 'struct pkt' (single, evidence: ir-gep from the IR,
void gep_typed(void) { struct pkt *p = kmalloc(sizeof(*p), GFP_KERNEL); p->len = 0; p->next = 0; }
// CHECK: ir-fallback.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'nothing': no front-end verdict and the IR names no type for a runtime size [runtime-size-no-type]
void *nothing(size_t n) { return kmalloc(n, GFP_KERNEL); }
