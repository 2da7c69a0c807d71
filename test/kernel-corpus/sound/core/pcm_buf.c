/* Corpus: PCM runtime with a DMA area from kvzalloc and per-period
 * positions. */
#include "corpus.h"

struct snd_pcm_runtime {
  unsigned int rate, channels;
  unsigned char *dma_area;
  size_t dma_bytes;
  long *period_pos;
};

int corpus_pcm_buf_run(struct corpus_ctx *ctx) {
  struct snd_pcm_runtime *rt = kzalloc(sizeof(*rt), GFP_KERNEL);
  CORPUS_CHECK(ctx, rt);
  rt->rate = 48000;
  rt->channels = 2;
  rt->dma_bytes = 64 * 1024;
  rt->dma_area = kvzalloc(rt->dma_bytes, GFP_KERNEL);
  rt->period_pos = kvcalloc(4, sizeof(long), GFP_KERNEL);
  CORPUS_CHECK(ctx, rt->dma_area && rt->period_pos && rt->dma_area[65535] == 0);
  corpus_expect(ctx, rt, "struct snd_pcm_runtime");
  corpus_expect(ctx, rt->period_pos, "long");
  kvfree(rt->dma_area);
  kvfree(rt->period_pos);
  kfree(rt);
  return 0;
}
