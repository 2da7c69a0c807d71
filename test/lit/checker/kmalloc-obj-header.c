// Proves typeslab/kmalloc_obj.h's semantics with recording allocators:
// sizes go through a saturating multiply (an overflowing count asks for
// SIZE_MAX), GFP defaults to GFP_KERNEL, kmalloc_flex sets the
// __counted_by counter through __builtin_counted_by_ref and fails, without
// allocating, on a count the counter cannot hold, each macro evaluates its
// count once and yields (TYPE *); the kvmalloc_ and kvzalloc_ forms do the
// same through kvmalloc and kvzalloc; at -O0 and at -O2.
// RUN: %clang -O0 -Wall -Wextra -Werror -I %typeslab_corpus/include -I %typeslab_include %s -o %t.O0
// RUN: %clang -O2 -Wall -Wextra -Werror -I %typeslab_corpus/include -I %typeslab_include %s -o %t.O2
// RUN: %t.O0 | FileCheck %s
// RUN: %t.O2 | FileCheck %s
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef unsigned int gfp_t;
#define GFP_KERNEL 0xcc0u
#define GFP_ATOMIC 0x820u

static const char *last_fn = "none";
static size_t last_size;
static gfp_t last_gfp;
static void *record(const char *fn, size_t size, gfp_t gfp) {
  last_fn = fn;
  last_size = size;
  last_gfp = gfp;
  return size == SIZE_MAX ? NULL : calloc(1, size);
}
void *kmalloc(size_t size, gfp_t gfp);
void *kzalloc(size_t size, gfp_t gfp);
void *kvmalloc(size_t size, gfp_t gfp);
void *kvzalloc(size_t size, gfp_t gfp);
void *kmalloc(size_t size, gfp_t gfp) { return record("kmalloc", size, gfp); }
void *kzalloc(size_t size, gfp_t gfp) { return record("kzalloc", size, gfp); }
void *kvmalloc(size_t size, gfp_t gfp) { return record("kvmalloc", size, gfp); }
void *kvzalloc(size_t size, gfp_t gfp) { return record("kvzalloc", size, gfp); }

#include <linux/overflow.h>
#include <typeslab/kmalloc_obj.h>

struct point {
  long x, y;
};
struct msg {
  unsigned char len;
  int body[] __counted_by(len);
};
struct blob {
  int n;
  int data[];
};

#define IS(T, E) _Generic((E), T: 1, default: 0)

int main(void) {
  struct point *p = kmalloc_obj(*p);
  // CHECK: obj kmalloc 16 cc0 type 1
  printf("obj %s %zu %x type %d\n", last_fn, last_size, last_gfp,
         IS(struct point *, kmalloc_obj(*p)));
  free(p);
  p = kzalloc_obj(struct point, GFP_ATOMIC);
  // CHECK-NEXT: zobj kzalloc 16 820
  printf("zobj %s %zu %x\n", last_fn, last_size, last_gfp);
  free(p);
  size_t n = 3;
  p = kmalloc_objs(*p, n++);
  // CHECK-NEXT: objs kmalloc 48 cc0 n 4
  printf("objs %s %zu %x n %zu\n", last_fn, last_size, last_gfp, n);
  free(p);
  p = kzalloc_objs(struct point, SIZE_MAX / 8);
  // CHECK-NEXT: overflow kzalloc 18446744073709551615 null 1
  printf("overflow %s %zu null %d\n", last_fn, last_size, p == NULL);
  struct msg *m = kzalloc_flex(*m, body, n++, GFP_ATOMIC);
  // CHECK-NEXT: flex kzalloc 20 820 len 4 n 5 type 1
  printf("flex %s %zu %x len %u n %zu type %d\n", last_fn, last_size,
         last_gfp, m->len, n, IS(struct msg *, m));
  free(m);
  last_fn = "none";
  size_t too_many = 256;
  m = kmalloc_flex(*m, body, too_many);
  // CHECK-NEXT: flex-overflow none null 1
  printf("flex-overflow %s null %d\n", last_fn, m == NULL);
  struct blob *b = kmalloc_flex(struct blob, data, too_many);
  // CHECK-NEXT: no-counter kmalloc 1028 n 0
  printf("no-counter %s %zu n %d\n", last_fn, last_size, b->n);
  free(b);
  // The kv forms go through kvmalloc and kvzalloc with the same rules.
  p = kvmalloc_obj(*p);
  // CHECK-NEXT: kvobj kvmalloc 16 cc0 type 1
  printf("kvobj %s %zu %x type %d\n", last_fn, last_size, last_gfp,
         IS(struct point *, kvmalloc_obj(*p)));
  free(p);
  p = kvzalloc_obj(struct point, GFP_ATOMIC);
  // CHECK-NEXT: kvzobj kvzalloc 16 820
  printf("kvzobj %s %zu %x\n", last_fn, last_size, last_gfp);
  free(p);
  p = kvmalloc_objs(*p, n++);
  // CHECK-NEXT: kvobjs kvmalloc 80 cc0 n 6
  printf("kvobjs %s %zu %x n %zu\n", last_fn, last_size, last_gfp, n);
  free(p);
  p = kvzalloc_objs(struct point, SIZE_MAX / 8, GFP_ATOMIC);
  // CHECK-NEXT: kvoverflow kvzalloc 18446744073709551615 820 null 1
  printf("kvoverflow %s %zu %x null %d\n", last_fn, last_size, last_gfp,
         p == NULL);
  m = kvzalloc_flex(*m, body, n++);
  // CHECK-NEXT: kvflex kvzalloc 28 cc0 len 6 n 7
  printf("kvflex %s %zu %x len %u n %zu\n", last_fn, last_size, last_gfp,
         m->len, n);
  free(m);
  last_fn = "none";
  m = kvmalloc_flex(*m, body, too_many, GFP_ATOMIC);
  // CHECK-NEXT: kvflex-overflow none null 1
  printf("kvflex-overflow %s null %d\n", last_fn, m == NULL);
  b = kvmalloc_flex(struct blob, data, 2, GFP_ATOMIC);
  // CHECK-NEXT: kv-no-counter kvmalloc 12 820
  printf("kv-no-counter %s %zu %x\n", last_fn, last_size, last_gfp);
  free(b);
  return 0;
}
