/* Corpus: wireless scan results, a flexible array with __counted_by sized
 * by struct_size(). */
#include "corpus.h"

struct wl_bss {
  u8 bssid[6];
  s32 signal;
};

struct wl_scan_result {
  u32 flags;
  struct wl_scan_result *next;
  u32 n_bss;
  struct wl_bss bss[] __counted_by(n_bss);
};

int corpus_wl_scan_run(struct corpus_ctx *ctx) {
  struct wl_scan_result *res;
  size_t n = 12;
  res = kzalloc(struct_size(res, bss, n), GFP_KERNEL);
  CORPUS_CHECK(ctx, res);
  res->n_bss = (u32)n;
  for (size_t i = 0; i < n; ++i)
    res->bss[i].signal = -40 - (s32)i;
  CORPUS_CHECK(ctx, res->bss[11].signal == -51);
  corpus_expect(ctx, res, "struct wl_scan_result");
  kfree(res);
  return 0;
}
