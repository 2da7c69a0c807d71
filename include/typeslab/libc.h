/*===- typeslab/libc.h - Typed libc allocation entry points ---------*- C -*-===*
 *
 * What the pass's `libc` profile emits (typeslab_X(args..., token)) and the
 * names clang 22's -fsanitize=alloc-token emits (__alloc_token_X). The
 * runtime also defines the whole malloc API (malloc, free, calloc, realloc,
 * reallocarray, posix_memalign, aligned_alloc, memalign, valloc, pvalloc,
 * malloc_usable_size, free_sized, free_aligned_sized), so that untyped
 * calls, libraries and free() all go through one allocator.
 *
 *===----------------------------------------------------------------------===*/
#ifndef TYPESLAB_LIBC_H
#define TYPESLAB_LIBC_H

#include "typeslab/token.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

void *typeslab_malloc(size_t size, typeslab_token_t token);
void *typeslab_calloc(size_t n, size_t size, typeslab_token_t token);
void *typeslab_realloc(void *p, size_t size, typeslab_token_t token);
void *typeslab_reallocarray(void *p, size_t n, size_t size,
                            typeslab_token_t token);
void *typeslab_aligned_alloc(size_t align, size_t size, typeslab_token_t token);
int typeslab_posix_memalign(void **memptr, size_t align, size_t size,
                            typeslab_token_t token);
void *typeslab_memalign(size_t align, size_t size, typeslab_token_t token);
void *typeslab_valloc(size_t size, typeslab_token_t token);
void *typeslab_pvalloc(size_t size, typeslab_token_t token);

/* C23's sized frees (glibc 2.36 declares neither): the runtime checks the
 * size against the allocation's and reports a mismatch. */
void free_sized(void *p, size_t size);
void free_aligned_sized(void *p, size_t align, size_t size);

void *__alloc_token_malloc(size_t size, size_t token);
void *__alloc_token_calloc(size_t n, size_t size, size_t token);
void *__alloc_token_realloc(void *p, size_t size, size_t token);
void *__alloc_token_aligned_alloc(size_t align, size_t size, size_t token);
int __alloc_token_posix_memalign(void **memptr, size_t align, size_t size,
                                 size_t token);
void *__alloc_token_memalign(size_t align, size_t size, size_t token);
void *__alloc_token_reallocarray(void *p, size_t n, size_t size,
                                 size_t token);
void *__alloc_token_valloc(size_t size, size_t token);
void *__alloc_token_pvalloc(size_t size, size_t token);

#ifdef __cplusplus
}
#endif

#endif /* TYPESLAB_LIBC_H */
