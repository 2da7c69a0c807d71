/* Corpus: an input event queue grown with krealloc_array(). */
#include "corpus.h"

struct input_event {
  s64 time;
  u16 type, code;
  s32 value;
};

struct evdev_client {
  struct input_event *buffer;
  unsigned int bufsize, head;
};

int corpus_evdev_run(struct corpus_ctx *ctx) {
  struct evdev_client *c = kzalloc(sizeof(*c), GFP_KERNEL);
  CORPUS_CHECK(ctx, c);
  for (unsigned int i = 0; i < 100; ++i) {
    if (c->head == c->bufsize) {
      unsigned int nsize = c->bufsize ? c->bufsize * 2 : 8;
      struct input_event *nb =
          krealloc_array(c->buffer, nsize, sizeof(*c->buffer), GFP_KERNEL);
      CORPUS_CHECK(ctx, nb);
      c->buffer = nb;
      c->bufsize = nsize;
    }
    c->buffer[c->head++] = (struct input_event){i, 1, (u16)i, (s32)i * 3};
  }
  CORPUS_CHECK(ctx, c->bufsize == 128 && c->buffer[99].value == 297);
  CORPUS_CHECK(ctx, c->buffer[0].code == 0 && c->buffer[50].code == 50);
  corpus_expect(ctx, c->buffer, "struct input_event");
  kfree(c->buffer);
  kfree(c);
  return 0;
}
