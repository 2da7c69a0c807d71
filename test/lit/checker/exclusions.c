// Proves the Coccinelle-style exclusions: no kmalloc_obj conversion is
// proposed for integral types, 'void *', strings (char arrays) or results
// stored as byte buffers, however they are sized, nor for the _noprof
// spellings, which attribute an allocation to their caller.
// RUN: %clang -O0 -fsyntax-only -Xclang -verify -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped %s
// RUN: %clang -O2 -fsyntax-only -Xclang -verify -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped %s
// expected-no-diagnostics
#include <linux/slab.h>

struct name {
  char text[32];
};

int *integral(void) {
  int *v = kzalloc(sizeof(int), GFP_KERNEL);
  return v;
}

unsigned long *integral_array(size_t n) {
  unsigned long *v = kcalloc(n, sizeof(*v), GFP_KERNEL);
  return v;
}

void **void_pointers(size_t n) {
  void **v = kmalloc_array(n, sizeof(void *), GFP_KERNEL);
  return v;
}

char (*string(struct name *n))[32] {
  char(*s)[32] = kmalloc(sizeof(n->text), GFP_KERNEL);
  return s;
}

unsigned char *byte_buffer(void) {
  unsigned char *b = kmalloc(sizeof(struct name), GFP_KERNEL);
  return b;
}

struct name *noprof(void) {
  struct name *n = kzalloc_noprof(sizeof(*n), GFP_KERNEL);
  return n;
}

void *no_type(void) {
  void *p = kzalloc(sizeof(struct name), GFP_KERNEL);
  return p;
}
