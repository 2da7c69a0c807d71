// Proves that a call through a constant ops table initialised with an
// allocator ({ .alloc = kmalloc }) is reported at the call, in the calling
// function, with its line and column, rather than once with no place; that
// the table's other entries are not reported; and that a table that is not
// constant, whose entries can change, is still reported once, without a
// place.
// RUN: rm -rf %t && mkdir %t
// RUN: %clang -O0 -g -fpass-plugin=%typeslab_pass -Rpass-missed=typeslab -mllvm -typeslab-sites=%t/o0 -c -o /dev/null %s 2> %t/o0.remarks
// RUN: FileCheck %s --check-prefix=REMARK < %t/o0.remarks
// RUN: cat %t/o0/*.jsonl | FileCheck %s --check-prefix=REC
// RUN: cat %t/o0/*.jsonl | FileCheck %s --check-prefix=NOPLACE
// RUN: %clang -O2 -g -fpass-plugin=%typeslab_pass -Rpass-missed=typeslab -c -o /dev/null %s 2> %t/o2.remarks
// RUN: FileCheck %s --check-prefix=REMARK < %t/o2.remarks
typedef unsigned long size_t;
void *kmalloc(size_t size, unsigned flags);
void kfree(const void *p);

struct ops {
  void (*release)(const void *);
  void *(*alloc)(size_t, unsigned);
};
static const struct ops kops = {.release = kfree, .alloc = kmalloc};
struct ops live_ops = {.release = kfree, .alloc = kmalloc};
struct buf { long a; void *b; };

struct buf *use_ops(void) {
  // REMARK: indirect-call-ops-table.c:[[@LINE+2]]:{{[0-9]+}}: remark: call of 'kmalloc' through the constant table 'kops' in 'use_ops': calls through the pointer are not typed [indirect-call]
  // REC: {{.*}}"function":"use_ops",{{.*}}"line":[[@LINE+1]],{{.*}}"reason":"'kmalloc' is called through a pointer loaded from the constant table 'kops'; calls through the pointer are not typed","reason_class":"indirect-call"
  struct buf *b = kops.alloc(sizeof(*b), 0);
  kops.release(b);
  return kops.alloc(sizeof(*b), 0);
}
// REMARK: indirect-call-ops-table.c:[[@LINE-2]]:{{[0-9]+}}: remark: call of 'kmalloc' through the constant table 'kops' in 'use_ops'
// REMARK-NOT: kfree
// NOPLACE: "function":"",{{.*}}"reason":"the address of 'kmalloc' is taken in the initializer of 'live_ops'; calls through the pointer are not typed"
