// Proves that an allocator declared with the right arity but a pointer
// where the spec has the size ('void *kmalloc(void *, int)') is a
// bad-declaration site, untyped, for the checker as for the pass: both read
// the declaration with one check (AllocatorDeclaration.h), the checker in
// C's words, the pass in the IR's.
// RUN: %clang -fsyntax-only -Xclang -verify -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-use-kmalloc-obj %s
// RUN: %clang -O0 -c -o /dev/null -fpass-plugin=%typeslab_pass -Rpass-missed=typeslab %s 2>&1 | FileCheck %s
void *kmalloc(void *size, int flags);

struct foo {
  int x;
};

struct foo *ptr_size(void *p) {
  // CHECK: remark: untyped 'kmalloc' call in 'ptr_size': 'kmalloc' parameter 0 ('size') has type 'ptr', the allocator spec expects an integer [bad-declaration]
  // expected-remark@+1 {{untyped 'kmalloc' call in 'ptr_size': 'kmalloc' parameter 0 ('size') has type 'void *', the allocator spec expects an integer [bad-declaration]}}
  struct foo *f = kmalloc(p, 0);
  return f;
}
