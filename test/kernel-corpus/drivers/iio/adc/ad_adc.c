/* Corpus: an ADC driver whose private state ends in a __counted_by array of
 * channels, allocated with kzalloc_flex() and, for a second device, with an
 * open-coded struct_size(). */
#include "corpus.h"

struct ad_adc_chan {
  const char *label;
  int scale;
  int offset;
};

struct ad_adc_priv {
  void *spi;
  unsigned int vref_mv;
  unsigned int num_chans;
  struct ad_adc_chan chans[] __counted_by(num_chans);
};

int corpus_ad_adc_run(struct corpus_ctx *ctx) {
  struct ad_adc_priv *st = kzalloc_flex(*st, chans, 8);
  CORPUS_CHECK(ctx, st && st->num_chans == 8);
  if (!st)
    return 1;
  for (unsigned int i = 0; i < st->num_chans; ++i)
    st->chans[i] = (struct ad_adc_chan){"vin", 1000 + (int)i, 0};
  struct ad_adc_priv *st2;
  st2 = kzalloc(struct_size(st2, chans, 4), GFP_KERNEL);
  CORPUS_CHECK(ctx, st2);
  if (st2) {
    st2->num_chans = 4;
    st2->chans[3].scale = st->chans[7].scale;
  }
  CORPUS_CHECK(ctx, st2 && st2->chans[3].scale == 1007);
  corpus_expect(ctx, st, "struct ad_adc_priv");
  corpus_expect(ctx, st2, "struct ad_adc_priv");
  kfree(st2);
  kfree(st);
  return 0;
}
