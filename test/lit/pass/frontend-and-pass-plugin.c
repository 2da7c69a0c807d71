// Proves that the front end's verdicts reach the pass when TypeslabPass.so
// is loaded as -fplugin= and -fpass-plugin= in one compilation, and as
// -fpass-plugin= alone; with the front end switched off, or under opt on the
// same code, the pass falls back to its IR rules and says so.
// RUN: rm -rf %t && mkdir %t
// RUN: %clang -O2 -fplugin=%typeslab_pass -fpass-plugin=%typeslab_pass -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s --check-prefix=FRONT
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s --check-prefix=FRONT
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -mllvm -typeslab-frontend=false -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s --check-prefix=IR
// RUN: %clang -O0 -Xclang -disable-O0-optnone -S -emit-llvm -o %t/plain.ll %s
// RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -pass-remarks=typeslab -pass-remarks-missed=typeslab -disable-output %t/plain.ll 2>&1 | FileCheck %s --check-prefix=OPT
typedef unsigned long size_t;
void *kmalloc(size_t size, unsigned flags);

struct pair { long a, b; };

// FRONT: frontend-and-pass-plugin.c:[[@LINE+4]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'make' as 'struct pair' (single, evidence: size+destination from the front end,
// FRONT-NOT: remark:
// IR: frontend-and-pass-plugin.c:[[@LINE+2]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'make': no front-end verdict and the IR names no type for size 16 [constant-size-no-type]
// OPT: remark: <unknown>:0:0: untyped 'kmalloc' call in 'make': no front-end verdict and the IR names no type for size 16 [constant-size-no-type]
struct pair *make(void) { return kmalloc(sizeof(struct pair), 0); }
