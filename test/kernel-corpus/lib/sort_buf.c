/* Corpus: a size computed once into a local, size_t sz = sizeof(T). */
#include "corpus.h"

struct sort_item {
  int key;
  void *payload;
};

int corpus_sort_buf_run(struct corpus_ctx *ctx) {
  size_t sz = sizeof(struct sort_item);
  struct sort_item *one = kmalloc(sz, GFP_KERNEL);
  CORPUS_CHECK(ctx, one);
  one->key = 42;
  one->payload = one;
  CORPUS_CHECK(ctx, one->payload == one && one->key == 42);
  corpus_expect(ctx, one, "struct sort_item");
  kfree(one);
  return 0;
}
