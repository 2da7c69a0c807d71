/*===- runtime/kmem_cache.c - Explicit caches ------------------------------===*
 *
 * kmem_cache_create() makes a dedicated cache, apart from every kmalloc one.
 * The constructor runs on every allocation (SLUB runs it when a slab is
 * made; objects are expected back in constructed state, so this is a
 * stricter model). Freeing into the wrong cache is reported.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"
#include "typeslab/kernel.h"

#include <stdio.h>
#include <string.h>

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
                                     unsigned int align, unsigned int flags,
                                     void (*ctor)(void *)) {
  (void)flags;
  if (!size || size > TS_MAX_SMALL || (align & (align - 1)))
    return NULL;
  ts_ensure_init();
  pthread_mutex_lock(&ts.lock);
  struct ts_cache *c = ts_cache_new(name ? name : "kmem_cache", size, align);
  if (c) {
    c->user = true;
    c->ctor = ctor;
  }
  pthread_mutex_unlock(&ts.lock);
  return (struct kmem_cache *)c;
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags) {
  struct ts_cache *c = (struct ts_cache *)s;
  if (!__atomic_load_n(&ts.handed_out, __ATOMIC_RELAXED))
    ts_enable_fast_paths();
  void *p = ts_cache_alloc(c, c->objsize, 0);
  if (p && (flags & __GFP_ZERO))
    memset(p, 0, c->objsize);
  else if (p && c->ctor)
    c->ctor(p);
  return p;
}

void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t flags) {
  return kmem_cache_alloc(s, flags | __GFP_ZERO);
}

void kmem_cache_free(struct kmem_cache *s, void *p) {
  if (!p)
    return;
  struct ts_slab *slab = ts_slab_of(p);
  if (!slab)
    ts_report("invalid free", p, (struct ts_cache *)s);
  else
    ts_cache_free(slab, p, (struct ts_cache *)s);
}

void kmem_cache_destroy(struct kmem_cache *s) {
  struct ts_cache *c = (struct ts_cache *)s;
  if (!c)
    return;
  pthread_mutex_lock(&ts.lock);
  size_t active = ts_cache_active(c);
  pthread_mutex_unlock(&ts.lock);
  if (active) {
    char line[160];
    int n = snprintf(line, sizeof line,
                     "typeslab: kmem_cache_destroy '%s': %zu objects "
                     "remaining\n",
                     c->name, active);
    fputs(n > 0 ? line : "", stderr);
  }
  /* The cache and its slabs stay: their ranges are never reused. */
}
