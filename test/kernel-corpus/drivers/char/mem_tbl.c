/* Corpus: a character device copying a constant table with kmemdup(). */
#include "corpus.h"

struct mem_range {
  unsigned long start, end;
  const char *label;
};

static const struct mem_range default_ranges[] = {
    {0x0, 0x9ffff, "low"},
    {0x100000, 0x7fffffff, "ram"},
    {0xfed00000, 0xfed003ff, "hpet"},
};

int corpus_mem_tbl_run(struct corpus_ctx *ctx) {
  struct mem_range *r =
      kmemdup(default_ranges, sizeof(default_ranges), GFP_KERNEL);
  CORPUS_CHECK(ctx, r && r[2].start == 0xfed00000);
  r[1].end = 0x3fffffff;
  CORPUS_CHECK(ctx, default_ranges[1].end == 0x7fffffff);
  corpus_expect(ctx, r, "struct mem_range");
  kfree(r);
  return 0;
}
