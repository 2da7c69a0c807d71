/* Corpus: a generic chained hash table with typed nodes. */
#include "corpus.h"
#include <linux/list.h>

struct hnode {
  struct list_head chain;
  unsigned long key;
  void *value;
};

struct htable {
  struct list_head *heads;
  unsigned int size;
};

int corpus_hashtable_run(struct corpus_ctx *ctx) {
  struct htable h = {.size = 16};
  h.heads = kmalloc_array(h.size, sizeof(*h.heads), GFP_KERNEL);
  CORPUS_CHECK(ctx, h.heads);
  for (unsigned int i = 0; i < h.size; ++i)
    INIT_LIST_HEAD(&h.heads[i]);
  for (unsigned long k = 0; k < 64; ++k) {
    struct hnode *n = kmalloc(sizeof(*n), GFP_KERNEL);
    CORPUS_CHECK(ctx, n);
    n->key = k;
    n->value = &h;
    list_add(&n->chain, &h.heads[k % h.size]);
  }
  unsigned long sum = 0;
  for (unsigned int i = 0; i < h.size; ++i) {
    struct list_head *pos, *tmp;
    list_for_each_safe(pos, tmp, &h.heads[i]) {
      struct hnode *n = list_entry(pos, struct hnode, chain);
      sum += n->key;
      list_del(pos);
      kfree(n);
    }
  }
  CORPUS_CHECK(ctx, sum == 2016);
  corpus_expect(ctx, h.heads, "struct list_head");
  kfree(h.heads);
  return 0;
}
