/* Kernel and libc semantics, run once per mode (argv[1]): zero size,
 * overflow, pages above 8 KiB, huge sizes, zeroing, krealloc keeping type
 * and contents, ksize, malloc(0), alignment, kmem_cache, devm. */
#include "check.h"
#include "typeslab/kernel.h"
#include "typeslab/libc.h"
#include "typeslab/runtime.h"

#include <malloc.h>
#include <stdint.h>
#include <string.h>

static enum typeslab_mode parse(const char *m) {
  if (!strcmp(m, "random"))
    return TYPESLAB_MODE_RANDOM;
  if (!strcmp(m, "partitioned"))
    return TYPESLAB_MODE_PARTITIONED;
  if (!strcmp(m, "isolated"))
    return TYPESLAB_MODE_ISOLATED;
  return TYPESLAB_MODE_NONE;
}

static void ctor(void *p) { memset(p, 0x5a, 24); }

int main(int argc, char **argv) {
  CHECK(argc == 2);
  CHECK(typeslab_init(parse(argv[1]), 0) == 0);
  CHECK(typeslab_current_mode() == parse(argv[1]));
  const typeslab_token_t tok = 0x1234;
  /* Through a volatile, so the compiler cannot judge absurd sizes early. */
  volatile size_t max = SIZE_MAX;

  /* Zero size. */
  CHECK(kmalloc(0, GFP_KERNEL) == ZERO_SIZE_PTR);
  CHECK(kmalloc_token(0, GFP_KERNEL, tok) == ZERO_SIZE_PTR);
  CHECK(kcalloc(0, 8, GFP_KERNEL) == ZERO_SIZE_PTR);
  kfree(ZERO_SIZE_PTR);
  kfree(NULL);
  CHECK(ksize(ZERO_SIZE_PTR) == 0);
#ifndef TYPESLAB_NO_MALLOC_REPLACEMENT
  void *m0 = malloc(0), *m1 = malloc(0);
  CHECK(m0 && m1 && m0 != m1);
  /* malloc is the runtime's: the pointers lead to no memory, in no slab. */
  CHECK(!typeslab_slab_of(m0) && malloc_usable_size(m0) == 0);
  free(m0);
  free(m1);
#endif
  void *t0 = typeslab_malloc(0, tok), *t1 = typeslab_malloc(0, tok);
  CHECK(t0 && t1 && t0 != t1);
  kfree(t0);
  kfree(t1);

  /* Overflow never wraps. */
  CHECK(kmalloc_array(SIZE_MAX / 2, 3, GFP_KERNEL) == NULL);
  CHECK(kcalloc_token(SIZE_MAX, 2, GFP_KERNEL, tok) == NULL);
  CHECK(kvmalloc_array(1ul << 40, 1ul << 40, GFP_KERNEL) == NULL);
  CHECK(krealloc_array(NULL, SIZE_MAX, 16, GFP_KERNEL) == NULL);
  CHECK(typeslab_calloc(SIZE_MAX, 2, tok) == NULL);
#ifndef TYPESLAB_NO_MALLOC_REPLACEMENT
  CHECK(calloc(max / 4, 8) == NULL);
  CHECK(malloc(max - 4096) == NULL);
#endif

  /* Huge and absurd sizes fail cleanly. */
  CHECK(kmalloc(max, GFP_KERNEL) == NULL);
  CHECK(kmalloc(8ul << 20, GFP_KERNEL) == NULL); /* > KMALLOC_MAX_SIZE */
  CHECK(kvmalloc((size_t)1 << 32, GFP_KERNEL) == NULL); /* > INT_MAX */
  CHECK(typeslab_malloc(max - 4096, tok) == NULL);

  /* Above 8 KiB: pages, usable and freeable; kvmalloc large. */
  char *big = kmalloc(9000, GFP_KERNEL);
  CHECK(big && typeslab_slab_of(big) == NULL && ksize(big) == 9000);
  memset(big, 1, 9000);
  kfree(big);
  char *kv = kvzalloc(3u << 20, GFP_KERNEL);
  CHECK(kv && kv[0] == 0 && kv[(3u << 20) - 1] == 0);
  kvfree(kv);

  /* Zeroing. */
  for (int round = 0; round < 2; ++round) {
    unsigned char *d = kmalloc(200, GFP_KERNEL);
    memset(d, 0xff, 200);
    kfree(d);
    unsigned char *z = kzalloc_token(200, GFP_KERNEL, tok);
    for (int i = 0; i < 200; ++i)
      CHECK(z[i] == 0);
    unsigned char *g = kmalloc(200, GFP_KERNEL | __GFP_ZERO);
    for (int i = 0; i < 200; ++i)
      CHECK(g[i] == 0);
    kfree(z);
    kfree(g);
  }

  /* ksize and krealloc: shrinking keeps the pointer, growing keeps contents
   * and the type. */
  char *r = kmalloc_token(100, GFP_KERNEL, tok);
  CHECK(ksize(r) >= 100);
  memcpy(r, "typeslab", 9);
  CHECK(krealloc(r, 40, GFP_KERNEL) == r);
  char *r2 = krealloc(r, 3000, GFP_KERNEL);
  CHECK(r2 && !strcmp(r2, "typeslab") && ksize(r2) >= 3000);
  CHECK(typeslab_object_token(r2) == tok);
  CHECK(krealloc(r2, 0, GFP_KERNEL) == ZERO_SIZE_PTR);
  char *kd = kmemdup("abc", 4, GFP_KERNEL);
  CHECK(kd && !strcmp(kd, "abc"));
  char *ks = kstrdup("devname", GFP_KERNEL);
  CHECK(ks && !strcmp(ks, "devname"));
  kfree(kd);
  kfree(ks);
  kfree_sensitive(kmalloc(64, GFP_KERNEL));

  /* libc realloc/aligned variants. */
  void *a;
  CHECK(typeslab_posix_memalign(&a, 4096, 100, tok) == 0 &&
        ((uintptr_t)a & 4095) == 0);
  kfree(a);
  CHECK(typeslab_posix_memalign(&a, 24, 100, tok) != 0);
  void *al = typeslab_aligned_alloc(512, 700, tok);
  CHECK(al && ((uintptr_t)al & 511) == 0);
  kfree(al);
  char *g = typeslab_realloc(NULL, 10, tok);
  strcpy(g, "123456789");
  g = typeslab_realloc(g, 10000, tok);
  CHECK(g && !strcmp(g, "123456789") && ksize(g) >= 10000);
  CHECK(typeslab_object_token(g) == tok);
  kfree(g);
#ifndef TYPESLAB_NO_MALLOC_REPLACEMENT
  CHECK(posix_memalign(&a, 256, 100) == 0 && ((uintptr_t)a & 255) == 0);
  CHECK(malloc_usable_size(a) >= 100);
  free(a);
#endif

  /* kmem_cache. */
  struct kmem_cache *kc = kmem_cache_create("test_obj", 24, 8, 0, ctor);
  CHECK(kc);
  unsigned char *o = kmem_cache_alloc(kc, GFP_KERNEL);
  CHECK(o && o[0] == 0x5a && o[23] == 0x5a);
  CHECK(!strcmp(typeslab_cache_name_of(o), "test_obj"));
  kmem_cache_free(kc, o);
  kmem_cache_destroy(kc);

  /* devm allocations go with their device. */
  struct device *dev = (struct device *)&argc;
  void *d1 = devm_kzalloc(dev, 32, GFP_KERNEL);
  void *d2 = devm_kcalloc(dev, 4, 8, GFP_KERNEL);
  CHECK(d1 && d2 && ksize(d1) >= 32);
  devres_release_all(dev);
  CHECK(ksize(d1) == 0 && ksize(d2) == 0); /* freed: no longer live */

  printf("semantics %s: ok\n", argv[1]);
  return 0;
}
