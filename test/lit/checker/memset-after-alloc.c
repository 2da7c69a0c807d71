// Proves memset-after-alloc: kmalloc followed by memset(p, 0, same size)
// (after a NULL test, or under 'if (p)') is a warning asking for kzalloc
// (kvzalloc for kvmalloc); kzalloc is quiet, and so is an intentional
// partial clear or a fill with another byte.
// RUN: %clang -O0 -fsyntax-only -Xclang -verify -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped -fplugin-arg-kmalloc_obj-no-use-kmalloc-obj %s
// RUN: %clang -O2 -fsyntax-only -Xclang -verify -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped -fplugin-arg-kmalloc_obj-no-use-kmalloc-obj %s
#include <linux/slab.h>
#include <linux/string.h>

struct stats {
  unsigned long rx, tx;
  unsigned long hist[16];
};

struct stats *positive(void) {
  // expected-note@+1 {{allocated here}}
  struct stats *s = kmalloc(sizeof(*s), GFP_KERNEL);
  if (!s)
    return NULL;
  // expected-warning@+1 {{'memset' clears the whole allocation from 'kmalloc'; use 'kzalloc' [memset-after-alloc]}}
  memset(s, 0, sizeof(*s));
  return s;
}

void *positive_bytes(size_t len) {
  void *buf;
  // expected-note@+1 {{allocated here}}
  buf = kmalloc(len, GFP_KERNEL);
  // expected-warning@+1 {{'memset' clears the whole allocation from 'kmalloc'; use 'kzalloc' [memset-after-alloc]}}
  memset(buf, 0, len);
  return buf;
}

// The same from kvmalloc asks for kvzalloc.
struct stats *positive_kvmalloc(void) {
  // expected-note@+1 {{allocated here}}
  struct stats *s = kvmalloc(sizeof(*s), GFP_KERNEL);
  if (!s)
    return NULL;
  // expected-warning@+1 {{'memset' clears the whole allocation from 'kvmalloc'; use 'kvzalloc' [memset-after-alloc]}}
  memset(s, 0, sizeof(*s));
  return s;
}

// The memset guarded by a test that the allocation succeeded.
struct stats *positive_guarded(size_t n) {
  // expected-note@+1 {{allocated here}}
  struct stats *s = kmalloc(sizeof(*s), GFP_KERNEL);
  if (s)
    // expected-warning@+1 {{'memset' clears the whole allocation from 'kmalloc'; use 'kzalloc'}}
    memset(s, 0, sizeof(*s));
  // expected-note@+1 {{allocated here}}
  unsigned long *v = kmalloc(n, GFP_KERNEL);
  if (likely(v != NULL)) {
    // expected-warning@+1 {{'memset' clears the whole allocation from 'kmalloc'; use 'kzalloc'}}
    memset(v, 0, n);
    v[0] = 1;
  }
  kfree(v);
  return s;
}

struct stats *negative(void) {
  struct stats *s = kzalloc(sizeof(*s), GFP_KERNEL);
  return s;
}

// Intentional: only the counters are cleared; 'hist' is filled below.
struct stats *intentional(void) {
  struct stats *s = kmalloc(sizeof(*s), GFP_KERNEL);
  if (!s)
    return NULL;
  memset(s, 0, 2 * sizeof(unsigned long));
  memset(s->hist, 0xff, sizeof(s->hist));
  return s;
}

// Guarded, but not a clear of the whole allocation when it exists: a
// partial clear, a clear on the failure path, a clear with an else.
struct stats *guarded_not_whole(int c) {
  struct stats *s = kmalloc(sizeof(*s), GFP_KERNEL);
  if (s)
    memset(s, 0, sizeof(s->rx));
  struct stats *t = kmalloc(sizeof(*t), GFP_KERNEL);
  if (!t)
    memset(t, 0, sizeof(*t));
  struct stats *u = kmalloc(sizeof(*u), GFP_KERNEL);
  if (u && c)
    memset(u, 0, sizeof(*u));
  kfree(t);
  kfree(u);
  return s;
}

// The size changed in between: not the same allocation size.
void *resized(size_t len) {
  void *buf = kmalloc(len, GFP_KERNEL);
  len /= 2;
  memset(buf, 0, len);
  return buf;
}
