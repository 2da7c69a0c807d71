// Proves that -save-temps, which splits the compile so that the pass would
// run on bitcode without the front end's verdicts (typing fewer sites),
// stops with an error that says why, and that options spelled -Xclang
// -mllvm -Xclang -typeslab-X (what tools/typeslab-flags prints) never reach
// the assembler step, which does not load the plugin.
// RUN: rm -rf %t && mkdir %t && cd %t
// RUN: not %clang -O2 -fpass-plugin=%typeslab_pass -save-temps -I %S/Inputs -c -o %t/a.o %s 2>&1 | FileCheck %s
// CHECK: error: typeslab: the pass cannot use the front end's verdicts when the compile is split by -save-temps or -disable-llvm-passes, and would type fewer sites
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -save-temps -Xclang -mllvm -Xclang -typeslab-frontend=false -Xclang -mllvm -Xclang -typeslab-records=false -I %S/Inputs -c -o %t/b.o %s 2>&1 | FileCheck %s --allow-empty --check-prefix=XCLANG
// XCLANG-NOT: Unknown command line argument
// XCLANG-NOT: error
// RUN: %llvm-nm %t/b.o | FileCheck %s --check-prefix=IRRULES
// IRRULES: U kmalloc_token
#include "kernel.h"

struct ring { void *slots; u32 head; };

struct ring *ring_new(void) {
  struct ring *r = kmalloc(sizeof(*r), GFP_KERNEL);
  return r;
}
