/*===- bench/runtime/pairbench.c - Cost of an alloc/free pair -------------===*
 *
 * One process measures one allocator, so that run.sh can interleave
 * allocators round by round (ABAB...) and take medians:
 *
 *   pairbench ALLOC THREADS [SIZE ITERS]
 *
 * ALLOC is glibc, jemalloc (preloaded: LD_PRELOAD=libjemalloc.so.2, since
 * its static TLS cannot be dlopen'ed), mimalloc (dlopen'ed mi_malloc and
 * mi_free) or typeslab (the runtime linked without its
 * malloc replacement; TYPESLAB_MODE picks the mode). typeslab calls are the
 * ones the pass emits: kmalloc_token(size, GFP_KERNEL, token) with a real
 * type descriptor per size (struct bench_<size>), then kfree.
 *
 * For every size class from 16 to 4096 bytes it prints, per thread count:
 *   ALLOC THREADS SIZE tight NS   one allocation freed at once, repeated
 *   ALLOC THREADS SIZE batch NS   1000 allocations, then 1000 frees
 * NS is wall-clock nanoseconds per pair per thread (every thread runs the
 * same loop at once). With SIZE and ITERS it runs only ITERS tight pairs of
 * SIZE (for callgrind instruction counts by difference).
 *
 *===----------------------------------------------------------------------===*/
#define _GNU_SOURCE
#include "typeslab/kernel.h"
#include "typeslab/token.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NSIZES 16
#define BATCH 1000
#define MAX_THREADS 2

static const unsigned Sizes[NSIZES] = {16,  32,  48,   64,   96,   128,
                                       192, 256, 384,  512,  768,  1024,
                                       1536, 2048, 3072, 4096};

/* One descriptor per measured size, as the pass would emit for a struct of
 * that size: typed tokens are descriptor addresses. */
__attribute__((section(TYPESLAB_DESC_SECTION), used, aligned(8)))
static struct typeslab_type Desc[NSIZES];
static char DescName[NSIZES][32];

static void *(*Alloc)(size_t size, typeslab_token_t token);
static void (*Free)(void *p);
static void *(*LibMalloc)(size_t);
static void (*LibFree)(void *);

static void *lib_alloc(size_t size, typeslab_token_t token) {
  (void)token;
  return LibMalloc(size);
}
static void lib_free(void *p) { LibFree(p); }
static void *ts_alloc_typed(size_t size, typeslab_token_t token) {
  return kmalloc_token(size, GFP_KERNEL, token);
}
static void ts_free_typed(void *p) { kfree(p); }

#include "libsym.h"

static void pick(const char *name) {
  if (!strcmp(name, "typeslab")) {
    Alloc = ts_alloc_typed;
    Free = ts_free_typed;
    return;
  }
  Alloc = lib_alloc;
  Free = lib_free;
  if (!strcmp(name, "glibc")) {
    LibMalloc = malloc;
    LibFree = free;
    return;
  }
  LibMalloc = (void *(*)(size_t))lib_symbol(name, "malloc");
  LibFree = (void (*)(void *))lib_symbol(name, "free");
}

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

static void tight(unsigned size, typeslab_token_t tok, long iters) {
  for (long i = 0; i < iters; ++i) {
    char *p = Alloc(size, tok);
    p[0] = (char)i; /* touch, as a caller would */
    Free(p);
  }
}

static void batch(unsigned size, typeslab_token_t tok, long rounds) {
  static __thread void *held[BATCH];
  for (long r = 0; r < rounds; ++r) {
    for (int i = 0; i < BATCH; ++i) {
      char *p = Alloc(size, tok);
      p[0] = (char)i;
      held[i] = p;
    }
    for (int i = 0; i < BATCH; ++i)
      Free(held[i]);
  }
}

struct job {
  int kind; /* 0 tight, 1 batch */
  unsigned size;
  typeslab_token_t tok;
  long n;
  pthread_barrier_t *start;
};

static void *worker(void *arg) {
  struct job *j = arg;
  pthread_barrier_wait(j->start);
  if (j->kind == 0)
    tight(j->size, j->tok, j->n);
  else
    batch(j->size, j->tok, j->n / BATCH);
  return NULL;
}

/* ns per pair per thread, all threads running the same loop at once. */
static double measure(int kind, int threads, unsigned size,
                      typeslab_token_t tok, long n) {
  /* Warm up: the first slab of every cache, thread caches, lazy init. */
  if (kind == 0)
    tight(size, tok, n / 20);
  else
    batch(size, tok, 2);
  pthread_barrier_t start;
  pthread_barrier_init(&start, NULL, (unsigned)threads);
  struct job j = {kind, size, tok, n, &start};
  pthread_t t[MAX_THREADS];
  double t0 = now_ns();
  for (int i = 1; i < threads; ++i)
    pthread_create(&t[i], NULL, worker, &j);
  worker(&j);
  for (int i = 1; i < threads; ++i)
    pthread_join(t[i], NULL);
  double dt = now_ns() - t0;
  pthread_barrier_destroy(&start);
  return dt / (double)n;
}

int main(int argc, char **argv) {
  if (argc != 3 && argc != 5) {
    fprintf(stderr, "usage: pairbench ALLOC THREADS [SIZE ITERS]\n");
    return 2;
  }
  pick(argv[1]);
  int threads = atoi(argv[2]);
  if (threads < 1 || threads > MAX_THREADS)
    return 2;
  for (int i = 0; i < NSIZES; ++i) {
    snprintf(DescName[i], sizeof DescName[i], "struct bench_%u", Sizes[i]);
    Desc[i] = (struct typeslab_type){.magic = TYPESLAB_DESC_MAGIC,
                                     .version = TYPESLAB_DESC_VERSION,
                                     .hash = 0x1000u + Sizes[i],
                                     .size = Sizes[i],
                                     .align = 8,
                                     .name = DescName[i]};
  }
  if (argc == 5) {
    unsigned size = (unsigned)atoi(argv[3]);
    long iters = atol(argv[4]);
    typeslab_token_t tok = 0;
    for (int i = 0; i < NSIZES; ++i)
      if (Sizes[i] == size)
        tok = (typeslab_token_t)(uintptr_t)&Desc[i];
    tight(size, tok, 1000); /* the same warm-up for both counts */
    tight(size, tok, iters);
    return 0;
  }
  for (int i = 0; i < NSIZES; ++i) {
    typeslab_token_t tok = (typeslab_token_t)(uintptr_t)&Desc[i];
    long n = Sizes[i] <= 512 ? 2000000 : 1000000;
    printf("%s %d %u tight %.2f\n", argv[1], threads, Sizes[i],
           measure(0, threads, Sizes[i], tok, n));
    /* Batches of big objects churn pages in some allocators (microseconds
     * a pair): fewer of them keep the run short. */
    printf("%s %d %u batch %.2f\n", argv[1], threads, Sizes[i],
           measure(1, threads, Sizes[i], tok, Sizes[i] <= 512 ? n / 2 : 100000));
    fflush(stdout);
  }
  return 0;
}
