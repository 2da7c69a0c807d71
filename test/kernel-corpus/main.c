/* Runs every corpus file and reports; with --check-isolation it also checks,
 * through the runtime's introspection, that typed objects sit in their
 * type's cache and that same-named, differently laid out types are apart. */
#include "corpus.h"

#include <stdio.h>
#include <string.h>
#include <typeslab/runtime.h>

int mem_alloc_profiling_key;
static int check_isolation;
static int iso_checks, iso_failures;

struct priv_sample {
  const char *driver;
  typeslab_token_t token;
  const void *slab;
};
static struct priv_sample privs[8];
static int nprivs;
static void *held[4096];
static int nheld;

void corpus_fail(struct corpus_ctx *ctx, const char *file, int line,
                 const char *what) {
  ctx->failures++;
  printf("FAIL %s:%d: %s\n", file, line, what);
}

void corpus_hold(struct corpus_ctx *ctx, void *obj) {
  CORPUS_CHECK(ctx, nheld < 4096);
  if (nheld < 4096)
    held[nheld++] = obj;
}

void corpus_expect(struct corpus_ctx *ctx, const void *obj, const char *type) {
  (void)ctx;
  if (!check_isolation || typeslab_current_mode() != TYPESLAB_MODE_ISOLATED)
    return;
  const char *name = typeslab_cache_name_of(obj);
  size_t n = strlen(type);
  int ok = name && !strncmp(name, type, n) && (name[n] == 0 || name[n] == '[');
  iso_checks++;
  if (!ok) {
    iso_failures++;
    printf("isolation: FAIL object of '%s' is in cache '%s'\n", type,
           name ? name : "(none)");
  }
}

void corpus_expect_priv(struct corpus_ctx *ctx, const void *obj,
                        const char *driver) {
  corpus_expect(ctx, obj, "struct priv");
  if (nprivs < 8)
    privs[nprivs++] = (struct priv_sample){driver, typeslab_object_token(obj),
                                           typeslab_slab_of(obj)};
}

static const struct {
  const char *name;
  int (*run)(struct corpus_ctx *);
} entries[] = {
#define CORPUS_ENTRY(name) {#name, corpus_##name##_run},
#include "entries.def"
#undef CORPUS_ENTRY
};

int main(int argc, char **argv) {
  check_isolation = argc > 1 && !strcmp(argv[1], "--check-isolation");
  static struct device dev = {.init_name = "corpus0"};
  int passed = 0, failed = 0;
  for (size_t i = 0; i < sizeof entries / sizeof entries[0]; ++i) {
    struct corpus_ctx ctx = {.dev = &dev};
    int rc = entries[i].run(&ctx);
    if (rc || ctx.failures) {
      failed++;
      printf("corpus: %s FAILED (rc %d, %d of %d checks)\n", entries[i].name,
             rc, ctx.failures, ctx.checks);
    } else {
      passed++;
    }
  }
  printf("corpus: %d files passed, %d failed\n", passed, failed);
  if (check_isolation) {
    enum typeslab_mode mode = typeslab_current_mode();
    printf("isolation: mode %s\n", typeslab_mode_name(mode));
    printf("isolation: type pairs sharing a slab: %zu\n",
           typeslab_type_pairs_sharing_slab());
    if (mode == TYPESLAB_MODE_ISOLATED) {
      printf("isolation: %d objects checked, %d in a wrong cache\n",
             iso_checks, iso_failures);
      int distinct = 1;
      for (int a = 0; a < nprivs; ++a)
        for (int b = a + 1; b < nprivs; ++b)
          if (privs[a].token == privs[b].token ||
              privs[a].slab == privs[b].slab || !privs[a].token)
            distinct = 0;
      printf("isolation: %d same-name 'struct priv' layouts in %s caches\n",
             nprivs, distinct ? "distinct" : "SHARED");
      printf("isolation: slab violations: %zu\n", typeslab_check_isolation());
      if (iso_failures || !distinct || nprivs < 3 ||
          typeslab_check_isolation())
        failed++;
    }
  }
  for (int i = 0; i < nheld; ++i)
    kfree(held[i]);
  devres_release_all(&dev);
  return failed ? 1 : 0;
}
