/* Producer/consumer frees across threads, in the mode named by argv[1]:
 * producers allocate (kmalloc_token with descriptor, hash and untyped
 * tokens, typeslab_malloc, kmem_cache_alloc from one shared cache), fill
 * each object with a pattern and hand it to a consumer through a lock-free
 * single-producer/single-consumer ring; consumers check the pattern, the
 * size and the type, sometimes krealloc it, and free it, while the producer
 * frees some of its own objects from the same slabs. All threads make their
 * first allocation of a fresh type at the same moment, so the lazy per-type
 * cache creation races. argv[2] sets the objects per producer (20000).
 * Built plain and under TSan; a data race, a lost object or a changed byte
 * fails. */
#include "check.h"
#include "typeslab/kernel.h"
#include "typeslab/libc.h"
#include "typeslab/runtime.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#define DESC(var, nm, sz, fl)                                                  \
  __attribute__((section(TYPESLAB_DESC_SECTION), used, aligned(8)))            \
  struct typeslab_type var = {TYPESLAB_DESC_MAGIC, TYPESLAB_DESC_VERSION,      \
                              fl, 0x4a4d0000u + sz, sz, 0, 8, 0, nm, 0}
DESC(t_msg, "struct ho_msg", 48, TYPESLAB_F_HAS_POINTER);
DESC(t_buf, "struct ho_buf", 200, 0);
DESC(t_race, "struct ho_race", 64, TYPESLAB_F_HAS_POINTER);

#define PAIRS 2
static unsigned ITEMS = 20000; /* argv[2] */
#define RING 64

struct item {
  unsigned char *p;
  size_t n;
  typeslab_token_t token;
  int from_cache;
};

struct ring {
  struct item slot[RING];
  _Atomic unsigned head, tail; /* head: next to write; tail: next to read */
};

static struct ring rings[PAIRS];
static struct kmem_cache *shared_cache;
static _Atomic int ready;
static void *raced[2 * PAIRS];

static uint64_t rnd(uint64_t *s) {
  *s ^= *s << 13;
  *s ^= *s >> 7;
  *s ^= *s << 17;
  return *s;
}

static unsigned char pattern(const void *p, size_t i) {
  return (unsigned char)(((uintptr_t)p >> 4) + i * 7);
}

static void fill(unsigned char *p, size_t n) {
  for (size_t i = 0; i < n; ++i)
    p[i] = pattern(p, i);
}

static void check_fill(const unsigned char *p, size_t n) {
  for (size_t i = 0; i < n; ++i)
    CHECK(p[i] == pattern(p, i));
}

/* Every thread's first allocation of struct ho_race happens at once. */
static void race_for_type(int id) {
  atomic_fetch_add(&ready, 1);
  while (atomic_load(&ready) < 2 * PAIRS)
    sched_yield();
  raced[id] = kmalloc_token(64, GFP_KERNEL, (uintptr_t)&t_race);
  CHECK(raced[id]);
}

static void *producer(void *arg) {
  int id = (int)(intptr_t)arg;
  struct ring *r = &rings[id];
  uint64_t seed = 0x9e3779b97f4a7c15ull * (uint64_t)(id + 1);
  const typeslab_token_t toks[] = {(uintptr_t)&t_msg, (uintptr_t)&t_buf,
                                   0x77aa, 0};
  unsigned char *mine[32] = {0};
  race_for_type(id);
  for (unsigned k = 0; k < ITEMS; ++k) {
    uint64_t x = rnd(&seed);
    struct item it = {0};
    it.token = toks[x % 4];
    it.n = 1 + (x >> 8) % ((x & 0x300) ? 300 : 9000);
    if ((x >> 40) % 8 == 0) {
      it.p = kmem_cache_alloc(shared_cache, GFP_KERNEL);
      it.n = 40;
      it.from_cache = 1;
      it.token = 0;
    } else if ((x >> 40) % 8 == 1) {
      it.p = typeslab_malloc(it.n, it.token);
    } else {
      it.p = kmalloc_token(it.n, GFP_KERNEL, it.token);
    }
    CHECK(it.p);
    fill(it.p, it.n);
    /* Every fourth object stays here a while and is freed locally, so that
     * local and remote frees hit the same slabs. */
    if ((x >> 50) % 4 == 0) {
      unsigned char **m = &mine[(x >> 52) % 32];
      if (*m) {
        check_fill(*m, 1);
        kfree(*m);
      }
      *m = kmalloc_token(it.n, GFP_KERNEL, it.token);
      CHECK(*m);
      fill(*m, 1);
    }
    unsigned h = atomic_load_explicit(&r->head, memory_order_relaxed);
    while (h - atomic_load_explicit(&r->tail, memory_order_acquire) == RING)
      sched_yield();
    r->slot[h % RING] = it;
    atomic_store_explicit(&r->head, h + 1, memory_order_release);
  }
  for (unsigned i = 0; i < 32; ++i)
    kfree(mine[i]);
  return NULL;
}

