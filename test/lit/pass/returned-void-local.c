// Proves that an allocation held in a 'void *' local and returned from a
// function returning 'T *' is typed as T, and that a local that also holds
// something else, or whose address escapes, is not.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
#include "kernel.h"

struct pkt { u32 len; struct pkt *next; u8 data[]; };
struct other { long a; };
void *pool_get(void);
void keep(void **slot);
extern size_t pkt_len;

// CHECK: returned-void-local.c:[[@LINE+3]]:{{[0-9]+}}: remark: typed 'kzalloc' call in 'make_pkt' as 'struct pkt' (unknown, evidence: destination
struct pkt *make_pkt(size_t len) {
  void *buf;
  buf = kzalloc(len, GFP_KERNEL);
  if (!buf)
    return NULL;
  return buf;
}
// CHECK: returned-void-local.c:[[@LINE+2]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'make_pkt_init' as 'struct pkt' (unknown, evidence: destination
struct pkt *make_pkt_init(size_t len) {
  void *buf = kmalloc(len, GFP_KERNEL);
  return (struct pkt *)buf;
}
// The size and the returned type must still agree.
// CHECK: returned-void-local.c:[[@LINE+2]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'disagree': the size names 'struct other' but the return of 'buf' from 'disagree' names 'struct pkt' [conflicting-evidence]
struct pkt *disagree(void) {
  void *buf = kmalloc(sizeof(struct other), GFP_KERNEL);
  return buf;
}
// The local may also hold memory from elsewhere: not this allocation's type.
// CHECK: returned-void-local.c:[[@LINE+2]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'two_sources': size is a runtime value and the result is only stored to a 'void *' (initialisation of 'buf') [runtime-size-no-type]
struct pkt *two_sources(int pooled) {
  void *buf = kmalloc(pkt_len, GFP_KERNEL);
  if (pooled)
    buf = pool_get();
  return buf;
}
// CHECK: returned-void-local.c:[[@LINE+2]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'address_escapes': size is a runtime value and the result is only stored to a 'void *' (initialisation of 'buf') [runtime-size-no-type]
struct pkt *address_escapes(void) {
  void *buf = kmalloc(pkt_len, GFP_KERNEL);
  keep(&buf);
  return buf;
}
// A 'void *' function says nothing.
// CHECK: returned-void-local.c:[[@LINE+2]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'void_function': size is a runtime value and the result is only stored to a 'void *' (initialisation of 'buf') [runtime-size-no-type]
void *void_function(void) {
  void *buf = kmalloc(pkt_len + 1, GFP_KERNEL);
  return buf;
}
