/* The guarantees of issue 4 that no other runtime test pins down, one per
 * invocation (argv[1] names it; each selects its own mode). Each check is
 * written so that it fails when the guarantee is dropped:
 *   freelist-encoded  a free object's link is neither a plain pointer nor 0
 *   freelist-random   a fresh slab hands out slots in no fixed order
 *   zeroing-reuses    __GFP_ZERO, kzalloc, kcalloc and kmem_cache_zalloc
 *                     zero memory that was dirty and is handed out again
 *   partition-split   partitioned mode never mixes pointer and data types
 *   hash-isolated     isolated mode gives hash tokens their own caches
 *   descriptor-slot   isolated mode fills the descriptor's cache slot once
 *   random-sites      random mode picks the copy by call site, stably
 *   page-boundary     8 KiB is the largest slab object; above is pages
 *   kmem-cache-apart  kmem_cache objects never share kmalloc slabs
 *   slabinfo          the on-demand dump counts objects and slabs per cache
 *   partitions-env    TYPESLAB_PARTITIONS=4 holds after typeslab_init()
 *   malloc-replaced   every libc entry point, and libc's own allocations
 *                     (strdup), are the runtime's
 *   init-after-use    once memory is out, typeslab_init() refuses another
 *                     mode or other red-zone/poison options (objects laid
 *                     out without a red zone would be misjudged at free)
 */
#include "check.h"
#include "typeslab/kernel.h"
#include "typeslab/runtime.h"

#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define DESC(var, nm, h, sz, fl)                                               \
  __attribute__((section(TYPESLAB_DESC_SECTION), used, aligned(8)))            \
  struct typeslab_type var = {TYPESLAB_DESC_MAGIC, TYPESLAB_DESC_VERSION,      \
                              fl, h, sz, 0, 8, 0, nm, 0}
#define TOK(d) ((typeslab_token_t)(uintptr_t)&(d))
#define PTR TYPESLAB_F_HAS_POINTER

static void init(enum typeslab_mode m) {
  CHECK(typeslab_init(m, test_profile()) == 0);
}

static void freelist_encoded(void) {
  init(TYPESLAB_MODE_NONE);
  struct kmem_cache *c = kmem_cache_create("enc_cache", 64, 0, 0, NULL);
  char *p = kmem_cache_alloc(c, GFP_KERNEL), *q = kmem_cache_alloc(c, GFP_KERNEL);
  CHECK(p && q);
  const void *slab = typeslab_slab_of(p);
  kmem_cache_free(c, q);
  kmem_cache_free(c, p); /* p now links to q (or to whatever is next) */
  uintptr_t link = *(volatile uintptr_t *)p;
  CHECK(link != 0 && link != (uintptr_t)q);
  CHECK(link < (uintptr_t)slab || link >= (uintptr_t)slab + 65536);
}

static long slot_of(const void *p) {
  return (long)(((uintptr_t)p & 65535) / 64);
}

static void freelist_random(void) {
  init(TYPESLAB_MODE_NONE);
  long order[2][128];
  for (int k = 0; k < 2; ++k) {
    struct kmem_cache *c =
        kmem_cache_create(k ? "rand_b" : "rand_a", 64, 0, 0, NULL);
    for (int i = 0; i < 128; ++i) {
      void *p = kmem_cache_alloc(c, GFP_KERNEL);
      CHECK(p);
      order[k][i] = slot_of(p);
    }
  }
  int up = 0, down = 0, same = 0;
  for (int i = 1; i < 128; ++i) {
    up += order[0][i] == order[0][i - 1] + 1;
    down += order[0][i] == order[0][i - 1] - 1;
  }
  for (int i = 0; i < 128; ++i)
    same += order[0][i] == order[1][i];
  /* Sequential carving would give 127 steps of +1 (or -1), and two fresh
   * slabs the same order; a shuffle gives a handful of each. */
  CHECK(up < 32 && down < 32);
  CHECK(same < 32);
}

DESC(t_z, "struct zeroed", 0x7a7a, 200, PTR);

static int reused(void *const *a, void *const *b, int n) {
  int hits = 0;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      hits += a[i] == b[j];
  return hits;
}

