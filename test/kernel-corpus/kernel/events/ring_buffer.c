/* Corpus: a perf ring buffer: offsetof(header, pages) + n * sizeof(elem),
 * the flexible struct (clang 22 types it as the element). */
#include "corpus.h"

struct perf_buffer {
  int nr_pages;
  long watermark;
  void *user_page;
  void *data_pages[];
};

int corpus_ring_buffer_run(struct corpus_ctx *ctx) {
  int nr = 8;
  struct perf_buffer *rb =
      kzalloc(offsetof(struct perf_buffer, data_pages) + nr * sizeof(void *),
              GFP_KERNEL);
  CORPUS_CHECK(ctx, rb);
  rb->nr_pages = nr;
  for (int i = 0; i < nr; ++i)
    rb->data_pages[i] = rb;
  CORPUS_CHECK(ctx, rb->data_pages[7] == rb);
  corpus_expect(ctx, rb, "struct perf_buffer");
  kfree(rb);
  return 0;
}
