// Proves sizeof-pointer: 'p = kmalloc(sizeof(p))' allocates the size of the
// pointer, not of the object, and is a warning with the right size on a
// note; 'sizeof(*p)' is quiet, and so is an intentional pointer-sized slot
// (a destination that points to pointers). The note's fix-it inserts '*'
// only where it binds to the whole operand.
// RUN: %clang -O0 -fsyntax-only -Xclang -verify -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped -fplugin-arg-kmalloc_obj-no-use-kmalloc-obj %s
// RUN: %clang -O2 -fsyntax-only -Xclang -verify -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped -fplugin-arg-kmalloc_obj-no-use-kmalloc-obj %s
// RUN: %clang -O0 -fsyntax-only -fdiagnostics-parseable-fixits -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped -fplugin-arg-kmalloc_obj-no-use-kmalloc-obj %s 2>&1 | FileCheck %s --implicit-check-not=fix-it:
// RUN: %clang -O2 -fsyntax-only -fdiagnostics-parseable-fixits -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped -fplugin-arg-kmalloc_obj-no-use-kmalloc-obj %s 2>&1 | FileCheck %s --implicit-check-not=fix-it:
#include <linux/slab.h>

struct sensor {
  int id;
  long readings[8];
};

struct sensor *positive(void) {
  struct sensor *s;
  // expected-warning@+2 {{'sizeof(s)' is the size of the pointer type 'struct sensor *', not of the 'struct sensor' it points to [sizeof-pointer]}}
  // expected-note@+1 {{write 'sizeof(*s)' for the size of the object}}
  s = kmalloc(sizeof(s), GFP_KERNEL);
  return s;
}
// CHECK: fix-it:"{{.*}}sizeof-pointer.c":{[[@LINE-3]]:22-[[@LINE-3]]:22}:"*"

struct sensor *positive_conditional(int c, struct sensor *a, struct sensor *b) {
  // expected-warning@+2 {{'sizeof(c ? a : b)' is the size of the pointer type 'struct sensor *'}}
  // expected-note@+1 {{write 'sizeof(*(c ? a : b))' for the size of the object}}
  struct sensor *s = kmalloc(sizeof(c ? a : b), GFP_KERNEL);
  return s;
}

struct sensor *negative(void) {
  struct sensor *s = kmalloc(sizeof(*s), GFP_KERNEL);
  return s;
}

// Intentional: one slot holding a pointer to a sensor.
struct sensor **intentional(struct sensor *s) {
  struct sensor **slot = kmalloc(sizeof(s), GFP_KERNEL);
  if (slot)
    *slot = s;
  return slot;
}
