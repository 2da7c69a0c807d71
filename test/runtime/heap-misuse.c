/* One heap misuse through the libc entry points per invocation (argv[1]),
 * in the mode and profile the environment selects (TYPESLAB_MODE,
 * TYPESLAB_PROFILE). The harness checks the exit status and the exact
 * stderr line: the runtime's report and abort, a fault (no line), or, for
 * what a profile does not detect, this program's own line saying what the
 * misuse got away with. */
#include "typeslab/kernel.h"
#include "typeslab/libc.h"
#include "typeslab/runtime.h"

#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The misuse is the point: the compiler's warnings about it are not. */
#pragma GCC diagnostic ignored "-Wfree-nonheap-object"

#define SMALL 64
#define LARGE 100000 /* not a page multiple: a tail for the canary */

static int escaped(const char *what) {
  fprintf(stderr, "heap-misuse: %s\n", what);
  return 1;
}

/* Every allocation from one call site, so that random mode's per-site
 * caches do not keep the objects apart. */
static __attribute__((noinline)) void *alloc(size_t n) {
  void *volatile r = malloc(n); /* volatile: not elided with its free */
  return r;
}

/* Frees and allocates objects of size n until every quarantine has let
 * the earlier frees go. */
static void churn(size_t n) {
  for (int i = 0; i < 1000; ++i)
    free(alloc(n));
}

/* A slot-aligned address in a slab that was never handed out: the last
 * slot of a 64-byte kmem_cache's first slab (slots are carved a page at a
 * time, so after one allocation the last page's are untouched). */
static char *never_allocated(void) {
  struct kmem_cache *c = kmem_cache_create("never_cache", 64, 8, 0, NULL);
  char *base = (char *)typeslab_slab_of(kmem_cache_alloc(c, GFP_KERNEL));
  return base + (65536 / 64 - 1) * 64;
}

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  const char *m = argv[1];
  char *volatile p = alloc(SMALL); /* volatile: no builtin folding */
  char *volatile big = alloc(LARGE);
  char *volatile q;
  if (!strcmp(m, "double-free-small")) {
    free(p);
    free(p);
  } else if (!strcmp(m, "double-free-large")) {
    free(big);
    free(big);
  } else if (!strcmp(m, "double-free-after-frees")) {
    char *others[16];
    for (int i = 0; i < 16; ++i)
      others[i] = alloc(SMALL);
    free(p);
    for (int i = 0; i < 16; ++i)
      free(others[i]);
    free(p);
  } else if (!strcmp(m, "unaligned-free-small")) {
    free(p + 1);
  } else if (!strcmp(m, "unaligned-free-large")) {
    free(big + 1);
  } else if (!strcmp(m, "invalid-free-never-allocated")) {
    free(never_allocated());
  } else if (!strcmp(m, "invalid-free-unused-region")) {
    /* Reserved for slabs, never used: 1 GiB past this one. */
    free((char *)typeslab_slab_of(p) + (1ul << 30));
  } else if (!strcmp(m, "invalid-free-unmapped")) {
    free((void *)(uintptr_t)0x7e57000);
  } else if (!strcmp(m, "invalid-free-foreign")) {
    static char global[64];
    free(global);
  } else if (!strcmp(m, "uninitialized-free")) {
    free((void *)1);
  } else if (!strcmp(m, "uninitialized-realloc")) {
    q = realloc((void *)1, 16);
  } else if (!strcmp(m, "uninitialized-usable-size")) {
    return malloc_usable_size((void *)1) != 0;
  } else if (!strcmp(m, "invalid-usable-size-small")) {
    return malloc_usable_size(never_allocated()) != 0;
  } else if (!strcmp(m, "unaligned-usable-size-small")) {
    return malloc_usable_size(p + 1) != 0;
  } else if (!strcmp(m, "usable-size-quarantined")) {
    free(p);
    return malloc_usable_size(p) != 0;
  } else if (!strcmp(m, "overflow-small-1")) {
    q = alloc(24);
    q[24] = 'x';
    free(q);
  } else if (!strcmp(m, "overflow-small-8")) {
    q = alloc(24);
    memset(q + 24, 'x', 8);
    free(q);
  } else if (!strcmp(m, "overflow-large-1")) {
    big[LARGE] = 'x';
    free(big);
  } else if (!strcmp(m, "overflow-large-8")) {
    memset(big + LARGE, 'x', 8);
    free(big);
  } else if (!strcmp(m, "string-overflow")) {
    q = alloc(16);
    strcpy(q, "sixteen bytes + four"); /* 21 bytes into 16 */
    free(q);
  } else if (!strcmp(m, "read-after-free-small")) {
    memset(p, 'A', SMALL);
    free(p);
    if (p[32] == 'A')
      return escaped("read after free saw the old data");
  } else if (!strcmp(m, "read-after-free-small-reuse")) {
    free(p);
    q = alloc(SMALL);
    memset(q, 'B', SMALL);
    if (p[32] == 'B')
      return escaped("read after free saw another object's data");
  } else if (!strcmp(m, "write-after-free-small")) {
    free(p);
    p[32] = 'x';
    churn(SMALL);
  } else if (!strcmp(m, "write-after-free-small-reuse")) {
    free(p);
    q = alloc(SMALL);
    p[32] = 'x';
    if (q[32] == 'x')
      return escaped("write after free landed in another object");
    churn(SMALL);
  } else if (!strcmp(m, "read-after-free-large")) {
    free(big);
    return big[LARGE / 2];
  } else if (!strcmp(m, "read-after-free-large-reuse")) {
    free(big);
    q = alloc(LARGE);
    memset(q, 'B', LARGE);
    if (big[LARGE / 2] == 'B')
      return escaped("read after free saw another object's data");
  } else if (!strcmp(m, "write-after-free-large")) {
    free(big);
    big[LARGE / 2] = 'x';
  } else if (!strcmp(m, "write-after-free-large-reuse")) {
    free(big);
    q = alloc(LARGE);
    big[LARGE / 2] = 'x';
    if (q[LARGE / 2] == 'x')
      return escaped("write after free landed in another object");
  } else if (!strcmp(m, "zero-size-read")) {
    q = alloc(0);
    return q[0];
  } else if (!strcmp(m, "zero-size-write")) {
    q = alloc(0);
    q[0] = 1;
  } else if (!strcmp(m, "sized-free-ok")) {
    free_sized(p, SMALL);
    free_aligned_sized(big, 16, LARGE);
  } else if (!strcmp(m, "sized-free-smaller")) {
    free_sized(p, SMALL - 16);
  } else if (!strcmp(m, "sized-free-larger")) {
    free_sized(p, 4 * SMALL);
  } else if (!strcmp(m, "sized-free-large")) {
    free_sized(big, LARGE - 1);
  } else if (!strcmp(m, "aligned-sized-free-misaligned")) {
    /* The first object of a fresh slab is page-aligned by chance (random
     * mode picks fresh caches): free one that is not. */
    void *r = p;
    while (!((uintptr_t)r & 4095))
      r = malloc(SMALL);
    free_aligned_sized(r, 4096, SMALL);
  } else {
    return 2;
  }
  return 0; /* reached when the misuse goes unseen */
}
