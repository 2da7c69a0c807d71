/*===- runtime/slab.c - Caches, slabs and the per-thread fast path --------===*
 *
 * A slab is one 64 KiB span of the arena. Free objects are linked through
 * their first word, encoded as next ^ secret ^ bswap(address) in the manner
 * of SLAB_FREELIST_HARDENED. Slots are linked lazily, one page's worth at a
 * time and in a random order within it, so a cache with few objects touches
 * few pages. Allocation state, the token and the requested size of every
 * slot live out of line, so a double free or an interior-pointer free is
 * seen, not trusted.
 *
 * Every thread's heap owns its current slab of each cache: allocation pops
 * that slab's freelist and a free by the owner pushes it back, with plain
 * loads and stores. A free by any other thread sets the slot's pending bit
 * (an atomic OR, which also catches a second free) and pushes the object on
 * the slab's remote list; the owner collects that list when its freelist is
 * empty. When a slab is full its heap lets it go (an orphan) and adopts an
 * orphan with room, or a new slab, under ts.lock.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#define TS_PAGE 4096u
#define TS_HEAP_QUARANTINE 64u

static const uint32_t Classes[TS_NCLASSES] = {
    16,  32,  48,   64,   96,   128,  192,  256,  384,
    512, 768, 1024, 1536, 2048, 3072, 4096, 6144, 8192};

/* 16, 32, 48, 64, then two classes per power of two: 1.5x and 2x. */
unsigned ts_class_index(size_t size) {
  if (size <= 64)
    return size ? (unsigned)((size - 1) >> 4) : 0;
  if (size > TS_MAX_SMALL)
    return TS_NCLASSES;
  unsigned b = 63u - (unsigned)__builtin_clzl(size - 1); /* 2^b < size */
  size_t half = (size_t)1 << (b - 1);
  return 4 + 2 * (b - 6) + (size > ((size_t)1 << b) + half);
}

uint32_t ts_class_size(unsigned index) { return Classes[index]; }

uint8_t ts_class_table[TS_MAX_SMALL / 16 + 1];

void ts_class_table_init(void) {
  for (unsigned i = 0; i <= TS_MAX_SMALL / 16; ++i)
    ts_class_table[i] = (uint8_t)ts_class_index(i ? 16 * i : 1);
}

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
  c->id = ts.ncaches++;
  c->next = ts.caches;
  ts.caches = c;
  return c;
}

/*===-- Heaps ------------------------------------------------------------===*/

struct ts_heap {
  struct ts_slab **cur; /* current slab per cache id, or NULL            */
  struct ts_slab **part; /* per cache id: owned slabs with free slots    */
  struct ts_slab **own; /* per cache id: every slab the heap owns        */
  uint32_t ncur;
  uint32_t nfast;       /* ncur once the fast paths are on, else 0: pops
                           of ids below it may take the fast path        */
  uint32_t nempty;      /* slabs on the empty list                       */
  struct ts_slab *empty; /* owned slabs that became empty, newest first  */
  uint64_t rng;         /* freelist order, private to the thread        */
  struct ts_heap *next; /* in the list of heaps of exited threads        */
  /* Hardened profile: the thread's last frees, zeroed, waiting before
   * their slots are reused (a ring; quar[qnext] is the oldest). */
  void *quar[TS_HEAP_QUARANTINE];
  uint32_t qnext;
};

/* A thread without a heap points at NoHeap (no caches, owns no slab), and
 * a heap without a current slab of a cache at NoSlab (no free object), so
 * the fast paths need no NULL tests. */
static struct ts_heap NoHeap;
static struct ts_slab NoSlab;
/* TS_TLS_MODEL: local-exec in the static archive, initial-exec in
 * libtypeslab.so (internal.h). */
static __thread struct ts_heap *Self TS_TLS_MODEL = &NoHeap;
/* Whether Self is registered for heap_exit; done outside ts.lock, since
 * pthread_setspecific may call calloc, that is, this allocator. */
static __thread bool SelfKeyed __attribute__((tls_model("initial-exec")));
static struct ts_heap *FreeHeaps;
static pthread_key_t HeapKey;
static pthread_once_t HeapOnce = PTHREAD_ONCE_INIT;

