/*===- runtime/large.c - Objects above the largest slab class -------------===*
 *
 * Straight to pages: one mapping per object, kept in an open-addressed
 * table (pointer -> size, token) so that free, ksize and krealloc can tell
 * them from invalid pointers. Called with ts.lock held.
 *
 * Hardened profile: a guard page (PROT_NONE) on each side of the object, a
 * canary in the slack of its last page, checked at free and realloc, and a
 * quarantine of freed ranges: a freed object's pages go back to the OS but
 * its range stays reserved, inaccessible, for the next TS_LARGE_QUARANTINE
 * frees, so a stale access faults and a second free is seen.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

struct large {
  uintptr_t ptr; /* 0: empty, 1: deleted */
  size_t size;
  typeslab_token_t token;
  void *map;
  size_t maplen;
  bool freed;    /* in the quarantine                                   */
};

static struct large *Table;
static size_t Cap, Used, Live;

const struct ts_cache ts_large_cache = {.name = "large", .objsize = 4096};

#define TS_LARGE_QUARANTINE 64u
static uintptr_t LargeQuarantine[TS_LARGE_QUARANTINE];
static unsigned LargeQuarantineNext;

static size_t hash_ptr(uintptr_t p) {
  return (size_t)((p >> 12) * 0x9e3779b97f4a7c15ull);
}

static struct large *find(uintptr_t p) {
  if (!Cap)
    return NULL;
  for (size_t i = hash_ptr(p) & (Cap - 1);; i = (i + 1) & (Cap - 1)) {
    if (Table[i].ptr == p)
      return &Table[i];
    if (Table[i].ptr == 0)
      return NULL;
  }
}

static bool grow(void) {
  size_t ncap = Cap ? Cap * 2 : 1024;
  struct large *nt = mmap(NULL, ncap * sizeof *nt, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (nt == MAP_FAILED)
    return false;
  for (size_t i = 0; i < Cap; ++i) {
    if (Table[i].ptr <= 1)
      continue;
    size_t j = hash_ptr(Table[i].ptr) & (ncap - 1);
    while (nt[j].ptr)
      j = (j + 1) & (ncap - 1);
    nt[j] = Table[i];
  }
  if (Table)
    munmap(Table, Cap * sizeof *Table);
  Table = nt;
  Cap = ncap;
  Used = Live;
  return true;
}

/* The canary's bytes after a large object: the slack of its last page. */
static size_t large_canary_len(const struct large *l) {
  size_t room = l->maplen - (size_t)(l->ptr - (uintptr_t)l->map) - l->size;
  if (ts_hardened())
    room -= (size_t)sysconf(_SC_PAGESIZE); /* the guard after it */
  return room < TS_CANARY ? room : TS_CANARY;
}

void *ts_large_alloc(size_t size, size_t align, typeslab_token_t token) {
  size_t page = (size_t)sysconf(_SC_PAGESIZE);
  size_t guard = ts_hardened() ? page : 0;
  size_t len;
  if (align < page)
    align = page;
  if (__builtin_add_overflow(size, align - 1 + page - 1 + 2 * guard, &len))
    return NULL;
  len &= ~(page - 1);
  if ((Used + 1) * 4 >= Cap * 3 && !grow())
    return NULL;
  void *m = mmap(NULL, len, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (m == MAP_FAILED)
    return NULL;
  uintptr_t p = ((uintptr_t)m + guard + align - 1) & ~(uintptr_t)(align - 1);
  /* Over-aligned: give back the head and the tail around the object and
   * its guards. */
  size_t keep = (size + page - 1) & ~(page - 1);
  uintptr_t lo = p - guard, hi = p + keep + guard;
  if (lo > (uintptr_t)m)
    munmap(m, lo - (uintptr_t)m);
  if ((uintptr_t)m + len > hi)
    munmap((void *)hi, (uintptr_t)m + len - hi);
  if (guard && (mprotect((void *)lo, guard, PROT_NONE) != 0 ||
                mprotect((void *)(p + keep), guard, PROT_NONE) != 0)) {
    munmap((void *)lo, hi - lo);
    return NULL;
  }
  m = (void *)lo;
  len = hi - lo;
  size_t i = hash_ptr(p) & (Cap - 1);
  while (Table[i].ptr > 1)
    i = (i + 1) & (Cap - 1);
  if (Table[i].ptr == 0)
    Used++;
  Table[i] = (struct large){p, size, token, m, len, false};
  Live++;
  if (ts_hardened()) {
    uint64_t k = ts_canary_of((void *)p);
    memcpy((char *)p + size, &k, large_canary_len(&Table[i]));
  }
  return (void *)p;
}

bool ts_large_canary_intact(const void *p) {
  struct large *l = find((uintptr_t)p);
  if (!l || l->freed || !ts_hardened())
    return true;
  uint64_t k = ts_canary_of(p);
  return !memcmp((const char *)p + l->size, &k, large_canary_len(l));
}

bool ts_large_lookup(const void *p, size_t *size, typeslab_token_t *token) {
  struct large *l = find((uintptr_t)p);
  if (!l || l->freed)
    return false;
  if (size)
    *size = l->size;
  if (token)
    *token = l->token;
  return true;
}

static void unmap_large(struct large *l) {
  munmap(l->map, l->maplen);
  l->ptr = 1;
}

const char *ts_large_free(const void *p) {
  struct large *l = find((uintptr_t)p);
  if (!l)
    return "invalid free";
  if (l->freed)
    return "double free";
  if (!ts_large_canary_intact(p))
    return "out-of-bounds write";
  Live--;
  if (!ts_hardened()) {
    unmap_large(l);
    return NULL;
  }
  /* The pages go, the range stays reserved and inaccessible. */
  void *r = mmap(l->map, l->maplen, PROT_NONE,
                 MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1,
                 0);
  if (r == MAP_FAILED) {
    unmap_large(l);
    return NULL;
  }
  l->freed = true;
  uintptr_t old = LargeQuarantine[LargeQuarantineNext];
  LargeQuarantine[LargeQuarantineNext] = l->ptr;
  LargeQuarantineNext = (LargeQuarantineNext + 1) % TS_LARGE_QUARANTINE;
  if (old && (l = find(old)))
    unmap_large(l);
  return NULL;
}

size_t ts_large_count(void) { return Live; }
