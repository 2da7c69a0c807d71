/*===- runtime/alloc.c - The core allocate / free / resize paths ----------===*/
#include "internal.h"

#include <string.h>

static size_t next_pow2(size_t x) {
  size_t p = TS_MIN_ALIGN;
  while (p < x)
    p <<= 1;
  return p;
}

/* Everything the fast path does not handle: first use, the hardened
 * profile, red zones, alignment, size 0, large objects, a cache or slab to
 * create or refill. */
static ts_slow void *alloc_slow(size_t size, size_t align,
                                typeslab_token_t token, bool zero,
                                const void *caller) {
  ts_ensure_init();
  if (ts_unlikely(size > TS_MAX_REQUEST))
    return NULL;
  if (ts_unlikely(!__atomic_load_n(&ts.handed_out, __ATOMIC_RELAXED)))
    ts_enable_fast_paths();
  if (!size && align <= TS_MIN_ALIGN) { /* malloc(0): no access at all */
    pthread_mutex_lock(&ts.lock);
    void *z = ts_zero_alloc(token);
    pthread_mutex_unlock(&ts.lock);
    return z;
  }
  size_t req = size ? size : 1;
  size_t eff = req;
  size_t extra = ts_extra();
  if (ts_unlikely(extra)) {
    /* The canary moves the object to a larger class, whose slots need
     * not keep the request's natural alignment: ask for it. */
    eff += extra;
    if (ts_natural_align(req) > align)
      align = ts_natural_align(req);
  }
  bool pow2 = align > TS_MIN_ALIGN;
  if (pow2)
    eff = next_pow2(eff > align ? eff : align);
  void *p;
  if (ts_unlikely(eff > TS_MAX_SMALL || align > 4096)) {
    size_t nat = ts_natural_align(req);
    if (nat > TS_LARGE_MAX_ALIGN)
      nat = TS_LARGE_MAX_ALIGN;
    pthread_mutex_lock(&ts.lock);
    p = ts_large_alloc(req, align > nat ? align : nat, token);
    pthread_mutex_unlock(&ts.lock);
    zero = false; /* fresh pages */
  } else {
    struct ts_cache *c = ts_pick_cache(eff, token, caller, pow2);
    p = c ? ts_cache_alloc(c, req, token) : NULL;
  }
  if (p && zero)
    memset(p, 0, req);
  return p;
}

/* No test of ts.fast here: until the fast paths are enabled, no heap lets
 * ts_cache_pop serve (see ts_enable_fast_paths). Zeroing is the caller's,
 * after the test for NULL, so that nothing is live across a call. */
void *ts_alloc_fast(size_t size, typeslab_token_t token,
                    const void *caller) {
  if (ts_unlikely(size - 1 >= TS_MAX_SMALL))
    return NULL;
  /* A cache not created yet is a placeholder with an id no heap serves. */
  return ts_cache_pop(ts_pick_fast(size, token, caller), token);
}

__attribute__((flatten)) void *ts_alloc(size_t size, size_t align,
                                        typeslab_token_t token, bool zero,
                                        const void *caller) {
  void *p;
  if (ts_likely(align <= TS_MIN_ALIGN) &&
      ts_likely((p = ts_alloc_fast(size, token, caller))))
    return zero ? memset(p, 0, size) : p;
  return alloc_slow(size, align, token, zero, caller);
}

/* Everything else: NULL (a no-op), the hardened profile, objects of other
 * threads, large and zero-size objects, and every invalid pointer, which
 * is reported: a wild one, an unaligned one, a freed one. (kfree's
 * ZERO_SIZE_PTR rule is kfree's own.) */
static ts_slow void free_slow(const void *p, struct ts_slab *s) {
  if (!p)
    return;
  ts_ensure_init();
  if (s) {
    ts_cache_free(s, (void *)p, NULL);
    return;
  }
  pthread_mutex_lock(&ts.lock);
  bool zero;
  bool in_zero = ts_zero_owns(p, &zero, NULL);
  const char *bad = in_zero ? ts_zero_free(p) : ts_large_free(p);
  if (bad)
    ts_report(bad, p,
              !strncmp(bad, "invalid free", 12) ? NULL
              : in_zero                         ? &ts_zero_cache
                                                : &ts_large_cache);
  pthread_mutex_unlock(&ts.lock);
}

/* The fast path: the owner frees a live object of one of its slabs. NULL,
 * which lies below the arena, falls through to the slow path. */
