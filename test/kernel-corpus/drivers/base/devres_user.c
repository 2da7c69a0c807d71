/* Corpus: a platform driver that leans on devres for every allocation. */
#include "corpus.h"

struct clk_lookup {
  const char *con_id;
  unsigned long rate;
};

struct pdrv_state {
  struct clk_lookup *clks;
  int *irqs;
  int nclks;
};

int corpus_devres_user_run(struct corpus_ctx *ctx) {
  struct pdrv_state *st = devm_kzalloc(ctx->dev, sizeof(*st), GFP_KERNEL);
  CORPUS_CHECK(ctx, st);
  st->nclks = 3;
  st->clks = devm_kcalloc(ctx->dev, st->nclks, sizeof(*st->clks), GFP_KERNEL);
  st->irqs = devm_kmalloc_array(ctx->dev, 8, sizeof(int), GFP_KERNEL);
  CORPUS_CHECK(ctx, st->clks && st->irqs && st->clks[2].rate == 0);
  st->clks[1].rate = 24000000;
  for (int i = 0; i < 8; ++i)
    st->irqs[i] = 32 + i;
  dev_set_drvdata(ctx->dev, st);
  CORPUS_CHECK(ctx, dev_get_drvdata(ctx->dev) == st && st->irqs[7] == 39);
  corpus_expect(ctx, st->clks, "struct clk_lookup");
  devm_kfree(ctx->dev, st->irqs);
  st->irqs = NULL;
  return 0;
}
