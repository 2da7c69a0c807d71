/*===- test/fuzz/runtime_fuzz.c - libFuzzer target for the runtime --------===*
 *
 * Reads each input as a sequence of operations on the runtime: the kmalloc
 * family (kmalloc, kzalloc, kmalloc_array, kcalloc, kvmalloc, kvzalloc,
 * kvmalloc_array, kvcalloc, *_node, krealloc, krealloc_array, kvrealloc,
 * kmemdup, kstrdup, kstrndup, kmemdup_nul, kfree, kvfree, kfree_sensitive,
 * ksize), the typed libc entry points and clang's __alloc_token_* names, and
 * kmem_cache_*, with typed tokens (real descriptors from token.h, hash
 * tokens, untyped 0). Every answer is checked against the shadow model
 * (shadow.h): contents preserved, no overlap between live objects,
 * alignment, documented results for zero, overflowing and absurd sizes, the
 * type each object carries, and slab ownership (a slab stays with its cache
 * for life in every mode; in isolated mode it holds one type; in partitioned
 * mode pointer and data types never share one).
 *
 * Misuse runs with report-and-continue: double free, interior free, free of
 * a stack or global pointer, kmem_cache_free to the wrong cache and krealloc
 * of a freed pointer must each add exactly one report and change nothing
 * else; every other operation must add none.
 *
 * The mode and options come from the environment, as for any program:
 *   TYPESLAB_MODE=isolated TYPESLAB_REDZONE=1 TYPESLAB_POISON=1 \
 *     build/bin/typeslab-fuzz -seed=1 -max_total_time=15
 * Built with clang -fsanitize=fuzzer,address,undefined; the runtime sources
 * are compiled into the target with the same flags (test/fuzz/CMakeLists.txt).
 *
 *===----------------------------------------------------------------------===*/
#include "shadow.h"
#include "typeslab/kernel.h"
#include "typeslab/libc.h"
#include "typeslab/runtime.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ---- Types: real descriptors, hash tokens and the untyped token. ------- */

#define DESC(var, nm, sz, el, al, fl)                                          \
  __attribute__((section(TYPESLAB_DESC_SECTION), used, aligned(8)))            \
  static struct typeslab_type var = {TYPESLAB_DESC_MAGIC,                      \
                                     TYPESLAB_DESC_VERSION,                    \
                                     fl,                                       \
                                     0x5eed0000u + sz,                         \
                                     sz,                                       \
                                     el,                                       \
                                     al,                                       \
                                     0,                                        \
                                     nm,                                       \
                                     0}
#define PTR TYPESLAB_F_HAS_POINTER
DESC(t_small, "struct fz_small", 16, 0, 8, PTR);
DESC(t_node, "struct fz_node", 48, 0, 8, PTR);
DESC(t_data, "struct fz_data", 100, 0, 4, 0);
DESC(t_flex, "struct fz_flex", 24, 8, 8, PTR | TYPESLAB_F_HAS_FLEX);
DESC(t_line, "struct fz_line", 192, 0, 64, 0);
DESC(t_page, "struct fz_page", 4000, 0, 8, PTR);
DESC(t_big, "struct fz_big", 9000, 0, 8, 0);

static struct typeslab_type *const Descs[] = {&t_small, &t_node, &t_data,
                                              &t_flex,  &t_line, &t_page,
                                              &t_big};
#define NDESCS (sizeof Descs / sizeof Descs[0])
static const uint64_t HashTokens[] = {0x5eed0001u, 0xabcdef0123456789ull};
#define NTOKENS (NDESCS + 2 + 1)

static uint64_t token_at(unsigned i) {
  i %= NTOKENS;
  if (i < NDESCS)
    return (uint64_t)(uintptr_t)Descs[i];
  if (i < NDESCS + 2)
    return HashTokens[i - NDESCS];
  return 0;
}

static const struct typeslab_type *desc_of(uint64_t token) {
  for (unsigned i = 0; i < NDESCS; ++i)
    if (token == (uint64_t)(uintptr_t)Descs[i])
      return Descs[i];
  return NULL;
}

/* ---- kmem_caches, made once per process (caches are never reused). ---- */

