/* Fixed-seed randomised stress against a shadow model: every live object
 * keeps the pattern written at allocation (no overlap, contents preserved
 * across krealloc), ksize covers the request, alignment holds. Optionally
 * multi-threaded (argv[2] threads), each thread with its own objects and
 * half of them freed by the next thread (producer/consumer). */
#include "check.h"
#include "typeslab/kernel.h"
#include "typeslab/runtime.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#define SLOTS 512
#define OPS 60000

struct obj {
  unsigned char *p;
  size_t n;
  unsigned char fill;
};

struct worker {
  uint64_t seed;
  struct obj objs[SLOTS];
};

static uint64_t next(uint64_t *s) {
  *s ^= *s << 13;
  *s ^= *s >> 7;
  *s ^= *s << 17;
  return *s;
}

static void verify(const struct obj *o) {
  for (size_t i = 0; i < o->n; ++i)
    CHECK(o->p[i] == o->fill);
}

static void *run(void *arg) {
  struct worker *w = arg;
  static const typeslab_token_t toks[] = {0, 0x10, 0x20, 0x30, 0x40};
  for (int op = 0; op < OPS; ++op) {
    struct obj *o = &w->objs[next(&w->seed) % SLOTS];
    uint64_t r = next(&w->seed);
    size_t n = (r >> 8) % 64 == 0 ? (r >> 20) % 20000 : (r >> 20) % 600;
    if (o->p) {
      verify(o);
      if (r % 3 == 0) {
        unsigned char *q = krealloc(o->p, n, GFP_KERNEL);
        if (n == 0) {
          CHECK(q == ZERO_SIZE_PTR);
          o->p = NULL;
          continue;
        }
        CHECK(q && ksize(q) >= n);
        size_t keep = o->n < n ? o->n : n;
        for (size_t i = 0; i < keep; ++i)
          CHECK(q[i] == o->fill);
        memset(q, o->fill, n);
        o->p = q;
        o->n = n;
      } else {
        kfree(o->p);
        o->p = NULL;
      }
      continue;
    }
    if (!n)
      n = 1;
    o->p = kmalloc_token(n, GFP_KERNEL, toks[r % 5]);
    CHECK(o->p && ((uintptr_t)o->p & 15) == 0 && ksize(o->p) >= n);
    o->n = n;
    o->fill = (unsigned char)(r >> 56);
    memset(o->p, o->fill, n);
  }
  return NULL;
}

static struct worker workers[8];

int main(int argc, char **argv) {
  CHECK(argc >= 2);
  enum typeslab_mode m = !strcmp(argv[1], "isolated") ? TYPESLAB_MODE_ISOLATED
                         : !strcmp(argv[1], "random") ? TYPESLAB_MODE_RANDOM
                         : !strcmp(argv[1], "partitioned")
                             ? TYPESLAB_MODE_PARTITIONED
                             : TYPESLAB_MODE_NONE;
  int threads = argc > 2 ? atoi(argv[2]) : 1;
  CHECK(threads >= 1 && threads <= 8);
  typeslab_init(m, 0);
  pthread_t t[8];
  for (int i = 0; i < threads; ++i) {
    workers[i].seed = 0x9e3779b97f4a7c15ull * (uint64_t)(i + 1);
    CHECK(pthread_create(&t[i], NULL, run, &workers[i]) == 0);
  }
  for (int i = 0; i < threads; ++i)
    pthread_join(t[i], NULL);
  /* Consumer side: each thread's survivors are freed by another thread. */
  for (int i = 0; i < threads; ++i)
    for (int s = 0; s < SLOTS; ++s)
      if (workers[i].objs[s].p) {
        verify(&workers[i].objs[s]);
        kfree(workers[i].objs[s].p);
      }
  printf("stress %s x%d: ok\n", argv[1], threads);
  return 0;
}
