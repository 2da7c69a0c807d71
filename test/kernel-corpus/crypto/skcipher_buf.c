/* Corpus: cipher key and IV buffers: byte buffers, freed with
 * kfree_sensitive(). */
#include "corpus.h"
#include <linux/string.h>

struct skcipher_ctx {
  u8 *key;
  unsigned int keylen;
  u8 iv[16];
};

int corpus_skcipher_buf_run(struct corpus_ctx *ctx) {
  struct skcipher_ctx *c = kzalloc(sizeof(*c), GFP_KERNEL);
  CORPUS_CHECK(ctx, c);
  c->keylen = 32;
  c->key = kmalloc(c->keylen, GFP_KERNEL);
  CORPUS_CHECK(ctx, c->key);
  for (unsigned int i = 0; i < c->keylen; ++i)
    c->key[i] = (u8)(i * 7);
  CORPUS_CHECK(ctx, c->key[31] == (u8)217);
  corpus_expect(ctx, c, "struct skcipher_ctx");
  kfree_sensitive(c->key);
  kfree_sensitive(c);
  return 0;
}
