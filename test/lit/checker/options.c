// Proves the plugin arguments: no-<check> silences a check, error-<check>
// makes it an error, error-all every check, -Werror the warnings, and an
// unknown argument, check name or spec file is a clear error rather than
// being ignored; each at -O0 and at -O2.
// RUN: %clang -O0 -fsyntax-only -I %typeslab_include -fplugin=%typeslab_checker %s 2>&1 | FileCheck %s --check-prefix=DEFAULT
// RUN: %clang -O2 -fsyntax-only -I %typeslab_include -fplugin=%typeslab_checker %s 2>&1 | FileCheck %s --check-prefix=DEFAULT
// RUN: %clang -O0 -fsyntax-only -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-sizeof-pointer %s 2>&1 | FileCheck %s --check-prefix=SILENT --implicit-check-not=sizeof-pointer
// RUN: %clang -O2 -fsyntax-only -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-sizeof-pointer %s 2>&1 | FileCheck %s --check-prefix=SILENT --implicit-check-not=sizeof-pointer
// RUN: not %clang -O0 -fsyntax-only -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-error-sizeof-pointer %s 2>&1 | FileCheck %s --check-prefix=ERROR
// RUN: not %clang -O2 -fsyntax-only -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-error-sizeof-pointer %s 2>&1 | FileCheck %s --check-prefix=ERROR
// RUN: not %clang -O0 -fsyntax-only -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-error-all %s 2>&1 | FileCheck %s --check-prefix=ALL
// RUN: not %clang -O2 -fsyntax-only -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-error-all %s 2>&1 | FileCheck %s --check-prefix=ALL
// RUN: not %clang -O0 -fsyntax-only -Werror -I %typeslab_include -fplugin=%typeslab_checker %s 2>&1 | FileCheck %s --check-prefix=WERROR
// RUN: not %clang -O2 -fsyntax-only -Werror -I %typeslab_include -fplugin=%typeslab_checker %s 2>&1 | FileCheck %s --check-prefix=WERROR
// RUN: not %clang -O0 -fsyntax-only -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-sizeof-ptr %s 2>&1 | FileCheck %s --check-prefix=BADCHECK
// RUN: not %clang -O2 -fsyntax-only -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-no-sizeof-ptr %s 2>&1 | FileCheck %s --check-prefix=BADCHECK
// RUN: not %clang -O0 -fsyntax-only -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-frobnicate %s 2>&1 | FileCheck %s --check-prefix=BADARG
// RUN: not %clang -O2 -fsyntax-only -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-frobnicate %s 2>&1 | FileCheck %s --check-prefix=BADARG
// RUN: not %clang -O0 -fsyntax-only -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-spec=%t.missing.json %s 2>&1 | FileCheck %s --check-prefix=BADSPEC
// RUN: not %clang -O2 -fsyntax-only -I %typeslab_include -fplugin=%typeslab_checker -fplugin-arg-kmalloc_obj-spec=%t.missing.json %s 2>&1 | FileCheck %s --check-prefix=BADSPEC
#include <typeslab/kernel.h>

struct node {
  struct node *next;
  long key;
};

struct node *make(void) {
  struct node *n = kmalloc(sizeof(n), GFP_KERNEL);
  return n;
}

void *text(size_t len) { return kmalloc(len, GFP_KERNEL); }

// DEFAULT: warning: 'sizeof(n)' is the size of the pointer type 'struct node *', not of the 'struct node' it points to [sizeof-pointer]
// DEFAULT: remark: untyped 'kmalloc' call in 'text'
// SILENT: remark: untyped 'kmalloc' call in 'make'
// SILENT: remark: untyped 'kmalloc' call in 'text'
// ERROR: error: 'sizeof(n)' is the size of the pointer type 'struct node *', not of the 'struct node' it points to [sizeof-pointer]
// ERROR: remark: untyped 'kmalloc' call in 'text'
// ALL: error: untyped 'kmalloc' call in 'make'
// ALL: error: 'sizeof(n)' is the size {{.*}} [sizeof-pointer]
// ALL: error: untyped 'kmalloc' call in 'text'
// WERROR: error: 'sizeof(n)' is the size {{.*}} [sizeof-pointer]
// WERROR: remark: untyped 'kmalloc' call in 'text'
// BADCHECK: error: kmalloc_obj plugin: unknown check 'sizeof-ptr' in 'no-sizeof-ptr'
// BADARG: error: kmalloc_obj plugin: unknown argument 'frobnicate'
// BADSPEC: error: kmalloc_obj plugin: {{.*}}missing.json
