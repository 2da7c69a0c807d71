/* The documented results of bad sizes, for every allocator, in the mode
 * named by argv[1] (docs/bad-input.md): an overflowing n * size is NULL
 * (never a wrapped, short object); size 0 is ZERO_SIZE_PTR in the kernel
 * API and a unique freeable pointer in the libc API; SIZE_MAX and other
 * absurd sizes are NULL (ENOMEM for libc); a resize that fails leaves the
 * old object alive and unchanged. */
#include "check.h"
#include "typeslab/kernel.h"
#include "typeslab/libc.h"
#include "typeslab/runtime.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>

/* Through volatiles, so the compiler cannot fold or warn about the sizes. */
static volatile size_t Max = SIZE_MAX, Half = SIZE_MAX / 2 + 1;
static const typeslab_token_t Tok = 0x5151;

static void check_overflow(void) {
  struct device *dev = (struct device *)&Tok;
  size_t n = Half, s = 2; /* n * s wraps to 0 */
  CHECK(kmalloc_array(n, s, GFP_KERNEL) == NULL);
  CHECK(kmalloc_array_token(n, s, GFP_KERNEL, Tok) == NULL);
  CHECK(kcalloc(n, s, GFP_KERNEL) == NULL);
  CHECK(kcalloc_token(n, s, GFP_KERNEL, Tok) == NULL);
  CHECK(kvmalloc_array(n, s, GFP_KERNEL) == NULL);
  CHECK(kvmalloc_array_token(n, s, GFP_KERNEL, Tok) == NULL);
  CHECK(kvcalloc(n, s, GFP_KERNEL) == NULL);
  CHECK(kvcalloc_token(n, s, GFP_KERNEL, Tok) == NULL);
  CHECK(kcalloc_node(n, s, GFP_KERNEL, 0) == NULL);
  CHECK(kmalloc_array_node(n, s, GFP_KERNEL, 0) == NULL);
  CHECK(kcalloc_node_token(n, s, GFP_KERNEL, 0, Tok) == NULL);
  CHECK(kmalloc_array_node_token(n, s, GFP_KERNEL, 0, Tok) == NULL);
  CHECK(krealloc_array(NULL, n, s, GFP_KERNEL) == NULL);
  CHECK(krealloc_array_token(NULL, n, s, GFP_KERNEL, Tok) == NULL);
  CHECK(devm_kcalloc(dev, n, s, GFP_KERNEL) == NULL);
  CHECK(devm_kmalloc_array(dev, n, s, GFP_KERNEL) == NULL);
  CHECK(devm_kcalloc_token(dev, n, s, GFP_KERNEL, Tok) == NULL);
  CHECK(devm_kmalloc_array_token(dev, n, s, GFP_KERNEL, Tok) == NULL);
  errno = 0;
  CHECK(typeslab_calloc(n, s, Tok) == NULL && errno == ENOMEM);
  errno = 0;
  CHECK(__alloc_token_calloc(n, s, Tok) == NULL && errno == ENOMEM);
  errno = 0;
  CHECK(typeslab_reallocarray(NULL, n, s, Tok) == NULL && errno == ENOMEM);
  /* A wrap to a small non-zero size is refused too. */
  CHECK(kmalloc_array(Half + 8, 2, GFP_KERNEL) == NULL);
  CHECK(kcalloc(Max / 3 + 1, 3, GFP_KERNEL) == NULL);
}

static void check_zero(void) {
  CHECK(kmalloc(0, GFP_KERNEL) == ZERO_SIZE_PTR);
  CHECK(kzalloc_token(0, GFP_KERNEL, Tok) == ZERO_SIZE_PTR);
  CHECK(kmalloc_array(0, 64, GFP_KERNEL) == ZERO_SIZE_PTR);
  CHECK(kcalloc_token(64, 0, GFP_KERNEL, Tok) == ZERO_SIZE_PTR);
  CHECK(kvmalloc(0, GFP_KERNEL) == ZERO_SIZE_PTR);
  CHECK(kvzalloc_token(0, GFP_KERNEL, Tok) == ZERO_SIZE_PTR);
  CHECK(kmalloc_node(0, GFP_KERNEL, 0) == ZERO_SIZE_PTR);
  CHECK(kmemdup("x", 0, GFP_KERNEL) == ZERO_SIZE_PTR);
  CHECK(krealloc(NULL, 0, GFP_KERNEL) == ZERO_SIZE_PTR);
  CHECK(krealloc(ZERO_SIZE_PTR, 0, GFP_KERNEL) == ZERO_SIZE_PTR);
  char *p = krealloc(ZERO_SIZE_PTR, 10, GFP_KERNEL); /* grows from nothing */
  CHECK(p && !ZERO_OR_NULL_PTR(p) && ksize(p) >= 10);
  CHECK(krealloc(p, 0, GFP_KERNEL) == ZERO_SIZE_PTR); /* frees p */
  CHECK(ksize(p) == 0);
  kfree(ZERO_SIZE_PTR);
  kvfree(ZERO_SIZE_PTR);
  kfree_sensitive(ZERO_SIZE_PTR);
  CHECK(ksize(ZERO_SIZE_PTR) == 0 && ksize(NULL) == 0);
  /* libc: unique, freeable, no usable byte (and no access at all); an
   * aligned one is a one-byte object. */
  void *a = typeslab_malloc(0, Tok), *b = __alloc_token_malloc(0, Tok);
  void *c = typeslab_calloc(0, 8, Tok), *d = typeslab_aligned_alloc(64, 0, 0);
  CHECK(a && b && c && d && a != b && a != c && b != c && c != d);
  CHECK(ksize(a) == 0 && ksize(c) == 0 && ((uintptr_t)d & 63) == 0);
  kfree(a);
  kfree(b);
  kfree(c);
  kfree(d);
  /* realloc(p, 0) frees p and returns NULL. */
  void *e = typeslab_malloc(32, Tok);
  CHECK(typeslab_realloc(e, 0, Tok) == NULL && ksize(e) == 0);
}

