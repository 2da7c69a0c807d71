/*===- runtime/slab.c - Caches and slabs ----------------------------------===*
 *
 * A slab is one 64 KiB span of the arena. Free objects are linked through
 * their first word, encoded as next ^ secret ^ bswap(address) in the manner
 * of SLAB_FREELIST_HARDENED, in a random order per slab. Allocation state,
 * the token and the requested size of every slot live out of line, so a
 * double free or an interior-pointer free is seen, not trusted.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

static const uint32_t Classes[TS_NCLASSES] = {
    16,  32,  48,   64,   96,   128,  192,  256,  384,
    512, 768, 1024, 1536, 2048, 3072, 4096, 6144, 8192};

unsigned ts_class_index(size_t size) {
  for (unsigned i = 0; i < TS_NCLASSES; ++i)
    if (size <= Classes[i])
      return i;
  return TS_NCLASSES;
}

uint32_t ts_class_size(unsigned index) { return Classes[index]; }

struct ts_cache *ts_cache_new(const char *name, uint32_t objsize,
                              uint32_t align) {
  struct ts_cache *c = ts_meta_alloc(sizeof *c);
  if (!c)
    return NULL;
  if (align < TS_MIN_ALIGN)
    align = TS_MIN_ALIGN;
  snprintf(c->name, sizeof c->name, "%s", name);
  c->align = align;
  c->objsize = (objsize + align - 1) & ~(align - 1);
  if (c->objsize < TS_MIN_ALIGN)
    c->objsize = TS_MIN_ALIGN;
  c->next = ts.caches;
  ts.caches = c;
  return c;
}

static inline void *encode(void *next, void *at) {
  return (void *)((uintptr_t)next ^ ts.secret ^
                  __builtin_bswap64((uint64_t)(uintptr_t)at));
}

/* Links every free slot of s, in a random order. */
static void build_freelist(struct ts_slab *s) {
  uint16_t order[TS_MAX_OBJS];
  for (uint32_t i = 0; i < s->nobj; ++i)
    order[i] = (uint16_t)i;
  for (uint32_t i = s->nobj - 1; i > 0; --i) {
    uint32_t j = (uint32_t)(ts_random() % (i + 1));
    uint16_t t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  void *next = NULL;
  for (uint32_t k = s->nobj; k-- > 0;) {
    uint32_t slot = order[k];
    if (s->bits[slot / 64] & (1ull << (slot % 64)))
      continue;
    void *obj = s->base + (size_t)slot * s->objsize;
    *(void **)obj = encode(next, obj);
    next = obj;
  }
  s->freelist = next;
}

static struct ts_slab *slab_new(struct ts_cache *c) {
  if (ts.next_slab >= TS_NSLABS)
    return NULL;
  size_t idx = ts.next_slab++;
  struct ts_slab *s = &ts.slabs[idx];
  s->base = ts.arena + idx * TS_SLAB_SIZE;
  if (mprotect(s->base, TS_SLAB_SIZE, PROT_READ | PROT_WRITE) != 0)
    return NULL;
  s->cache = c;
  s->objsize = c->objsize;
  s->nobj = (uint32_t)(TS_SLAB_SIZE / c->objsize);
  s->tokens = ts_meta_alloc(s->nobj * sizeof *s->tokens);
  s->reqsize = ts_meta_alloc(s->nobj * sizeof *s->reqsize);
  if (!s->tokens || !s->reqsize)
    return NULL;
  build_freelist(s);
  s->next = c->slabs;
  c->slabs = s;
  c->nslabs++;
  c->total += s->nobj;
  return s;
}

struct ts_slab *ts_slab_of(const void *p) {
  uintptr_t a = (uintptr_t)p, lo = (uintptr_t)ts.arena;
  if (a < lo || a >= lo + ts.next_slab * TS_SLAB_SIZE)
    return NULL;
  struct ts_slab *s = &ts.slabs[(a - lo) >> TS_SLAB_SHIFT];
  return s->cache ? s : NULL;
}

static bool has_room(const struct ts_slab *s) {
  return s->freelist || (s->released && s->inuse == 0);
}

void *ts_cache_alloc(struct ts_cache *c, size_t req, typeslab_token_t token) {
  struct ts_slab *s = c->partial;
  if (ts_unlikely(!s || !has_room(s))) {
    for (s = c->slabs; s && !has_room(s); s = s->next)
      ;
    if (!s && !(s = slab_new(c)))
      return NULL;
    c->partial = s;
  }
  if (s->inuse == 0) {
    if (s->released) {
      build_freelist(s); /* the pages came back zeroed */
      s->released = false;
    } else if (c->empty > 0) {
      c->empty--;
    }
  }
  void *obj = s->freelist;
  void *next = encode(*(void **)obj, obj);
  uintptr_t n = (uintptr_t)next;
  if (ts_unlikely(next && (n < (uintptr_t)s->base ||
                           n >= (uintptr_t)s->base + TS_SLAB_SIZE ||
                           (n - (uintptr_t)s->base) % s->objsize))) {
    ts_report("freelist corruption", obj, c);
    return NULL;
  }
  s->freelist = next;
  uint32_t slot = (uint32_t)(((char *)obj - s->base) / s->objsize);
  s->bits[slot / 64] |= 1ull << (slot % 64);
  s->tokens[slot] = token;
  s->reqsize[slot] = (uint32_t)req;
  s->inuse++;
  c->active++;
  if (token) {
    if (!s->first)
      s->first = token;
    else if (s->first != token)
      s->mixed = true;
  }
  *(void **)obj = NULL;
  if (ts.options & TYPESLAB_OPT_REDZONE)
    memset((char *)obj + req, TS_REDZONE_BYTE, s->objsize - req);
  return obj;
}

/* Poisoned objects wait here before reuse; a changed byte at eviction is a
 * write after free. */
#define TS_QUARANTINE 256u
static void *Quarantine[TS_QUARANTINE];
static unsigned QuarantineNext;

static void push_free(struct ts_slab *s, void *p) {
  *(void **)p = encode(s->freelist, p);
  s->freelist = p;
}

static void quarantine(struct ts_slab *s, void *p) {
  memset(p, TS_POISON_BYTE, s->objsize);
  void *old = Quarantine[QuarantineNext];
  Quarantine[QuarantineNext] = p;
  QuarantineNext = (QuarantineNext + 1) % TS_QUARANTINE;
  if (!old)
    return;
  struct ts_slab *os = ts_slab_of(old);
  for (uint32_t i = 0; i < os->objsize; ++i)
    if (((unsigned char *)old)[i] != TS_POISON_BYTE) {
      ts_report("write after free", old, os->cache);
      break;
    }
  push_free(os, old);
}

bool ts_cache_free(struct ts_slab *s, void *p, struct ts_cache *expect) {
  struct ts_cache *c = s->cache;
  if (ts_unlikely(expect && expect != c)) {
    ts_report("kmem_cache_free to the wrong cache", p, c);
    return false;
  }
  size_t off = (size_t)((char *)p - s->base);
  if (ts_unlikely(off % s->objsize)) {
    ts_report("invalid free (interior pointer)", p, c);
    return false;
  }
  uint32_t slot = (uint32_t)(off / s->objsize);
  uint64_t bit = 1ull << (slot % 64);
  if (ts_unlikely(!(s->bits[slot / 64] & bit))) {
    ts_report("double free", p, c);
    return false;
  }
  if (ts.options & TYPESLAB_OPT_REDZONE) {
    const unsigned char *rz = (const unsigned char *)p + s->reqsize[slot];
    for (uint32_t i = 0; i < s->objsize - s->reqsize[slot]; ++i)
      if (rz[i] != TS_REDZONE_BYTE) {
        ts_report("out-of-bounds write", p, c);
        break;
      }
  }
  s->bits[slot / 64] &= ~bit;
  s->tokens[slot] = 0;
  s->inuse--;
  c->active--;
  c->partial = s;
  if (ts.options & TYPESLAB_OPT_POISON) {
    quarantine(s, p);
    return true;
  }
  push_free(s, p);
  if (s->inuse == 0) {
    /* Keep one empty slab per cache warm; give the rest's pages back. The
     * range stays with the cache: it is never handed to another. */
    if (c->empty >= 1) {
      madvise(s->base, TS_SLAB_SIZE, MADV_DONTNEED);
      s->freelist = NULL;
      s->released = true;
    } else {
      c->empty++;
    }
  }
  return true;
}
