/*===- runtime/internal.h - Runtime internals (prefix ts_) ---------*- C -*-===*
 *
 * Layout: one reserved arena of 64 KiB slabs (TS_SLAB_SIZE-aligned, so a
 * pointer's slab is found by masking), slab metadata out of line in an array
 * indexed by slab number, large objects (> TS_MAX_SMALL) mmap'd and kept in a
 * hash table. A slab belongs to one cache for life: empty slabs are returned
 * to the OS with madvise but their range stays with the cache (sequestering).
 *
 * Threads: every thread has a heap (struct ts_heap) that owns slabs and
 * has one current slab per cache. The owner allocates from and frees to
 * that slab without locks or atomic read-modify-writes. Any other thread's
 * free marks the slot pending (rbits) and pushes the object on the slab's
 * lock-free remote list; the owner collects the list when its freelist runs
 * dry. A heap keeps its full slabs and lists those it frees into; the
 * slabs of an exited thread become orphans, adopted under ts.lock. One lock
 * guards the slow path and shared state.
 *
 *===----------------------------------------------------------------------===*/
#ifndef TYPESLAB_RUNTIME_INTERNAL_H
#define TYPESLAB_RUNTIME_INTERNAL_H

#include "typeslab/runtime.h"
#include "typeslab/token.h"

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ts_likely(x) __builtin_expect(!!(x), 1)
/* Slow paths: kept out of the flattened fast paths (alloc.c), so that
 * those stay small and save few registers. */
#define ts_slow __attribute__((cold, noinline))
#define ts_unlikely(x) __builtin_expect(!!(x), 0)
/* Entry points with the fast paths of ts_alloc/ts_free inlined whole. */
#define ts_hot __attribute__((flatten))
/* The TLS model of the thread's heap pointer. The static archive links
 * into executables: local-exec, one %fs-relative load. libtypeslab.so
 * (TYPESLAB_SHARED) is preloaded or linked at startup, so its thread-locals
 * sit in the static TLS block: initial-exec, one GOT load more. Never
 * global-dynamic: __tls_get_addr may call malloc on a thread's first
 * access, that is, this allocator. */
#ifdef TYPESLAB_SHARED
#define TS_TLS_MODEL __attribute__((tls_model("initial-exec")))
#else
#define TS_TLS_MODEL __attribute__((tls_model("local-exec")))
#endif

#define TS_SLAB_SHIFT 16u
#define TS_SLAB_SIZE (1ul << TS_SLAB_SHIFT)
#define TS_ARENA_SIZE (64ul << 30) /* 64 GiB of address space, reserved */
#define TS_NSLABS (TS_ARENA_SIZE / TS_SLAB_SIZE)
#define TS_MIN_ALIGN 16u
#define TS_MAX_SMALL 8192u
#define TS_NCLASSES 18u
#define TS_MAX_OBJS (TS_SLAB_SIZE / TS_MIN_ALIGN)
#define TS_MAX_REQUEST (1ull << 40) /* larger requests fail cleanly */
/* Page-backed objects are naturally aligned up to this (as the kernel's
 * buddy allocator aligns kmalloc_large up to KMALLOC_MAX_SIZE). */
#define TS_LARGE_MAX_ALIGN (4ul << 20)
#define TS_REDZONE 16u
/* The hardened profile's canary after each small object's request: 8
 * bytes of a per-slot secret, the first of them zero (so that a string
 * read stops before the secret). */
#define TS_CANARY 8u
#define TS_ZERO_SIZE_PTR 16u /* ZERO_SIZE_PTR of kernel.h */
#define TS_POISON_BYTE 0x6b

_Static_assert((TS_SLAB_SIZE & (TS_SLAB_SIZE - 1)) == 0, "slab size is 2^n");
_Static_assert(TS_MAX_SMALL * 2 <= TS_SLAB_SIZE, "two large objects a slab");