static void zeroing_reuses(void) {
  init(TYPESLAB_MODE_ISOLATED);
  enum { N = 64 };
  struct kmem_cache *c = kmem_cache_create("zero_cache", 200, 0, 0, NULL);
  for (int how = 0; how < 5; ++how) {
    void *dirty[N], *fresh[N];
    for (int i = 0; i < N; ++i) {
      dirty[i] = how == 4 ? kmem_cache_alloc(c, GFP_KERNEL)
                          : kmalloc_token(200, GFP_KERNEL, TOK(t_z));
      CHECK(dirty[i]);
      memset(dirty[i], 0xff, 200);
    }
    for (int i = 0; i < N; ++i)
      how == 4 ? kmem_cache_free(c, dirty[i]) : kfree(dirty[i]);
    for (int i = 0; i < N; ++i) {
      switch (how) {
      case 0: fresh[i] = kzalloc_token(200, GFP_KERNEL, TOK(t_z)); break;
      case 1: fresh[i] = kmalloc_token(200, GFP_KERNEL | __GFP_ZERO, TOK(t_z)); break;
      case 2: fresh[i] = kcalloc_token(2, 100, GFP_KERNEL, TOK(t_z)); break;
      case 3: fresh[i] = kvzalloc_token(200, GFP_KERNEL, TOK(t_z)); break;
      default: fresh[i] = kmem_cache_zalloc(c, GFP_KERNEL); break;
      }
      CHECK(fresh[i]);
      for (int b = 0; b < 200; ++b)
        CHECK(((unsigned char *)fresh[i])[b] == 0);
    }
    /* The check has teeth only if dirty memory came back. */
    CHECK(reused(dirty, fresh, N) > 0);
    for (int i = 0; i < N; ++i)
      how == 4 ? kmem_cache_free(c, fresh[i]) : kfree(fresh[i]);
  }
}

