/*===- runtime/fork.c - Keep the allocator usable in a forked child -------===*
 *
 * fork() copies one thread. Were another thread inside the slow path at
 * that moment, the child's copy of ts.lock would stay locked for ever and
 * its first refill would hang. The prepare handler takes ts.lock, so that
 * no slow path is half done at the fork; the parent releases it and the
 * child, whose copy has no owner thread, initialises it afresh.
 *
 * The other threads' heaps have no thread in the child: their slabs stay
 * owned, the child's frees into them go on the remote lists and are not
 * reused (a leak bounded by the parent's slabs at the fork, never a wrong
 * answer). A handler registered before this one whose prepare step
 * allocates from an empty slab would wait on ts.lock: glibc itself takes
 * its malloc locks after every handler, which a replacement cannot do.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

static void fork_prepare(void) { pthread_mutex_lock(&ts.lock); }
static void fork_parent(void) { pthread_mutex_unlock(&ts.lock); }
static void fork_child(void) { pthread_mutex_init(&ts.lock, NULL); }

/* Before main, and at load time for libtypeslab.so: registering later,
 * from a first malloc, would call pthread_atfork (which may allocate) with
 * ts.lock held. */
__attribute__((constructor)) static void ts_fork_register(void) {
  pthread_atfork(fork_prepare, fork_parent, fork_child);
}
