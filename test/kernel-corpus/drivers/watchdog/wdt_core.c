/* Corpus: a watchdog driver: private state from kzalloc, its name from
 * kstrdup, and its timeout table copied with kmemdup. */
#include "corpus.h"
#include <linux/string.h>

struct wdt_priv {
  char *name;
  unsigned int *timeouts;
  unsigned int ntimeouts;
  void (*ping)(struct wdt_priv *wdt);
  unsigned long pings;
};

static const unsigned int default_timeouts[] = {1, 2, 4, 8, 16, 32, 64};

static void wdt_ping(struct wdt_priv *wdt) { wdt->pings++; }

int corpus_wdt_core_run(struct corpus_ctx *ctx) {
  struct wdt_priv *wdt = kzalloc(sizeof(*wdt), GFP_KERNEL);
  CORPUS_CHECK(ctx, wdt);
  if (!wdt)
    return 1;
  wdt->name = kstrdup("wdt0", GFP_KERNEL);
  wdt->timeouts = kmemdup(default_timeouts, sizeof(default_timeouts), GFP_KERNEL);
  wdt->ntimeouts = ARRAY_SIZE(default_timeouts);
  wdt->ping = wdt_ping;
  wdt->ping(wdt);
  wdt->ping(wdt);
  CORPUS_CHECK(ctx, wdt->name && !strcmp(wdt->name, "wdt0"));
  CORPUS_CHECK(ctx, wdt->timeouts && wdt->timeouts[6] == 64 && wdt->pings == 2);
  corpus_expect(ctx, wdt, "struct wdt_priv");
  kfree(wdt->timeouts);
  kfree(wdt->name);
  kfree(wdt);
  return 0;
}