/* kmalloc's natural alignment: the largest power of two dividing n (the
 * size itself for a power of two). The size classes keep it for every
 * request: a class of 3 * 2^k bytes only serves requests above 2^(k+1). */
static inline size_t ts_natural_align(size_t n) { return n & -n; }

struct ts_cache;

struct ts_heap;

/* A slot's state (ts_slab.state, one byte a slot): FREE until first
 * handed out; the owner moves it between LIVE and FREED with plain stores;
 * any other free, and every free into a quarantine, claims LIVE -> PENDING
 * with a compare-and-swap (a second free loses), and the owner makes it
 * FREED when it collects. FREE and FREED tell an invalid free from a
 * double free. */
enum {
  TS_SLOT_FREE = 0,
  TS_SLOT_LIVE = 1,
  TS_SLOT_PENDING = 2,
  TS_SLOT_FREED = 3
};

/* Fields marked "owner" are written only by the owning heap's thread (or,
 * for an orphan, under ts.lock); others read them with relaxed atomics.
 * The first line holds what the fast paths touch. */
struct ts_slab {
  void *freelist;           /* owner; encoded, see encode() in slab.c    */
  uint8_t *state;           /* per slot, TS_SLOT_*                       */
  struct ts_heap *owner;    /* atomic; NULL for an orphan                */
  uint32_t objsize;
  uint32_t recip;           /* 2^32 / objsize + 1: slot = off*recip>>32  */
  uint32_t nobj;
  uint32_t inuse;           /* owner; allocated, pending frees included  */
  uint32_t empty_at;        /* owner; inuse at which a free calls
                               slab_emptied: 0, or never (UINT32_MAX) for
                               a heap's current slab                     */
  bool listed;              /* owner; on the heap's partial list         */
  bool mixed;               /* has held objects of two typed tokens      */
  bool moved;               /* its range was given to a second cache     */
  bool released;            /* empty, pages returned with madvise        */
  typeslab_token_t first;   /* first typed token seen                    */
  typeslab_token_t *tokens; /* per-slot token of the live object; NULL
                               for one-type caches (the token is first)  */
  struct ts_cache *cache;   /* owner for the slab's whole life           */
  /* Slow paths only. */
  struct ts_slab *next;     /* in the cache's slab list                  */
  char *base;
  void *remote;             /* atomic: objects freed by other threads    */
  uint32_t carved;          /* owner; slots linked so far, page by page  */
  bool on_empty;            /* owner; on the heap's list of empty slabs  */
  uint64_t empty_since;     /* owner; when it last became empty (ms)     */
  struct ts_slab *enext;    /* owner; in the heap's list of empty slabs  */
  struct ts_slab *hnext;    /* owner; in the heap's partial list         */
  struct ts_slab *onext;    /* owner; in the heap's list of owned slabs  */
  uint32_t *reqsize;        /* per-slot requested size; hardened profile
                               and red zones only                        */
};

struct ts_cache {
  char name[96];
  uint32_t objsize;
  uint32_t align;
  uint32_t id;              /* index into every heap's current slabs     */
  bool one_type;            /* isolated per-type cache: every object has
                               the slab's first token, kept in no table  */
  bool user;                /* created by kmem_cache_create              */
  void (*ctor)(void *);
  struct ts_slab *slabs;    /* every slab ever given to the cache        */
  struct ts_slab *cursor;   /* where the next orphan scan starts         */
  size_t total, nslabs;
  size_t norphans;          /* slabs of exited threads (ts.lock)         */
  struct ts_cache *next;    /* all caches, for slabinfo                  */
};

