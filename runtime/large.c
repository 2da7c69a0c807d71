/*===- runtime/large.c - Objects above the largest slab class -------------===*
 *
 * Straight to pages: one mapping per object, kept in an open-addressed
 * table (pointer -> size, token) so that free, ksize and krealloc can tell
 * them from invalid pointers. Called with ts.lock held.
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
};

static struct large *Table;
static size_t Cap, Used, Live;

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

void *ts_large_alloc(size_t size, size_t align, typeslab_token_t token) {
  size_t page = (size_t)sysconf(_SC_PAGESIZE);
  size_t len;
  if (align < page)
    align = page;
  if (__builtin_add_overflow(size, align - 1 + page - 1, &len))
    return NULL;
  len &= ~(page - 1);
  if ((Used + 1) * 4 >= Cap * 3 && !grow())
    return NULL;
  void *m = mmap(NULL, len, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (m == MAP_FAILED)
    return NULL;
  uintptr_t p = ((uintptr_t)m + align - 1) & ~(uintptr_t)(align - 1);
  /* Over-aligned: give back the head and the tail around the object. */
  size_t keep = (size + page - 1) & ~(page - 1);
  if (p > (uintptr_t)m)
    munmap(m, p - (uintptr_t)m);
  if ((uintptr_t)m + len > p + keep)
    munmap((void *)(p + keep), (uintptr_t)m + len - (p + keep));
  m = (void *)p;
  len = keep;
  size_t i = hash_ptr(p) & (Cap - 1);
  while (Table[i].ptr > 1)
    i = (i + 1) & (Cap - 1);
  if (Table[i].ptr == 0)
    Used++;
  Table[i] = (struct large){p, size, token, m, len};
  Live++;
  return (void *)p;
}

bool ts_large_lookup(const void *p, size_t *size, typeslab_token_t *token) {
  struct large *l = find((uintptr_t)p);
  if (!l)
    return false;
  if (size)
    *size = l->size;
  if (token)
    *token = l->token;
  return true;
}

bool ts_large_free(const void *p) {
  struct large *l = find((uintptr_t)p);
  if (!l)
    return false;
  munmap(l->map, l->maplen);
  l->ptr = 1;
  Live--;
  return true;
}

size_t ts_large_count(void) { return Live; }
