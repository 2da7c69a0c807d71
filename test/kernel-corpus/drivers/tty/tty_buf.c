/* Corpus: tty flip buffers: byte buffers sized at run time (typed as their
 * byte type, a data-only token, as clang 22 types them). */
#include "corpus.h"
#include <linux/string.h>

struct tty_buffer {
  struct tty_buffer *next;
  size_t used, size;
  u8 *chars;
  char *flags;
};

int corpus_tty_buf_run(struct corpus_ctx *ctx) {
  struct tty_buffer *b = kzalloc(sizeof(*b), GFP_KERNEL);
  CORPUS_CHECK(ctx, b);
  b->size = 512;
  b->chars = kmalloc(b->size, GFP_KERNEL);
  b->flags = kzalloc(b->size, GFP_KERNEL);
  CORPUS_CHECK(ctx, b->chars && b->flags && b->flags[511] == 0);
  memcpy(b->chars, "hello tty", 10);
  b->used = 10;
  CORPUS_CHECK(ctx, !strcmp((char *)b->chars, "hello tty"));
  corpus_expect(ctx, b, "struct tty_buffer");
  kfree(b->chars);
  kfree(b->flags);
  kfree(b);
  return 0;
}
