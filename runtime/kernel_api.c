/*===- runtime/kernel_api.c - The kmalloc family, kernel semantics --------===*
 *
 *   kmalloc(0) is ZERO_SIZE_PTR; kfree of it or NULL is a no-op.
 *   n * size overflow returns NULL (check_mul_overflow).
 *   kmalloc above KMALLOC_MAX_SIZE (4 MiB) and kvmalloc above INT_MAX fail.
 *   Above 8 KiB, objects come straight from pages.
 *   __GFP_ZERO zeroes; krealloc keeps type and contents, shrinking in place.
 *   Failure is NULL, except with __GFP_NOFAIL, which retries then aborts.
 *   kstrdup, kstrndup, kmemdup_nul and kvasprintf allocate the exact
 *   string (+ NUL) and return NULL for a NULL string.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"
#include "typeslab/kernel.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#define KMALLOC_MAX_SIZE (4ul << 20)
#define CALLER __builtin_return_address(0)

static void *nofail(void *p, gfp_t flags) {
  if (ts_likely(p) || !(flags & __GFP_NOFAIL))
    return p;
  ts_report("__GFP_NOFAIL allocation failed", NULL, NULL);
  return NULL;
}

/* Everything but the fast path. __GFP_NOFAIL: two more tries after a
 * failure, then the report. */
static ts_slow void *kalloc_slow(size_t size, gfp_t flags,
                                 typeslab_token_t token, size_t max,
                                 const void *caller) {
  if (!size)
    return ZERO_SIZE_PTR;
  if (size > max)
    return nofail(NULL, flags);
  void *p = ts_alloc(size, TS_MIN_ALIGN, token, flags & __GFP_ZERO, caller);
  for (int tries = 0; !p && tries < 2 && (flags & __GFP_NOFAIL); ++tries)
    p = ts_alloc(size, TS_MIN_ALIGN, token, flags & __GFP_ZERO, caller);
  return nofail(p, flags);
}

/* The fast path serves no size 0 and nothing above the slab classes, so
 * it needs neither the ZERO_SIZE_PTR nor the max test. */
static inline void *kalloc(size_t size, gfp_t flags, typeslab_token_t token,
                           size_t max, const void *caller) {
  void *p = ts_alloc_fast(size, token, caller);
  if (ts_likely(p))
    return flags & __GFP_ZERO ? memset(p, 0, size) : p;
  return kalloc_slow(size, flags, token, max, caller);
}

static void *kalloc_array(size_t n, size_t size, gfp_t flags,
                          typeslab_token_t token, size_t max,
                          const void *caller) {
  size_t bytes;
  if (__builtin_mul_overflow(n, size, &bytes))
    return nofail(NULL, flags);
  return kalloc(bytes, flags, token, max, caller);
}

static void *krealloc_impl(const void *p, size_t size, gfp_t flags,
                           typeslab_token_t token, size_t max,
                           const void *caller) {
  if (ZERO_OR_NULL_PTR(p))
    return kalloc(size, flags, token, max, caller);
  if (!size) {
    kfree(p);
    return ZERO_SIZE_PTR;
  }
  if (size > max)
    return nofail(NULL, flags);
  return nofail(ts_realloc((void *)p, size, token, flags & __GFP_ZERO, caller,
                           "krealloc of a freed or invalid pointer"),
                flags);
}

#define K KMALLOC_MAX_SIZE
#define KV ((size_t)INT_MAX)

