/* Corpus: block-layer tag maps, one request pointer per tag. */
#include "corpus.h"

struct request {
  int tag;
  unsigned int cmd_flags;
  void *bio;
};

struct blk_mq_tags {
  unsigned int nr_tags;
  struct request **rqs;
};

int corpus_blk_mq_tags_run(struct corpus_ctx *ctx) {
  struct blk_mq_tags *tags = kzalloc_node(sizeof(*tags), GFP_KERNEL, 0);
  CORPUS_CHECK(ctx, tags);
  tags->nr_tags = 128;
  tags->rqs = kcalloc_node(tags->nr_tags, sizeof(struct request *), GFP_KERNEL, 0);
  CORPUS_CHECK(ctx, tags->rqs && tags->rqs[127] == NULL);
  struct request *rq = kzalloc(sizeof(*rq), GFP_NOWAIT);
  CORPUS_CHECK(ctx, rq);
  rq->tag = 5;
  tags->rqs[5] = rq;
  CORPUS_CHECK(ctx, tags->rqs[5]->tag == 5);
  corpus_expect(ctx, rq, "struct request");
  corpus_expect(ctx, tags, "struct blk_mq_tags");
  kfree(rq);
  kfree(tags->rqs);
  kfree(tags);
  return 0;
}
