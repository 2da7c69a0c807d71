/* Corpus: per-destination TCP metrics, the plain sizeof(*p) idiom. */
#include "corpus.h"

struct tcp_metrics_block {
  struct tcp_metrics_block *next;
  u32 addr;
  u32 vals[8];
  unsigned long stamp;
};

int corpus_tcp_metrics_run(struct corpus_ctx *ctx) {
  struct tcp_metrics_block *head = NULL;
  for (u32 i = 0; i < 10; ++i) {
    struct tcp_metrics_block *tm = kmalloc(sizeof(*tm), GFP_ATOMIC);
    CORPUS_CHECK(ctx, tm);
    tm->addr = 0x0a000000u | i;
    tm->vals[0] = i * 10;
    tm->next = head;
    head = tm;
  }
  CORPUS_CHECK(ctx, head->vals[0] == 90);
  corpus_expect(ctx, head, "struct tcp_metrics_block");
  while (head) {
    struct tcp_metrics_block *n = head->next;
    kfree(head);
    head = n;
  }
  return 0;
}
