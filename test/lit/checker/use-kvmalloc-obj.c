// Proves the kvmalloc family's conversions: kvmalloc/kvzalloc(sizeof(X))
// propose kvmalloc_obj/kvzalloc_obj, kvmalloc_array/kvcalloc(n, sizeof(X))
// propose kvmalloc_objs/kvzalloc_objs and kvmalloc/kvzalloc(struct_size())
// propose kvmalloc_flex/kvzalloc_flex, under the same checks and fix-it
// rules as the kmalloc forms; sites already converted are quiet, and so
// are the exclusions (a number array, a byte buffer) and kvmalloc_node,
// for which Linux v7.0 has no kmalloc_obj form.
// RUN: %clang -O0 -fsyntax-only -Xclang -verify -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped %s
// RUN: %clang -O2 -fsyntax-only -Xclang -verify -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped %s
// The fix-its, with the spelling of each site's operand and flags, and
// no other.
// RUN: %clang -O0 -fsyntax-only -fdiagnostics-parseable-fixits -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped %s 2>&1 | FileCheck %s --check-prefix=FIX --implicit-check-not='{{^}}fix-it:'
// RUN: %clang -O2 -fsyntax-only -fdiagnostics-parseable-fixits -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped %s 2>&1 | FileCheck %s --check-prefix=FIX --implicit-check-not='{{^}}fix-it:'
#include <linux/slab.h>

struct table {
  unsigned long gen;
  void *slots;
};
struct ring {
  unsigned int n;
  long ent[] __counted_by(n);
};

struct table *obj(void) {
  // expected-warning@+1 {{allocation of 'struct table' with 'kvmalloc' can use 'kvmalloc_obj' [use-kmalloc-obj]}}
  struct table *t = kvmalloc(sizeof(*t), GFP_KERNEL);
  // FIX: fix-it:"{{.*}}":{[[@LINE-1]]:21-[[@LINE-1]]:53}:"kvmalloc_obj(*t, GFP_KERNEL)"
  return t;
}

struct table *zobj(void) {
  struct table *t;
  // expected-warning@+2 {{allocation of 'struct table' with 'kvzalloc' can use 'kvzalloc_obj' [use-kmalloc-obj]}}
  // expected-note@+1 {{or 'kvzalloc_obj(*t, GFP_NOWAIT)', which follows the type of 't'}}
  t = kvzalloc(sizeof(struct table), GFP_NOWAIT);
  // FIX: fix-it:"{{.*}}":{[[@LINE-1]]:7-[[@LINE-1]]:49}:"kvzalloc_obj(struct table, GFP_NOWAIT)"
  // FIX: fix-it:"{{.*}}":{[[@LINE-2]]:7-[[@LINE-2]]:49}:"kvzalloc_obj(*t, GFP_NOWAIT)"
  return t;
}

struct table *objs(size_t n) {
  // expected-warning@+1 {{allocation of 'struct table' with 'kvmalloc_array' can use 'kvmalloc_objs' [use-kmalloc-objs]}}
  struct table *t = kvmalloc_array(n, sizeof(*t), GFP_KERNEL);
  // FIX: fix-it:"{{.*}}":{[[@LINE-1]]:21-[[@LINE-1]]:62}:"kvmalloc_objs(*t, n, GFP_KERNEL)"
  return t;
}

struct table **zobjs(size_t n) {
  // expected-warning@+2 {{allocation of 'struct table *' with 'kvcalloc' can use 'kvzalloc_objs' [use-kmalloc-objs]}}
  // expected-note@+1 {{or 'kvzalloc_objs(*v, n + 1, GFP_KERNEL)', which follows the type of 'v'}}
  struct table **v = kvcalloc(n + 1, sizeof(struct table *), GFP_KERNEL);
  // FIX: fix-it:"{{.*}}":{[[@LINE-1]]:22-[[@LINE-1]]:73}:"kvzalloc_objs(struct table *, n + 1, GFP_KERNEL)"
  // FIX: fix-it:"{{.*}}":{[[@LINE-2]]:22-[[@LINE-2]]:73}:"kvzalloc_objs(*v, n + 1, GFP_KERNEL)"
  return v;
}

