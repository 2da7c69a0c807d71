/*===- test/fuzz/shadow.c - The fuzzer's shadow model ---------------------===*
 *
 * Contents, overlap and slab-ownership checks for the runtime fuzzer; see
 * shadow.h. The slab table is an open-addressed map from slab base to its
 * first owner, never shrunk, so it also proves sequestering: a range once
 * given to one cache (or, in isolated mode, one type) never serves another.
 *
 *===----------------------------------------------------------------------===*/
#include "shadow.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void shadow_fail(const char *file, int line, const char *cond,
                 const char *fmt, ...) {
  fprintf(stderr, "typeslab-fuzz: %s:%d: invariant failed: %s: ", file, line,
          cond);
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  abort();
}

void shadow_fill(struct shadow_obj *o) {
  for (size_t i = 0; i < o->req; ++i)
    o->p[i] = fill_byte(o->seed, i);
}

void shadow_verify(const struct shadow_obj *o, size_t n, const char *when) {
  for (size_t i = 0; i < n; ++i)
    FUZZ_CHECK(o->p[i] == fill_byte(o->seed, i),
               "%s: byte %zu of %p (size %zu) changed", when, i,
               (void *)o->p, o->req);
}

void shadow_check_overlap(const struct shadow_obj *objs, size_t nobjs,
                          const struct shadow_obj *o) {
  uintptr_t a = (uintptr_t)o->p, ae = a + o->usable;
  for (size_t i = 0; i < nobjs; ++i) {
    const struct shadow_obj *q = &objs[i];
    if (!q->p || q == o)
      continue;
    uintptr_t b = (uintptr_t)q->p, be = b + q->usable;
    FUZZ_CHECK(ae <= b || be <= a, "%p+%zu overlaps live %p+%zu",
               (void *)o->p, o->usable, (void *)q->p, q->usable);
  }
}

struct slab_owner {
  const void *slab; /* NULL: empty entry */
  const void *cache;
  uint64_t type_key;
  unsigned ptr_classes;
};

#define SLAB_TABLE (1u << 20)
static struct slab_owner *Slabs;
static size_t NSlabs;

void shadow_slab_note(const void *slab, const void *cache, uint64_t type_key,
                      unsigned ptr_class, int per_type, int split_ptr) {
  if (!Slabs) {
    Slabs = calloc(SLAB_TABLE, sizeof *Slabs);
    FUZZ_CHECK(Slabs != NULL, "no memory for the slab table");
  }
  size_t i = ((uintptr_t)slab >> 16) * 0x9e3779b97f4a7c15ull % SLAB_TABLE;
  while (Slabs[i].slab && Slabs[i].slab != slab)
    i = (i + 1) % SLAB_TABLE;
  struct slab_owner *s = &Slabs[i];
  if (!s->slab) {
    FUZZ_CHECK(NSlabs + 1 < SLAB_TABLE / 2, "slab table full");
    *s = (struct slab_owner){slab, cache, type_key, 0};
    ++NSlabs;
  }
  FUZZ_CHECK(s->cache == cache,
             "slab %p moved from cache '%s' to cache '%s' (range reused)",
             slab, (const char *)s->cache, (const char *)cache);
  if (per_type)
    FUZZ_CHECK(s->type_key == type_key,
               "slab %p of cache '%s' holds type %#llx and type %#llx", slab,
               (const char *)cache, (unsigned long long)s->type_key,
               (unsigned long long)type_key);
  s->ptr_classes |= ptr_class;
  if (split_ptr)
    FUZZ_CHECK(s->ptr_classes != 3,
               "slab %p of cache '%s' holds pointer and data types", slab,
               (const char *)cache);
}

size_t shadow_slab_count(void) { return NSlabs; }
