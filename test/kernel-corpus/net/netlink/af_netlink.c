/* Corpus: netlink message buffers: runtime-sized and handed around as
 * 'void *' (untyped: runtime-size-no-type). */
#include "corpus.h"
#include <linux/string.h>

struct nlmsghdr {
  u32 nlmsg_len;
  u16 nlmsg_type, nlmsg_flags;
  u32 nlmsg_seq, nlmsg_pid;
};

static void *nl_pending;

int corpus_af_netlink_run(struct corpus_ctx *ctx) {
  size_t payload = 300;
  nl_pending = kmalloc(payload, GFP_KERNEL);
  CORPUS_CHECK(ctx, nl_pending);
  memset(nl_pending, 0, payload);
  struct nlmsghdr *h = kmalloc(sizeof(*h) + payload, GFP_KERNEL);
  CORPUS_CHECK(ctx, h);
  h->nlmsg_len = (u32)(sizeof(*h) + payload);
  memcpy(h + 1, nl_pending, payload);
  CORPUS_CHECK(ctx, h->nlmsg_len == 316);
  corpus_expect(ctx, h, "struct nlmsghdr");
  kfree(h);
  kfree(nl_pending);
  return 0;
}