static uint64_t heap_random(struct ts_heap *h) {
  uint64_t x = h->rng;
  x ^= x >> 12;
  x ^= x << 25;
  x ^= x >> 27;
  h->rng = x;
  return x * 0x2545f4914f6cdd1dull;
}

static struct ts_heap *owner_of(const struct ts_slab *s) {
  return __atomic_load_n(&s->owner, __ATOMIC_ACQUIRE);
}

/* A thread exits: its quarantine is emptied, its current slabs become
 * orphans, its heap is reused. */
static void heap_exit(void *arg) {
  struct ts_heap *h = arg;
  ts_quarantine_flush();
  pthread_mutex_lock(&ts.lock);
  for (uint32_t i = 0; i < h->ncur; ++i) {
    for (struct ts_slab *s = h->own[i]; s; s = s->onext) {
      s->listed = s->on_empty = false;
      s->empty_at = 0;
      s->cache->norphans++;
      __atomic_store_n(&s->owner, NULL, __ATOMIC_RELEASE);
    }
    h->cur[i] = &NoSlab;
    h->part[i] = h->own[i] = NULL;
  }
  h->empty = NULL;
  h->nempty = 0;
  h->next = FreeHeaps;
  FreeHeaps = h;
  pthread_mutex_unlock(&ts.lock);
  Self = &NoHeap;
  SelfKeyed = false;
}

static void heap_key_init(void) { pthread_key_create(&HeapKey, heap_exit); }

/* The calling thread's heap, with room for cache id; called with ts.lock
 * held. */
static struct ts_heap *heap_get_locked(uint32_t id) {
  struct ts_heap *h = Self;
  if (h == &NoHeap) {
    if (FreeHeaps) {
      h = FreeHeaps;
      FreeHeaps = h->next;
    } else if (!(h = ts_meta_alloc(sizeof *h))) {
      return NULL;
    }
    h->rng = ts_random() | 1;
    pthread_once(&HeapOnce, heap_key_init);
    Self = h;
  }
  if (id >= h->ncur) {
    uint32_t n = h->ncur ? h->ncur : 64;
    while (n <= id || n < ts.ncaches)
      n *= 2;
    struct ts_slab **cur = ts_meta_alloc(3 * n * sizeof *cur);
    if (!cur)
      return NULL;
    if (h->ncur) {
      memcpy(cur, h->cur, h->ncur * sizeof *cur);
      memcpy(cur + n, h->part, h->ncur * sizeof *cur);
      memcpy(cur + 2 * n, h->own, h->ncur * sizeof *cur);
    }
    for (uint32_t i = h->ncur; i < n; ++i)
      cur[i] = &NoSlab;
    h->cur = cur; /* the old arrays are metadata: never reused */
    h->part = cur + n;
    h->own = cur + 2 * n;
    h->ncur = n;
  }
  h->nfast = __atomic_load_n(&ts.fast, __ATOMIC_RELAXED) ? h->ncur : 0;
  return h;
}

/*===-- Freelists --------------------------------------------------------===*/

static inline void *encode(void *next, void *at) {
  return (void *)((uintptr_t)next ^ ts.secret ^
                  __builtin_bswap64((uint64_t)(uintptr_t)at));
}

static inline uint8_t slot_state(const struct ts_slab *s, uint32_t slot) {
  return __atomic_load_n(&s->state[slot], __ATOMIC_RELAXED);
}

static inline void set_slot_state(struct ts_slab *s, uint32_t slot,
                                  uint8_t v) {
  __atomic_store_n(&s->state[slot], v, __ATOMIC_RELAXED);
}

/* LIVE -> PENDING for a free that is not the owner's plain one; false if
 * the slot was not live (a double free, or a race lost to another). */
static inline bool claim_slot(struct ts_slab *s, uint32_t slot) {
  uint8_t live = TS_SLOT_LIVE;
  return __atomic_compare_exchange_n(&s->state[slot], &live,
                                     TS_SLOT_PENDING, false,
                                     __ATOMIC_RELAXED, __ATOMIC_RELAXED);
}

/* Links the next page's worth of never-used slots (at least TS_CARVE_MIN
 * of them, so large objects are shuffled too), in a random order. */
