/* Runs every corpus file and reports; with --check-isolation it also checks,
 * through the runtime's introspection, that typed objects sit in their
 * type's cache and that same-named, differently laid out types are apart.
 *
 * In every mode, --check-isolation also counts how many pairs of distinct
 * types had sampled objects in one slab during the run (a slab is carved
 * for one cache once, so this is memory that two types can reuse).
 * A type here is the ground truth the corpus names in corpus_expect(), with
 * each driver's 'struct priv' layout a type of its own; it does not depend
 * on tokens, so it also sees types that share a token (hash collisions). */
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

/* Every object named by corpus_expect(): its type and its slab. */
struct sample {
  char type[64];
  const void *slab;
};
static struct sample samples[256];
static int nsamples;

static void take_sample(const void *obj, const char *type, const char *driver) {
  if (!check_isolation || nsamples == 256)
    return;
  struct sample *s = &samples[nsamples++];
  if (driver)
    snprintf(s->type, sizeof s->type, "%s@%s", type, driver);
  else
    snprintf(s->type, sizeof s->type, "%s", type);
  s->slab = typeslab_slab_of(obj);
}

/* Pairs of distinct sampled types with objects in one slab; *ntypes gets
 * the number of distinct types. (Caches are not compared: the runtime shows
 * only their names, and same-named types have same-named, distinct caches.)
 * Large objects have no slab and share with nothing. */
static int type_pairs_sharing_slab(int *ntypes) {
  static int first[256]; /* per sample: index of its type's first sample */
  int types = 0, pairs = 0;
  for (int i = 0; i < nsamples; ++i) {
    first[i] = i;
    for (int j = 0; j < i; ++j)
      if (!strcmp(samples[i].type, samples[j].type)) {
        first[i] = first[j];
        break;
      }
    types += first[i] == i;
  }
  for (int a = 0; a < nsamples; ++a)
    for (int b = a + 1; b < nsamples; ++b) {
      if (first[a] != a || first[b] != b)
        continue; /* visit each pair of types once, through first samples */
      int shared = 0;
      for (int i = 0; i < nsamples && !shared; ++i)
        for (int j = 0; j < nsamples && !shared; ++j) {
          if (first[i] != a || first[j] != b)
            continue;
          shared = samples[i].slab && samples[i].slab == samples[j].slab;
        }
      pairs += shared;
    }
  *ntypes = types;
  return pairs;
}

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

static void expect_cache(const void *obj, const char *type) {
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

void corpus_expect(struct corpus_ctx *ctx, const void *obj, const char *type) {
  (void)ctx;
  take_sample(obj, type, NULL);
  expect_cache(obj, type);
}

void corpus_expect_priv(struct corpus_ctx *ctx, const void *obj,
                        const char *driver) {
  (void)ctx;
  take_sample(obj, "struct priv", driver);
  expect_cache(obj, "struct priv");
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
    int ntypes, by_slab = type_pairs_sharing_slab(&ntypes);
    printf("isolation: type pairs sharing a slab: %d\n", by_slab);
    printf("isolation: %d sampled objects of %d types (%d pairs)\n", nsamples,
           ntypes, ntypes * (ntypes - 1) / 2);
    printf("isolation: token pairs sharing a slab (runtime): %zu\n",
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
      if (iso_failures || !distinct || nprivs < 3 || by_slab ||
          typeslab_check_isolation())
        failed++;
    }
  }
  for (int i = 0; i < nheld; ++i)
    kfree(held[i]);
  devres_release_all(&dev);
  return failed ? 1 : 0;
}
