/* Corpus: a scatter-gather table sized with array_size(). */
#include "corpus.h"

struct scatterlist {
  unsigned long page_link;
  unsigned int offset, length;
  u64 dma_address;
};

struct sg_table {
  struct scatterlist *sgl;
  unsigned int nents;
};

int corpus_sg_list_run(struct corpus_ctx *ctx) {
  struct sg_table t = {.nents = 33};
  t.sgl = kmalloc(array_size(t.nents, sizeof(struct scatterlist)), GFP_KERNEL);
  CORPUS_CHECK(ctx, t.sgl);
  for (unsigned int i = 0; i < t.nents; ++i)
    t.sgl[i] = (struct scatterlist){0, i * 512, 512, 0};
  CORPUS_CHECK(ctx, t.sgl[32].offset == 32 * 512);
  corpus_expect(ctx, t.sgl, "struct scatterlist");
  kfree(t.sgl);
  return 0;
}
