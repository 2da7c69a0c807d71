/*===- runtime/libc_replace.c - malloc replacement -------------------------===*
 *
 * Linking the runtime archive pulls this object in as soon as a program
 * uses malloc or free, so untyped calls, libraries and free() go through
 * the same allocator as the typed entry points. Left out of the sanitizer
 * build (TYPESLAB_NO_MALLOC_REPLACEMENT), where the sanitizer owns malloc.
 * It is the whole malloc API: a function left to glibc would hand out
 * glibc memory that free() here reports as invalid.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"
#include "typeslab/libc.h"

#include <malloc.h>
#include <stdlib.h>

ts_hot void *malloc(size_t size) { return typeslab_malloc(size, 0); }
ts_hot void *calloc(size_t n, size_t size) { return typeslab_calloc(n, size, 0); }
void *realloc(void *p, size_t size) { return typeslab_realloc(p, size, 0); }
void *reallocarray(void *p, size_t n, size_t size) {
  return typeslab_reallocarray(p, n, size, 0);
}
ts_hot void free(void *p) { ts_free(p, "free"); } /* NULL: a no-op */
void *aligned_alloc(size_t align, size_t size) {
  return typeslab_aligned_alloc(align, size, 0);
}
void *memalign(size_t align, size_t size) {
  return typeslab_memalign(align, size, 0);
}
int posix_memalign(void **memptr, size_t align, size_t size) {
  return typeslab_posix_memalign(memptr, align, size, 0);
}
size_t malloc_usable_size(void *p) {
  return p ? ts_usable_size(p, "malloc_usable_size of a freed or invalid "
                               "pointer")
           : 0;
}

/* Legacy page-aligned allocations, still called. */
void *valloc(size_t size) { return typeslab_valloc(size, 0); }
void *pvalloc(size_t size) { return typeslab_pvalloc(size, 0); }

/* C23's sized frees, which glibc 2.36 lacks: the size (and alignment) must
 * be those of the allocation. */
void free_sized(void *p, size_t size);
void free_aligned_sized(void *p, size_t align, size_t size);
void free_sized(void *p, size_t size) {
  ts_free_sized(p, size, 0, "free_sized with the wrong size");
}
void free_aligned_sized(void *p, size_t align, size_t size) {
  ts_free_sized(p, size, align, "free_aligned_sized with the wrong size or alignment");
}
