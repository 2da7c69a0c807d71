/*===- runtime/modes.c - From a token to a cache --------------------------===*
 *
 *   none         shared size classes, "kmalloc-<size>"
 *   random       16 copies chosen by call site, "kmalloc-rnd-NN-<size>"
 *   partitioned  token mod N with pointer types in the upper half (clang 22
 *                + KMALLOC_PARTITION_TYPED), "kmalloc-part-NN-<size>";
 *                token 0 uses the plain row
 *   isolated     one cache per type, found through the descriptor's cache
 *                slot in O(1); variable sizes of a type go to the type's
 *                size buckets "<type>[<size>]"; untyped allocations use
 *                "kmalloc-untyped-<size>", apart from every typed cache.
 *                Hash tokens (no descriptor) find their type in a table.
 * An existing cache is found without the lock (acquire loads of the slots,
 * which are published with release stores); creating one, and the hash
 * table, take ts.lock.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#define TS_RANDOM_COPIES 16u
#define TS_MAX_PARTITIONS 256u

/* Per-type caches in isolated mode. */
struct ts_type {
  typeslab_token_t key;
  const char *name;
  uint32_t fixed_size; /* the type's own size, 0 when unknown            */
  uint32_t align;
  /* Requests of a size s with s & fixed_mask == 0 need more alignment than
   * the exact cache's slots have (2 * the largest power of two dividing
   * its object size, minus 1); they go to the size-class buckets. */
  uint32_t fixed_mask;
  struct ts_cache *fixed;
  struct ts_cache *bucket[TS_NCLASSES];
  char namebuf[48];
};

/* Every cache slot (the rows, a type's exact cache and buckets) holds
 * NoCache until its cache exists: the fast path reads NoCache's id, which
 * no heap has room for, and declines without a NULL test. */
static struct ts_cache NoCache = {.id = UINT32_MAX};

#define NO_ROW {[0 ... TS_NCLASSES - 1] = &NoCache}
static struct ts_cache *Plain[TS_NCLASSES] = NO_ROW;
static struct ts_cache *Untyped[TS_NCLASSES] = NO_ROW;
static struct ts_cache *Random[TS_RANDOM_COPIES][TS_NCLASSES] = {
    [0 ... TS_RANDOM_COPIES - 1] = NO_ROW};
static struct ts_cache *Part[TS_MAX_PARTITIONS][TS_NCLASSES] = {
    [0 ... TS_MAX_PARTITIONS - 1] = NO_ROW};

extern const struct typeslab_type __start_typeslab_types[]
    __attribute__((weak, visibility("hidden")));
extern const struct typeslab_type __stop_typeslab_types[]
    __attribute__((weak, visibility("hidden")));

/* The descriptor section's size in 8-byte words, set at init (0 before,
 * and without descriptors). */
static uint64_t DescWords;

static void no_caches(struct ts_cache **slots, size_t n) {
  for (size_t i = 0; i < n; ++i)
    slots[i] = &NoCache;
}

void ts_modes_init(void) {
  DescWords = ((uintptr_t)__stop_typeslab_types -
               (uintptr_t)__start_typeslab_types) >> 3;
}

/* The descriptor a token names, or NULL for hash tokens. */
static struct typeslab_type *as_descriptor(typeslab_token_t t) {
  /* t in the section and 8-aligned in one unsigned test: rotated right by
   * 3, a misaligned offset has its low bits on top. The magic, read at an
   * aligned address in the section, tells a descriptor's start from
   * anything else. */
  uint64_t off = t - (uintptr_t)__start_typeslab_types;
  if (((off >> 3) | (off << 61)) >= DescWords)
    return NULL;
  struct typeslab_type *d = (struct typeslab_type *)(uintptr_t)t;
  return d->magic == TYPESLAB_DESC_MAGIC ? d : NULL;
}

/* The cache of slot, created (ts.lock held) if it is still NoCache. */
static struct ts_cache *ensure(struct ts_cache **slot, const char *name,
                               uint32_t size, uint32_t align, bool typed) {
  if (*slot != &NoCache)
    return *slot;
  struct ts_cache *c = ts_cache_new(name, size, align);
  if (!c)
    return NULL;
  c->one_type = typed; /* a type's own cache: all its objects carry the
                          type's one token */
  __atomic_store_n(slot, c, __ATOMIC_RELEASE);
  return c;
}