struct fz_cache {
  const char *name;
  unsigned size, align;
  int ctor;
  struct kmem_cache *c;
};
static void ctor_a5(void *p) { memset(p, 0xa5, 24); }
static struct fz_cache Caches[] = {{"fz_cache_ctor", 24, 8, 1, NULL},
                                   {"fz_cache_200", 200, 64, 0, NULL},
                                   {"fz_cache_4096", 4096, 0, 0, NULL},
                                   {"fz_cache_8192", 8192, 0, 0, NULL}};
#define NCACHES (sizeof Caches / sizeof Caches[0])
#define CACHE_KEY(i) ((1ull << 63) | (i))

/* ---- Input reader. ------------------------------------------------------ */

struct input {
  const uint8_t *d;
  size_t n, i;
};
static unsigned u8(struct input *in) { return in->i < in->n ? in->d[in->i++] : 0; }
static unsigned u16(struct input *in) { return u8(in) | u8(in) << 8; }

/* ---- Model state. ------------------------------------------------------- */

#define NSLOTS 64
#define NFREED 16
static struct shadow_obj Objs[NSLOTS];
static void *Freed[NFREED]; /* recently freed pointers, for misuse ops */
static unsigned FreedNext;
static size_t Errors;       /* reports the runtime must have made so far */
static enum typeslab_mode Mode;

#define KMAX (4ul << 20)    /* KMALLOC_MAX_SIZE */
#define KVMAX ((size_t)INT_MAX)
#define LIBCMAX (1ull << 40)
static volatile size_t Huge[] = {(4ul << 20) + 1, (size_t)INT_MAX + 1,
                                 (1ull << 40) + 1, SIZE_MAX - 4095, SIZE_MAX};

/* A size: mostly small, some on class boundaries, some large (pages),
 * rarely absurd. Real allocations stay under ~140 KiB to keep runs fast. */
static size_t pick_size(struct input *in) {
  static const size_t edges[] = {16,   17,   48,   64,   65,   256,
                                 512,  4096, 6144, 8191, 8192, 8193};
  unsigned b = u8(in);
  switch (b % 8) {
  case 0:
    return b / 8;
  case 1:
  case 2:
  case 3:
    return u16(in) % 1024 + 1;
  case 4:
    return edges[(b / 8) % 12];
  case 5:
    return u16(in) % 8193;
  case 6:
    return 8193 + (size_t)u16(in) * 2;
  default:
    return Huge[(b / 8) % 5];
  }
}

static gfp_t pick_gfp(struct input *in) {
  static const gfp_t base[] = {GFP_KERNEL, GFP_ATOMIC, GFP_NOWAIT,
                               GFP_KERNEL | __GFP_ACCOUNT,
                               GFP_KERNEL | __GFP_NOWARN,
                               GFP_KERNEL | __GFP_NOFAIL};
  unsigned b = u8(in);
  return base[b % 6] | ((b & 0x80) ? __GFP_ZERO : 0);
}

static void check_errors(const char *op) {
  FUZZ_CHECK(typeslab_error_count() == Errors,
             "%s: %zu misuse reports, expected %zu", op,
             typeslab_error_count(), Errors);
}

/* Expected NULL from a failing allocation: __GFP_NOFAIL reports it. */
static void expect_fail(void *p, gfp_t gfp, const char *op) {
  FUZZ_CHECK(p == NULL, "%s: %p from a request that must fail", op, p);
  if (gfp & __GFP_NOFAIL)
    ++Errors;
}

static void remember_freed(void *p) {
  Freed[FreedNext] = p;
  FreedNext = (FreedNext + 1) % NFREED;
}

static int is_live(const void *p) {
  for (unsigned i = 0; i < NSLOTS; ++i)
    if (Objs[i].p == p)
      return 1;
  return 0;
}