ts_hot void *kmalloc_token(size_t size, gfp_t flags, typeslab_token_t token) {
  return kalloc(size, flags, token, K, CALLER);
}
ts_hot void *kzalloc_token(size_t size, gfp_t flags, typeslab_token_t token) {
  return kalloc(size, flags | __GFP_ZERO, token, K, CALLER);
}
ts_hot void *kmalloc_array_token(size_t n, size_t size, gfp_t flags,
                          typeslab_token_t token) {
  return kalloc_array(n, size, flags, token, K, CALLER);
}
ts_hot void *kcalloc_token(size_t n, size_t size, gfp_t flags,
                    typeslab_token_t token) {
  return kalloc_array(n, size, flags | __GFP_ZERO, token, K, CALLER);
}
void *krealloc_token(const void *p, size_t new_size, gfp_t flags,
                     typeslab_token_t token) {
  return krealloc_impl(p, new_size, flags, token, K, CALLER);
}
void *krealloc_array_token(void *p, size_t new_n, size_t new_size, gfp_t flags,
                           typeslab_token_t token) {
  size_t bytes;
  if (__builtin_mul_overflow(new_n, new_size, &bytes))
    return nofail(NULL, flags);
  return krealloc_impl(p, bytes, flags, token, K, CALLER);
}
void *kvmalloc_token(size_t size, gfp_t flags, typeslab_token_t token) {
  return kalloc(size, flags, token, KV, CALLER);
}
void *kvzalloc_token(size_t size, gfp_t flags, typeslab_token_t token) {
  return kalloc(size, flags | __GFP_ZERO, token, KV, CALLER);
}
void *kvmalloc_array_token(size_t n, size_t size, gfp_t flags,
                           typeslab_token_t token) {
  return kalloc_array(n, size, flags, token, KV, CALLER);
}
void *kvcalloc_token(size_t n, size_t size, gfp_t flags,
                     typeslab_token_t token) {
  return kalloc_array(n, size, flags | __GFP_ZERO, token, KV, CALLER);
}
void *kvrealloc_token(const void *p, size_t size, gfp_t flags,
                      typeslab_token_t token) {
  return krealloc_impl(p, size, flags, token, KV, CALLER);
}
void *kmalloc_node_token(size_t size, gfp_t flags, int node,
                         typeslab_token_t token) {
  (void)node;
  return kalloc(size, flags, token, K, CALLER);
}
void *kzalloc_node_token(size_t size, gfp_t flags, int node,
                         typeslab_token_t token) {
  (void)node;
  return kalloc(size, flags | __GFP_ZERO, token, K, CALLER);
}
void *kcalloc_node_token(size_t n, size_t size, gfp_t flags, int node,
                         typeslab_token_t token) {
  (void)node;
  return kalloc_array(n, size, flags | __GFP_ZERO, token, K, CALLER);
}
void *kmalloc_array_node_token(size_t n, size_t size, gfp_t flags, int node,
                               typeslab_token_t token) {
  (void)node;
  return kalloc_array(n, size, flags, token, K, CALLER);
}
void *kvmalloc_node_token(size_t size, gfp_t flags, int node,
                          typeslab_token_t token) {
  (void)node;
  return kalloc(size, flags, token, KV, CALLER);
}
void *kmemdup_token(const void *src, size_t len, gfp_t gfp,
                    typeslab_token_t token) {
  void *p = kalloc(len, gfp & ~__GFP_ZERO, token, K, CALLER);
  if (!ZERO_OR_NULL_PTR(p))
    memcpy(p, src, len);
  return p;
}

/* The string copies: len bytes of s and a NUL in a len + 1 byte object.
 * Every byte is written, so __GFP_ZERO would only cost time. */
static inline char *dup_nul(const char *s, size_t len, gfp_t gfp,
                            typeslab_token_t token, const void *caller) {
  size_t n;
  if (ts_unlikely(__builtin_add_overflow(len, 1, &n)))
    return nofail(NULL, gfp);
  char *p = kalloc(n, gfp & ~__GFP_ZERO, token, K, caller);
  if (p) {
    memcpy(p, s, len);
    p[len] = '\0';
  }
  return p;
}

char *kstrdup_token(const char *s, gfp_t gfp, typeslab_token_t token) {
  return s ? dup_nul(s, strlen(s), gfp, token, CALLER) : NULL;
}
char *kstrndup_token(const char *s, size_t max, gfp_t gfp,
                     typeslab_token_t token) {
  return s ? dup_nul(s, strnlen(s, max), gfp, token, CALLER) : NULL;
}
char *kmemdup_nul_token(const char *s, size_t len, gfp_t gfp,
                        typeslab_token_t token) {
  return s ? dup_nul(s, len, gfp, token, CALLER) : NULL;
}

