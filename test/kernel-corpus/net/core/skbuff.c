/* Corpus: socket buffers: the sk_buff itself, and a data area of len plus
 * the shared info that trails it. */
#include "corpus.h"
#include <linux/string.h>

struct skb_shared_info {
  u8 nr_frags;
  u8 tx_flags;
  unsigned int gso_size;
  void *frag_list;
};

struct sk_buff {
  struct sk_buff *next, *prev;
  unsigned int len, truesize;
  unsigned char *head, *data;
};

static struct sk_buff *alloc_skb(unsigned int size) {
  struct sk_buff *skb = kzalloc(sizeof(*skb), GFP_ATOMIC);
  if (!skb)
    return NULL;
  skb->head = kmalloc(size + sizeof(struct skb_shared_info), GFP_ATOMIC);
  if (!skb->head) {
    kfree(skb);
    return NULL;
  }
  skb->data = skb->head;
  skb->truesize = size;
  return skb;
}

int corpus_skbuff_run(struct corpus_ctx *ctx) {
  struct sk_buff *skb = alloc_skb(1500);
  CORPUS_CHECK(ctx, skb);
  memset(skb->data, 0x45, 1500);
  skb->len = 1500;
  struct skb_shared_info *sh = (struct skb_shared_info *)(skb->head + 1500);
  sh->nr_frags = 0;
  CORPUS_CHECK(ctx, skb->data[1499] == 0x45 && sh->nr_frags == 0);
  corpus_expect(ctx, skb, "struct sk_buff");
  kfree(skb->head);
  kfree(skb);
  return 0;
}