static void check_huge(void) {
  size_t sizes[] = {Max, Max - 4095, Half, (size_t)1 << 41};
  for (unsigned i = 0; i < sizeof sizes / sizeof sizes[0]; ++i) {
    size_t s = sizes[i];
    CHECK(kmalloc(s, GFP_KERNEL) == NULL);
    CHECK(kzalloc_token(s, GFP_KERNEL, Tok) == NULL);
    CHECK(kvmalloc(s, GFP_KERNEL) == NULL);
    CHECK(kvmalloc_node_token(s, GFP_KERNEL, 0, Tok) == NULL);
    CHECK(kmalloc_node(s, GFP_KERNEL, 0) == NULL);
    CHECK(krealloc(NULL, s, GFP_KERNEL) == NULL);
    errno = 0;
    CHECK(typeslab_malloc(s, Tok) == NULL && errno == ENOMEM);
    errno = 0;
    CHECK(typeslab_aligned_alloc(64, s, Tok) == NULL && errno == ENOMEM);
    void *m = &m;
    CHECK(typeslab_posix_memalign(&m, 64, s, Tok) == ENOMEM && m == &m);
  }
  /* Between the kernel limits: kmalloc stops at 4 MiB, kvmalloc at
   * INT_MAX. */
  CHECK(kmalloc((4u << 20) + 1, GFP_KERNEL) == NULL);
  CHECK(kvmalloc((size_t)1 << 31, GFP_KERNEL) == NULL);
  void *k = kmalloc(4u << 20, GFP_KERNEL);
  CHECK(k != NULL);
  kfree(k);
  /* Bad alignments. */
  errno = 0;
  CHECK(typeslab_aligned_alloc(24, 64, Tok) == NULL && errno == EINVAL);
  errno = 0;
  CHECK(typeslab_aligned_alloc(0, 64, Tok) == NULL && errno == EINVAL);
  void *m;
  CHECK(typeslab_posix_memalign(&m, 4, 64, Tok) == EINVAL);
}

/* A resize that cannot be done leaves the old object as it was. */
static void check_failed_resize(void) {
  char *p = kmalloc_token(100, GFP_KERNEL, Tok);
  CHECK(p);
  memset(p, 0x3c, 100);
  CHECK(krealloc(p, Max, GFP_KERNEL) == NULL);
  CHECK(krealloc_array(p, Half, 2, GFP_KERNEL) == NULL);
  CHECK(kvrealloc(p, Max, GFP_KERNEL) == NULL);
  errno = 0;
  CHECK(typeslab_realloc(p, Max - 4095, Tok) == NULL && errno == ENOMEM);
  errno = 0;
  CHECK(typeslab_reallocarray(p, Half, 2, Tok) == NULL && errno == ENOMEM);
  CHECK(ksize(p) >= 100 && typeslab_object_token(p) == Tok);
  for (int i = 0; i < 100; ++i)
    CHECK(p[i] == 0x3c);
  kfree(p);
}

int main(int argc, char **argv) {
  CHECK(argc == 2);
  enum typeslab_mode m = !strcmp(argv[1], "isolated") ? TYPESLAB_MODE_ISOLATED
                                                      : TYPESLAB_MODE_NONE;
  CHECK(typeslab_init(m, test_profile()) == 0);
  check_overflow();
  check_zero();
  check_huge();
  check_failed_resize();
  CHECK(typeslab_error_count() == 0);
  printf("limits %s: ok\n", argv[1]);
  return 0;
}
