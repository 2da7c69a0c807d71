/* One misuse per invocation (argv[1]); the test harness checks that the
 * program aborts with exactly one fixed-format line on stderr. */
#include "typeslab/kernel.h"
#include "typeslab/runtime.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int global_object;

static void *free_in_thread(void *p) {
  kfree(p);
  return NULL;
}

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  const char *m = argv[1];
  char *p = kmalloc(64, GFP_KERNEL);
  if (!strcmp(m, "double-free")) {
    kfree(p);
    kfree(p);
  } else if (!strcmp(m, "libc-double-free")) {
    char *volatile q = malloc(40); /* volatile: not elided as a builtin */
    free(q);
    free(q);
  } else if (!strcmp(m, "invalid-free-stack")) {
    int local;
    kfree(&local);
  } else if (!strcmp(m, "invalid-free-global")) {
    kfree(&global_object);
  } else if (!strcmp(m, "interior-free")) {
    kfree(p + 8);
  } else if (!strcmp(m, "cross-cache-free")) {
    struct kmem_cache *a = kmem_cache_create("a_cache", 32, 8, 0, NULL);
    struct kmem_cache *b = kmem_cache_create("b_cache", 32, 8, 0, NULL);
    kmem_cache_free(b, kmem_cache_alloc(a, GFP_KERNEL));
  } else if (!strcmp(m, "redzone-overflow")) {
    char *q = kmalloc(40, GFP_KERNEL);
    q[40] = 1; /* one byte past the object */
    kfree(q);
  } else if (!strcmp(m, "write-after-free")) {
    kfree(p);
    p[3] = 1;
    for (int i = 0; i < 600; ++i) /* cycle the quarantine */
      kfree(kmalloc(64, GFP_KERNEL));
  } else if (!strcmp(m, "krealloc-freed")) {
    kfree(p);
    krealloc(p, 128, GFP_KERNEL);
  } else if (!strcmp(m, "double-free-quarantined")) {
    kfree(p); /* with TYPESLAB_POISON=1 it waits in the quarantine */
    kfree(p);
  } else if (!strcmp(m, "double-free-remote")) {
    pthread_t t; /* freed by another thread, then again here */
    if (pthread_create(&t, NULL, free_in_thread, p) || pthread_join(t, NULL))
      return 2;
    kfree(p);
  } else if (!strcmp(m, "double-free-large")) {
    char *big = kmalloc(20000, GFP_KERNEL);
    kfree(big);
    kfree(big);
  } else if (!strcmp(m, "invalid-free-large-interior")) {
    char *big = kmalloc(20000, GFP_KERNEL);
    kfree(big + 4096);
  } else if (!strcmp(m, "invalid-free-wild")) {
    kfree((void *)(uintptr_t)0x7e57000);
  } else if (!strcmp(m, "cross-cache-free-kmalloc")) {
    struct kmem_cache *a = kmem_cache_create("a_cache", 64, 8, 0, NULL);
    kmem_cache_free(a, p);
  } else if (!strcmp(m, "nofail-huge")) {
    volatile size_t huge = SIZE_MAX;
    kmalloc(huge, GFP_KERNEL | __GFP_NOFAIL);
  } else if (!strcmp(m, "zero-size-write")) {
    char *volatile z = kmalloc(0, GFP_KERNEL);
    z[0] = 1; /* ZERO_SIZE_PTR faults, as in the kernel */
  } else if (!strcmp(m, "freelist-corruption")) {
    char *q = kmalloc(64, GFP_KERNEL);
    kfree(q);
    kfree(p); /* p heads the freelist, encoded link to q in its first word */
    *(uintptr_t *)p = (uintptr_t)&global_object; /* a forged, plain link */
    kmalloc(64, GFP_KERNEL);
    kmalloc(64, GFP_KERNEL);
  } else if (!strcmp(m, "invalid-free-tail")) {
    /* 65536 / 48 = 1365 slots end at 65520: the last 16 bytes of the slab
     * are no slot, though 65520 is a multiple of 48. */
    char *base = (char *)typeslab_slab_of(kmalloc(48, GFP_KERNEL));
    kfree(base + 1365 * 48);
  } else if (!strcmp(m, "continue")) {
    kfree(p);
    kfree(p);
    printf("errors=%zu\n", typeslab_error_count());
    return typeslab_error_count() == 1 ? 0 : 1;
  } else {
    return 2;
  }
  return 0; /* not reached when the misuse is detected */
}
