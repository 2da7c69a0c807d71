// Proves the untyped remarks: a site the pass will leave untyped is a
// remark naming the allocator, the function, the reason and the reason
// class the CI report uses; typed sites are quiet, and so is a site the
// user marks as untyped on purpose by silencing the check (second RUN).
// RUN: %clang -O0 -fsyntax-only -Xclang -verify -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-use-kmalloc-obj %s
// RUN: %clang -O2 -fsyntax-only -Xclang -verify -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-use-kmalloc-obj %s
// RUN: %clang -O0 -fsyntax-only -Xclang -verify=silenced -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-use-kmalloc-obj -fplugin-arg-kmalloc_obj-no-untyped %s
// RUN: %clang -O2 -fsyntax-only -Xclang -verify=silenced -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-use-kmalloc-obj -fplugin-arg-kmalloc_obj-no-untyped %s
// silenced-no-diagnostics
#include <linux/slab.h>

#define PAGE_SIZE 4096
struct a {
  int x;
};
struct b {
  long y[4];
};

struct req {
  size_t len;
  void *data;
};

void store(struct req *r) {
  // expected-remark@+1 {{untyped 'kmalloc' call in 'store': size is a runtime value and the result is only stored to a 'void *' (assignment to field 'data') [runtime-size-no-type]}}
  r->data = kmalloc(r->len, GFP_KERNEL);
}

// A byte buffer is typed as its byte type, so it is quiet.
unsigned char *bytes(size_t len) {
  unsigned char *buf = kmalloc(len, GFP_KERNEL);
  return buf;
}

void *page(void) {
  // expected-remark@+1 {{[constant-size-no-type]}}
  void *p = kmalloc(PAGE_SIZE, GFP_KERNEL);
  return p;
}

void *bucket(int big) {
  // expected-remark@+1 {{untyped 'kzalloc' call in 'bucket': the size picks between 'struct b' and 'struct a' at run time [size-bucket]}}
  void *p = kzalloc(big ? sizeof(struct b) : sizeof(struct a), GFP_KERNEL);
  return p;
}

struct a *typed(void) {
  struct a *p = kzalloc(sizeof(*p), GFP_KERNEL);
  return p;
}
