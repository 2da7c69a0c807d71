// Proves use-kmalloc-flex: kmalloc/kzalloc(struct_size(p, fam, n), gfp) is
// a warning proposing kmalloc_flex/kzalloc_flex; kzalloc_flex itself is
// quiet, and so is an intentional open-coded header + payload size, which
// is not a struct_size() allocation. When kzalloc_flex would store the
// counter earlier than the code does, the fix-it moves to a note.
// RUN: %clang -O0 -fsyntax-only -Xclang -verify -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped %s
// RUN: %clang -O2 -fsyntax-only -Xclang -verify -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped %s
#include <linux/slab.h>
#include <linux/string.h>

struct msg {
  unsigned int len;
  unsigned char body[] __counted_by(len);
};
struct table {
  unsigned long gen;
  unsigned int n;
  struct msg *rows[];
};

struct table *positive(size_t n) {
  // expected-warning@+1 {{allocation of 'struct table' with 'kzalloc' can use 'kzalloc_flex' [use-kmalloc-flex]}}
  struct table *t = kzalloc(struct_size(t, rows, n), GFP_KERNEL);
  return t;
}

struct msg *positive_counted(size_t len) {
  // expected-warning@+1 {{allocation of 'struct msg' with 'kzalloc' can use 'kzalloc_flex' [use-kmalloc-flex]}}
  struct msg *m = kzalloc(struct_size(m, body, len), GFP_KERNEL);
  if (!m)
    return NULL;
  m->len = len;
  return m;
}

struct msg *counter_left_zero(size_t len) {
  // expected-warning@+2 {{allocation of 'struct msg' with 'kzalloc' can use 'kzalloc_flex' [use-kmalloc-flex]}}
  // expected-note@+1 {{this fix-it also sets 'len', which 'kzalloc' left zero; apply it if nothing relies on that}}
  struct msg *m = kzalloc(struct_size(m, body, len), GFP_KERNEL);
  return m;
}

struct msg *negative(size_t len) {
  struct msg *m = kzalloc_flex(*m, body, len);
  return m;
}

// Intentional: an open-coded size, which struct_size() would not change.
struct msg *intentional(size_t len) {
  struct msg *m = kzalloc(sizeof(*m) + 32, GFP_KERNEL);
  return m;
}
