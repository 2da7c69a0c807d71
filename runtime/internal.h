/*===- runtime/internal.h - Runtime internals (prefix ts_) ---------*- C -*-===*
 *
 * Layout: one reserved arena of 64 KiB slabs (TS_SLAB_SIZE-aligned, so a
 * pointer's slab is found by masking), slab metadata out of line in an array
 * indexed by slab number, large objects (> TS_MAX_SMALL) mmap'd and kept in a
 * hash table. A slab belongs to one cache for life: empty slabs are returned
 * to the OS with madvise but their range stays with the cache (sequestering).
 * One lock guards the slow path and the shared state.
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
#define ts_unlikely(x) __builtin_expect(!!(x), 0)

#define TS_SLAB_SHIFT 16u
#define TS_SLAB_SIZE (1ul << TS_SLAB_SHIFT)
#define TS_ARENA_SIZE (64ul << 30) /* 64 GiB of address space, reserved */
#define TS_NSLABS (TS_ARENA_SIZE / TS_SLAB_SIZE)
#define TS_MIN_ALIGN 16u
#define TS_MAX_SMALL 8192u
#define TS_NCLASSES 18u
#define TS_MAX_OBJS (TS_SLAB_SIZE / TS_MIN_ALIGN)
#define TS_MAX_REQUEST (1ull << 40) /* larger requests fail cleanly */
#define TS_REDZONE 16u
#define TS_POISON_BYTE 0x6b
#define TS_REDZONE_BYTE 0xbb

_Static_assert((TS_SLAB_SIZE & (TS_SLAB_SIZE - 1)) == 0, "slab size is 2^n");
_Static_assert(TS_MAX_SMALL * 2 <= TS_SLAB_SIZE, "two large objects a slab");

struct ts_cache;

struct ts_slab {
  struct ts_cache *cache;   /* owner for the slab's whole life           */
  struct ts_slab *next;     /* in the cache's slab list                  */
  char *base;
  void *freelist;           /* encoded, see ts_encode                    */
  uint32_t objsize;
  uint32_t nobj;
  uint32_t inuse;
  bool mixed;               /* has held objects of two typed tokens      */
  bool released;            /* empty, pages returned with madvise        */
  typeslab_token_t first;   /* first typed token seen                    */
  uint64_t bits[TS_MAX_OBJS / 64]; /* allocated slots                     */
  typeslab_token_t *tokens; /* per-slot token of the live object         */
  uint32_t *reqsize;        /* per-slot requested size (red zones)       */
};

struct ts_cache {
  char name[96];
  uint32_t objsize;
  uint32_t align;
  bool user;                /* created by kmem_cache_create              */
  void (*ctor)(void *);
  struct ts_slab *slabs;    /* every slab ever given to the cache        */
  struct ts_slab *partial;  /* hint: a slab with free slots              */
  size_t active, total, nslabs;
  size_t empty;             /* empty slabs still holding their pages     */
  struct ts_cache *next;    /* all caches, for slabinfo                  */
};

/* Global state (state.c). */
struct ts_state {
  pthread_mutex_t lock;
  bool ready;
  bool handed_out;
  enum typeslab_mode mode;
  unsigned options;
  unsigned partitions;
  uint64_t secret;
  uint64_t rng;
  char *arena;
  size_t next_slab;
  struct ts_slab *slabs;    /* TS_NSLABS entries, touched lazily          */
  struct ts_cache *caches;  /* list of all caches                        */
  size_t errors;
};
extern struct ts_state ts;

void ts_ensure_init(void);
void *ts_meta_alloc(size_t size); /* zeroed, never freed                 */
uint64_t ts_random(void);

/* Slabs (slab.c). */
struct ts_slab *ts_slab_of(const void *p);
void *ts_cache_alloc(struct ts_cache *c, size_t req, typeslab_token_t token);
/* Frees p; Expect (if non-NULL) must own it. Returns false on misuse. */
bool ts_cache_free(struct ts_slab *s, void *p, struct ts_cache *expect);
struct ts_cache *ts_cache_new(const char *name, uint32_t objsize,
                              uint32_t align);
unsigned ts_class_index(size_t size);
uint32_t ts_class_size(unsigned index);

/* Large objects (large.c). */
void *ts_large_alloc(size_t size, size_t align, typeslab_token_t token);
bool ts_large_lookup(const void *p, size_t *size, typeslab_token_t *token);
bool ts_large_free(const void *p);
size_t ts_large_count(void);

/* Token -> cache (modes.c). */
/* Pow2: the object must be aligned to its (power-of-two) size class. */
struct ts_cache *ts_pick_cache(size_t size, typeslab_token_t token,
                               const void *caller, bool pow2);

/* Core entry points (alloc.c). */
void *ts_alloc(size_t size, size_t align, typeslab_token_t token, bool zero,
               const void *caller);
void ts_free(const void *p, const char *what);
size_t ts_usable_size(const void *p);
typeslab_token_t ts_token_of(const void *p);
void *ts_realloc(void *p, size_t size, typeslab_token_t token, bool zero_new,
                 const void *caller, const char *what);

/* Misuse (report.c): one fixed-format line, then abort unless continuing. */
void ts_report(const char *error, const void *p, const struct ts_cache *c);

#endif /* TYPESLAB_RUNTIME_INTERNAL_H */
