/* Corpus: an ID allocator's radix node with a fixed slot array. */
#include "corpus.h"

#define IDR_SLOTS 64

struct idr_layer {
  unsigned long bitmap;
  void *slots[IDR_SLOTS];
  int count;
};

int corpus_idr_run(struct corpus_ctx *ctx) {
  struct idr_layer *l = kzalloc(sizeof(*l), GFP_KERNEL);
  CORPUS_CHECK(ctx, l);
  for (int i = 0; i < 10; ++i) {
    l->slots[i] = l;
    l->bitmap |= 1ul << i;
    l->count++;
  }
  CORPUS_CHECK(ctx, l->count == 10 && l->bitmap == 0x3ff);
  corpus_expect(ctx, l, "struct idr_layer");
  corpus_hold(ctx, l);
  return 0;
}
