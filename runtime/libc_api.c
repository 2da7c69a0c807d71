/*===- runtime/libc_api.c - Typed malloc family and clang's names ---------===*/
#include "internal.h"
#include "typeslab/libc.h"

#include <errno.h>
#include <string.h>

#define CALLER __builtin_return_address(0)

static ts_slow void *malloc_slow(size_t size, typeslab_token_t token,
                                 const void *caller) {
  /* malloc(0) gives a unique, freeable pointer. */
  void *p = ts_alloc(size, TS_MIN_ALIGN, token, false, caller);
  if (!p)
    errno = ENOMEM;
  return p;
}

ts_hot void *typeslab_malloc(size_t size, typeslab_token_t token) {
  void *p = ts_alloc_fast(size, token, CALLER);
  return ts_likely(p) ? p : malloc_slow(size, token, CALLER);
}

ts_hot void *typeslab_calloc(size_t n, size_t size, typeslab_token_t token) {
  size_t bytes;
  if (__builtin_mul_overflow(n, size, &bytes)) {
    errno = ENOMEM;
    return NULL;
  }
  void *p = ts_alloc(bytes, TS_MIN_ALIGN, token, true, CALLER);
  if (!p)
    errno = ENOMEM;
  return p;
}

void *typeslab_realloc(void *p, size_t size, typeslab_token_t token) {
  if (!p)
    return typeslab_malloc(size, token);
  if (!size) {
    ts_free(p, "realloc");
    return NULL;
  }
  void *n = ts_realloc(p, size, token, false, CALLER,
                       "realloc of a freed or invalid pointer");
  if (!n)
    errno = ENOMEM;
  return n;
}

void *typeslab_reallocarray(void *p, size_t n, size_t size,
                            typeslab_token_t token) {
  size_t bytes;
  if (__builtin_mul_overflow(n, size, &bytes)) {
    errno = ENOMEM;
    return NULL;
  }
  return typeslab_realloc(p, bytes, token);
}

static bool valid_align(size_t align) {
  return align && !(align & (align - 1));
}

void *typeslab_aligned_alloc(size_t align, size_t size,
                             typeslab_token_t token) {
  if (!valid_align(align)) {
    errno = EINVAL;
    return NULL;
  }
  void *p = ts_alloc(size, align, token, false, CALLER);
  if (!p)
    errno = ENOMEM;
  return p;
}

void *typeslab_memalign(size_t align, size_t size, typeslab_token_t token) {
  return typeslab_aligned_alloc(align, size, token);
}

int typeslab_posix_memalign(void **memptr, size_t align, size_t size,
                            typeslab_token_t token) {
  if (!valid_align(align) || align % sizeof(void *))
    return EINVAL;
  void *p = ts_alloc(size, align, token, false, CALLER);
  if (!p)
    return ENOMEM;
  *memptr = p;
  return 0;
}

ts_hot void *__alloc_token_malloc(size_t size, size_t token) {
  return typeslab_malloc(size, token);
}
ts_hot void *__alloc_token_calloc(size_t n, size_t size, size_t token) {
  return typeslab_calloc(n, size, token);
}
void *__alloc_token_realloc(void *p, size_t size, size_t token) {
  return typeslab_realloc(p, size, token);
}
void *__alloc_token_aligned_alloc(size_t align, size_t size, size_t token) {
  return typeslab_aligned_alloc(align, size, token);
}
int __alloc_token_posix_memalign(void **memptr, size_t align, size_t size,
                                 size_t token) {
  return typeslab_posix_memalign(memptr, align, size, token);
}
void *__alloc_token_memalign(size_t align, size_t size, size_t token) {
  return typeslab_memalign(align, size, token);
}
