/* Corpus: extended attributes: a value buffer from kvmalloc, and a
 * kmemdup() of the header struct. */
#include "corpus.h"
#include <linux/string.h>

struct xattr_header {
  u32 magic;
  u32 count;
  void *values;
};

int corpus_xattr_run(struct corpus_ctx *ctx) {
  struct xattr_header hdr = {0xea020000, 2, NULL};
  struct xattr_header *h = kmemdup(&hdr, sizeof(hdr), GFP_KERNEL);
  CORPUS_CHECK(ctx, h && h->count == 2);
  h->values = kvmalloc(20000, GFP_KERNEL);
  CORPUS_CHECK(ctx, h->values);
  memset(h->values, 'x', 20000);
  CORPUS_CHECK(ctx, ((char *)h->values)[19999] == 'x');
  corpus_expect(ctx, h, "struct xattr_header");
  kvfree(h->values);
  kfree(h);
  return 0;
}
