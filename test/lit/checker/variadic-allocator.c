// Proves that an allocator declared variadic ('void *kmalloc(size_t, ...)',
// fewer named parameters than the spec needs) is a variadic-allocator site
// for the checker as for the pass: its typed variant cannot take a trailing
// token. Both read the declaration with one check (AllocatorDeclaration.h).
// RUN: %clang -fsyntax-only -Xclang -verify -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-use-kmalloc-obj %s
// RUN: %clang -O0 -c -o /dev/null -fpass-plugin=%typeslab_pass -Rpass-missed=typeslab %s 2>&1 | FileCheck %s
typedef unsigned long size_t;
void *kmalloc(size_t size, ...);

struct foo {
  int x;
};

struct foo *vararg_call(void) {
  // CHECK: remark: untyped 'kmalloc' call in 'vararg_call': 'kmalloc' is variadic, so its typed variant cannot take a token [variadic-allocator]
  // expected-remark@+1 {{untyped 'kmalloc' call in 'vararg_call': 'kmalloc' is variadic, so its typed variant cannot take a token [variadic-allocator]}}
  return kmalloc(sizeof(struct foo), 0);
}
