// Proves that the front-end half walks every function codegen emits, however
// it is reached: externally visible functions, static functions they call,
// static functions named only in a global's initializer (an ops table), in
// a cleanup attribute, or as an alias target, and static functions reached
// through another static one. Each site is typed "from the front end"; a
// function the walk missed would fall back to the IR rules and say "from
// the IR" (the void * destinations give the IR nothing to go on).
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s --implicit-check-not="from the IR" --implicit-check-not="in 'never'"
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s --implicit-check-not="from the IR" --implicit-check-not="in 'never'"
#include "kernel.h"

struct a { long x; void *p; };
struct b { int y[7]; };
struct c { char z[40]; long w; };
struct d { void *q[3]; };
struct e { short s[9]; };

void *keep;

// Reached from an externally visible function, through another static one.
// CHECK-DAG: frontend-reachable-functions.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'inner' as 'struct a' (single, evidence: size from the front end
static void inner(void) { keep = kmalloc(sizeof(struct a), GFP_KERNEL); }
static void middle(void) { inner(); }
void entry(void) { middle(); }

// Named only in a global's initializer.
struct ops { void (*open)(void); };
// CHECK-DAG: frontend-reachable-functions.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'op_open' as 'struct b' (single, evidence: size from the front end
static void op_open(void) { keep = kmalloc(sizeof(struct b), GFP_KERNEL); }
const struct ops table = { .open = op_open };

// Named only in a cleanup attribute.
// CHECK-DAG: frontend-reachable-functions.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'on_exit_scope' as 'struct c' (single, evidence: size from the front end
static void on_exit_scope(int *v) { keep = kmalloc(sizeof(struct c), GFP_KERNEL); (void)v; }
void scoped(void) { int v __attribute__((cleanup(on_exit_scope))) = 0; (void)v; }

// The target of an alias.
// CHECK-DAG: frontend-reachable-functions.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'real_impl' as 'struct d' (single, evidence: size from the front end
static void real_impl(void) { keep = kmalloc(sizeof(struct d), GFP_KERNEL); }
void public_name(void) __attribute__((alias("real_impl")));

// Kept by __attribute__((used)) alone.
// CHECK-DAG: frontend-reachable-functions.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'kept' as 'struct e' (single, evidence: size from the front end
static __attribute__((used)) void kept(void) { keep = kmalloc(sizeof(struct e), GFP_KERNEL); }

// Negative: a static function only an unused static function calls is not
// emitted, so it has no site at all.
static void never(void) { keep = kmalloc(sizeof(struct a) * 2, GFP_KERNEL); }
static void never_caller(void) { never(); }
