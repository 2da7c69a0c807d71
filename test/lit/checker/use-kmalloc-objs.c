// Proves use-kmalloc-objs: kmalloc_array(n, sizeof(X), gfp) and
// kcalloc(n, sizeof(X), gfp) are warnings proposing kmalloc_objs and
// kzalloc_objs; kmalloc_objs itself is quiet, and so is an intentional
// array of integers (the Coccinelle script's integral exclusion).
// RUN: %clang -O0 -fsyntax-only -Xclang -verify -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped %s
// RUN: %clang -O2 -fsyntax-only -Xclang -verify -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped %s
#include <linux/slab.h>

struct slot {
  void *obj;
  unsigned long gen;
};

struct slot *positive(size_t n) {
  // expected-warning@+1 {{allocation of 'struct slot' with 'kmalloc_array' can use 'kmalloc_objs' [use-kmalloc-objs]}}
  struct slot *s = kmalloc_array(n, sizeof(*s), GFP_KERNEL);
  return s;
}

struct slot *positive_zeroed(size_t n) {
  // expected-warning@+1 {{allocation of 'struct slot' with 'kcalloc' can use 'kzalloc_objs' [use-kmalloc-objs]}}
  struct slot *s = kcalloc(n, sizeof(*s), GFP_NOWAIT);
  return s;
}

struct slot *negative(size_t n) {
  struct slot *s = kmalloc_objs(*s, n, GFP_KERNEL);
  return s;
}

// Intentional: a plain table of counters.
unsigned long *intentional(size_t n) {
  unsigned long *counters = kcalloc(n, sizeof(unsigned long), GFP_KERNEL);
  return counters;
}
