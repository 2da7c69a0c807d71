/*===- bench/runtime/kernelwork.c - A kernel-like 2,000-type workload -----===*
 *
 *   kernelwork ALLOC   (typeslab, glibc, jemalloc preloaded, mimalloc)
 *
 * 2,000 types with a real descriptor each. Sizes follow a kernel-like mix:
 * most types 16-256 bytes, a tail up to 4 KiB; one type in four ends in a
 * flexible array and is allocated with a variable element count (the pass
 * types these as the struct; isolated mode puts them in the type's size
 * buckets). Popularity is Zipf-like (rank k has weight 1/k), as slab
 * populations are: a few types hold most objects, every type has some.
 *
 *   1. long-lived: 150,000 objects spread over the types by popularity;
 *   2. churn: 3,000,000 steps; each allocates a short-lived object (freed
 *      256 steps later, FIFO) and one step in 16 also replaces a random
 *      long-lived object with a new one of its type.
 *
 * Prints "ALLOC MODE seconds peak_rss_kib" (MODE from TYPESLAB_MODE; "-" for
 * the others). Peak RSS is ru_maxrss of the whole process. The sequence is
 * fixed-seed, so every allocator sees the same requests.
 *
 *===----------------------------------------------------------------------===*/
#define _GNU_SOURCE
#include "typeslab/kernel.h"
#include "typeslab/token.h"

#include "libsym.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define NTYPES 2000
#define NLONG 150000
#define NSTEPS 3000000
#define WINDOW 256

__attribute__((section(TYPESLAB_DESC_SECTION), used, aligned(8)))
static struct typeslab_type Desc[NTYPES];
static char Names[NTYPES][24];
static double Cum[NTYPES]; /* cumulative popularity, for sampling */

static void *(*LibMalloc)(size_t);
static void (*LibFree)(void *);
static int Typeslab;

static uint64_t Rng = 0x243f6a8885a308d3ull;
static uint64_t next(void) {
  Rng ^= Rng << 13;
  Rng ^= Rng >> 7;
  Rng ^= Rng << 17;
  return Rng;
}

static unsigned pick_type(void) {
  double u = (double)(next() >> 11) / 9007199254740992.0 * Cum[NTYPES - 1];
  unsigned lo = 0, hi = NTYPES - 1;
  while (lo < hi) {
    unsigned mid = (lo + hi) / 2;
    if (Cum[mid] < u)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* Bytes for one object of type t: fixed, or header + n elements. */
static size_t size_of(unsigned t) {
  const struct typeslab_type *d = &Desc[t];
  if (!d->elem_size)
    return d->size;
  return d->size + d->elem_size * (1 + next() % 24);
}

static void *obj_alloc(unsigned t) {
  size_t n = size_of(t);
  char *p = Typeslab ? kmalloc_token(n, GFP_KERNEL,
                                     (typeslab_token_t)(uintptr_t)&Desc[t])
                     : LibMalloc(n);
  if (!p) {
    fprintf(stderr, "kernelwork: out of memory\n");
    exit(1);
  }
  memset(p, 0x5a, n < 64 ? n : 64); /* initialise the header, as kzalloc'd
                                       or constructed objects are */
  return p;
}

static void obj_free(void *p) {
  if (Typeslab)
    kfree(p);
  else
    LibFree(p);
}

static void setup_types(void) {
  for (unsigned t = 0; t < NTYPES; ++t) {
    uint64_t r = next();
    unsigned pct = (unsigned)(r % 100);
    size_t size = pct < 55   ? 16 + 8 * ((r >> 8) % 16)   /* 16-136  */
                  : pct < 85 ? 136 + 8 * ((r >> 8) % 16)  /* 136-256 */
                  : pct < 97 ? 256 + 16 * ((r >> 8) % 48) /* 256-1008 */
                             : 1024 + 64 * ((r >> 8) % 48); /* 1-4 KiB */
    int flex = (r >> 40) % 4 == 0;
    snprintf(Names[t], sizeof Names[t], "struct kw_%u", t);
    Desc[t] = (struct typeslab_type){
        .magic = TYPESLAB_DESC_MAGIC,
        .version = TYPESLAB_DESC_VERSION,
        .flags = (uint16_t)((r >> 50) % 2 ? TYPESLAB_F_HAS_POINTER : 0) |
                 (flex ? TYPESLAB_F_HAS_FLEX : 0),
        .hash = r,
        .size = size,
        .elem_size = flex ? 8 * (1 + (r >> 44) % 4) : 0,
        .align = 8,
        .name = Names[t]};
    Cum[t] = (t ? Cum[t - 1] : 0) + 1.0 / (t + 1);
  }
}

static void *Long[NLONG];
static unsigned LongType[NLONG];
static void *Short[WINDOW];

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: kernelwork typeslab|glibc|jemalloc|mimalloc\n");
    return 2;
  }
  Typeslab = !strcmp(argv[1], "typeslab");
  if (!Typeslab) {
    LibMalloc = (void *(*)(size_t))lib_symbol(argv[1], "malloc");
    LibFree = (void (*)(void *))lib_symbol(argv[1], "free");
  }
  setup_types();
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  /* Every type gets at least one long-lived object; the rest by
   * popularity. */
  for (unsigned i = 0; i < NLONG; ++i) {
    LongType[i] = i < NTYPES ? i : pick_type();
    Long[i] = obj_alloc(LongType[i]);
  }
  for (unsigned s = 0; s < NSTEPS; ++s) {
    unsigned w = s % WINDOW;
    if (Short[w])
      obj_free(Short[w]);
    Short[w] = obj_alloc(pick_type());
    if (s % 16 == 0) {
      unsigned i = (unsigned)(next() % NLONG);
      obj_free(Long[i]);
      Long[i] = obj_alloc(LongType[i]);
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  const char *mode = getenv("TYPESLAB_MODE");
  printf("%s %s %.3f %ld\n", argv[1], Typeslab && mode ? mode : "-",
         (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9,
         ru.ru_maxrss);
  for (unsigned i = 0; i < NLONG; ++i)
    obj_free(Long[i]);
  for (unsigned w = 0; w < WINDOW; ++w)
    if (Short[w])
      obj_free(Short[w]);
  return 0;
}