/* Every check on a freshly placed object o, then its fill. */
static void admit(struct shadow_obj *o, size_t align, int zeroed,
                  const char *op) {
  uintptr_t a = (uintptr_t)o->p;
  FUZZ_CHECK(a % 16 == 0, "%s: %p is not 16-byte aligned", op, (void *)o->p);
  FUZZ_CHECK(!align || a % align == 0, "%s: %p is not %zu-byte aligned", op,
             (void *)o->p, align);
  o->usable = ksize(o->p);
  FUZZ_CHECK(o->usable >= o->req, "%s: ksize %zu < request %zu", op,
             o->usable, o->req);
  if (zeroed)
    for (size_t i = 0; i < o->req; ++i)
      FUZZ_CHECK(o->p[i] == 0, "%s: byte %zu of %p not zeroed", op, i,
                 (void *)o->p);
  shadow_check_overlap(Objs, NSLOTS, o);
  uint64_t want = o->kind == OBJ_CACHE ? 0 : o->token;
  FUZZ_CHECK(typeslab_object_token(o->p) == want,
             "%s: %p carries token %#llx, expected %#llx", op, (void *)o->p,
             (unsigned long long)typeslab_object_token(o->p),
             (unsigned long long)want);
  const void *slab = typeslab_slab_of(o->p);
  if (slab) {
    const char *cache = typeslab_cache_name_of(o->p);
    const struct typeslab_type *d = desc_of(o->token);
    uint64_t key = o->kind == OBJ_CACHE ? CACHE_KEY(o->cache) : o->token;
    unsigned ptr_class =
        o->kind == OBJ_CACHE || !d ? 0 : (d->flags & PTR) ? 2 : 1;
    shadow_slab_note(slab, cache, key, ptr_class,
                     Mode == TYPESLAB_MODE_ISOLATED,
                     Mode == TYPESLAB_MODE_PARTITIONED);
    if (Mode == TYPESLAB_MODE_ISOLATED && o->kind != OBJ_CACHE) {
      const char *want_name = d ? d->name : o->token ? "type-" : "kmalloc-untyped-";
      FUZZ_CHECK(!strncmp(cache, want_name, strlen(want_name)),
                 "%s: %p of token %#llx in cache '%s'", op, (void *)o->p,
                 (unsigned long long)o->token, cache);
    }
    if (o->kind == OBJ_CACHE)
      FUZZ_CHECK(!strcmp(cache, Caches[o->cache].name),
                 "%s: kmem_cache object in cache '%s'", op, cache);
  }
  o->seed = (uint8_t)(a >> 4) ^ (uint8_t)o->req;
  shadow_fill(o);
}

static void release(struct shadow_obj *o) {
  remember_freed(o->p);
  o->p = NULL;
}

/* ---- Operations. -------------------------------------------------------- */

enum { K_PLAIN, K_ARRAY, K_NODE };

/* Requests that would succeed but are too big to fill quickly are skipped:
 * the fuzzer writes and checks every byte it is given. */
#define FILL_MAX (1ul << 20)
static int skip_big(size_t bytes, int overflow, size_t max) {
  return !overflow && bytes > FILL_MAX && bytes <= max;
}

/* kmalloc-family allocation of one of 12 spellings into an empty slot. */
enum { F_ARRAY = 1, F_ZERO = 2, F_KV = 4 };
static void op_kalloc(struct input *in, struct shadow_obj *o) {
  static const unsigned flags[12] = {
      0,       F_ZERO,         F_ARRAY,        F_ARRAY | F_ZERO,
      F_KV,    F_KV | F_ZERO,  F_KV | F_ARRAY, F_KV | F_ARRAY | F_ZERO,
      0,       F_ZERO,         F_ARRAY | F_ZERO, F_ARRAY};
  unsigned which = u8(in) % 12, f = flags[which];
  size_t n = 1 + u8(in) % 64, size = pick_size(in), bytes = size;
  if (u8(in) % 16 == 0)
    n = SIZE_MAX / 2 + 1 + u8(in); /* overflowing n * size */
  gfp_t gfp = pick_gfp(in);
  uint64_t tok = token_at(u8(in));
  int overflow = (f & F_ARRAY) && __builtin_mul_overflow(n, size, &bytes);
  size_t max = (f & F_KV) ? KVMAX : KMAX;
  if (skip_big(bytes, overflow, max))
    return;
  void *p;
  switch (which) {
  case 0: p = kmalloc_token(size, gfp, tok); break;
  case 1: p = kzalloc_token(size, gfp, tok); break;
  case 2: p = kmalloc_array_token(n, size, gfp, tok); break;
  case 3: p = kcalloc_token(n, size, gfp, tok); break;
  case 4: p = kvmalloc_token(size, gfp, tok); break;
  case 5: p = kvzalloc_token(size, gfp, tok); break;
  case 6: p = kvmalloc_array_token(n, size, gfp, tok); break;
  case 7: p = kvcalloc_token(n, size, gfp, tok); break;
  case 8: p = kmalloc_node_token(size, gfp, -1, tok); break;
  case 9: p = kzalloc_node_token(size, gfp, 0, tok); break;
  case 10: p = kcalloc_node_token(n, size, gfp, 0, tok); break;
  default: p = kmalloc_array_node_token(n, size, gfp, 0, tok); break;
  }
  if (overflow || bytes > max) {
    expect_fail(p, gfp, "kmalloc family");
    return;
  }
  if (!bytes) {
    FUZZ_CHECK(p == ZERO_SIZE_PTR, "kmalloc family: size 0 gave %p", p);
    return;
  }
  FUZZ_CHECK(p != NULL, "kmalloc family: NULL for %zu bytes", bytes);
  *o = (struct shadow_obj){p, bytes, 0, 0, OBJ_KMALLOC, 0, tok};
  admit(o, 0, (f & F_ZERO) || (gfp & __GFP_ZERO), "kmalloc family");
}