#define TS_CARVE_MIN 8u
static bool carve(struct ts_slab *s, struct ts_heap *h) {
  if (s->carved >= s->nobj)
    return false;
  uint32_t end = (uint32_t)(((size_t)s->carved * s->objsize + TS_PAGE) /
                            s->objsize);
  if (end < s->carved + TS_CARVE_MIN)
    end = s->carved + TS_CARVE_MIN;
  if (end > s->nobj)
    end = s->nobj;
  uint16_t order[TS_PAGE / TS_MIN_ALIGN + TS_CARVE_MIN];
  uint32_t n = end - s->carved;
  for (uint32_t i = 0; i < n; ++i)
    order[i] = (uint16_t)(s->carved + i);
  for (uint32_t i = n - 1; i > 0; --i) {
    uint32_t j = (uint32_t)(heap_random(h) % (i + 1));
    uint16_t t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  void *next = s->freelist;
  for (uint32_t k = n; k-- > 0;) {
    void *obj = s->base + (size_t)order[k] * s->objsize;
    *(void **)obj = encode(next, obj);
    next = obj;
  }
  s->freelist = next;
  s->carved = end;
  return true;
}

static ts_slow void slab_emptied(struct ts_slab *s);

/* Owner: the slot is free again and its object goes on the freelist. (A
 * freed slot's token is left: nothing reads the token of a slot that is
 * not live.) */
static inline uint32_t put_back(struct ts_slab *s, void *p, uint32_t slot) {
  set_slot_state(s, slot, TS_SLOT_FREED);
  uint32_t n = s->inuse - 1;
  __atomic_store_n(&s->inuse, n, __ATOMIC_RELAXED);
  *(void **)p = encode(s->freelist, p);
  s->freelist = p;
  return n;
}

/* Owner (or ts.lock for an orphan): collects the objects other threads
 * freed. Their slots were made pending at free time. */
static void collect_remote(struct ts_slab *s) {
  void *p = __atomic_exchange_n(&s->remote, NULL, __ATOMIC_ACQUIRE);
  while (p) {
    void *next = encode(*(void **)p, p);
    bool exact;
    uint32_t slot = ts_slot_of(s, p, &exact);
    if (put_back(s, p, slot) == s->empty_at)
      slab_emptied(s);
    p = next;
  }
}

/* Pushes p on s's remote list (lock-free; many pushers, one collector). */
static void push_remote(struct ts_slab *s, void *p) {
  void *head = __atomic_load_n(&s->remote, __ATOMIC_RELAXED);
  do
    *(void **)p = encode(head, p);
  while (!__atomic_compare_exchange_n(&s->remote, &head, p, true,
                                      __ATOMIC_RELEASE, __ATOMIC_RELAXED));
}

/*===-- Slabs ------------------------------------------------------------===*/

/* An empty slab's pages go back to the OS; its range stays with the cache
 * and, if it has one, with its heap. */
static void release(struct ts_slab *s) {
  madvise(s->base, TS_SLAB_SIZE, MADV_DONTNEED);
  s->freelist = NULL;
  s->carved = 0;
  s->released = true;
  __atomic_fetch_add(&ts.released, 1, __ATOMIC_RELAXED);
}

/* A released slab is carved again: its pages come back on first touch. */
static void unrelease(struct ts_slab *s) {
  if (s->released) {
    s->released = false;
    __atomic_fetch_sub(&ts.released, 1, __ATOMIC_RELAXED);
  }
}

/* Gives the range of s to c (ts.lock held). A range given to a second
 * cache breaks the sequestering: typeslab_check_isolation() counts it. */
static bool slab_assign(struct ts_slab *s, struct ts_cache *c) {
  if (s->cache && s->cache != c)
    s->moved = true;
  s->objsize = c->objsize;
  s->recip = (uint32_t)((1ull << 32) / c->objsize + 1);
  s->nobj = (uint32_t)(TS_SLAB_SIZE / c->objsize);
  s->state = ts_meta_alloc(s->nobj); /* zeroed: every slot TS_SLOT_FREE */
  /* A per-slot token table costs a page per slab; one-type caches (a
   * thousand or more in isolated mode) need none. */
  s->tokens = c->one_type ? NULL
                          : ts_meta_alloc(s->nobj * sizeof *s->tokens);
  /* Request sizes are kept only for canaries: a page less per slab. */
  if (ts_keeps_reqsize())
    s->reqsize = ts_meta_alloc(s->nobj * sizeof *s->reqsize);
  if (!s->state || (!c->one_type && !s->tokens) ||
      (ts_keeps_reqsize() && !s->reqsize))
    return false;
  __atomic_store_n(&s->cache, c, __ATOMIC_RELEASE);
  s->next = c->slabs;
  c->slabs = s;
  c->nslabs++;
  c->total += s->nobj;
  return true;
}

#ifdef TYPESLAB_TEST_BREAK_SEQUESTER
/* Deliberately broken, for test/runtime's proof that the isolation check
 * can fail: a returned (empty, madvised) slab of any other cache is handed
 * to c as if it were new. Never defined outside that test build. */
static struct ts_slab *steal_returned_slab(struct ts_cache *c) {
  for (size_t i = 0; i < ts.next_slab; ++i) {
    struct ts_slab *o = &ts.slabs[i];
    if (o->cache && o->cache != c && o->released && !o->inuse) {
      unrelease(o);
      o->first = 0;
      o->mixed = false;
      return slab_assign(o, c) ? o : NULL;
    }
  }
  return NULL;
}
#endif

/* Called with ts.lock held. */
static struct ts_slab *slab_new(struct ts_cache *c) {
#ifdef TYPESLAB_TEST_BREAK_SEQUESTER
  struct ts_slab *stolen = steal_returned_slab(c);
  if (stolen)
    return stolen;
#endif
  if (ts.next_slab >= ts.nslabs)
    return NULL;
  size_t idx = ts.next_slab;
  struct ts_slab *s = &ts.slabs[idx];
  s->base = ts.arena + idx * TS_SLAB_SIZE;
  if (mprotect(s->base, TS_SLAB_SIZE, PROT_READ | PROT_WRITE) != 0 ||
      !slab_assign(s, c))
    return NULL;
  __atomic_store_n(&ts.next_slab, idx + 1, __ATOMIC_RELEASE);
  if (ts.fast)
    __atomic_store_n(&ts.fast_slabs, idx + 1, __ATOMIC_RELEASE);
  return s;
}

struct ts_slab *ts_slab_of(const void *p) {
  uintptr_t a = (uintptr_t)p, lo = (uintptr_t)ts.arena;
  size_t n = __atomic_load_n(&ts.next_slab, __ATOMIC_ACQUIRE);
  if (a < lo || a >= lo + n * TS_SLAB_SIZE)
    return NULL;
  /* Every slab below next_slab has its cache: slab_new sets it before it
   * publishes next_slab. */
  return &ts.slabs[(a - lo) >> TS_SLAB_SHIFT];
}

bool ts_slot_live(const struct ts_slab *s, uint32_t slot) {
  return slot_state(s, slot) == TS_SLOT_LIVE;
}

size_t ts_cache_active(const struct ts_cache *c) {
  size_t n = 0;
  for (const struct ts_slab *s = c->slabs; s; s = s->next) {
    n += __atomic_load_n(&s->inuse, __ATOMIC_RELAXED);
    for (uint32_t slot = 0; slot < s->nobj; ++slot)
      n -= slot_state(s, slot) == TS_SLOT_PENDING;
  }
  return n;
}

/*===-- Returning a live thread's empty slabs ----------------------------===*/

/* A heap keeps the slabs that frees emptied (never its current slabs, so a
 * hot alloc/free pair costs nothing) for TS_PURGE_DELAY_MS, and at most
 * TS_EMPTY_KEEP of them: a workload that frees and allocates again soon
 * reuses resident pages; one that stops returns them. The delay is checked
 * when a slab empties and when a current slab is refilled. */
#define TS_PURGE_DELAY_MS 50u
#define TS_EMPTY_KEEP 64u /* 4 MiB a heap */

static uint64_t now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC_COARSE, &t);
  return (uint64_t)t.tv_sec * 1000u + (uint64_t)t.tv_nsec / 1000000u;
}