static void *consumer(void *arg) {
  int id = (int)(intptr_t)arg;
  struct ring *r = &rings[id];
  race_for_type(PAIRS + id);
  for (unsigned k = 0; k < ITEMS; ++k) {
    unsigned t = atomic_load_explicit(&r->tail, memory_order_relaxed);
    while (atomic_load_explicit(&r->head, memory_order_acquire) == t)
      sched_yield();
    struct item it = r->slot[t % RING];
    atomic_store_explicit(&r->tail, t + 1, memory_order_release);
    check_fill(it.p, it.n);
    CHECK(ksize(it.p) >= it.n);
    CHECK(typeslab_object_token(it.p) == it.token);
    if (it.from_cache) {
      kmem_cache_free(shared_cache, it.p);
      continue;
    }
    if (k % 5 == 0) { /* grow across threads: contents and type travel */
      unsigned char *q = krealloc(it.p, it.n + 500, GFP_KERNEL);
      CHECK(q && q[0] == pattern(it.p, 0) && q[it.n - 1] == pattern(it.p, it.n - 1));
      CHECK(typeslab_object_token(q) == it.token);
      it.p = q;
    }
    kfree(it.p);
  }
  return NULL;
}

int main(int argc, char **argv) {
  CHECK(argc == 2 || argc == 3);
  const char *m = argv[1];
  if (argc == 3)
    ITEMS = (unsigned)atoi(argv[2]);
  CHECK(ITEMS > 0);
  enum typeslab_mode mode = !strcmp(m, "isolated")      ? TYPESLAB_MODE_ISOLATED
                            : !strcmp(m, "random")      ? TYPESLAB_MODE_RANDOM
                            : !strcmp(m, "partitioned") ? TYPESLAB_MODE_PARTITIONED
                                                        : TYPESLAB_MODE_NONE;
  CHECK(typeslab_init(mode, test_profile()) == 0);
  shared_cache = kmem_cache_create("handoff_cache", 40, 8, 0, NULL);
  CHECK(shared_cache);
  pthread_t th[2 * PAIRS];
  for (int i = 0; i < PAIRS; ++i) {
    CHECK(pthread_create(&th[i], NULL, producer, (void *)(intptr_t)i) == 0);
    CHECK(pthread_create(&th[PAIRS + i], NULL, consumer,
                         (void *)(intptr_t)i) == 0);
  }
  for (int i = 0; i < 2 * PAIRS; ++i)
    CHECK(pthread_join(th[i], NULL) == 0);
  /* The racing first allocations all found one cache for the type. */
  const char *race_cache = typeslab_cache_name_of(raced[0]);
  for (int i = 0; i < 2 * PAIRS; ++i) {
    CHECK(typeslab_cache_name_of(raced[i]) == race_cache);
    kfree(raced[i]);
  }
  if (mode == TYPESLAB_MODE_ISOLATED) {
    /* The type's own cache, or (hardened, a size the canary takes past
     * its natural alignment) one of its buckets. */
    CHECK(!strncmp(race_cache, "struct ho_race", 14));
    CHECK(typeslab_check_isolation() == 0);
  }
  CHECK(typeslab_error_count() == 0);
  printf("handoff %s: %d x %u objects freed across threads: ok\n", m, PAIRS,
         ITEMS);
  return 0;
}