/* Typed libc entry points and clang's __alloc_token_* names. */
static void op_libc(struct input *in, struct shadow_obj *o) {
  static const size_t aligns[] = {0, 1, 3, 8, 16, 24, 32, 64, 128, 256, 512,
                                  1024, 4096, 8192, 16384, 48};
  unsigned which = u8(in) % 8;
  size_t n = 1 + u8(in) % 32, size = pick_size(in), bytes = size;
  size_t align = aligns[u8(in) % 16];
  uint64_t tok = token_at(u8(in));
  int zero = which == 2 || which == 3, bad_align = 0, overflow = 0;
  if (zero)
    overflow = __builtin_mul_overflow(n, size, &bytes);
  if (skip_big(bytes, overflow, LIBCMAX))
    return;
  void *p = NULL;
  errno = 0;
  switch (which) {
  case 0: p = typeslab_malloc(size, tok); align = 0; break;
  case 1: p = __alloc_token_malloc(size, tok); align = 0; break;
  case 2:
  case 3:
    p = which == 2 ? typeslab_calloc(n, size, tok)
                   : __alloc_token_calloc(n, size, tok);
    align = 0;
    break;
  case 4: p = typeslab_aligned_alloc(align, size, tok); break;
  case 5: p = __alloc_token_memalign(align, size, tok); break;
  default: {
    int rc = which == 6 ? typeslab_posix_memalign((void **)&p, align, size, tok)
                        : __alloc_token_posix_memalign((void **)&p, align,
                                                       size, tok);
    bad_align = !align || (align & (align - 1)) || align % sizeof(void *);
    FUZZ_CHECK(bad_align ? rc == EINVAL : (p ? rc == 0 : rc == ENOMEM),
               "posix_memalign(%zu, %zu) returned %d", align, size, rc);
    break;
  }
  }
  if (which == 4 || which == 5)
    bad_align = !align || (align & (align - 1));
  if (bad_align || overflow || bytes > LIBCMAX) {
    FUZZ_CHECK(p == NULL, "libc: %p for align %zu size %zu", p, align, size);
    if (which < 6)
      FUZZ_CHECK(errno == (bad_align ? EINVAL : ENOMEM),
                 "libc: errno %d after a failed allocation", errno);
    return;
  }
  /* malloc(0) is a unique, freeable pointer. */
  FUZZ_CHECK(p != NULL && p != ZERO_SIZE_PTR, "libc: %p for %zu bytes", p,
             bytes);
  *o = (struct shadow_obj){p, bytes, 0, 0, OBJ_LIBC, 0, tok};
  admit(o, align, zero, "libc");
}

