// Proves that the conversion fix-its are safe: applied with -fixit to a
// copy (at -O0 and at -O2, with the same result), they turn each convertible site into the kmalloc_obj family, leave
// sites in other macros, buggy sites and note-only alternatives alone, and
// the converted program compiles warning-free against kmalloc_obj.h and
// prints exactly what the original prints (sizes, zeroing, counters,
// overflow), at -O0 and at -O2.
// RUN: rm -rf %t && mkdir -p %t
// RUN: cp %s %t/conv.c && cp %s %t/conv-O2.c
// RUN: %clang -O0 -fsyntax-only -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped -Xclang -fixit %t/conv.c 2>/dev/null
// RUN: %clang -O2 -fsyntax-only -I %typeslab_corpus/include -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped -Xclang -fixit %t/conv-O2.c 2>/dev/null
// RUN: diff %t/conv.c %t/conv-O2.c
// The converted file is checked with its comments stripped, so that no
// CHECK line can match itself, and must differ from the original.
// RUN: not diff %s %t/conv.c > /dev/null
// RUN: grep -v '^ *//' %t/conv.c > %t/conv.code
// RUN: FileCheck %s --input-file=%t/conv.code
// RUN: %clang -O0 -Wall -Werror -I %typeslab_corpus/include -I %typeslab_include %s %typeslab_runtime -lpthread -o %t/orig0
// RUN: %clang -O0 -Wall -Werror -I %typeslab_corpus/include -I %typeslab_include %t/conv.c %typeslab_runtime -lpthread -o %t/conv0
// RUN: %clang -O2 -Wall -Werror -I %typeslab_corpus/include -I %typeslab_include %s %typeslab_runtime -lpthread -o %t/orig2
// RUN: %clang -O2 -Wall -Werror -I %typeslab_corpus/include -I %typeslab_include %t/conv.c %typeslab_runtime -lpthread -o %t/conv2
// RUN: %t/orig0 > %t/orig0.out && %t/conv0 > %t/conv0.out && diff %t/orig0.out %t/conv0.out
// RUN: %t/orig2 > %t/orig2.out && %t/conv2 > %t/conv2.out && diff %t/orig2.out %t/conv2.out
// RUN: FileCheck %s --check-prefix=OUT --input-file=%t/conv0.out
// RUN: FileCheck %s --check-prefix=OUT --input-file=%t/conv2.out
#include <linux/slab.h>
#include <linux/string.h>
#include <stdint.h>
#include <stdio.h>

struct conn {
  int state;
  long bytes;
  struct conn *next;
};
struct frame {
  unsigned int len;
  unsigned char data[] __counted_by(len);
};

// linux/alloc_tag.h's switch, defined by the kernel.
int mem_alloc_profiling_key;

#define ALLOC_CONN(c) ((c) = kzalloc(sizeof(*(c)), GFP_KERNEL))

int main(void) {
  // CHECK: struct conn *a = kzalloc_obj(*a, GFP_KERNEL);
  struct conn *a = kzalloc(sizeof(*a), GFP_KERNEL);
  // CHECK: b = kmalloc_obj(struct conn, GFP_ATOMIC);
  struct conn *b;
  b = kmalloc(sizeof(struct conn), GFP_ATOMIC);
  // CHECK: struct conn *arr = kzalloc_objs(*arr, 5, GFP_KERNEL);
  struct conn *arr = kcalloc(5, sizeof(*arr), GFP_KERNEL);
  // CHECK: struct conn *big = kmalloc_objs(*big, SIZE_MAX / 2, GFP_KERNEL);
  struct conn *big = kmalloc_array(SIZE_MAX / 2, sizeof(*big), GFP_KERNEL);
  // CHECK: struct frame *f = kzalloc_flex(*f, data, 40, GFP_KERNEL);
  struct frame *f = kzalloc(struct_size(f, data, 40), GFP_KERNEL);
  if (f)
    f->len = 40;
  // Left alone: inside another macro; fix-its only on notes (the
  // counter kzalloc left zero, kmalloc_array for an open-coded product,
  // sizeof(*d) for the sizeof-pointer bug).
  // CHECK: ALLOC_CONN(c);
  struct conn *c;
  ALLOC_CONN(c);
  // CHECK: struct frame *z = kzalloc(struct_size(z, data, 8), GFP_KERNEL);
  struct frame *z = kzalloc(struct_size(z, data, 8), GFP_KERNEL);
  // CHECK: struct conn **slot = kmalloc(sizeof(*slot) * nslots, GFP_KERNEL);
  size_t nslots = 3;
  struct conn **slot = kmalloc(sizeof(*slot) * nslots, GFP_KERNEL);
  // CHECK: struct conn *d = kmalloc(sizeof(d), GFP_KERNEL);
  struct conn *d = kmalloc(sizeof(d), GFP_KERNEL);

  printf("a %zu zero %d\n", ksize(a), a->state == 0 && a->bytes == 0 && !a->next);
  printf("b %zu\n", ksize(b));
  int zero = 1;
  for (int i = 0; i < 5; ++i)
    zero &= arr[i].state == 0 && arr[i].next == NULL;
  printf("arr %zu zero %d\n", ksize(arr), zero);
  printf("big %s\n", big ? "allocated" : "null");
  printf("f %zu len %u\n", ksize(f), f->len);
  printf("c %zu z %zu len %u slot %zu d %zu\n", ksize(c), ksize(z), z->len,
         ksize(slot), ksize(d));
  kfree(a);
  kfree(b);
  kfree(arr);
  kfree(f);
  kfree(c);
  kfree(z);
  kfree(slot);
  kfree(d);
  return 0;
}
// OUT: a {{[0-9]+}} zero 1
// OUT: arr {{[0-9]+}} zero 1
// OUT: big null
// OUT: f {{[0-9]+}} len 40
// OUT: c {{[0-9]+}} z {{[0-9]+}} len 0 slot
