/* Under LD_PRELOAD=libtypeslab.so, every entry point of the malloc API, and
 * the typed ones (__alloc_token_*, typeslab_*), is the runtime's, and each
 * keeps its contract: zeroing, alignment, resizing with contents kept,
 * overflow and bad alignment refused with errno, and free_sized and
 * free_aligned_sized freeing (a second free is a reported double free).
 * Run with TYPESLAB_ON_ERROR=continue, in every mode. */
#include "preload_check.h"

#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


static const char *const Names[] = {
    "malloc", "free", "calloc", "realloc", "reallocarray", "posix_memalign",
    "aligned_alloc", "memalign", "valloc", "pvalloc", "malloc_usable_size",
    "free_sized", "free_aligned_sized", "__alloc_token_malloc",
    "__alloc_token_calloc", "__alloc_token_realloc",
    "__alloc_token_reallocarray", "__alloc_token_aligned_alloc",
    "__alloc_token_posix_memalign", "__alloc_token_memalign",
    "__alloc_token_valloc", "__alloc_token_pvalloc", "typeslab_malloc",
    "typeslab_calloc", "typeslab_realloc", "typeslab_valloc",
    "typeslab_pvalloc", "kmalloc_token", "kfree"};

static void *sym(const char *name) {
  void *f = dlsym(RTLD_DEFAULT, name);
  CHECK(f);
  return f;
}

static int aligned(void *p, size_t a) { return ((uintptr_t)p & (a - 1)) == 0; }

int main(void) {
  for (size_t i = 0; i < sizeof Names / sizeof *Names; ++i)
    if (!from_typeslab(Names[i])) {
      fprintf(stderr, "'%s' is defined by %s\n", Names[i], definer(Names[i]));
      return 1;
    }
  size_t page = (size_t)sysconf(_SC_PAGESIZE);
  size_t (*errors)(void) = (size_t (*)(void))sym("typeslab_error_count");
  size_t (*token_of)(const void *) =
      (size_t (*)(const void *))sym("typeslab_object_token");
  /* C23's sized frees: glibc 2.36 has none to link against. */
  void (*free_sized)(void *, size_t) =
      (void (*)(void *, size_t))sym("free_sized");
  void (*free_aligned_sized)(void *, size_t, size_t) =
      (void (*)(void *, size_t, size_t))sym("free_aligned_sized");
  void *(*tmalloc)(size_t, size_t) =
      (void *(*)(size_t, size_t))sym("__alloc_token_malloc");

  void *z = malloc(0), *z2 = malloc(0);
  CHECK(z && z2 && z != z2 && ours(z, 0));
  free(z);
  free(z2);

  unsigned char *c = calloc(300, 7);
  CHECK(ours(c, 2100));
  for (size_t i = 0; i < 2100; ++i)
    CHECK(c[i] == 0);
  volatile size_t huge = SIZE_MAX / 4; /* hidden from the compiler */
  errno = 0;
  CHECK(!calloc(huge, 8) && errno == ENOMEM);

  for (size_t i = 0; i < 2100; ++i)
    c[i] = (unsigned char)i;
  c = realloc(c, 100000); /* small to page-backed */
  CHECK(ours(c, 100000));
  for (size_t i = 0; i < 2100; ++i)
    CHECK(c[i] == (unsigned char)i);
  c = reallocarray(c, 10, 30); /* shrinks in place or moves, keeps 300 */
  CHECK(ours(c, 300));
  for (size_t i = 0; i < 300; ++i)
    CHECK(c[i] == (unsigned char)i);
  errno = 0;
  CHECK(!reallocarray(c, huge, 8) && errno == ENOMEM);
  CHECK(ours(c, 300) && c[299] == (unsigned char)299);
  CHECK(realloc(c, 0) == NULL); /* frees, as glibc's does */

  void *m;
  CHECK(posix_memalign(&m, 3, 10) == EINVAL);
  CHECK(posix_memalign(&m, 4, 10) == EINVAL); /* below sizeof(void *) */
  size_t aligns[] = {16, 64, 4096, 1 << 20};
  for (size_t i = 0; i < 4; ++i) {
    CHECK(posix_memalign(&m, aligns[i], 100) == 0);
    CHECK(aligned(m, aligns[i]) && ours(m, 100));
    free(m);
    m = aligned_alloc(aligns[i], 3 * aligns[i]);
    CHECK(aligned(m, aligns[i]) && ours(m, 3 * aligns[i]));
    free(m);
    m = memalign(aligns[i], 5);
    CHECK(aligned(m, aligns[i]) && ours(m, 5));
    free(m);
  }
  volatile size_t bad_align = 48;
  errno = 0;
  CHECK(!aligned_alloc(bad_align, 96) && errno == EINVAL);

  m = valloc(10);
  CHECK(aligned(m, page) && ours(m, 10));
  free(m);
  m = pvalloc(1); /* rounded up to a whole page */
  CHECK(aligned(m, page) && ours(m, page));
  free(m);
  m = pvalloc(0);
  CHECK(aligned(m, page) && ours(m, page));
  free(m);
  CHECK(malloc_usable_size(NULL) == 0);

  /* free_sized and free_aligned_sized free: the object is no longer live
   * (its token reads 0) and freeing it again is a double free. */
  void *t = tmalloc(40, 0x1234);
  CHECK(ours(t, 40) && token_of(t) == 0x1234);
  free_sized(t, 40);
  CHECK(token_of(t) == 0);
  size_t before = errors();
  free(t);
  CHECK(errors() == before + 1);
  t = tmalloc(256, 0x4321);
  void *u = aligned_alloc(256, 256);
  CHECK(ours(u, 256) && token_of(t) == 0x4321);
  free_aligned_sized(t, 16, 256);
  free_aligned_sized(u, 256, 256);
  CHECK(token_of(t) == 0 && errors() == before + 1);
  free_sized(NULL, 0);
  free_aligned_sized(NULL, 16, 0);

  /* The typed page allocations keep their token. */
  void *(*tvalloc)(size_t, size_t) =
      (void *(*)(size_t, size_t))sym("__alloc_token_valloc");
  void *(*tpvalloc)(size_t, size_t) =
      (void *(*)(size_t, size_t))sym("__alloc_token_pvalloc");
  m = tvalloc(100, 0x77);
  CHECK(aligned(m, page) && ours(m, 100) && token_of(m) == 0x77);
  free(m);
  m = tpvalloc(100, 0x78);
  CHECK(aligned(m, page) && ours(m, page) && token_of(m) == 0x78);
  free(m);

  /* libc's own allocations are the runtime's. */
  char *s = strdup("typeslab");
  CHECK(ours(s, 9) && !strcmp(s, "typeslab"));
  free(s);
  puts("api: ok");
  return 0;
}
