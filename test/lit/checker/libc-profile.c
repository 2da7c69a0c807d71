// Proves -fplugin-arg-kmalloc_obj-profile=libc: the checks run over the
// libc allocators (sizeof-pointer on malloc, memset after malloc asks for
// calloc, untyped remarks), no kmalloc_obj conversion is proposed for them,
// and an unknown profile is an error.
// RUN: %clang -O0 -fsyntax-only -Wno-alloc-size -Xclang -verify -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-profile=libc %s
// RUN: %clang -O2 -fsyntax-only -Wno-alloc-size -Xclang -verify -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-profile=libc %s
// RUN: not %clang -O0 -fsyntax-only -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-profile=bsd %s 2>&1 | FileCheck %s
// RUN: not %clang -O2 -fsyntax-only -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-profile=bsd %s 2>&1 | FileCheck %s
// CHECK: error: kmalloc_obj plugin: unknown profile 'bsd' (kernel or libc)
#include <stdlib.h>
#include <string.h>

struct rec {
  long key;
  char *val;
};

struct rec *pointer_size(void) {
  // expected-remark@+3 {{[conflicting-evidence]}}
  // expected-warning@+2 {{'sizeof(r)' is the size of the pointer type 'struct rec *', not of the 'struct rec' it points to [sizeof-pointer]}}
  // expected-note@+1 {{write 'sizeof(*r)' for the size of the object}}
  struct rec *r = malloc(sizeof(r));
  return r;
}

char *cleared(size_t n) {
  // expected-note@+1 {{allocated here}}
  char *buf = malloc(n);
  // expected-warning@+1 {{'memset' clears the whole allocation from 'malloc'; use 'calloc' [memset-after-alloc]}}
  memset(buf, 0, n);
  return buf;
}

struct req {
  size_t len;
  void *data;
};

void store(struct req *q) {
  // expected-remark@+1 {{untyped 'malloc' call in 'store': size is a runtime value and the result is only stored to a 'void *' (assignment to field 'data') [runtime-size-no-type]}}
  q->data = malloc(q->len);
}

struct rec *typed(void) {
  struct rec *r = malloc(sizeof(*r));
  return r;
}