/* Owner: forgets slabs that are in use again or current; releases those
 * empty for the delay, beyond the budget, or all of them. */
static size_t purge(struct ts_heap *h, uint64_t now, bool all) {
  size_t released = 0;
  uint32_t kept = 0;
  for (struct ts_slab **pp = &h->empty, *e; (e = *pp);) {
    if (!e->inuse && !e->empty_at &&
        !(all || now - e->empty_since >= TS_PURGE_DELAY_MS ||
          kept >= TS_EMPTY_KEEP)) {
      kept++;
      pp = &e->enext;
      continue;
    }
    if (!e->inuse && !e->empty_at && !e->released) {
      release(e);
      released++;
    }
    *pp = e->enext;
    e->on_empty = false;
    h->nempty--;
  }
  return released;
}

static ts_slow void slab_emptied(struct ts_slab *s) {
  struct ts_heap *h = Self;
  if (owner_of(s) != h)
    return; /* an orphan: adopt_orphan returns its pages */
  if (!s->on_empty) {
    s->on_empty = true;
    s->enext = h->empty;
    h->empty = s;
    h->nempty++;
  }
  s->empty_since = now_ms();
  purge(h, s->empty_since, false);
}

void ts_enable_fast_paths(void) {
  pthread_mutex_lock(&ts.lock);
  ts_enable_fast_paths_locked();
  pthread_mutex_unlock(&ts.lock);
}