/* 16 pointer-holding and 16 data types of one size, with spread hashes. */
#define TYPES16(M, base)                                                       \
  M(base##0, 0) M(base##1, 1) M(base##2, 2) M(base##3, 3) M(base##4, 4)        \
  M(base##5, 5) M(base##6, 6) M(base##7, 7) M(base##8, 8) M(base##9, 9)        \
  M(base##a, 10) M(base##b, 11) M(base##c, 12) M(base##d, 13) M(base##e, 14)   \
  M(base##f, 15)
#define PTR_T(v, i) DESC(v, "struct p" #i, 0x9e3779b97f4a7c15ull * (i + 1), 48, PTR);
#define DATA_T(v, i) DESC(v, "struct d" #i, 0xc2b2ae3d27d4eb4full * (i + 1), 48, 0);
TYPES16(PTR_T, tp_)
TYPES16(DATA_T, td_)
#define ADDR(v, i) &v,
static struct typeslab_type *const PtrTypes[] = {TYPES16(ADDR, tp_)};
static struct typeslab_type *const DataTypes[] = {TYPES16(ADDR, td_)};

static void partition_split(void) {
  init(TYPESLAB_MODE_PARTITIONED);
  enum { PER = 40 };
  static void *objs[2][16][PER];
  int rows_seen[2][16] = {{0}};
  for (int k = 0; k < 2; ++k)
    for (int t = 0; t < 16; ++t)
      for (int i = 0; i < PER; ++i) {
        struct typeslab_type *d = k ? PtrTypes[t] : DataTypes[t];
        void *p = objs[k][t][i] = kmalloc_token(48, GFP_KERNEL, TOK(*d));
        CHECK(p);
        unsigned row;
        CHECK(sscanf(typeslab_cache_name_of(p), "kmalloc-part-%u-", &row) == 1);
        CHECK(row >= 1 && row < 16);
        CHECK(k ? row >= 8 : row < 8); /* pointer types in the upper half */
        rows_seen[k][row] = 1;
      }
  /* No slab holds both kinds. */
  for (int t = 0; t < 16; ++t)
    for (int i = 0; i < PER; ++i)
      for (int u = 0; u < 16; ++u)
        CHECK(typeslab_slab_of(objs[1][t][i]) !=
              typeslab_slab_of(objs[0][u][i]));
  /* Partitioning partitions: the types spread over several rows. */
  int nrows[2] = {0, 0};
  for (int k = 0; k < 2; ++k)
    for (int r = 0; r < 16; ++r)
      nrows[k] += rows_seen[k][r];
  CHECK(nrows[0] >= 3 && nrows[1] >= 3);
  CHECK(!strcmp(typeslab_cache_name_of(kmalloc(48, GFP_KERNEL)), "kmalloc-48"));
}

/* Run with TYPESLAB_PARTITIONS=4: rows 1 (data) and 2-3 (pointers). */
static void partitions_env(void) {
  init(TYPESLAB_MODE_PARTITIONED);
  for (int k = 0; k < 2; ++k)
    for (int t = 0; t < 16; ++t) {
      struct typeslab_type *d = k ? PtrTypes[t] : DataTypes[t];
      unsigned row;
      void *p = kmalloc_token(48, GFP_KERNEL, TOK(*d));
      CHECK(p && sscanf(typeslab_cache_name_of(p), "kmalloc-part-%u-", &row) == 1);
      CHECK(k ? row >= 2 && row < 4 : row == 1);
    }
}

static void malloc_replaced(void) {
  init(TYPESLAB_MODE_NONE);
  void *a = malloc(10), *b = calloc(3, 7), *c = realloc(NULL, 30);
  void *d = reallocarray(NULL, 4, 4), *e = aligned_alloc(64, 64);
  void *f = memalign(128, 10), *g = NULL;
  char *h = strdup("allocated inside libc");
  CHECK(posix_memalign(&g, 256, 10) == 0);
  void *all[] = {a, b, c, d, e, f, g, h};
  for (unsigned i = 0; i < 8; ++i) {
    CHECK(all[i] && typeslab_slab_of(all[i]));
    CHECK(malloc_usable_size(all[i]) == ksize(all[i]));
  }
  c = realloc(c, 5000);
  CHECK(c && typeslab_slab_of(c));
  all[2] = c;
  for (unsigned i = 0; i < 8; ++i)
    free(all[i]);
  CHECK(ksize(a) == 0 && ksize(h) == 0);
}

static void hash_isolated(void) {
  init(TYPESLAB_MODE_ISOLATED);
  enum { N = 2000 };
  static void *a[N], *b[N], *u[N];
  for (int i = 0; i < N; ++i) {
    a[i] = kmalloc_token(48, GFP_KERNEL, 0x1234);
    b[i] = kmalloc_token(48, GFP_KERNEL, 0x5678);
    u[i] = kmalloc(48, GFP_KERNEL);
    CHECK(a[i] && b[i] && u[i]);
  }
  CHECK(!strcmp(typeslab_cache_name_of(a[0]), "type-0x1234[48]"));
  CHECK(!strcmp(typeslab_cache_name_of(b[0]), "type-0x5678[48]"));
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; j += 61) {
      CHECK(typeslab_slab_of(a[i]) != typeslab_slab_of(b[j]));
      CHECK(typeslab_slab_of(a[i]) != typeslab_slab_of(u[j]));
      CHECK(typeslab_slab_of(b[i]) != typeslab_slab_of(u[j]));
    }
  CHECK(typeslab_type_pairs_sharing_slab() == 0);
  CHECK(typeslab_check_isolation() == 0);
}

DESC(t_slot, "struct slotted", 0x51075107, 80, PTR);

static void descriptor_slot(void) {
  init(TYPESLAB_MODE_ISOLATED);
  CHECK(t_slot.cache == NULL);
  void *p = kmalloc_token(80, GFP_KERNEL, TOK(t_slot));
  void *slot = t_slot.cache;
  CHECK(p && slot != NULL); /* filled at first use */
  void *q = kmalloc_token(80, GFP_KERNEL, TOK(t_slot));
  CHECK(t_slot.cache == slot); /* and never replaced */
  CHECK(typeslab_cache_name_of(p) == typeslab_cache_name_of(q));
  CHECK(!strcmp(typeslab_cache_name_of(p), "struct slotted"));
}

/* 32 distinct call sites; the switch keeps them apart. */
static void *site(int i) {
#define S(n)                                                                   \
  case n:                                                                      \
    return kmalloc(64, GFP_KERNEL);
  switch (i) {
    S(0) S(1) S(2) S(3) S(4) S(5) S(6) S(7) S(8) S(9) S(10) S(11) S(12) S(13)
    S(14) S(15) S(16) S(17) S(18) S(19) S(20) S(21) S(22) S(23) S(24) S(25)
    S(26) S(27) S(28) S(29) S(30) S(31)
  }
  return NULL;
}

static void random_sites(void) {
  init(TYPESLAB_MODE_RANDOM);
  const char *first[32];
  int distinct = 0;
  for (int i = 0; i < 32; ++i) {
    void *p = site(i);
    first[i] = typeslab_cache_name_of(p);
    CHECK(!strncmp(first[i], "kmalloc-rnd-", 12));
    int seen = 0;
    for (int j = 0; j < i; ++j)
      seen |= first[j] == first[i];
    distinct += !seen;
    for (int again = 0; again < 4; ++again) /* the same site, the same copy */
      CHECK(typeslab_cache_name_of(site(i)) == first[i]);
  }
  CHECK(distinct >= 4);
}

static void page_boundary(void) {
  init(TYPESLAB_MODE_ISOLATED);
  void *a = kmalloc(8192, GFP_KERNEL), *b = kmalloc(8193, GFP_KERNEL);
  void *c = kmalloc_token(8192, GFP_KERNEL, 0x99), *d = kvmalloc(1 << 20, GFP_KERNEL);
  CHECK(a && b && c && d);
  CHECK(typeslab_slab_of(a) && typeslab_slab_of(c));
  CHECK(!typeslab_slab_of(b) && !typeslab_slab_of(d));
  CHECK(ksize(b) == 8193 && ksize(d) == 1 << 20);
  CHECK(((uintptr_t)b & 4095) == 0 && ((uintptr_t)d & 4095) == 0);
  CHECK(typeslab_object_token(c) == 0x99);
  kfree(a);
  kfree(b);
  kfree(c);
  kvfree(d);
}

static void kmem_cache_apart(void) {
  init(TYPESLAB_MODE_NONE);
  struct kmem_cache *c = kmem_cache_create("apart_cache", 64, 0, 0, NULL);
  enum { N = 3000 };
  static void *k[N], *m[N];
  for (int i = 0; i < N; ++i) {
    k[i] = kmem_cache_alloc(c, GFP_KERNEL);
    m[i] = kmalloc(64, GFP_KERNEL);
    CHECK(k[i] && m[i]);
  }
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; j += 53)
      CHECK(typeslab_slab_of(k[i]) != typeslab_slab_of(m[j]));
}

static void slabinfo(void) {
  init(TYPESLAB_MODE_ISOLATED);
  for (int i = 0; i < 10; ++i)
    CHECK(kmalloc_token(80, GFP_KERNEL, TOK(t_slot)));
  char buf[8192] = {0};
  FILE *f = fmemopen(buf, sizeof buf - 1, "w");
  CHECK(f);
  typeslab_slabinfo(f);
  fclose(f);
  CHECK(strstr(buf, "# typeslab slabinfo, mode isolated\n"));
  /* name, objsize, active, total (64 KiB / 80), slabs */
  char *row = strstr(buf, "\nstruct slotted ");
  CHECK(row);
  char name[64];
  unsigned objsize;
  size_t active, total, slabs;
  CHECK(sscanf(row + 1, "struct %63s %u %zu %zu %zu", name, &objsize, &active,
               &total, &slabs) == 5);
  CHECK(!strcmp(name, "slotted") && objsize == 80 && active == 10 &&
        total == 65536 / 80 && slabs == 1);
}

static void init_after_use(void) {
  char *p = kmalloc(40, GFP_KERNEL); /* the environment's mode: none */
  CHECK(p);
  memset(p, 0x11, 40);
  CHECK(typeslab_init(TYPESLAB_MODE_NONE, TYPESLAB_OPT_REDZONE) == -1);
  CHECK(typeslab_init(TYPESLAB_MODE_NONE, TYPESLAB_OPT_POISON) == -1);
  CHECK(typeslab_init(TYPESLAB_MODE_ISOLATED, test_profile()) == -1);
  /* Nor the profile: the objects' layout depends on it. */
  CHECK(typeslab_init(TYPESLAB_MODE_NONE, test_profile() ^ TYPESLAB_OPT_FAST) ==
        -1);
  CHECK(typeslab_init(TYPESLAB_MODE_NONE,
                      TYPESLAB_OPT_CONTINUE | test_profile()) == 0);
  CHECK(typeslab_init(TYPESLAB_MODE_NONE, test_profile()) == 0);
  kfree(p); /* no red zone to check: no report */
}

int main(int argc, char **argv) {
  static const struct {
    const char *name;
    void (*run)(void);
  } checks[] = {{"freelist-encoded", freelist_encoded},
                {"freelist-random", freelist_random},
                {"zeroing-reuses", zeroing_reuses},
                {"partition-split", partition_split},
                {"hash-isolated", hash_isolated},
                {"descriptor-slot", descriptor_slot},
                {"random-sites", random_sites},
                {"page-boundary", page_boundary},
                {"kmem-cache-apart", kmem_cache_apart},
                {"slabinfo", slabinfo},
                {"partitions-env", partitions_env},
                {"malloc-replaced", malloc_replaced},
                {"init-after-use", init_after_use}};
  CHECK(argc == 2);
  for (unsigned i = 0; i < sizeof checks / sizeof checks[0]; ++i)
    if (!strcmp(argv[1], checks[i].name)) {
      checks[i].run();
      CHECK(typeslab_error_count() == 0);
      printf("%s: ok\n", argv[1]);
      return 0;
    }
  return 2;
}
