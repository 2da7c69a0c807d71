// Proves -fplugin-arg-kmalloc_obj-drop-gfp-kernel: the fix-its omit an
// explicit GFP_KERNEL, which the kmalloc_obj family makes the default, and
// keep any other flags; without the option GFP_KERNEL stays; the same at
// -O0 and at -O2. The calls are
// plain function calls (typeslab/kernel.h), not the kernel's macro layer.
// RUN: rm -rf %t && mkdir -p %t
// RUN: cp %s %t/drop.c && cp %s %t/keep.c && cp %s %t/drop-O0.c && cp %s %t/keep-O2.c
// RUN: %clang -O2 -fsyntax-only -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped -fplugin-arg-kmalloc_obj-drop-gfp-kernel -Xclang -fixit %t/drop.c 2>/dev/null
// RUN: %clang -O0 -fsyntax-only -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped -fplugin-arg-kmalloc_obj-drop-gfp-kernel -Xclang -fixit %t/drop-O0.c 2>/dev/null
// RUN: %clang -O0 -fsyntax-only -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped -Xclang -fixit %t/keep.c 2>/dev/null
// RUN: %clang -O2 -fsyntax-only -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-untyped -Xclang -fixit %t/keep-O2.c 2>/dev/null
// The converted files are checked with their comments stripped, so that no
// check line can match itself.
// RUN: diff %t/drop.c %t/drop-O0.c
// RUN: diff %t/keep.c %t/keep-O2.c
// RUN: grep -v '^ *//' %t/drop.c > %t/drop.code
// RUN: FileCheck %s --check-prefix=DROP --input-file=%t/drop.code
// RUN: grep -v '^ *//' %t/keep.c > %t/keep.code
// RUN: FileCheck %s --check-prefix=KEEP --input-file=%t/keep.code
// RUN: %clang -O0 -Wall -Werror -fsyntax-only -I %typeslab_include %t/drop.c %t/keep.c
// RUN: %clang -O2 -Wall -Werror -fsyntax-only -I %typeslab_include %t/drop.c %t/keep.c
#include <typeslab/kernel.h>
#include <typeslab/kmalloc_obj.h>

struct job {
  int prio;
  struct job *next;
};

struct job *make(size_t n) {
  // DROP: struct job *j = kzalloc_obj(*j);
  // KEEP: struct job *j = kzalloc_obj(*j, GFP_KERNEL);
  struct job *j = kzalloc(sizeof(*j), GFP_KERNEL);
  // DROP: j->next = kmalloc_objs(*j->next, n);
  // KEEP: j->next = kmalloc_objs(*j->next, n, GFP_KERNEL);
  j->next = kmalloc_array(n, sizeof(*j->next), GFP_KERNEL);
  // DROP: struct job *k = kmalloc_obj(struct job, GFP_ATOMIC);
  // KEEP: struct job *k = kmalloc_obj(struct job, GFP_ATOMIC);
  struct job *k = kmalloc(sizeof(struct job), GFP_ATOMIC);
  kfree(k);
  return j;
}