__attribute__((flatten)) void ts_free(const void *p, const char *what) {
  (void)what;
  size_t idx = ((uintptr_t)p - (uintptr_t)ts.arena) >> TS_SLAB_SHIFT;
  if (ts_unlikely(idx >= __atomic_load_n(&ts.fast_slabs, __ATOMIC_ACQUIRE)) ||
      ts_unlikely(!ts_free_fast(&ts.slabs[idx], (void *)p)))
    free_slow(p, ts_slab_of(p));
}

/* Usable size and token of a live object; false for anything else. */
static bool live(const void *p, size_t *usable, typeslab_token_t *token) {
  struct ts_slab *s = ts_slab_of(p);
  if (s) {
    bool exact;
    uint32_t slot = ts_slot_of(s, p, &exact);
    if (!exact || !ts_slot_live(s, slot))
      return false;
    if (usable)
      *usable = s->reqsize ? s->reqsize[slot] : s->objsize;
    if (token)
      *token = s->tokens ? __atomic_load_n(&s->tokens[slot], __ATOMIC_RELAXED)
                         : __atomic_load_n(&s->first, __ATOMIC_RELAXED);
    return true;
  }
  bool zero;
  if (ts_zero_owns(p, &zero, token)) {
    if (usable)
      *usable = 0;
    return zero;
  }
  return ts_large_lookup(p, usable, token);
}

/* Reports what as misuse of p (ts.lock held), naming the cache of p if it
 * is in a slab, a live large object or a zero-size one. */
static void report_at(const char *what, const void *p) {
  struct ts_slab *s = ts_slab_of(p);
  bool zero;
  ts_report(what, p,
            s                               ? s->cache
            : ts_large_lookup(p, NULL, NULL) ? &ts_large_cache
            : ts_zero_owns(p, &zero, NULL) && zero ? &ts_zero_cache
                                             : NULL);
}

size_t ts_usable_size(const void *p, const char *what) {
  ts_ensure_init();
  size_t n = 0;
  pthread_mutex_lock(&ts.lock);
  if (!live(p, &n, NULL)) {
    n = 0;
    if (what)
      report_at(what, p);
  }
  pthread_mutex_unlock(&ts.lock);
  return n;
}

/* Whether the canary after live object p is intact (ts.lock held). */
static bool canary_intact(const void *p) {
  struct ts_slab *s = ts_slab_of(p);
  if (!s)
    return ts_large_canary_intact(p);
  bool exact;
  return ts_canary_intact(s, p, ts_slot_of(s, p, &exact));
}

void ts_free_sized(const void *p, size_t size, size_t align,
                   const char *what) {
  if (!p)
    return;
  ts_ensure_init();
  size_t usable;
  pthread_mutex_lock(&ts.lock);
  /* Without a recorded request size (the fast profile's slabs), the size
   * must fit the slot. A pointer that is no live object is free's to
   * report. */
  struct ts_slab *s = ts_slab_of(p);
  bool exact_size = !s || s->reqsize;
  if (live(p, &usable, NULL) &&
      ((exact_size ? size != usable : size > usable) ||
       (align && ((uintptr_t)p & (align - 1)))))
    report_at(what, p);
  pthread_mutex_unlock(&ts.lock);
  ts_free(p, what);
}

typeslab_token_t ts_token_of(const void *p) {
  ts_ensure_init();
  typeslab_token_t t = 0;
  pthread_mutex_lock(&ts.lock);
  if (!live(p, NULL, &t))
    t = 0;
  pthread_mutex_unlock(&ts.lock);
  return t;
}

void *ts_realloc(void *p, size_t size, typeslab_token_t token, bool zero_new,
                 const void *caller, const char *what) {
  ts_ensure_init();
  size_t usable;
  typeslab_token_t old;
  pthread_mutex_lock(&ts.lock);
  bool ok = live(p, &usable, &old);
  if (!ok)
    report_at(what, p);
  else if (!canary_intact(p))
    report_at("out-of-bounds write", p);
  pthread_mutex_unlock(&ts.lock);
  if (!ok)
    return NULL;
  /* Shrinking, or growing within the object, keeps the pointer. */
  if (size <= usable)
    return p;
  /* The type travels with the object unless the caller names one. */
  void *n = ts_alloc(size, TS_MIN_ALIGN, token ? token : old, false, caller);
  if (!n)
    return NULL;
  memcpy(n, p, usable);
  if (zero_new)
    memset((char *)n + usable, 0, size - usable);
  ts_free(p, what);
  return n;
}
