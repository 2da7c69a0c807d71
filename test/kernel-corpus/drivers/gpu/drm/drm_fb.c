/* Corpus: a DRM framebuffer driver; a third 'struct priv' layout, and a
 * large pixel buffer from kvzalloc. */
#include "corpus.h"

struct priv {
  u32 width, height, pitch;
  u32 *pixels;
  const char *name;
};

int corpus_drm_fb_run(struct corpus_ctx *ctx) {
  struct priv *fb;
  fb = kmalloc(sizeof(*fb), GFP_KERNEL);
  CORPUS_CHECK(ctx, fb);
  fb->width = 128;
  fb->height = 96;
  fb->pitch = fb->width * 4;
  fb->pixels = kvzalloc(array_size(fb->pitch, fb->height), GFP_KERNEL);
  CORPUS_CHECK(ctx, fb->pixels && fb->pixels[fb->width * fb->height - 1] == 0);
  fb->pixels[5] = 0xffffff;
  CORPUS_CHECK(ctx, ksize(fb->pixels) >= 128u * 96u * 4u);
  corpus_expect_priv(ctx, fb, "drm_fb");
  kvfree(fb->pixels);
  corpus_hold(ctx, fb);
  return 0;
}