void ts_enable_fast_paths_locked(void) {
  /* From now on the mode and layout options are fixed (typeslab_init
   * refuses to change them); in the fast profile without red zones or
   * poison, frees of slabs
   * below fast_slabs and pops of heaps with nfast may take the fast paths
   * (a heap's nfast is set at its next locked refill). */
  ts.handed_out = true;
  if (!ts.fast && !ts_hardened() &&
      !(ts.options & (TYPESLAB_OPT_REDZONE | TYPESLAB_OPT_POISON))) {
    __atomic_store_n(&ts.fast, true, __ATOMIC_RELAXED);
    __atomic_store_n(&ts.fast_slabs, ts.next_slab, __ATOMIC_RELEASE);
  }
}

size_t typeslab_trim(void) {
  ts_ensure_init();
  ts_quarantine_flush();
  return purge(Self, now_ms(), true);
}

size_t typeslab_released_slabs(void) {
  return __atomic_load_n(&ts.released, __ATOMIC_RELAXED);
}

/* A refill takes the first orphan with this many free slots (fewer for
 * slabs of few objects). Larger values scan further for bigger refills;
 * measured on bench/runtime/kernelwork, 4 balanced scans and refills. */
#define TS_REFILL_WANT 4u

static bool has_room(const struct ts_slab *s) {
  return s->freelist || s->carved < s->nobj;
}

/* An orphan's free slots after collecting its remote frees (ts.lock). */
static uint32_t orphan_room(struct ts_slab *o) {
  collect_remote(o);
  return has_room(o) ? o->nobj - o->inuse : 0;
}

/* Under ts.lock: an orphan of c to adopt, or NULL. Orphans (slabs of exited
 * threads) are scanned round-robin from where the last scan stopped,
 * taking the first with at least Want free slots, else the roomiest. Empty
 * orphans met beyond a quarter of the cache's slabs (at least one) give
 * their pages back. */
static struct ts_slab *adopt_orphan(struct ts_cache *c) {
  if (!c->norphans)
    return NULL;
  uint32_t want = (uint32_t)(TS_SLAB_SIZE / c->objsize / 8);
  want = want < 1 ? 1 : want > TS_REFILL_WANT ? TS_REFILL_WANT : want;
  size_t kept = 0, keep = c->nslabs / 4 ? c->nslabs / 4 : 1;
  struct ts_slab *best = NULL, *o = c->cursor ? c->cursor : c->slabs;
  uint32_t best_room = 0;
  for (size_t seen = 0; o && seen < c->nslabs; ++seen) {
    struct ts_slab *next = o->next ? o->next : c->slabs;
    if (!owner_of(o)) {
      uint32_t room = orphan_room(o);
      if (o->inuse == 0 && !o->released && ++kept > keep && best) {
        release(o);
      } else if (room > best_room) {
        best = o;
        best_room = room;
        if (room >= want) {
          o = next;
          break;
        }
      }
    }
    o = next;
  }
  c->cursor = o;
  if (best)
    c->norphans--;
  return best;
}

/* Slow path: the heap's current slab of c is out of free slots. In order:
 * collect what other threads freed to it; take an owned slab the thread
 * freed into (the heap's partial list); collect other threads' frees to
 * the heap's other slabs; adopt an orphan; carve a new slab. Full slabs
 * stay with their heap, so the owning thread's frees stay lock-free. */
/* The current slab counts as listed, so frees into it list nothing; the
 * full slab it replaces is unlisted until a free gives it room. */