/* Global state (state.c). */
struct ts_state {
  pthread_mutex_t lock;
  bool ready;
  bool handed_out;
  bool fast;                /* ready, handed out, fast profile, no red
                               zones or poison: the fast paths may run   */
  enum typeslab_mode mode;
  unsigned options;
  unsigned partitions;
  uint64_t secret;
  uint64_t rng;
  char *arena;
  size_t next_slab;         /* atomic: read without the lock             */
  size_t fast_slabs;        /* atomic: next_slab once fast, else 0: the
                               free fast path serves slabs below it      */
  size_t nslabs;            /* slabs the arena holds (<= TS_NSLABS)      */
  uint32_t ncaches;
  struct ts_slab *slabs;    /* nslabs entries, touched lazily            */
  struct ts_cache *caches;  /* list of all caches                        */
  size_t errors;
  size_t released;          /* atomic: slabs whose pages are returned    */
};
extern struct ts_state ts;

/* The hardened profile (the default; TYPESLAB_OPT_FAST turns it off). */
static inline bool ts_hardened(void) {
  return !(ts.options & TYPESLAB_OPT_FAST);
}
/* Bytes a small object's slot holds beyond the request: the red zone, or
 * the hardened profile's canary. */
static inline size_t ts_extra(void) {
  return (ts.options & TYPESLAB_OPT_REDZONE) ? TS_REDZONE
         : ts_hardened()                     ? TS_CANARY
                                             : 0;
}
/* Whether slabs keep each slot's requested size (for the canary). */
static inline bool ts_keeps_reqsize(void) {
  return ts_hardened() || (ts.options & TYPESLAB_OPT_REDZONE);
}
/* The canary of the object at p: a per-object secret whose first byte (in
 * memory, little-endian) is zero. */
static inline uint64_t ts_canary_of(const void *p) {
  uint64_t k = (ts.secret ^ (uintptr_t)p) * 0x9e3779b97f4a7c15ull;
  return k & ~(uint64_t)0xff;
}
/* One line on stderr for a bad setting (not misuse: no abort). */
void ts_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

void ts_ensure_init(void);
void *ts_meta_alloc(size_t size); /* zeroed, never freed                 */
uint64_t ts_random(void);

/* Slabs (slab.c). ts_cache_alloc and ts_cache_free take no lock on the
 * fast path and must be called without ts.lock held. */
struct ts_slab *ts_slab_of(const void *p);
void *ts_cache_alloc(struct ts_cache *c, size_t req, typeslab_token_t token);
/* Frees p; Expect (if non-NULL) must own it. Returns false on misuse. */
bool ts_cache_free(struct ts_slab *s, void *p, struct ts_cache *expect);
/* Whether the canary after live object p (slot of s) is intact; true when
 * s keeps no canary. */
bool ts_canary_intact(const struct ts_slab *s, const void *p, uint32_t slot);
/* Empties the calling thread's quarantine of freed objects. */
void ts_quarantine_flush(void);
/* The fast paths: the owner's pop from its current slab of c (NULL when
 * that needs a refill), and the owner's free of a live object of one of
 * its slabs (false when anything else must be decided: ts_cache_free). */
void *ts_cache_pop(struct ts_cache *c, typeslab_token_t token);
bool ts_free_fast(struct ts_slab *s, void *p);
/* Whether slot of s holds a live object (allocated, not freed). */
bool ts_slot_live(const struct ts_slab *s, uint32_t slot);
/* Slot index of p in s, and whether p is a slot's start, from one
 * multiplication: with recip = 2^32 / objsize + 1, the high half of
 * off * recip is off / objsize and the low half is below recip exactly when
 * objsize divides off (Lemire, Kaser and Kurz, "Faster remainder by direct
 * computation", 2019; test/runtime/slot-math.c checks every object size
 * and offset a slab can have). */
static inline uint32_t ts_slot_of(const struct ts_slab *s, const void *p,
                                  bool *exact) {
  uint32_t off = (uint32_t)((uintptr_t)p & (TS_SLAB_SIZE - 1));
  uint64_t prod = (uint64_t)off * s->recip;
  *exact = (uint32_t)prod < s->recip;
  return (uint32_t)(prod >> 32);
}
/* Live objects of c (objects freed by other threads count as freed). */
size_t ts_cache_active(const struct ts_cache *c);
struct ts_cache *ts_cache_new(const char *name, uint32_t objsize,
                              uint32_t align);
