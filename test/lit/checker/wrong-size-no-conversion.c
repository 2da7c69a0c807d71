// Proves that a site with a wrong size (sizeof-pointer, undersized-struct)
// gets the bug warning only, never a kmalloc_obj conversion that would
// carry the wrong type along, also through alloc_hooks()'s two calls.
// RUN: %clang -O0 -fsyntax-only -Xclang -verify -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped %s
// RUN: %clang -O2 -fsyntax-only -Xclang -verify -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped %s
#include <linux/slab.h>

struct big {
  long v[8];
};
struct little {
  long v;
};

struct big *pointer_size(void) {
  // expected-warning@+2 {{[sizeof-pointer]}}
  // expected-note@+1 {{write 'sizeof(*b)'}}
  struct big *b = kmalloc(sizeof(b), GFP_KERNEL);
  return b;
}

struct big *too_small(void) {
  // expected-warning@+1 {{[undersized-struct]}}
  struct big *b = kzalloc(sizeof(struct little), GFP_KERNEL);
  return b;
}
