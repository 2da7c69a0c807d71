/* Corpus: string helpers: kstrdup and a kmemdup of a char array. */
#include "corpus.h"
#include <linux/string.h>

int corpus_string_helpers_run(struct corpus_ctx *ctx) {
  char *s = kstrdup("eth0", GFP_KERNEL);
  char label[16] = "wlan0-monitor";
  char *l = kmemdup(label, sizeof(label), GFP_KERNEL);
  CORPUS_CHECK(ctx, s && l && !strcmp(s, "eth0") && !strcmp(l, label));
  kfree(s);
  kfree(l);
  return 0;
}
