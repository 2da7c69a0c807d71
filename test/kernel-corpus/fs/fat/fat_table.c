/* Corpus: a FAT cluster chain grown with krealloc(), the size written as
 * n * sizeof(*chain). */
#include "corpus.h"

int corpus_fat_table_run(struct corpus_ctx *ctx) {
  u32 *chain = NULL;
  size_t n = 0;
  for (u32 c = 2; c < 300; c += 3) {
    u32 *nc = krealloc(chain, (n + 1) * sizeof(*chain), GFP_KERNEL);
    CORPUS_CHECK(ctx, nc);
    chain = nc;
    chain[n++] = c;
  }
  CORPUS_CHECK(ctx, n == 100 && chain[99] == 299 && chain[0] == 2);
  corpus_expect(ctx, chain, "unsigned int");
  kfree(chain);
  return 0;
}
