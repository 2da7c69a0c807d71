// Proves ThinLTO keeps the tokens and merges the descriptors: two units
// built with -flto=thin allocate the same struct, the LTO link (lld) keeps
// one descriptor COMDAT for it, both sites pass that one descriptor's
// address at run time, and the linked program still holds both units'
// site records.
// RUN: rm -rf %t && mkdir %t
// RUN: %clang -O2 -flto=thin -fpass-plugin=%typeslab_pass -mllvm -typeslab-profile=libc -DUNIT_A -c -o %t/a.o %s
// RUN: %clang -O2 -flto=thin -fpass-plugin=%typeslab_pass -mllvm -typeslab-profile=libc -DUNIT_B -c -o %t/b.o %s
// RUN: %clang -O2 -I %typeslab_include -DMAIN -c -o %t/main.o %s
// RUN: %clang -flto=thin -fuse-ld=lld -o %t/prog %t/a.o %t/b.o %t/main.o
// RUN: %t/prog | FileCheck %s
// CHECK: same descriptor 1, magic 1, name 'struct node'
// RUN: %llvm-nm %t/prog | FileCheck %s --check-prefix=NM
// NM: __typeslab_type_[[HASH:[0-9a-f]+]]{{$}}
// NM-NOT: __typeslab_type_[[HASH]]{{$}}
// RUN: %python %typeslab_tools/typeslab-report %t/prog | FileCheck %s --check-prefix=REPORT
// REPORT: typeslab report: 2 allocation sites, 2 typed (100.0%)
typedef unsigned long size_t;
void *malloc(size_t size);
struct node { struct node *next; long key; };

#ifdef UNIT_A
struct node *alloc_a(void) {
  struct node *n = malloc(sizeof(*n));
  return n;
}
#endif

#ifdef UNIT_B
struct node *alloc_b(void) {
  struct node *n = malloc(sizeof(*n));
  return n;
}
#endif

#ifdef MAIN
#include <stdio.h>
#include "typeslab/token.h"
struct node *alloc_a(void);
struct node *alloc_b(void);
static typeslab_token_t seen[2];
static struct node store[2];
static int calls;
void *typeslab_malloc(size_t size, typeslab_token_t token) {
  seen[calls] = token;
  return &store[calls++];
}
int main(void) {
  alloc_a();
  alloc_b();
  const struct typeslab_type *t = (const struct typeslab_type *)seen[0];
  printf("same descriptor %d, magic %d, name '%s'\n", seen[0] == seen[1],
         t->magic == TYPESLAB_DESC_MAGIC, t->name);
  return 0;
}
#endif