struct ring *flex(unsigned int n) {
  // expected-warning@+1 {{allocation of 'struct ring' with 'kvmalloc' can use 'kvmalloc_flex' [use-kmalloc-flex]}}
  struct ring *r = kvmalloc(struct_size(r, ent, n), GFP_KERNEL);
  // FIX: fix-it:"{{.*}}":{[[@LINE-1]]:20-[[@LINE-1]]:64}:"kvmalloc_flex(*r, ent, n, GFP_KERNEL)"
  if (r)
    r->n = n;
  return r;
}

struct ring *zflex(unsigned int n) {
  // expected-warning@+1 {{allocation of 'struct ring' with 'kvzalloc' can use 'kvzalloc_flex' [use-kmalloc-flex]}}
  struct ring *r = kvzalloc(struct_size(r, ent, n), GFP_KERNEL);
  // FIX: fix-it:"{{.*}}":{[[@LINE-1]]:20-[[@LINE-1]]:64}:"kvzalloc_flex(*r, ent, n, GFP_KERNEL)"
  if (r)
    r->n = n;
  return r;
}

// The counter kvzalloc left zero is read first: the fix-it moves to a note.
unsigned int zflex_reads_counter(unsigned int n) {
  // expected-warning@+2 {{allocation of 'struct ring' with 'kvzalloc' can use 'kvzalloc_flex' [use-kmalloc-flex]}}
  // expected-note@+1 {{this fix-it also sets 'n', which 'kvzalloc' left zero; apply it if nothing relies on that}}
  struct ring *r = kvzalloc(struct_size(r, ent, n), GFP_KERNEL);
  // FIX: fix-it:"{{.*}}":{[[@LINE-1]]:20-[[@LINE-1]]:64}:"kvzalloc_flex(*r, ent, n, GFP_KERNEL)"
  unsigned int seen = r ? r->n : 1;
  kvfree(r);
  return seen;
}

// No fix-it: the result is stored as another type.
struct ring *mismatch(void) {
  // expected-warning@+2 {{allocation of 'struct table' with 'kvmalloc' can use 'kvmalloc_obj' [use-kmalloc-obj]}}
  // expected-note@+1 {{no fix-it: the result is stored as 'struct ring *', not 'struct table *'}}
  struct ring *r = kvmalloc(sizeof(struct table), GFP_KERNEL);
  return r;
}

// A wrong size is a bug to fix by hand: no conversion.
struct table *wrong_size(void) {
  // expected-warning@+2 {{'sizeof(t)' is the size of the pointer type 'struct table *', not of the 'struct table' it points to [sizeof-pointer]}}
  // expected-note@+1 {{write 'sizeof(*t)' for the size of the object}}
  struct table *t = kvzalloc(sizeof(t), GFP_KERNEL);
  // FIX: fix-it:"{{.*}}":{[[@LINE-1]]:37-[[@LINE-1]]:37}:"*"
  return t;
}

// Negative: already converted.
struct table *converted(size_t n) {
  struct table *t = kvzalloc_objs(*t, n);
  struct ring *r = kvmalloc_flex(*r, ent, n);
  kvfree(r);
  return t;
}

// Intentional: a table of counters, a byte buffer, and kvmalloc_node.
unsigned long *intentional(size_t n, int node) {
  unsigned long *counters = kvcalloc(n, sizeof(unsigned long), GFP_KERNEL);
  unsigned char *raw = kvmalloc(sizeof(struct table), GFP_KERNEL);
  struct table *t = kvmalloc_node(sizeof(*t), GFP_KERNEL, node);
  kvfree(raw);
  kvfree(t);
  return counters;
}
