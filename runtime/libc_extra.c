/*===- runtime/libc_extra.c - Typed page-aligned allocations and tokens ---===*
 *
 * The rest of the libc family that clang 22's -fsanitize=alloc-token
 * rewrites (reallocarray, valloc, pvalloc become __alloc_token_X(args...,
 * token)), and the typed valloc and pvalloc behind them. In every runtime
 * library, the sanitizer build's included.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"
#include "typeslab/libc.h"

#include <errno.h>
#include <unistd.h>

static size_t page_size(void) { return (size_t)sysconf(_SC_PAGESIZE); }

void *typeslab_valloc(size_t size, typeslab_token_t token) {
  return typeslab_aligned_alloc(page_size(), size, token);
}

/* glibc's pvalloc: the size rounded up to whole pages (one page for 0). */
void *typeslab_pvalloc(size_t size, typeslab_token_t token) {
  size_t page = page_size(), bytes;
  if (__builtin_add_overflow(size, page - 1, &bytes)) {
    errno = ENOMEM;
    return NULL;
  }
  bytes &= ~(page - 1);
  return typeslab_aligned_alloc(page, bytes ? bytes : page, token);
}

void *__alloc_token_reallocarray(void *p, size_t n, size_t size,
                                 size_t token) {
  return typeslab_reallocarray(p, n, size, token);
}
void *__alloc_token_valloc(size_t size, size_t token) {
  return typeslab_valloc(size, token);
}
void *__alloc_token_pvalloc(size_t size, size_t token) {
  return typeslab_pvalloc(size, token);
}
