/* Corpus: a qdisc whose private area is one of two structs picked at run
 * time, c ? sizeof(A) : sizeof(B) (a size-bucket site, never guessed). */
#include "corpus.h"

struct fifo_sched_data {
  u32 limit;
};

struct pfifo_fast_priv {
  u32 bitmap;
  void *q[3];
};

static void *sink_qdisc;

int corpus_sch_fifo_run(struct corpus_ctx *ctx) {
  for (int fast = 0; fast < 2; ++fast) {
    sink_qdisc = kzalloc(fast ? sizeof(struct pfifo_fast_priv)
                              : sizeof(struct fifo_sched_data),
                         GFP_KERNEL);
    CORPUS_CHECK(ctx, sink_qdisc);
    CORPUS_CHECK(ctx, ksize(sink_qdisc) >= (fast ? 32u : 4u));
    kfree(sink_qdisc);
  }
  return 0;
}
