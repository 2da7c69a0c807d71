/* Corpus: SPI transfers allocated with kmalloc_objs() and kcalloc(). */
#include "corpus.h"

struct spi_transfer {
  const void *tx_buf;
  void *rx_buf;
  unsigned int len;
  u32 speed_hz;
};

int corpus_spi_xfer_run(struct corpus_ctx *ctx) {
  unsigned int n = 6;
  struct spi_transfer *t = kmalloc_objs(*t, n, GFP_KERNEL);
  struct spi_transfer *z = kcalloc(n, sizeof(*z), GFP_KERNEL);
  CORPUS_CHECK(ctx, t && z && z[5].len == 0);
  for (unsigned int i = 0; i < n; ++i) {
    t[i] = (struct spi_transfer){NULL, NULL, i * 4, 1000000};
    z[i].len = t[i].len;
  }
  CORPUS_CHECK(ctx, z[5].len == 20);
  corpus_expect(ctx, t, "struct spi_transfer");
  corpus_expect(ctx, z, "struct spi_transfer");
  kfree(t);
  kfree(z);
  return 0;
}
