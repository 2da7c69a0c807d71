/*===- runtime/zero.c - malloc(0): unique pointers to no memory -----------===*
 *
 * malloc(0) returns a pointer into one reserved range that is never made
 * accessible (PROT_NONE), so that any read or write through it faults, as
 * hardened allocators do. Each live pointer is unique: a 16-byte step of
 * the range, its state and token in arrays beside it. Freed steps are handed
 * out again only after the cursor has gone round the whole range. Called
 * with ts.lock held.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <sys/mman.h>

#define TS_ZERO_SLOTS (1ul << 22) /* 64 MiB of address space */

enum { ZERO_UNUSED = 0, ZERO_LIVE = 1, ZERO_FREED = 2 };

const struct ts_cache ts_zero_cache = {.name = "zero-size", .objsize = 0};

static char *ZeroBase;
static uint8_t *ZeroState;
static typeslab_token_t *ZeroTokens;
static size_t ZeroNext;

static void *reserve(size_t len, int prot) {
  void *m = mmap(NULL, len, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                 -1, 0);
  return m == MAP_FAILED ? NULL : m;
}

void *ts_zero_alloc(typeslab_token_t token) {
  if (!ZeroBase) {
    const int rw = PROT_READ | PROT_WRITE;
    if (!(ZeroState = reserve(TS_ZERO_SLOTS, rw)) ||
        !(ZeroTokens = reserve(TS_ZERO_SLOTS * sizeof *ZeroTokens, rw)) ||
        !(ZeroBase = reserve(TS_ZERO_SLOTS * TS_MIN_ALIGN, PROT_NONE)))
      return NULL; /* (the reservations made stay: a few pages at most) */
  }
  for (size_t i = 0; i < TS_ZERO_SLOTS; ++i) {
    size_t k = (ZeroNext + i) % TS_ZERO_SLOTS;
    if (ZeroState[k] != ZERO_LIVE) {
      ZeroState[k] = ZERO_LIVE;
      ZeroTokens[k] = token;
      ZeroNext = k + 1;
      return ZeroBase + k * TS_MIN_ALIGN;
    }
  }
  return NULL; /* 4 Mi live zero-size objects */
}

bool ts_zero_owns(const void *p, bool *live, typeslab_token_t *token) {
  uintptr_t a = (uintptr_t)p, b = (uintptr_t)ZeroBase;
  if (!ZeroBase || a < b || a >= b + TS_ZERO_SLOTS * TS_MIN_ALIGN)
    return false;
  size_t k = (a - b) / TS_MIN_ALIGN;
  *live = !((a - b) % TS_MIN_ALIGN) && ZeroState[k] == ZERO_LIVE;
  if (token)
    *token = *live ? ZeroTokens[k] : 0;
  return true;
}

const char *ts_zero_free(const void *p) {
  size_t off = (uintptr_t)p - (uintptr_t)ZeroBase;
  if (off % TS_MIN_ALIGN)
    return "invalid free (interior pointer)";
  uint8_t *st = &ZeroState[off / TS_MIN_ALIGN];
  if (*st != ZERO_LIVE)
    return *st == ZERO_FREED ? "double free" : "invalid free";
  *st = ZERO_FREED;
  return NULL;
}
