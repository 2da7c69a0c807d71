/* Corpus: NUMA-aware allocations: kmalloc_node, kzalloc_node,
 * kcalloc_node, kmalloc_array_node and kvmalloc_node. */
#include "corpus.h"

struct numa_stat {
  unsigned long hits, misses;
  int node;
};

int corpus_slab_user_run(struct corpus_ctx *ctx) {
  struct numa_stat *a = kmalloc_node(sizeof(*a), GFP_KERNEL, 0);
  struct numa_stat *b = kzalloc_node(sizeof(struct numa_stat), GFP_KERNEL, 1);
  struct numa_stat *c = kcalloc_node(4, sizeof(*c), GFP_KERNEL, 0);
  struct numa_stat *d = kmalloc_array_node(4, sizeof(*d), GFP_KERNEL, 1);
  struct numa_stat *e = kvmalloc_node(sizeof(*e), GFP_KERNEL, 0);
  CORPUS_CHECK(ctx, a && b && c && d && e && b->hits == 0 && c[3].node == 0);
  corpus_expect(ctx, a, "struct numa_stat");
  corpus_expect(ctx, c, "struct numa_stat");
  corpus_hold(ctx, e);
  kfree(a);
  kfree(b);
  kfree(c);
  kfree(d);
  return 0;
}
