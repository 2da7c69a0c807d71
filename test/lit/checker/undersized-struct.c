// Proves undersized-struct: 'sizeof(struct other)' smaller than the struct
// the result is stored as is a warning naming both sizes; the right struct
// is quiet, and so is an intentional over-allocation with a larger struct.
// RUN: %clang -O0 -fsyntax-only -Xclang -verify -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped -fplugin-arg-kmalloc_obj-no-use-kmalloc-obj %s
// RUN: %clang -O2 -fsyntax-only -Xclang -verify -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped -fplugin-arg-kmalloc_obj-no-use-kmalloc-obj %s
#include <linux/slab.h>

struct hdr {
  int type;
};
struct packet {
  struct hdr h;
  char payload[60];
};
struct jumbo {
  struct hdr h;
  char payload[9000];
};

struct packet *positive(void) {
  // expected-warning@+1 {{'sizeof(struct hdr)' (4 bytes) is smaller than 'struct packet' (64 bytes), the type the result is stored as [undersized-struct]}}
  struct packet *p = kzalloc(sizeof(struct hdr), GFP_KERNEL);
  return p;
}

struct packet *negative(void) {
  struct packet *p = kzalloc(sizeof(struct packet), GFP_KERNEL);
  return p;
}

// Intentional: room for a jumbo frame, handled as a packet until it grows.
struct packet *intentional(void) {
  struct packet *p = kzalloc(sizeof(struct jumbo), GFP_KERNEL);
  return p;
}