static struct ts_cache *row_cache(struct ts_cache **slot, const char *fmt,
                                  unsigned row, unsigned cls) {
  if (ts_likely(*slot != &NoCache))
    return *slot;
  char name[64];
  if (row == ~0u)
    snprintf(name, sizeof name, fmt, ts_class_size(cls));
  else
    snprintf(name, sizeof name, fmt, row, ts_class_size(cls));
  return ensure(slot, name, ts_class_size(cls), TS_MIN_ALIGN, false);
}

static inline struct ts_cache *peek(struct ts_cache *const *slot) {
  return __atomic_load_n(slot, __ATOMIC_ACQUIRE);
}

/* Hash tokens in isolated mode: open addressing, grown by doubling. */
static struct ts_type **HashTypes;
static size_t HashCap, HashUsed;

static struct ts_type *new_type(typeslab_token_t key) {
  struct ts_type *t = ts_meta_alloc(sizeof *t);
  if (t) {
    t->key = key;
    t->fixed = &NoCache;
    no_caches(t->bucket, TS_NCLASSES);
  }
  return t;
}

static struct ts_type *hash_type(typeslab_token_t key) {
  if ((HashUsed + 1) * 2 >= HashCap) {
    size_t ncap = HashCap ? HashCap * 2 : 256;
    struct ts_type **nt = ts_meta_alloc(ncap * sizeof *nt);
    if (!nt)
      return NULL;
    for (size_t i = 0; i < HashCap; ++i)
      if (HashTypes[i]) {
        size_t j = (HashTypes[i]->key * 0x9e3779b97f4a7c15ull) & (ncap - 1);
        while (nt[j])
          j = (j + 1) & (ncap - 1);
        nt[j] = HashTypes[i];
      }
    HashTypes = nt; /* the old table is metadata: never reused */
    HashCap = ncap;
  }
  size_t i = (key * 0x9e3779b97f4a7c15ull) & (HashCap - 1);
  for (; HashTypes[i]; i = (i + 1) & (HashCap - 1))
    if (HashTypes[i]->key == key)
      return HashTypes[i];
  struct ts_type *t = new_type(key);
  if (!t)
    return NULL;
  snprintf(t->namebuf, sizeof t->namebuf, "type-%#llx",
           (unsigned long long)key);
  t->name = t->namebuf;
  HashTypes[i] = t;
  HashUsed++;
  return t;
}

static struct ts_type *type_of(typeslab_token_t token) {
  struct typeslab_type *d = as_descriptor(token);
  if (!d)
    return hash_type(token);
  struct ts_type *t = __atomic_load_n((struct ts_type **)&d->cache,
                                      __ATOMIC_ACQUIRE);
  if (ts_likely(t))
    return t;
  t = new_type(token);
  if (!t)
    return NULL;
  t->name = d->name;
  if (d->size && d->size <= TS_MAX_SMALL) {
    t->fixed_size = (uint32_t)d->size;
    t->align = d->align;
    uint32_t a = t->align > TS_MIN_ALIGN ? t->align : TS_MIN_ALIGN;
    uint32_t objsize = (t->fixed_size + a - 1) & ~(a - 1);
    t->fixed_mask = 2 * (uint32_t)ts_natural_align(objsize) - 1;
  }
  __atomic_store_n((struct ts_type **)&d->cache, t, __ATOMIC_RELEASE);
  return t;
}

/* Whether a request goes to the type's exact cache: it fits, needs no
 * more than the default alignment, and its natural alignment holds there. */
static inline bool fits_fixed(const struct ts_type *t, size_t size,
                              bool pow2) {
  return !pow2 && size <= t->fixed_size && (size & t->fixed_mask);
}

static unsigned partition_of(typeslab_token_t token) {
  unsigned n = ts.partitions;
  struct typeslab_type *d = as_descriptor(token);
  uint64_t p = d ? typeslab_hash_token(d->hash, d->flags &
                                                    TYPESLAB_F_HAS_POINTER,
                                       n)
                 : token % n;
  return p ? (unsigned)p : 1;
}


static unsigned random_row(const void *caller) {
  uint64_t h = (uint64_t)(uintptr_t)caller * 0x9e3779b97f4a7c15ull;
  return (unsigned)(h >> 60) % TS_RANDOM_COPIES;
}