static void op_cache_alloc(struct input *in, struct shadow_obj *o) {
  unsigned i = u8(in) % NCACHES;
  int zero = u8(in) & 1;
  struct fz_cache *c = &Caches[i];
  unsigned char *p = zero ? kmem_cache_zalloc(c->c, GFP_KERNEL)
                          : kmem_cache_alloc(c->c, GFP_KERNEL);
  FUZZ_CHECK(p != NULL, "kmem_cache_alloc(%s) failed", c->name);
  if (c->ctor && !zero)
    for (unsigned k = 0; k < 24; ++k)
      FUZZ_CHECK(p[k] == 0xa5, "constructor did not run on %p", (void *)p);
  *o = (struct shadow_obj){p, c->size, 0, 0, OBJ_CACHE, i, 0};
  admit(o, c->align, zero, "kmem_cache_alloc");
}

static void op_kmemdup(struct input *in, struct shadow_obj *o) {
  static char src[1024];
  size_t len = u16(in) % 1024;
  uint64_t tok = token_at(u8(in));
  uint8_t seed = (uint8_t)u8(in);
  for (size_t i = 0; i < len; ++i)
    src[i] = (char)fill_byte(seed, i);
  unsigned how = u8(in) % 4;
  if (how == 0) {
    void *p = kmemdup_token(src, len, GFP_KERNEL, tok);
    if (!len) {
      FUZZ_CHECK(p == ZERO_SIZE_PTR, "kmemdup of 0 bytes gave %p", p);
      return;
    }
    *o = (struct shadow_obj){p, len, 0, seed, OBJ_KMALLOC, 0, tok};
    FUZZ_CHECK(p != NULL, "kmemdup failed");
    shadow_verify(o, len, "kmemdup");
  } else if (how == 3) {
    /* kmemdup_nul copies len bytes, NULs included, and terminates. */
    char *p = kmemdup_nul_token(src, len, GFP_KERNEL, tok);
    FUZZ_CHECK(p && !memcmp(p, src, len) && p[len] == 0,
               "kmemdup_nul of %zu bytes", len);
    *o = (struct shadow_obj){(unsigned char *)p, len + 1, 0, 0, OBJ_KMALLOC,
                             0, tok};
  } else {
    for (size_t i = 0; i < len; ++i)
      src[i] = (char)('a' + i % 26);
    src[len] = 0;
    /* kstrndup stops at the bound or at the NUL, whichever comes first. */
    size_t max = how == 2 ? u16(in) % 1100 : (size_t)-1;
    size_t n = len < max ? len : max;
    char *p = how == 2 ? kstrndup_token(src, max, GFP_KERNEL, tok)
                       : kstrdup_token(src, GFP_KERNEL, tok);
    FUZZ_CHECK(p && strlen(p) == n && !memcmp(p, src, n),
               "%s of %zu chars (bound %zu)", how == 2 ? "kstrndup" : "kstrdup",
               len, max);
    *o = (struct shadow_obj){(unsigned char *)p, n + 1, 0, 0, OBJ_KMALLOC,
                             0, tok};
  }
  admit(o, 0, 0, "kmemdup");
}

static void op_free(struct input *in, struct shadow_obj *o) {
  shadow_verify(o, o->req, "before free");
  unsigned how = u8(in) % 4;
  if (o->kind == OBJ_CACHE && how != 3)
    kmem_cache_free(Caches[o->cache].c, o->p);
  else if (how == 0)
    kfree(o->p);
  else if (how == 1)
    kvfree(o->p);
  else if (how == 2) {
    unsigned char *p = o->p;
    kfree_sensitive(p);
  } else
    kfree(o->p); /* kfree also takes kmem_cache objects */
  FUZZ_CHECK(ksize(o->p) == 0, "ksize of freed %p is %zu", (void *)o->p,
             ksize(o->p));
  release(o);
}

