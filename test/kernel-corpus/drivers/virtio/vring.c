/* Corpus: a virtqueue with its descriptors in a flexible tail sized by
 * size_add() and size_mul(), and a round_up() sized state block. */
#include "corpus.h"

struct vring_desc {
  u64 addr;
  u32 len;
  u16 flags, next;
};

struct vring_virtqueue {
  unsigned int num;
  void *vdev;
  struct vring_desc desc[];
};

struct vq_state {
  u16 last_used;
  void *data;
};

int corpus_vring_run(struct corpus_ctx *ctx) {
  unsigned int num = 64;
  struct vring_virtqueue *vq =
      kzalloc(size_add(sizeof(struct vring_virtqueue),
                       size_mul(num, sizeof(struct vring_desc))),
              GFP_KERNEL);
  CORPUS_CHECK(ctx, vq);
  vq->num = num;
  for (unsigned int i = 0; i < num; ++i)
    vq->desc[i].next = (u16)((i + 1) % num);
  CORPUS_CHECK(ctx, vq->desc[63].next == 0);
  struct vq_state *st = kzalloc(round_up(sizeof(struct vq_state), 32), GFP_KERNEL);
  CORPUS_CHECK(ctx, st && st->data == NULL);
  corpus_expect(ctx, vq, "struct vring_virtqueue");
  corpus_expect(ctx, st, "struct vq_state");
  kfree(st);
  kfree(vq);
  return 0;
}
