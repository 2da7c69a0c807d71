/* Corpus: I2C adapters, new-style kzalloc_obj() beside old-style kzalloc. */
#include "corpus.h"

struct i2c_algorithm {
  int (*xfer)(void *adap, int num);
};

struct i2c_adapter {
  const struct i2c_algorithm *algo;
  int nr;
  char name[48];
};

static int dummy_xfer(void *adap, int num) {
  (void)adap;
  return num;
}
static const struct i2c_algorithm algo = {dummy_xfer};

int corpus_i2c_core_run(struct corpus_ctx *ctx) {
  struct i2c_adapter *old = kzalloc(sizeof(struct i2c_adapter), GFP_KERNEL);
  struct i2c_adapter *adap = kzalloc_obj(*adap);
  CORPUS_CHECK(ctx, old && adap && adap->nr == 0 && adap->name[47] == 0);
  adap->algo = &algo;
  adap->nr = 1;
  CORPUS_CHECK(ctx, adap->algo->xfer(adap, 3) == 3);
  corpus_expect(ctx, adap, "struct i2c_adapter");
  corpus_expect(ctx, old, "struct i2c_adapter");
  kfree(old);
  kfree(adap);
  return 0;
}
