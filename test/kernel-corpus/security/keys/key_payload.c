/* Corpus: a key payload: header plus data via size_add(sizeof(hdr), len). */
#include "corpus.h"
#include <linux/string.h>

struct user_key_payload {
  void *rcu;
  unsigned short datalen;
  char data[];
};

int corpus_key_payload_run(struct corpus_ctx *ctx) {
  const char *secret = "correct horse battery staple";
  size_t len = strlen(secret) + 1;
  struct user_key_payload *up =
      kmalloc(size_add(sizeof(struct user_key_payload), len), GFP_KERNEL);
  CORPUS_CHECK(ctx, up);
  up->datalen = (unsigned short)len;
  memcpy(up->data, secret, len);
  CORPUS_CHECK(ctx, !strcmp(up->data, secret));
  corpus_expect(ctx, up, "struct user_key_payload");
  kfree_sensitive(up);
  return 0;
}
