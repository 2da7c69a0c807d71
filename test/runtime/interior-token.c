/* Proves that the runtime takes a token for a descriptor only when it points
 * at a descriptor's start: a token 8 bytes into a descriptor (inside the
 * descriptor section, 8-aligned, but no magic there) is a hash token in
 * isolated mode, gets a cache of its own, and neither descriptor's cache
 * slot nor contents are touched. Exits 0 when all holds, 1 on the first
 * failed check. */
#include "check.h"
#include "typeslab/kernel.h"
#include "typeslab/runtime.h"

#include <stdint.h>
#include <string.h>

#define DESC(var, nm, sz)                                                      \
  __attribute__((section(TYPESLAB_DESC_SECTION), used, aligned(8)))            \
  struct typeslab_type var = {TYPESLAB_DESC_MAGIC, TYPESLAB_DESC_VERSION,      \
                              0, 0x1111 * sz, sz, 0, 8, 0, nm, 0}
DESC(alpha, "struct alpha", 48);
DESC(beta, "struct beta", 48);
#define TOK(p) ((typeslab_token_t)(uintptr_t)(p))

int main(void) {
  CHECK(typeslab_init(TYPESLAB_MODE_ISOLATED, 0) == 0);
  for (int round = 0; round < 2; ++round) {
    void *inner = kmalloc_token(48, GFP_KERNEL, TOK(&alpha) + 8);
    CHECK(inner);
    CHECK(!strncmp(typeslab_cache_name_of(inner), "type-", 5));
    void *a = kmalloc_token(48, GFP_KERNEL, TOK(&alpha));
    void *b = kmalloc_token(48, GFP_KERNEL, TOK(&beta));
    CHECK(a && b);
    CHECK(!strcmp(typeslab_cache_name_of(a), "struct alpha"));
    CHECK(!strcmp(typeslab_cache_name_of(b), "struct beta"));
    CHECK(typeslab_slab_of(inner) != typeslab_slab_of(a));
    kfree(inner);
    kfree(a);
    kfree(b);
  }
  CHECK(alpha.magic == TYPESLAB_DESC_MAGIC && beta.magic == TYPESLAB_DESC_MAGIC);
  CHECK(alpha.version == TYPESLAB_DESC_VERSION && !strcmp(alpha.name, "struct alpha"));
  CHECK(beta.version == TYPESLAB_DESC_VERSION && !strcmp(beta.name, "struct beta"));
  return 0;
}
