/* Corpus: HID reports allocated at least 64 bytes, max(sizeof(T), 64). */
#include "corpus.h"

struct hid_report {
  unsigned int id, type;
  void *device;
};

int corpus_hid_report_run(struct corpus_ctx *ctx) {
  struct hid_report *r =
      kzalloc(max(sizeof(struct hid_report), (size_t)64), GFP_KERNEL);
  CORPUS_CHECK(ctx, r && ksize(r) >= 64);
  r->id = 3;
  r->type = 1;
  CORPUS_CHECK(ctx, r->id + r->type == 4 && r->device == NULL);
  corpus_expect(ctx, r, "struct hid_report");
  kfree(r);
  return 0;
}
