/* Corpus: a static helper that returns an allocation sized by its
 * parameter: each typed caller's type reaches the allocation. */
#include "corpus.h"

struct ratelimit_state {
  int interval, burst, printed;
  unsigned long begin;
};

struct rl_group {
  struct ratelimit_state *states;
  int n;
};

static void *rl_alloc(size_t size) { return kzalloc(size, GFP_KERNEL); }

int corpus_ratelimit_wrap_run(struct corpus_ctx *ctx) {
  struct ratelimit_state *rs = rl_alloc(sizeof(*rs));
  struct rl_group *g = rl_alloc(sizeof(struct rl_group));
  CORPUS_CHECK(ctx, rs && g && rs->burst == 0 && g->n == 0);
  rs->interval = 5;
  rs->burst = 10;
  g->states = rs;
  g->n = 1;
  CORPUS_CHECK(ctx, g->states->burst == 10);
  corpus_expect(ctx, rs, "struct ratelimit_state");
  corpus_expect(ctx, g, "struct rl_group");
  kfree(rs);
  kfree(g);
  return 0;
}