static struct ts_slab *make_current(struct ts_heap *h, uint32_t id,
                                    struct ts_slab *s) {
  if (h->cur[id] != &NoSlab) {
    h->cur[id]->listed = false;
    h->cur[id]->empty_at = 0;
  }
  s->listed = true;
  s->empty_at = UINT32_MAX; /* the current slab is never given back */
  unrelease(s);
  if (!s->freelist)
    carve(s, h);
  return h->cur[id] = s;
}

static ts_slow struct ts_slab *refill(struct ts_cache *c) {
  struct ts_heap *h = Self;
  uint32_t id = c->id;
  if (h->nempty)
    purge(h, now_ms(), false);
  if (id < h->ncur) {
    struct ts_slab *s = h->cur[id];
    if (s != &NoSlab) {
      collect_remote(s);
      if (s->freelist || carve(s, h))
        return s;
    }
    struct ts_slab *p;
    while ((p = h->part[id])) {
      h->part[id] = p->hnext;
      collect_remote(p);
      if (has_room(p))
        return make_current(h, id, p);
      p->listed = false;
    }
    for (p = h->own[id]; p; p = p->onext)
      if (p != s && __atomic_load_n(&p->remote, __ATOMIC_RELAXED)) {
        collect_remote(p);
        if (has_room(p))
          return make_current(h, id, p);
      }
  }
  pthread_mutex_lock(&ts.lock);
  h = heap_get_locked(id);
  if (!h) {
    pthread_mutex_unlock(&ts.lock);
    return NULL;
  }
  struct ts_slab *best = adopt_orphan(c);
  if (!best && !(best = slab_new(c))) {
    pthread_mutex_unlock(&ts.lock);
    return NULL;
  }
  __atomic_store_n(&best->owner, h, __ATOMIC_RELEASE);
  pthread_mutex_unlock(&ts.lock);
  if (ts_unlikely(!SelfKeyed)) {
    SelfKeyed = true;
    pthread_setspecific(HeapKey, h);
  }
  best->onext = h->own[id];
  h->own[id] = best;
  return make_current(h, id, best);
}

/*===-- Allocation and free --------------------------------------------===*/

static ts_slow void *freelist_corrupt(struct ts_slab *s, void *obj) {
  ts_report("freelist corruption", obj, s->cache);
  s->freelist = NULL; /* the rest of the list cannot be trusted */
  return NULL;
}

/* Owner: pops the head of s's (non-empty) freelist. The head was checked
 * to lie in s when it was decoded; here it must be a slot's start, and the
 * link it holds must stay in s. A corrupt list is reported by the slow
 * path (report), the fast one only declines. */
static inline void *pop(struct ts_slab *s, typeslab_token_t token,
                        bool report) {
  void *obj = s->freelist;
  uintptr_t o = (uintptr_t)obj;
  uintptr_t next = (uintptr_t)encode(*(void **)obj, obj);
  bool exact;
  uint32_t slot = ts_slot_of(s, obj, &exact);
  if (ts_unlikely(!exact || slot >= s->nobj ||
                  (next && ((next ^ o) >> TS_SLAB_SHIFT))))
    return report ? freelist_corrupt(s, obj) : NULL;
  s->freelist = (void *)next;
  set_slot_state(s, slot, TS_SLOT_LIVE);
  if (s->tokens)
    __atomic_store_n(&s->tokens[slot], token, __ATOMIC_RELAXED);
  __atomic_store_n(&s->inuse, s->inuse + 1, __ATOMIC_RELAXED);
  if (ts_unlikely(token != s->first) && token) {
    if (!s->first)
      __atomic_store_n(&s->first, token, __ATOMIC_RELAXED);
    else
      __atomic_store_n(&s->mixed, true, __ATOMIC_RELAXED);
  }
  *(void **)obj = NULL;
  return obj;
}

/* The heap's current slab of cache id if it has a free object, else NULL;
 * only ids below limit. */
static inline struct ts_slab *current_with_room(const struct ts_heap *h,
                                                uint32_t id, uint32_t limit) {
  struct ts_slab *s;
  if (ts_unlikely(id >= limit || !(s = h->cur[id])->freelist))
    return NULL;
  return s;
}

void *ts_cache_pop(struct ts_cache *c, typeslab_token_t token) {
  struct ts_heap *h = Self;
  struct ts_slab *s = current_with_room(h, c->id, h->nfast);
  return ts_likely(s) ? pop(s, token, false) : NULL;
}