/* krealloc, krealloc_array, kvrealloc and the libc realloc names. */
static void op_realloc(struct input *in, struct shadow_obj *o) {
  if (o->p && o->kind == OBJ_CACHE)
    return;
  unsigned which = u8(in) % 6;
  size_t n = 1 + u8(in) % 16, size = pick_size(in), bytes = size;
  gfp_t gfp = pick_gfp(in);
  uint64_t tok = token_at(u8(in));
  int libc = which >= 4;
  size_t max = which == 2 ? KVMAX : libc ? LIBCMAX : KMAX;
  int overflow = which == 1 && __builtin_mul_overflow(n, size, &bytes);
  if (skip_big(bytes, overflow, max))
    return;
  if (o->p)
    shadow_verify(o, o->req, "before realloc");
  void *old = o->p, *p;
  switch (which) {
  case 0: p = krealloc_token(old, size, gfp, tok); break;
  case 1: p = krealloc_array_token(old, n, size, gfp, tok); break;
  case 2: p = kvrealloc_token(old, size, gfp, tok); break;
  case 3: p = krealloc(old, size, gfp); tok = 0; break;
  case 4: p = typeslab_realloc(old, size, tok); break;
  default: p = __alloc_token_realloc(old, size, tok); break;
  }
  const char *op = libc ? "realloc" : "krealloc";
  if (overflow) {
    expect_fail(p, gfp, op);
    return; /* the old object is untouched */
  }
  if (!old && libc) {
    FUZZ_CHECK(bytes > max ? !p : p && p != ZERO_SIZE_PTR,
               "realloc(NULL, %zu) gave %p", bytes, p);
    if (!p)
      return;
    *o = (struct shadow_obj){p, bytes, 0, 0, OBJ_LIBC, 0, tok};
    admit(o, 0, 0, op);
    return;
  }
  if (!bytes && old) {
    /* Freed: krealloc returns ZERO_SIZE_PTR, realloc NULL. */
    FUZZ_CHECK(p == (libc ? NULL : ZERO_SIZE_PTR), "%s(p, 0) gave %p", op, p);
    release(o);
    return;
  }
  if (bytes > max) {
    if (libc)
      FUZZ_CHECK(p == NULL, "realloc to %zu bytes gave %p", bytes, p);
    else
      expect_fail(p, gfp, op);
    return;
  }
  if (!old) { /* krealloc(NULL, ...) is kmalloc */
    if (!bytes) {
      FUZZ_CHECK(p == ZERO_SIZE_PTR, "krealloc(NULL, 0) gave %p", p);
      return;
    }
    FUZZ_CHECK(p != NULL, "krealloc(NULL, %zu) failed", bytes);
    *o = (struct shadow_obj){p, bytes, 0, 0, OBJ_KMALLOC, 0, tok};
    admit(o, 0, gfp & __GFP_ZERO, op);
    return;
  }
  FUZZ_CHECK(p != NULL, "%s of %p to %zu bytes failed", op, old, bytes);
  if (bytes <= o->usable)
    FUZZ_CHECK(p == old, "%s shrinking %p (ksize %zu) to %zu moved it to %p",
               op, old, o->usable, bytes, p);
  struct shadow_obj was = *o;
  o->p = p;
  o->req = bytes;
  shadow_verify(o, was.req < bytes ? was.req : bytes, op);
  if (p != old) {
    if (tok)
      o->token = tok; /* the caller names the type, else it travels */
    if (!libc && (gfp & __GFP_ZERO))
      for (size_t i = was.usable; i < bytes; ++i)
        FUZZ_CHECK(o->p[i] == 0, "%s: byte %zu beyond the old object not "
                   "zeroed", op, i);
    remember_freed(old);
  }
  admit(o, 0, 0, op);
}

static void op_fill(struct input *in, struct shadow_obj *o) {
  shadow_verify(o, o->req, "before refill");
  o->seed = (uint8_t)u8(in);
  shadow_fill(o);
  FUZZ_CHECK(ksize(o->p) == o->usable, "ksize of %p changed", (void *)o->p);
}

/* Misuse with report-and-continue: one report each, nothing else changes. */
static int global_object;
static void op_misuse(struct input *in, struct shadow_obj *o) {
  unsigned which = u8(in) % 6;
  void *q = Freed[u8(in) % NFREED];
  int stale = q && !ZERO_OR_NULL_PTR(q) && !is_live(q);
  int local;
  switch (which) {
  case 0: /* double free */
    if (!stale)
      return;
    kfree(q);
    FUZZ_CHECK(ksize(q) == 0, "a double free revived %p", q);
    break;
  case 1: /* interior free */
    if (!o->p || o->usable <= 16)
      return;
    kfree(o->p + 8 + (u16(in) % (o->usable - 8)) / 8 * 8);
    break;
  case 2: /* free of a stack or a global pointer */
    kfree((u8(in) & 1) ? (void *)&local : (void *)&global_object);
    break;
  case 3: /* kmem_cache_free to the wrong cache */
    if (!o->p)
      return;
    kmem_cache_free(Caches[(o->cache + 1 + u8(in) % (NCACHES - 1)) % NCACHES].c,
                    o->p);
    break;
  case 4: { /* krealloc of a freed pointer */
    if (!stale)
      return;
    void *r = krealloc(q, 1 + u8(in), GFP_KERNEL);
    FUZZ_CHECK(r == NULL, "krealloc of freed %p gave %p", q, r);
    break;
  }
  default: /* ksize of a freed or interior pointer: 0, not a report */
    if (stale)
      FUZZ_CHECK(ksize(q) == 0, "ksize of freed %p", q);
    if (o->p && o->usable > 16)
      FUZZ_CHECK(ksize(o->p + 16) == 0, "ksize of interior %p", o->p + 16);
    return;
  }
  ++Errors;
  if (o->p)
    shadow_verify(o, o->req, "after misuse");
}

