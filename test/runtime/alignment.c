/* kmalloc's natural alignment: every object of a size is aligned to at
 * least the largest power of two dividing the size (for a power of two, the
 * size itself), as Linux guarantees (Documentation/core-api/
 * memory-allocation.rst). Checked for every size 1..8 KiB and the powers of
 * two up to 4 MiB, untyped and with three types (one smaller, one equal, one
 * larger than most sizes), several live objects a size so that slots past a
 * slab's first are seen. argv[1] names the mode that ctest sets through
 * TYPESLAB_MODE, with and without TYPESLAB_REDZONE=1 and TYPESLAB_POISON=1,
 * which must not weaken the guarantee.
 */
#include "check.h"
#include "typeslab/kernel.h"
#include "typeslab/runtime.h"

#include <stdint.h>
#include <string.h>

#define DESC(var, nm, h, sz)                                                   \
  __attribute__((section(TYPESLAB_DESC_SECTION), used, aligned(8)))            \
  struct typeslab_type var = {TYPESLAB_DESC_MAGIC, TYPESLAB_DESC_VERSION,      \
                              TYPESLAB_F_HAS_POINTER, h, sz, 0, 8, 0, nm, 0}
DESC(type_40, "struct forty", 0x4040, 40);
DESC(type_64, "struct sixtyfour", 0x6464, 64);
DESC(type_1000, "struct thousand", 0x1000, 1000);

#define LIVE 5 /* objects held per size and token */

static size_t natural(size_t n) { return n & -n; }

static int misaligned;

static void check(void *p, size_t n, const char *how, typeslab_token_t tok) {
  CHECK(p);
  size_t want = natural(n);
  if ((uintptr_t)p % want) {
    if (++misaligned <= 10)
      fprintf(stderr, "%s(%zu) token %#llx: %p not %zu-aligned\n", how, n,
              (unsigned long long)tok, p, want);
  }
}

int main(int argc, char **argv) {
  CHECK(argc == 2);
  static const struct {
    const char *name;
    enum typeslab_mode mode;
  } modes[] = {{"none", TYPESLAB_MODE_NONE},
               {"random", TYPESLAB_MODE_RANDOM},
               {"partitioned", TYPESLAB_MODE_PARTITIONED},
               {"isolated", TYPESLAB_MODE_ISOLATED}};
  int m = -1;
  for (int i = 0; i < 4; ++i)
    if (!strcmp(argv[1], modes[i].name))
      m = i;
  CHECK(m >= 0);
  /* ctest sets TYPESLAB_MODE (with the options), read at first use. */
  CHECK(typeslab_current_mode() == modes[m].mode);
  const typeslab_token_t toks[] = {0, (typeslab_token_t)(uintptr_t)&type_40,
                                   (typeslab_token_t)(uintptr_t)&type_64,
                                   (typeslab_token_t)(uintptr_t)&type_1000};
  void *held[4][LIVE];
  for (size_t n = 1; n <= 8192; ++n) {
    for (int t = 0; t < 4; ++t)
      for (int k = 0; k < LIVE; ++k)
        check(held[t][k] = kmalloc_token(n, GFP_KERNEL, toks[t]), n,
              "kmalloc", toks[t]);
    for (int t = 0; t < 4; ++t)
      for (int k = 0; k < LIVE; ++k)
        kfree(held[t][k]);
  }
  /* Above the slab classes: straight from pages, still naturally aligned. */
  for (size_t n = 16384; n <= (4u << 20); n *= 2) {
    void *p = kmalloc(n, GFP_KERNEL), *q = kzalloc(n, GFP_KERNEL);
    check(p, n, "kmalloc", 0);
    check(q, n, "kzalloc", 0);
    kfree(p);
    kfree(q);
  }
  /* Growing with krealloc gives a new object of the new size. */
  void *r = kmalloc(24, GFP_KERNEL);
  r = krealloc(r, 256, GFP_KERNEL);
  check(r, 256, "krealloc", 0);
  kfree(r);
  CHECK(misaligned == 0);
  printf("alignment %s: every size naturally aligned\n", argv[1]);
  return 0;
}
