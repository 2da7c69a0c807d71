// Proves counted-by-unset: after a struct_size() allocation of a struct
// whose flexible array is __counted_by(cnt), using the array before 'cnt'
// is stored is a warning at the use; storing the counter first is quiet,
// and so is an intentional hand-off to an initialiser, which may set it.
// RUN: %clang -O0 -fsyntax-only -Xclang -verify -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped -fplugin-arg-kmalloc_obj-no-use-kmalloc-flex %s
// RUN: %clang -O2 -fsyntax-only -Xclang -verify -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped -fplugin-arg-kmalloc_obj-no-use-kmalloc-flex %s
#include <linux/slab.h>

struct ring {
  unsigned int flags;
  unsigned int nslots;
  void *slots[] __counted_by(nslots);
};

void ring_init(struct ring *r, size_t n);

struct ring *positive(size_t n) {
  // expected-note@+1 {{'r' is allocated here with 'struct_size()'; 'kzalloc_flex' sets the counter}}
  struct ring *r = kzalloc(struct_size(r, slots, n), GFP_KERNEL);
  if (!r)
    return NULL;
  r->flags = 1;
  // expected-warning@+1 {{'r->slots' is used before its '__counted_by' counter 'nslots' is set [counted-by-unset]}}
  r->slots[0] = r;
  r->nslots = n;
  return r;
}

// The same from kvmalloc, whose note names kvmalloc_flex.
struct ring *positive_kvmalloc(size_t n) {
  // expected-note@+1 {{'r' is allocated here with 'struct_size()'; 'kvmalloc_flex' sets the counter}}
  struct ring *r = kvmalloc(struct_size(r, slots, n), GFP_KERNEL);
  if (!r)
    return NULL;
  // expected-warning@+1 {{'r->slots' is used before its '__counted_by' counter 'nslots' is set [counted-by-unset]}}
  r->slots[n - 1] = NULL;
  r->nslots = n;
  return r;
}

struct ring *negative(size_t n) {
  struct ring *r = kzalloc(struct_size(r, slots, n), GFP_KERNEL);
  if (!r)
    return NULL;
  r->nslots = n;
  r->slots[0] = r;
  return r;
}

// Intentional: ring_init() owns the counter.
struct ring *intentional(size_t n) {
  struct ring *r = kmalloc(struct_size(r, slots, n), GFP_KERNEL);
  if (!r)
    return NULL;
  ring_init(r, n);
  r->slots[0] = r;
  return r;
}