/* ---- libFuzzer entry points. -------------------------------------------- */

static unsigned env_on(const char *name, unsigned bit) {
  const char *v = getenv(name);
  return v && *v && strcmp(v, "0") ? bit : 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  const char *m = getenv("TYPESLAB_MODE");
  Mode = !m ? TYPESLAB_MODE_NONE
       : !strcmp(m, "random")      ? TYPESLAB_MODE_RANDOM
       : !strcmp(m, "partitioned") ? TYPESLAB_MODE_PARTITIONED
       : !strcmp(m, "isolated")    ? TYPESLAB_MODE_ISOLATED
                                   : TYPESLAB_MODE_NONE;
  unsigned opts = env_on("TYPESLAB_REDZONE", TYPESLAB_OPT_REDZONE) |
                  env_on("TYPESLAB_POISON", TYPESLAB_OPT_POISON) |
                  TYPESLAB_OPT_CONTINUE;
  if (typeslab_init(Mode, opts) != 0)
    abort();
  /* Bad cache geometry is refused. */
  FUZZ_CHECK(!kmem_cache_create("fz_bad", 0, 0, 0, NULL), "size 0 cache");
  FUZZ_CHECK(!kmem_cache_create("fz_bad", 8193, 0, 0, NULL), "8193 cache");
  FUZZ_CHECK(!kmem_cache_create("fz_bad", 64, 24, 0, NULL), "align 24 cache");
  for (unsigned i = 0; i < NCACHES; ++i) {
    struct fz_cache *c = &Caches[i];
    c->c = kmem_cache_create(c->name, c->size, c->align, 0,
                             c->ctor ? ctor_a5 : NULL);
    FUZZ_CHECK(c->c != NULL, "kmem_cache_create(%s)", c->name);
  }
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct input in = {data, size, 0};
  while (in.i < in.n) {
    unsigned op = u8(&in);
    struct shadow_obj *o = &Objs[u8(&in) % NSLOTS];
    switch (op % 10) {
    case 0:
    case 1:
      if (o->p)
        op_free(&in, o);
      else
        op_kalloc(&in, o);
      break;
    case 2:
      if (o->p)
        op_free(&in, o);
      else
        op_libc(&in, o);
      break;
    case 3:
      if (o->p)
        op_free(&in, o);
      else
        op_cache_alloc(&in, o);
      break;
    case 4:
      if (!o->p)
        op_kmemdup(&in, o);
      else
        op_fill(&in, o);
      break;
    case 5:
    case 6:
      op_realloc(&in, o);
      break;
    case 7:
      if (o->p)
        op_free(&in, o);
      break;
    case 8:
      if (o->p)
        shadow_verify(o, o->req, "verify");
      break;
    default:
      op_misuse(&in, o);
      break;
    }
    check_errors("operation");
  }
  /* End of input: the whole heap is as the model says, then empty. */
  if (Mode == TYPESLAB_MODE_ISOLATED) {
    FUZZ_CHECK(typeslab_check_isolation() == 0, "a slab held two types");
    FUZZ_CHECK(typeslab_type_pairs_sharing_slab() == 0,
               "two types share a slab");
  }
  for (unsigned i = 0; i < NSLOTS; ++i)
    if (Objs[i].p)
      op_free(&in, &Objs[i]);
  check_errors("end of input");
  return 0;
}