/* Whether n bytes at b (16-byte aligned, n a multiple of 16: a slot) are
 * zero; two words a step, for the vectorizer. */
static bool zero_words(const void *b, size_t n) {
  const uint64_t *w = b;
  uint64_t acc0 = 0, acc1 = 0;
  for (size_t i = 0; i < n / 8; i += 2) {
    acc0 |= w[i];
    acc1 |= w[i + 1];
  }
  return !(acc0 | acc1);
}

/* A request leaves room (objsize - req) for the canary: up to TS_CANARY
 * bytes of it, then zeros to the end of the slot. */
static size_t canary_len(const struct ts_slab *s, uint32_t req) {
  size_t room = s->objsize - req;
  return room < TS_CANARY ? room : TS_CANARY;
}

/* An overflow is a run of writes from the object's end: it changes the
 * canary first. The zeros after it are checked here only with red zones in
 * the fast profile; the hardened one checks the whole slot when the slot
 * is handed out again. */
bool ts_canary_intact(const struct ts_slab *s, const void *p, uint32_t slot) {
  if (!s->reqsize)
    return true;
  uint32_t req = s->reqsize[slot];
  size_t n = canary_len(s, req);
  uint64_t k = ts_canary_of(p);
  const unsigned char *c = (const unsigned char *)p + req;
  if (memcmp(c, &k, n))
    return false;
  if (!ts_hardened())
    for (size_t i = n; i < s->objsize - req; ++i)
      if (c[i])
        return false;
  return true;
}

void *ts_cache_alloc(struct ts_cache *c, size_t req, typeslab_token_t token) {
  struct ts_slab *s = current_with_room(Self, c->id, Self->ncur);
  if (!s && !(s = refill(c)))
    return NULL;
  void *obj = pop(s, token, true);
  if (obj && ts_unlikely(s->reqsize)) {
    bool exact;
    uint32_t slot = ts_slot_of(s, obj, &exact);
    /* Hardened: a freed slot was zeroed (pop cleared the link), so any
     * other byte is a write after free; the reader sees no old data. */
    if (ts_hardened() && !zero_words(obj, s->objsize)) {
      ts_report("write after free", obj, c);
      memset(obj, 0, s->objsize);
    } else if (!ts_hardened()) {
      memset((char *)obj + req, 0, s->objsize - req);
    }
    s->reqsize[slot] = (uint32_t)req;
    uint64_t k = ts_canary_of(obj);
    memcpy((char *)obj + req, &k, canary_len(s, (uint32_t)req));
  }
  return obj;
}

/* After an owner's free: a slab that was full (never the current one,
 * which counts as listed) goes on the heap's partial list; one that became
 * empty on the heap's list of empty slabs. */
static __attribute__((noinline)) void freed_into(struct ts_heap *h, struct ts_slab *s) {
  if (!s->listed) {
    s->listed = true;
    s->hnext = h->part[s->cache->id];
    h->part[s->cache->id] = s;
  }
  if (s->inuse == s->empty_at)
    slab_emptied(s);
}

/* The owner frees p (its slot checked live): back on the freelist. */
static inline void free_owned(struct ts_heap *h, struct ts_slab *s, void *p,
                              uint32_t slot) {
  uint32_t n = put_back(s, p, slot);
  if (ts_unlikely(!s->listed || n == s->empty_at))
    freed_into(h, s);
}

bool ts_free_fast(struct ts_slab *s, void *p) {
  bool exact;
  uint32_t slot = ts_slot_of(s, p, &exact);
  struct ts_heap *h = Self;
  if (ts_unlikely(!exact || slot >= s->nobj || owner_of(s) != h ||
                  slot_state(s, slot) != TS_SLOT_LIVE))
    return false;
  free_owned(h, s, p, slot);
  return true;
}

/* A quarantined object (its slot pending) is free at last: back on the
 * owner's freelist, or on the remote list. */
static void finish_free(struct ts_slab *s, void *p, uint32_t slot) {
  if (owner_of(s) == Self)
    free_owned(Self, s, p, slot);
  else
    push_remote(s, p);
}

/* Poisoned objects wait here before reuse; a changed byte at eviction is a
 * write after free. Their slots stay pending while they wait. */
