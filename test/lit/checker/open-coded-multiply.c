// Proves open-coded-multiply: 'n * sizeof(T)' (either order) in the size of
// kmalloc, kzalloc or kvmalloc can overflow and is a warning, with
// kmalloc_array on a note; kmalloc_array itself is quiet, and so is an
// intentional product of constants, which cannot overflow unseen.
// RUN: %clang -O0 -fsyntax-only -Xclang -verify -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped -fplugin-arg-kmalloc_obj-no-use-kmalloc-objs %s
// RUN: %clang -O2 -fsyntax-only -Xclang -verify -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped -fplugin-arg-kmalloc_obj-no-use-kmalloc-objs %s
#include <linux/slab.h>

struct desc {
  unsigned long addr;
  unsigned int len;
};

struct desc *positive(size_t n) {
  // expected-warning@+2 {{open-coded multiplication 'n * sizeof(struct desc)' in the size of 'kmalloc' can overflow [open-coded-multiply]}}
  // expected-note@+1 {{use 'kmalloc_array', which fails on overflow}}
  struct desc *d = kmalloc(n * sizeof(struct desc), GFP_KERNEL);
  return d;
}

struct desc *positive_reversed(size_t n) {
  // expected-warning@+2 {{open-coded multiplication 'sizeof(*d) * n' in the size of 'kvzalloc' can overflow [open-coded-multiply]}}
  // expected-note@+1 {{use 'kvcalloc', which fails on overflow}}
  struct desc *d = kvzalloc(sizeof(*d) * n, GFP_KERNEL);
  return d;
}

struct desc *positive_header(size_t n) {
  // expected-warning@+2 {{open-coded multiplication 'n * sizeof(struct desc)' in the size of 'kzalloc' can overflow [open-coded-multiply]}}
  // expected-note@+1 {{compute the size with 'struct_size()', 'size_add()' or 'array_size()', which saturate}}
  void *buf = kzalloc(64 + n * sizeof(struct desc), GFP_KERNEL);
  return buf;
}

struct desc *negative(size_t n) {
  struct desc *d = kmalloc_array(n, sizeof(struct desc), GFP_KERNEL);
  return d;
}

// Intentional: a fixed table of 16 descriptors.
struct desc *intentional(void) {
  struct desc *d = kmalloc(16 * sizeof(struct desc), GFP_KERNEL);
  return d;
}
