/* Corpus: a USB host controller. Its 'struct priv' differs from the
 * Ethernet driver's; ring segments form a list. */
#include "corpus.h"
#include <linux/list.h>

struct xhci_segment {
  struct list_head list;
  u64 dma;
  u32 trbs[64];
};

struct priv {
  long port_status[16];
  struct list_head segments;
  void *regs;
};

int corpus_xhci_ring_run(struct corpus_ctx *ctx) {
  struct priv *x = kzalloc(sizeof(struct priv), GFP_KERNEL);
  CORPUS_CHECK(ctx, x);
  INIT_LIST_HEAD(&x->segments);
  for (int i = 0; i < 4; ++i) {
    struct xhci_segment *seg = kzalloc(sizeof(*seg), GFP_KERNEL);
    CORPUS_CHECK(ctx, seg);
    seg->dma = 0x1000u * (unsigned)i;
    list_add_tail(&seg->list, &x->segments);
    corpus_expect(ctx, seg, "struct xhci_segment");
  }
  int n = 0;
  struct list_head *pos, *tmp;
  list_for_each_safe(pos, tmp, &x->segments) {
    struct xhci_segment *seg = list_entry(pos, struct xhci_segment, list);
    CORPUS_CHECK(ctx, seg->dma == 0x1000u * (unsigned)n);
    list_del(pos);
    kfree(seg);
    n++;
  }
  CORPUS_CHECK(ctx, n == 4 && list_empty(&x->segments));
  corpus_expect_priv(ctx, x, "xhci");
  corpus_hold(ctx, x);
  return 0;
}
