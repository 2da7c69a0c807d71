/* Corpus: network block device requests: a header followed by payload,
 * sized len + sizeof(struct nbd_request). */
#include "corpus.h"
#include <linux/string.h>

struct nbd_request {
  __be32 magic;
  __be32 type;
  u64 handle;
  u64 from;
  __be32 len;
};

int corpus_nbd_req_run(struct corpus_ctx *ctx) {
  size_t len = 700;
  struct nbd_request *req = kmalloc(len + sizeof(struct nbd_request), GFP_KERNEL);
  CORPUS_CHECK(ctx, req);
  req->magic = 0x25609513;
  req->len = (__be32)len;
  u8 *payload = (u8 *)(req + 1);
  memset(payload, 0xab, len);
  CORPUS_CHECK(ctx, payload[len - 1] == 0xab && req->magic == 0x25609513);
  corpus_expect(ctx, req, "struct nbd_request");
  kfree(req);
  return 0;
}
