/* Corpus: the neighbour table: a power-of-two bucket array of entry
 * pointers, and the entries themselves. */
#include "corpus.h"

struct neighbour {
  struct neighbour *next;
  u32 key;
  u8 ha[6];
};

struct neigh_hash_table {
  struct neighbour **buckets;
  unsigned int shift;
};

int corpus_neighbour_run(struct corpus_ctx *ctx) {
  struct neigh_hash_table *t = kzalloc(sizeof(*t), GFP_KERNEL);
  CORPUS_CHECK(ctx, t);
  t->shift = 5;
  t->buckets = kcalloc(1u << t->shift, sizeof(struct neighbour *), GFP_KERNEL);
  CORPUS_CHECK(ctx, t->buckets);
  for (u32 k = 0; k < 100; ++k) {
    struct neighbour *n = kzalloc(sizeof(*n), GFP_KERNEL);
    CORPUS_CHECK(ctx, n);
    n->key = k;
    unsigned int b = (k * 2654435761u) >> (32 - t->shift);
    n->next = t->buckets[b];
    t->buckets[b] = n;
  }
  unsigned int count = 0;
  for (unsigned int b = 0; b < (1u << t->shift); ++b)
    while (t->buckets[b]) {
      struct neighbour *n = t->buckets[b];
      t->buckets[b] = n->next;
      if (count == 0)
        corpus_expect(ctx, n, "struct neighbour");
      kfree(n);
      count++;
    }
  CORPUS_CHECK(ctx, count == 100);
  corpus_expect(ctx, t->buckets, "struct neighbour *");
  kfree(t->buckets);
  kfree(t);
  return 0;
}