/* vsnprintf twice: once to measure, once into an object of exactly that
 * size. A NULL format or one vsnprintf refuses (a result above INT_MAX)
 * gives NULL. */
char *kvasprintf_token(gfp_t gfp, const char *fmt, va_list ap,
                       typeslab_token_t token) {
  if (!fmt)
    return NULL;
  va_list aq;
  va_copy(aq, ap);
  int len = vsnprintf(NULL, 0, fmt, aq);
  va_end(aq);
  if (len < 0)
    return NULL;
  size_t n = (size_t)len + 1;
  char *p = kalloc(n, gfp & ~__GFP_ZERO, token, K, CALLER);
  if (p)
    vsnprintf(p, n, fmt, ap);
  return p;
}

/* The untyped spellings. */
#define UNTYPED(name, params, ...)                                             \
  ts_hot void *name params { return name##_token(__VA_ARGS__, 0); }            \
  void *name##_noprof params { return name##_token(__VA_ARGS__, 0); }
UNTYPED(kmalloc, (size_t size, gfp_t flags), size, flags)
UNTYPED(kzalloc, (size_t size, gfp_t flags), size, flags)
UNTYPED(kmalloc_array, (size_t n, size_t size, gfp_t flags), n, size, flags)
UNTYPED(kcalloc, (size_t n, size_t size, gfp_t flags), n, size, flags)
UNTYPED(krealloc, (const void *p, size_t new_size, gfp_t flags), p, new_size,
        flags)
UNTYPED(krealloc_array, (void *p, size_t new_n, size_t new_size, gfp_t flags),
        p, new_n, new_size, flags)
UNTYPED(kvmalloc, (size_t size, gfp_t flags), size, flags)
UNTYPED(kvzalloc, (size_t size, gfp_t flags), size, flags)
UNTYPED(kvmalloc_array, (size_t n, size_t size, gfp_t flags), n, size, flags)
UNTYPED(kvcalloc, (size_t n, size_t size, gfp_t flags), n, size, flags)
UNTYPED(kvrealloc, (const void *p, size_t size, gfp_t flags), p, size, flags)
UNTYPED(kmalloc_node, (size_t size, gfp_t flags, int node), size, flags, node)
UNTYPED(kzalloc_node, (size_t size, gfp_t flags, int node), size, flags, node)
UNTYPED(kcalloc_node, (size_t n, size_t size, gfp_t flags, int node), n, size,
        flags, node)
UNTYPED(kmalloc_array_node, (size_t n, size_t size, gfp_t flags, int node), n,
        size, flags, node)
UNTYPED(kvmalloc_node, (size_t size, gfp_t flags, int node), size, flags, node)
UNTYPED(kmemdup, (const void *src, size_t len, gfp_t gfp), src, len, gfp)

char *kstrdup(const char *s, gfp_t gfp) { return kstrdup_token(s, gfp, 0); }
char *kstrndup(const char *s, size_t max, gfp_t gfp) {
  return kstrndup_token(s, max, gfp, 0);
}
char *kmemdup_nul(const char *s, size_t len, gfp_t gfp) {
  return kmemdup_nul_token(s, len, gfp, 0);
}
char *kvasprintf(gfp_t gfp, const char *fmt, va_list ap) {
  return kvasprintf_token(gfp, fmt, ap, 0);
}

/* NULL and ZERO_SIZE_PTR (any pointer up to 16, as ZERO_OR_NULL_PTR
 * has it) are no-ops for kfree alone; libc's free reports them. */
ts_hot void kfree(const void *p) {
  if (ts_likely((uintptr_t)p > TS_ZERO_SIZE_PTR))
    ts_free(p, "kfree");
}
ts_hot void kvfree(const void *p) { kfree(p); }
void kfree_sensitive(const void *p) {
  if (ZERO_OR_NULL_PTR(p))
    return;
  size_t n = ts_usable_size(p, NULL);
  volatile unsigned char *b = (volatile unsigned char *)p;
  for (size_t i = 0; i < n; ++i)
    b[i] = 0;
  kfree(p);
}
size_t ksize(const void *p) {
  return ZERO_OR_NULL_PTR(p) ? 0 : ts_usable_size(p, NULL);
}
