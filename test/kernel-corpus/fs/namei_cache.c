/* Corpus: a dentry-like object from a dedicated kmem_cache. */
#include "corpus.h"
#include <linux/string.h>

struct qstr_entry {
  u32 hash;
  u32 len;
  const char *name;
  void *parent;
};

static void entry_ctor(void *obj) { memset(obj, 0, sizeof(struct qstr_entry)); }

int corpus_namei_cache_run(struct corpus_ctx *ctx) {
  struct kmem_cache *cache = kmem_cache_create(
      "qstr_entry", sizeof(struct qstr_entry), 8, 0, entry_ctor);
  CORPUS_CHECK(ctx, cache);
  struct qstr_entry *e[8];
  for (int i = 0; i < 8; ++i) {
    e[i] = kmem_cache_alloc(cache, GFP_KERNEL);
    CORPUS_CHECK(ctx, e[i] && e[i]->name == NULL);
    e[i]->hash = (u32)i * 31u;
  }
  CORPUS_CHECK(ctx, e[7]->hash == 217);
  for (int i = 0; i < 8; ++i)
    kmem_cache_free(cache, e[i]);
  kmem_cache_destroy(cache);
  return 0;
}
