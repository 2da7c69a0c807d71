/*===- runtime/introspect.c - slabinfo and isolation checks ---------------===*/
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* One slabinfo row, copied under the lock and printed after it: printing
 * may allocate (a stdio buffer, through the malloc replacement), and
 * allocating takes the lock. */
struct slabinfo_row {
  const char *name; /* cache names live as long as the process */
  uint32_t objsize;
  size_t active, total, slabs;
};

void typeslab_slabinfo(FILE *out) {
  ts_ensure_init();
  pthread_mutex_lock(&ts.lock);
  enum typeslab_mode mode = ts.mode;
  size_t n = 0, large = ts_large_count();
  for (struct ts_cache *c = ts.caches; c; c = c->next)
    n += c->nslabs != 0;
  size_t bytes = (n ? n : 1) * sizeof(struct slabinfo_row);
  struct slabinfo_row *rows = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
                                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  size_t k = 0;
  for (struct ts_cache *c = ts.caches; c && rows != MAP_FAILED; c = c->next)
    if (c->nslabs)
      rows[k++] = (struct slabinfo_row){c->name, c->objsize,
                                        ts_cache_active(c), c->total,
                                        c->nslabs};
  pthread_mutex_unlock(&ts.lock);
  fprintf(out, "# typeslab slabinfo, mode %s\n", typeslab_mode_name(mode));
  fprintf(out, "# %-38s %8s %10s %10s %7s\n", "name", "objsize", "active",
          "total", "slabs");
  for (size_t i = 0; i < k; ++i)
    fprintf(out, "%-40s %8u %10zu %10zu %7zu\n", rows[i].name,
            rows[i].objsize, rows[i].active, rows[i].total, rows[i].slabs);
  if (rows == MAP_FAILED)
    fprintf(out, "# (no memory for the cache rows)\n");
  else
    munmap(rows, bytes);
  fprintf(out, "# large objects: %zu\n", large);
  fprintf(out, "# slabs returned to the OS: %zu\n", typeslab_released_slabs());
}

const char *typeslab_cache_name_of(const void *p) {
  ts_ensure_init();
  pthread_mutex_lock(&ts.lock);
  struct ts_slab *s = ts_slab_of(p);
  const char *n = s ? s->cache->name : NULL;
  pthread_mutex_unlock(&ts.lock);
  return n;
}

typeslab_token_t typeslab_object_token(const void *p) {
  return ts_token_of(p);
}

const void *typeslab_slab_of(const void *p) {
  ts_ensure_init();
  pthread_mutex_lock(&ts.lock);
  struct ts_slab *s = ts_slab_of(p);
  pthread_mutex_unlock(&ts.lock);
  return s ? s->base : NULL;
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

size_t typeslab_type_pairs_sharing_slab(void) {
  ts_ensure_init();
  pthread_mutex_lock(&ts.lock);
  /* Collect every pair (a < b) of distinct live tokens per slab, then count
   * the distinct pairs. Scratch memory is mapped and unmapped here. */
  size_t cap = 1u << 16, n = 0;
  uint64_t *pairs = mmap(NULL, cap * 2 * sizeof *pairs, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  uint64_t toks[64];
  for (size_t i = 0; i < ts.next_slab && pairs != MAP_FAILED; ++i) {
    struct ts_slab *s = &ts.slabs[i];
    if (!s->cache || !s->inuse)
      continue;
    size_t k = 0;
    for (uint32_t slot = 0; slot < s->nobj && k < 64; ++slot) {
      typeslab_token_t t = s->tokens ? s->tokens[slot] : s->first;
      if (!ts_slot_live(s, slot) || !t)
        continue;
      size_t j = 0;
      while (j < k && toks[j] != t)
        ++j;
      if (j == k)
        toks[k++] = t;
    }
    for (size_t a = 0; a < k; ++a)
      for (size_t b = a + 1; b < k && n < cap; ++b) {
        uint64_t x = toks[a] < toks[b] ? toks[a] : toks[b];
        uint64_t y = toks[a] < toks[b] ? toks[b] : toks[a];
        pairs[2 * n] = x;
        pairs[2 * n + 1] = y;
        ++n;
      }
  }
  size_t distinct = 0;
  if (pairs != MAP_FAILED) {
    qsort(pairs, n, 2 * sizeof *pairs, cmp_u64); /* by first, then... */
    /* qsort compared only the first word: sort runs of equal firsts. */
    for (size_t i = 0; i < n;) {
      size_t j = i;
      while (j < n && pairs[2 * j] == pairs[2 * i])
        ++j;
      uint64_t *seconds = mmap(NULL, (j - i) * sizeof *seconds,
                               PROT_READ | PROT_WRITE,
                               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (seconds != MAP_FAILED) {
        for (size_t t = i; t < j; ++t)
          seconds[t - i] = pairs[2 * t + 1];
        qsort(seconds, j - i, sizeof *seconds, cmp_u64);
        for (size_t t = 0; t < j - i; ++t)
          distinct += t == 0 || seconds[t] != seconds[t - 1];
        munmap(seconds, (j - i) * sizeof *seconds);
      }
      i = j;
    }
    munmap(pairs, cap * 2 * sizeof *pairs);
  }
  pthread_mutex_unlock(&ts.lock);
  return distinct;
}

size_t typeslab_check_isolation(void) {
  ts_ensure_init();
  pthread_mutex_lock(&ts.lock);
  size_t bad = 0;
  for (size_t i = 0; i < ts.next_slab; ++i) {
    struct ts_slab *s = &ts.slabs[i];
    /* A slab's cache is set once, when the range is first carved: a moved
     * range went to a second cache; a mixed slab has held objects of two
     * typed tokens. */
    if (s->cache && (s->mixed || s->moved))
      ++bad;
  }
  pthread_mutex_unlock(&ts.lock);
  return bad;
}
