// Proves that a TypeslabPass.so whose front-end half (TypeslabFrontend.so)
// is not beside it stops the compile with one clear error naming the file,
// rather than crashing or quietly dropping the front end's verdicts, that an
// unloadable file there is reported the same way, and that
// -typeslab-frontend=false still compiles with the IR rules.
// RUN: rm -rf %t && mkdir %t
// RUN: cp %typeslab_pass %t/TypeslabPass.so
// RUN: not %clang -O2 -fpass-plugin=%t/TypeslabPass.so -c -o /dev/null %s 2>&1 | FileCheck %s -DDIR=%t --check-prefix=MISSING
// RUN: %clang -O2 -fpass-plugin=%t/TypeslabPass.so -mllvm -typeslab-frontend=false -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s --check-prefix=IR
// RUN: echo 'not a module' > %t/TypeslabFrontend.so
// RUN: not %clang -O2 -fpass-plugin=%t/TypeslabPass.so -c -o /dev/null %s 2>&1 | FileCheck %s -DDIR=%t --check-prefix=FOREIGN
typedef unsigned long size_t;
void *kmalloc(size_t size, unsigned flags);

// MISSING: error: typeslab: cannot load the front-end half '[[DIR]]/TypeslabFrontend.so' (cannot open shared object file: No such file or directory); it belongs next to the pass library, or pass -mllvm -typeslab-frontend=false to use the IR rules alone
// MISSING-NEXT: 1 error generated.
// FOREIGN: error: typeslab: cannot load the front-end half '[[DIR]]/TypeslabFrontend.so' ({{.*}}); it belongs next to the pass library
// FOREIGN-NEXT: 1 error generated.
// IR: frontend-module-missing.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'grab': no front-end verdict and the IR names no type for a runtime size [runtime-size-no-type]
void *grab(size_t n) { return kmalloc(n, 0); }
