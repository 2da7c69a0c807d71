/* The corpus harness: every file exposes int corpus_<name>_run(struct
 * corpus_ctx *), which allocates, uses and checks its objects. Objects
 * handed to corpus_hold() stay alive until main has inspected the heap;
 * corpus_expect() names the type an object must have, checked against the
 * runtime's caches when the corpus runs with --check-isolation. */
#ifndef CORPUS_H
#define CORPUS_H
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/slab.h>

struct corpus_ctx {
  struct device *dev;
  int checks;
  int failures;
};

void corpus_fail(struct corpus_ctx *ctx, const char *file, int line,
                 const char *what);
#define CORPUS_CHECK(ctx, e)                                                   \
  do {                                                                         \
    (ctx)->checks++;                                                           \
    if (!(e))                                                                  \
      corpus_fail(ctx, __FILE__, __LINE__, #e);                                \
  } while (0)

/* The object must live in the cache of TYPE (or one of its buckets). */
void corpus_expect(struct corpus_ctx *ctx, const void *obj, const char *type);
/* One of the same-named 'struct priv' objects, for the layout check. */
void corpus_expect_priv(struct corpus_ctx *ctx, const void *obj,
                        const char *driver);
/* Keeps obj alive until the end; main frees it with kfree. */
void corpus_hold(struct corpus_ctx *ctx, void *obj);

#define CORPUS_ENTRY(name) int corpus_##name##_run(struct corpus_ctx *ctx);
#include "entries.def"
#undef CORPUS_ENTRY
#endif
