/* Corpus: an Ethernet driver. Its private state is 'struct priv' (one of
 * three same-named, differently laid out driver structs), with rx/tx rings
 * allocated as arrays. */
#include "corpus.h"

struct e1k_desc {
  u64 addr;
  u16 len;
  u16 flags;
  u32 status;
};

struct priv {
  int irq;
  struct e1k_desc *rx_ring;
  struct e1k_desc *tx_ring;
  unsigned int ring_size;
};

int corpus_e1k_main_run(struct corpus_ctx *ctx) {
  struct priv *p = kzalloc(sizeof(*p), GFP_KERNEL);
  CORPUS_CHECK(ctx, p && p->irq == 0);
  p->ring_size = 256;
  p->rx_ring = kcalloc(p->ring_size, sizeof(*p->rx_ring), GFP_KERNEL);
  p->tx_ring = kmalloc_array(p->ring_size, sizeof(struct e1k_desc), GFP_KERNEL);
  CORPUS_CHECK(ctx, p->rx_ring && p->tx_ring);
  for (unsigned int i = 0; i < p->ring_size; ++i) {
    CORPUS_CHECK(ctx, p->rx_ring[i].addr == 0);
    p->tx_ring[i].len = (u16)i;
  }
  CORPUS_CHECK(ctx, p->tx_ring[255].len == 255);
  corpus_expect_priv(ctx, p, "e1k");
  corpus_expect(ctx, p->rx_ring, "struct e1k_desc");
  kfree(p->rx_ring);
  kfree(p->tx_ring);
  corpus_hold(ctx, p);
  return 0;
}
