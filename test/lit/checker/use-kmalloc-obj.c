// Proves use-kmalloc-obj: kmalloc/kzalloc(sizeof(X), gfp) is a warning
// proposing kmalloc_obj/kzalloc_obj, with a fix-it when the destination's
// type is X's; a site already using kzalloc_obj is quiet, and so is an
// intentional byte buffer (the Coccinelle script's exclusion). Where the
// fix would not be safe the warning says why on a note.
// RUN: %clang -O0 -fsyntax-only -Xclang -verify -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped %s
// RUN: %clang -O2 -fsyntax-only -Xclang -verify -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped %s
#include <linux/slab.h>

struct port {
  int id;
  struct port *peer;
};
struct other {
  int id;
  struct port *peer;
};

struct port *positive(void) {
  // expected-warning@+1 {{allocation of 'struct port' with 'kzalloc' can use 'kzalloc_obj' [use-kmalloc-obj]}}
  struct port *p = kzalloc(sizeof(*p), GFP_KERNEL);
  return p;
}

struct port *positive_type(void) {
  struct port *p;
  // expected-warning@+2 {{allocation of 'struct port' with 'kmalloc' can use 'kmalloc_obj' [use-kmalloc-obj]}}
  // expected-note@+1 {{or 'kmalloc_obj(*p, GFP_ATOMIC)', which follows the type of 'p'}}
  p = kmalloc(sizeof(struct port), GFP_ATOMIC);
  return p;
}

struct port *negative(void) {
  struct port *p = kzalloc_obj(*p);
  return p;
}

// Intentional: raw bytes, not a 'struct port'.
unsigned char *intentional(void) {
  unsigned char *raw = kmalloc(sizeof(struct port), GFP_KERNEL);
  return raw;
}

// No fix-it: the result is stored as another type.
struct other *mismatch(void) {
  // expected-warning@+2 {{allocation of 'struct port' with 'kzalloc' can use 'kzalloc_obj' [use-kmalloc-obj]}}
  // expected-note@+1 {{no fix-it: the result is stored as 'struct other *', not 'struct port *'}}
  struct other *o = kzalloc(sizeof(struct port), GFP_KERNEL);
  return o;
}

// No fix-it: the call is written inside another macro.
#define NEW_PORT(p) ((p) = kzalloc(sizeof(*(p)), GFP_KERNEL))
struct port *in_macro(void) {
  struct port *p;
  // expected-warning@+2 {{allocation of 'struct port' with 'kzalloc' can use 'kzalloc_obj' [use-kmalloc-obj]}}
  // expected-note@+1 {{no fix-it: the call is inside macro 'NEW_PORT'}}
  NEW_PORT(p);
  return p;
}

// No fix-it: the sizeof operand has side effects, which a rewrite would
// move into typeof().
void side_effects(int n) {
  struct port *table[4];
  int i = 0;
  // expected-warning@+2 {{allocation of 'struct port' with 'kzalloc' can use 'kzalloc_obj' [use-kmalloc-obj]}}
  // expected-note@+1 {{no fix-it: the 'sizeof' operand has side effects}}
  table[0] = kzalloc(sizeof(*table[i++]), GFP_KERNEL);
  kfree(table[0]);
}