unsigned ts_class_index(size_t size);
/* The class of 1 <= size <= TS_MAX_SMALL, by table (after init). */
extern uint8_t ts_class_table[TS_MAX_SMALL / 16 + 1];
static inline unsigned ts_class_of_small(size_t size) {
  return ts_class_table[(size + 15) >> 4];
}
void ts_class_table_init(void);
uint32_t ts_class_size(unsigned index);

/* Large objects (large.c). */
ts_slow void *ts_large_alloc(size_t size, size_t align,
                             typeslab_token_t token);
bool ts_large_lookup(const void *p, size_t *size, typeslab_token_t *token);
/* Large and zero-size objects are reported as of these caches (or as no
 * typeslab object when the pointer is none of theirs). */
extern const struct ts_cache ts_large_cache, ts_zero_cache;
/* Frees a large object: NULL when done, else the misuse to report. */
ts_slow const char *ts_large_free(const void *p);
/* Whether the canary after large object p is intact (true if p is none). */
bool ts_large_canary_intact(const void *p);
size_t ts_large_count(void);

/* malloc(0) (zero.c): unique pointers into an address range that is never
 * accessible. Called with ts.lock held. */
void *ts_zero_alloc(typeslab_token_t token);
/* Whether p lies in that range; live: whether it is a live one, and token
 * (if non-NULL) its token. */
bool ts_zero_owns(const void *p, bool *live, typeslab_token_t *token);
/* Frees p of the range: NULL when done, else the misuse to report. */
const char *ts_zero_free(const void *p);

/* Token -> cache (modes.c). */
/* Size: the request plus ts_extra(). Pow2: the object must be aligned to
 * its (power-of-two) size class.
 * Lock-free when the cache exists; creates it under ts.lock otherwise. Call
 * without ts.lock held. */
struct ts_cache *ts_pick_cache(size_t size, typeslab_token_t token,
                               const void *caller, bool pow2);
/* The cache of a default-aligned request of 1..TS_MAX_SMALL bytes when it
 * exists and needs no lock or table, else a placeholder whose id no heap
 * has room for, so ts_cache_pop declines (after init). */
struct ts_cache *ts_pick_fast(size_t size, typeslab_token_t token,
                              const void *caller);
void ts_modes_init(void);

/* Core entry points (alloc.c). ts_alloc_fast serves what the fast path
 * can (a small default-aligned request, its cache and a free object in
 * the thread's current slab at hand) and returns NULL for the rest, which
 * the caller passes to ts_alloc. */
void *ts_alloc_fast(size_t size, typeslab_token_t token,
                    const void *caller);
/* Called once memory is handed out: lets the fast paths run, unless red
 * zones or poison need the slow ones. */
void ts_enable_fast_paths(void);
void ts_enable_fast_paths_locked(void);
void *ts_alloc(size_t size, size_t align, typeslab_token_t token, bool zero,
               const void *caller);
void ts_free(const void *p, const char *what);
/* The usable size of a live object; 0 for anything else, reported as
 * "<what>" unless what is NULL. */
size_t ts_usable_size(const void *p, const char *what);
/* free_sized: frees p after checking that it was allocated with size
 * bytes (and, if align, that it is so aligned). */
void ts_free_sized(const void *p, size_t size, size_t align, const char *what);
typeslab_token_t ts_token_of(const void *p);
void *ts_realloc(void *p, size_t size, typeslab_token_t token, bool zero_new,
                 const void *caller, const char *what);

/* Misuse (report.c): one fixed-format line, then abort unless continuing. */
ts_slow void ts_report(const char *error, const void *p,
                       const struct ts_cache *c);

#endif /* TYPESLAB_RUNTIME_INTERNAL_H */
