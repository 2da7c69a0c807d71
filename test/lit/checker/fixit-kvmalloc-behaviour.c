// Proves that the kvmalloc family's conversion fix-its are safe: applied
// with -fixit to a copy (at -O0 and at -O2, with the same result), they
// turn kvmalloc, kvzalloc, kvmalloc_array and kvcalloc sites into
// kvmalloc_obj, kvzalloc_obj, kvmalloc_objs, kvzalloc_objs, kvmalloc_flex
// and kvzalloc_flex, leave kvmalloc_node and note-only fixes alone, and
// the converted program compiles warning-free and prints exactly what the
// original prints, on stdout and stderr (sizes, zeroing, counters,
// overflow), at -O0 and -O2.
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
// RUN: %t/orig0 > %t/orig0.out 2>&1 && %t/conv0 > %t/conv0.out 2>&1 && diff %t/orig0.out %t/conv0.out
// RUN: %t/orig2 > %t/orig2.out 2>&1 && %t/conv2 > %t/conv2.out 2>&1 && diff %t/orig2.out %t/conv2.out
// RUN: FileCheck %s --check-prefix=OUT --input-file=%t/conv0.out
// RUN: FileCheck %s --check-prefix=OUT --input-file=%t/conv2.out
#include <linux/slab.h>
#include <stdint.h>
#include <stdio.h>

struct page {
  unsigned long flags;
  void *mapping;
};
struct vm_area {
  unsigned int nr;
  struct page *pages[] __counted_by(nr);
};
struct bitmap {
  unsigned int bits;
  unsigned long map[] __counted_by(bits);
};

// linux/alloc_tag.h's switch, defined by the kernel.
int mem_alloc_profiling_key;

int main(void) {
  // CHECK: struct page *a = kvzalloc_obj(*a, GFP_KERNEL);
  struct page *a = kvzalloc(sizeof(*a), GFP_KERNEL);
  // CHECK: b = kvmalloc_obj(struct page, GFP_ATOMIC);
  struct page *b;
  b = kvmalloc(sizeof(struct page), GFP_ATOMIC);
  // CHECK: struct page *arr = kvzalloc_objs(*arr, 6, GFP_KERNEL);
  struct page *arr = kvcalloc(6, sizeof(*arr), GFP_KERNEL);
  // CHECK: struct page **ptrs = kvmalloc_objs(struct page *, 3, GFP_KERNEL);
  struct page **ptrs = kvmalloc_array(3, sizeof(struct page *), GFP_KERNEL);
  // CHECK: struct page *big = kvmalloc_objs(*big, SIZE_MAX / 4, GFP_KERNEL);
  struct page *big = kvmalloc_array(SIZE_MAX / 4, sizeof(*big), GFP_KERNEL);
  // CHECK: struct vm_area *v = kvmalloc_flex(*v, pages, 3, GFP_KERNEL);
  struct vm_area *v = kvmalloc(struct_size(v, pages, 3), GFP_KERNEL);
  if (v)
    v->nr = 3;
  // CHECK: struct bitmap *m = kvzalloc_flex(*m, map, 4, GFP_KERNEL);
  struct bitmap *m = kvzalloc(struct_size(m, map, 4), GFP_KERNEL);
  if (m)
    m->bits = 4;
  // Left alone: kvmalloc_node has no kmalloc_obj form; the counter
  // kvzalloc left zero is read first, so that fix-it is on a note only.
  // CHECK: struct page *n = kvmalloc_node(sizeof(*n), GFP_KERNEL, 0);
  struct page *n = kvmalloc_node(sizeof(*n), GFP_KERNEL, 0);
  // CHECK: struct bitmap *z = kvzalloc(struct_size(z, map, 2), GFP_KERNEL);
  struct bitmap *z = kvzalloc(struct_size(z, map, 2), GFP_KERNEL);
  unsigned int zbits = z->bits;

  printf("a %zu zero %d\n", ksize(a), a->flags == 0 && !a->mapping);
  printf("b %zu\n", ksize(b));
  int zero = 1;
  for (int i = 0; i < 6; ++i)
    zero &= arr[i].flags == 0 && arr[i].mapping == NULL;
  printf("arr %zu zero %d\n", ksize(arr), zero);
  for (int i = 0; i < 3; ++i)
    ptrs[i] = &arr[i];
  printf("ptrs %zu last %d\n", ksize(ptrs), ptrs[2] == &arr[2]);
  printf("big %s\n", big ? "allocated" : "null");
  for (unsigned int i = 0; i < v->nr; ++i)
    v->pages[i] = ptrs[i];
  printf("v %zu nr %u\n", ksize(v), v->nr);
  zero = 1;
  for (unsigned int i = 0; i < m->bits; ++i)
    zero &= m->map[i] == 0;
  printf("m %zu bits %u zero %d\n", ksize(m), m->bits, zero);
  printf("n %zu z %zu bits %u\n", ksize(n), ksize(z), zbits);
  kvfree(a);
  kvfree(b);
  kvfree(arr);
  kvfree(ptrs);
  kvfree(v);
  kvfree(m);
  kvfree(n);
  kvfree(z);
  return 0;
}
// OUT: a {{[0-9]+}} zero 1
// OUT-NEXT: b {{[0-9]+}}
// OUT-NEXT: arr {{[0-9]+}} zero 1
// OUT-NEXT: ptrs {{[0-9]+}} last 1
// OUT-NEXT: big null
// OUT-NEXT: v {{[0-9]+}} nr 3
// OUT-NEXT: m {{[0-9]+}} bits 4 zero 1
// OUT-NEXT: n {{[0-9]+}} z {{[0-9]+}} bits 0
