/*===- overlapping-runtime.c - A faulty runtime for the harness's own test -===*
 *
 * Stands in for libtypeslab_runtime.a to prove that differential.sh notices
 * a wrong result. malloc, calloc, realloc and free are a correct bump
 * allocator (free does nothing), so the build without the pass behaves; the
 * typed entry points the pass calls hand out blocks that overlap the
 * previous typed block, as a runtime that mapped two types to one object
 * would, so the build with the pass computes a different checksum.
 *
 *===----------------------------------------------------------------------===*/
#include <stddef.h>
#include <stdint.h>
#include <string.h>

void *typeslab_malloc(size_t size, uint64_t token);
void *typeslab_calloc(size_t n, size_t size, uint64_t token);
void *typeslab_realloc(void *p, size_t size, uint64_t token);

static _Alignas(16) unsigned char Arena[64 << 20];
static size_t Used;

/* Each block is preceded by its size. */
void *malloc(size_t size) {
  size_t need = (size + 16 + 15) & ~(size_t)15;
  if (need > sizeof Arena - Used)
    return NULL;
  unsigned char *p = Arena + Used;
  Used += need;
  *(size_t *)p = size;
  return p + 16;
}

void free(void *p) { (void)p; }

void *calloc(size_t n, size_t size) {
  void *p = malloc(n * size);
  return p ? memset(p, 0, n * size) : NULL;
}

void *realloc(void *old, size_t size) {
  void *p = malloc(size);
  if (p && old) {
    size_t was = *(size_t *)((unsigned char *)old - 16);
    memcpy(p, old, was < size ? was : size);
  }
  return p;
}

/* The fault: a typed block starts 8 bytes into the previous typed block. */
static unsigned char *LastTyped;

void *typeslab_malloc(size_t size, uint64_t token) {
  (void)token;
  unsigned char *p = malloc(size + 64);
  if (p && LastTyped)
    p = LastTyped + 8;
  LastTyped = p;
  return p;
}

void *typeslab_calloc(size_t n, size_t size, uint64_t token) {
  void *p = typeslab_malloc(n * size, token);
  return p ? memset(p, 0, n * size) : NULL;
}

void *typeslab_realloc(void *old, size_t size, uint64_t token) {
  (void)old;
  return typeslab_malloc(size, token);
}
