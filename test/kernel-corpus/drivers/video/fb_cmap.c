/* Corpus: colour maps allocated cache-line aligned, ALIGN(sizeof(T), 64). */
#include "corpus.h"

struct fb_cmap_entry {
  u16 red, green, blue, transp;
  void *owner;
};

int corpus_fb_cmap_run(struct corpus_ctx *ctx) {
  struct fb_cmap_entry *e =
      kmalloc(ALIGN(sizeof(struct fb_cmap_entry), 64), GFP_KERNEL);
  CORPUS_CHECK(ctx, e && ksize(e) >= 64);
  e->red = 0xffff;
  e->owner = e;
  CORPUS_CHECK(ctx, e->owner == e && e->red == 0xffff);
  corpus_expect(ctx, e, "struct fb_cmap_entry");
  kfree(e);
  return 0;
}