/* The cache when it exists and needs no table lookup; else NoCache. The
 * two modes of the speed targets come first, isolated (the longer
 * lookup) before none; a type's exact cache needs no size class. Called after init (the class
 * table) with 1 <= size <= TS_MAX_SMALL; size includes extra, the bytes
 * for a canary (ts_extra(), 0 on the fast path). */
static struct ts_cache *pick_fast(size_t size, typeslab_token_t token,
                                  const void *caller, bool pow2,
                                  size_t extra) {
  enum typeslab_mode mode = ts.mode;
  unsigned cls;
  if (ts_likely(mode == TYPESLAB_MODE_ISOLATED)) {
    /* Token 0 is no descriptor either: one test for both on the way. */
    struct typeslab_type *d = as_descriptor(token);
    if (ts_unlikely(!d))
      return token ? &NoCache : peek(&Untyped[ts_class_of_small(size)]);
    struct ts_type *t =
        __atomic_load_n((struct ts_type **)&d->cache, __ATOMIC_ACQUIRE);
    if (ts_unlikely(!t))
      return &NoCache;
    /* The common request is the type's own size, which always fits (its
     * slots are aligned to at least its natural alignment): one compare. */
    if (ts_likely(size - extra == t->fixed_size && !pow2) ||
        fits_fixed(t, size - extra, pow2))
      return peek(&t->fixed);
    return peek(&t->bucket[ts_class_of_small(size)]);
  }
  cls = ts_class_of_small(size);
  if (ts_likely(mode == TYPESLAB_MODE_NONE))
    return peek(&Plain[cls]);
  if (mode == TYPESLAB_MODE_RANDOM)
    return peek(&Random[random_row(caller)][cls]);
  /* Partitioned; token 0 stays in the plain row. */
  return peek(token ? &Part[partition_of(token)][cls] : &Plain[cls]);
}

struct ts_cache *ts_pick_fast(size_t size, typeslab_token_t token,
                              const void *caller) {
  return pick_fast(size, token, caller, false, 0);
}

static ts_slow struct ts_cache *pick_locked(unsigned cls, size_t size,
                                            typeslab_token_t token,
                                            const void *caller, bool pow2);

struct ts_cache *ts_pick_cache(size_t size, typeslab_token_t token,
                               const void *caller, bool pow2) {
  struct ts_cache *c = pick_fast(size, token, caller, pow2, ts_extra());
  if (ts_likely(c != &NoCache))
    return c;
  unsigned cls = ts_class_index(size);
  pthread_mutex_lock(&ts.lock);
  c = pick_locked(cls, size, token, caller, pow2);
  pthread_mutex_unlock(&ts.lock);
  return c;
}

static ts_slow struct ts_cache *pick_locked(unsigned cls, size_t size,
                                            typeslab_token_t token,
                                            const void *caller, bool pow2) {
  switch (ts.mode) {
  case TYPESLAB_MODE_NONE:
    break;
  case TYPESLAB_MODE_RANDOM: {
    unsigned row = random_row(caller);
    return row_cache(&Random[row][cls], "kmalloc-rnd-%02u-%u", row, cls);
  }
  case TYPESLAB_MODE_PARTITIONED:
    if (!token)
      break;
    {
      unsigned row = partition_of(token);
      return row_cache(&Part[row][cls], "kmalloc-part-%02u-%u", row, cls);
    }
  case TYPESLAB_MODE_ISOLATED: {
    if (!token)
      return row_cache(&Untyped[cls], "kmalloc-untyped-%u", ~0u, cls);
    struct ts_type *t = type_of(token);
    if (!t)
      return NULL;
    /* A type's own cache has room for the canary (or red zone) too. */
    if (fits_fixed(t, size - ts_extra(), pow2))
      return ensure(&t->fixed, t->name, t->fixed_size + (uint32_t)ts_extra(),
                    t->align, true);
    char name[96];
    snprintf(name, sizeof name, "%s[%u]", t->name, ts_class_size(cls));
    return ensure(&t->bucket[cls], name, ts_class_size(cls), TS_MIN_ALIGN,
                  true);
  }
  }
  return row_cache(&Plain[cls], "kmalloc-%u", ~0u, cls);
}
