// Proves that the checker reads the pass's allocator spec: with
// -fplugin-arg-kmalloc_obj-spec=FILE a project allocator is checked like
// kmalloc (its untyped sites are remarks with the pass's reason classes,
// its sizeof bugs are warnings); without the spec it is not an allocator.
// RUN: rm -rf %t && mkdir -p %t
// RUN: echo '{"version": 1, "allocators": [{"name": "pool_alloc", "typed": "pool_alloc_token", "size": 1, "flags": 2}]}' > %t/spec.json
// RUN: %clang -O0 -fsyntax-only -Xclang -verify -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-spec=%t/spec.json %s
// RUN: %clang -O2 -fsyntax-only -Xclang -verify -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-spec=%t/spec.json %s
// RUN: %clang -O0 -fsyntax-only -Xclang -verify=nospec -fplugin=%typeslab_checker %s
// RUN: %clang -O2 -fsyntax-only -Xclang -verify=nospec -fplugin=%typeslab_checker %s
// nospec-no-diagnostics
#include <stddef.h>

struct pool;
void *pool_alloc(struct pool *pool, size_t size, unsigned flags);

struct conn {
  int fd;
  struct conn *next;
};

struct blob {
  size_t len;
  void *data;
};

void fill(struct pool *pool, struct blob *b) {
  // expected-remark@+1 {{untyped 'pool_alloc' call in 'fill': size is a runtime value and the result is only stored to a 'void *' (assignment to field 'data') [runtime-size-no-type]}}
  b->data = pool_alloc(pool, b->len, 0);
}

struct conn *new_conn(struct pool *pool) {
  // expected-remark@+3 {{[conflicting-evidence]}}
  // expected-warning@+2 {{'sizeof(c)' is the size of the pointer type 'struct conn *', not of the 'struct conn' it points to [sizeof-pointer]}}
  // expected-note@+1 {{write 'sizeof(*c)' for the size of the object}}
  struct conn *c = pool_alloc(pool, sizeof(c), 0);
  return c;
}