#define TS_QUARANTINE 256u
static void *Quarantine[TS_QUARANTINE];
static unsigned QuarantineNext;

static ts_slow void quarantine(struct ts_slab *s, void *p) {
  memset(p, TS_POISON_BYTE, s->objsize);
  pthread_mutex_lock(&ts.lock);
  void *old = Quarantine[QuarantineNext];
  Quarantine[QuarantineNext] = p;
  QuarantineNext = (QuarantineNext + 1) % TS_QUARANTINE;
  pthread_mutex_unlock(&ts.lock);
  if (!old)
    return;
  struct ts_slab *os = ts_slab_of(old);
  for (uint32_t i = 0; i < os->objsize; ++i)
    if (((unsigned char *)old)[i] != TS_POISON_BYTE) {
      ts_report("write after free", old, os->cache);
      break;
    }
  if (ts_hardened()) /* reuse expects a zeroed slot */
    memset(old, 0, os->objsize);
  bool exact;
  finish_free(os, old, ts_slot_of(os, old, &exact));
}

/* Hardened: a zeroed object leaves the thread's quarantine; a non-zero
 * byte is a write after free. */
static void unquarantine(void *p) {
  struct ts_slab *s = ts_slab_of(p);
  if (!zero_words(p, s->objsize)) {
    ts_report("write after free", p, s->cache);
    memset(p, 0, s->objsize);
  }
  bool exact;
  finish_free(s, p, ts_slot_of(s, p, &exact));
}

/* Hardened: p (zeroed, its slot pending) waits in the thread's ring; the
 * oldest leaves. A thread without a heap frees at once. */
static void heap_quarantine(struct ts_slab *s, void *p) {
  struct ts_heap *h = Self;
  if (h == &NoHeap) {
    unquarantine(p);
    return;
  }
  void *old = h->quar[h->qnext];
  h->quar[h->qnext] = p;
  h->qnext = (h->qnext + 1) % TS_HEAP_QUARANTINE;
  (void)s;
  if (old)
    unquarantine(old);
}

void ts_quarantine_flush(void) {
  struct ts_heap *h = Self;
  if (h == &NoHeap)
    return;
  for (uint32_t i = 0; i < TS_HEAP_QUARANTINE; ++i) {
    void *p = h->quar[i];
    h->quar[i] = NULL;
    if (p)
      unquarantine(p);
  }
}

bool ts_cache_free(struct ts_slab *s, void *p, struct ts_cache *expect) {
  struct ts_cache *c = s->cache;
  if (ts_unlikely(expect && expect != c)) {
    ts_report("kmem_cache_free to the wrong cache", p, c);
    return false;
  }
  bool exact;
  uint32_t slot = ts_slot_of(s, p, &exact);
  if (ts_unlikely(!exact || slot >= s->nobj)) {
    /* Past the last slot (the slab's unused tail) is no object at all. */
    ts_report(exact ? "invalid free" : "invalid free (interior pointer)", p,
              c);
    return false;
  }
  bool mine = owner_of(s) == Self;
  bool held = ts_hardened() || (ts.options & TYPESLAB_OPT_POISON);
  /* The owner's plain free checks the slot is live; any other free, and
   * one into a quarantine (whose slot stays pending there), claims it. A
   * slot never handed out is no object; one freed already, a double free. */
  uint8_t was = slot_state(s, slot);
  if (ts_unlikely(mine && !held ? was != TS_SLOT_LIVE
                                : !claim_slot(s, slot))) {
    ts_report(was == TS_SLOT_FREE ? "invalid free (never allocated)"
                                  : "double free",
              p, c);
    return false;
  }
  if (ts_unlikely(!ts_canary_intact(s, p, slot)))
    ts_report("out-of-bounds write", p, c);
  if (ts_unlikely(ts.options & TYPESLAB_OPT_POISON)) {
    quarantine(s, p);
    return true;
  }
  if (ts_hardened()) {
    /* No old data for readers; checked at reuse. Past the canary the slot
     * is still zero (what is not is a write after free or an overflow
     * past the canary: the check at reuse reports it). */
    uint32_t req = s->reqsize[slot];
    memset(p, 0, req + canary_len(s, req));
    heap_quarantine(s, p);
    return true;
  }
  if (ts_likely(mine))
    free_owned(Self, s, p, slot);
  else
    push_remote(s, p);
  return true;
}
