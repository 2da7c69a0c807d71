/* Corpus: a memory-mapped GPIO driver whose private state is a devm
 * allocation, sized by sizeof(*priv), with a devm array of line names. */
#include "corpus.h"

struct gpio_mmio_priv {
  void *reg_dat;
  void *reg_dir;
  unsigned long shadow;
  const char **names;
  unsigned int ngpio;
};

int corpus_gpio_mmio_run(struct corpus_ctx *ctx) {
  struct gpio_mmio_priv *priv = devm_kzalloc(ctx->dev, sizeof(*priv), GFP_KERNEL);
  CORPUS_CHECK(ctx, priv && priv->shadow == 0);
  if (!priv)
    return 1;
  priv->ngpio = 16;
  priv->names = devm_kcalloc(ctx->dev, priv->ngpio, sizeof(*priv->names),
                             GFP_KERNEL);
  CORPUS_CHECK(ctx, priv->names && priv->names[15] == NULL);
  for (unsigned int i = 0; priv->names && i < priv->ngpio; ++i)
    priv->names[i] = i % 2 ? "odd" : "even";
  priv->shadow = 0xa5a5;
  CORPUS_CHECK(ctx, priv->names[3][0] == 'o' && priv->shadow == 0xa5a5);
  corpus_expect(ctx, priv, "struct gpio_mmio_priv");
  corpus_expect(ctx, priv->names, "const char *");
  return 0;
}
