/*===- typeslab/kernel.h - Kernel-model allocation API ------------*- C -*-===*
 *
 * The kernel's kmalloc family with the kernel's names and semantics, backed
 * by the typeslab runtime. Every allocator X has a typed variant
 * X_token(..., typeslab_token_t token) taking the token last: the names the
 * pass's `kernel` profile emits. X_noprof spellings (6.10+ alloc_hooks) are
 * untyped aliases.
 *
 *===----------------------------------------------------------------------===*/
#ifndef TYPESLAB_KERNEL_H
#define TYPESLAB_KERNEL_H

#include "typeslab/token.h"

#include <stdarg.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef unsigned int gfp_t;

#define __GFP_ZERO 0x100u
#define __GFP_NOWARN 0x200u
#define __GFP_NOFAIL 0x8000u
#define __GFP_ACCOUNT 0x400000u
#define GFP_NOWAIT 0x800u
#define GFP_ATOMIC 0x820u
#define GFP_KERNEL 0xcc0u

#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

struct device;
struct kmem_cache;

/* X(args), X_token(args, token), X_noprof(args). */
#define TYPESLAB_KERNEL_ALLOCATORS(M)                                          \
  M(kmalloc, (size_t size, gfp_t flags))                                       \
  M(kzalloc, (size_t size, gfp_t flags))                                       \
  M(kmalloc_array, (size_t n, size_t size, gfp_t flags))                       \
  M(kcalloc, (size_t n, size_t size, gfp_t flags))                             \
  M(krealloc, (const void *p, size_t new_size, gfp_t flags))                   \
  M(krealloc_array, (void *p, size_t new_n, size_t new_size, gfp_t flags))     \
  M(kvmalloc, (size_t size, gfp_t flags))                                      \
  M(kvzalloc, (size_t size, gfp_t flags))                                      \
  M(kvmalloc_array, (size_t n, size_t size, gfp_t flags))                      \
  M(kvcalloc, (size_t n, size_t size, gfp_t flags))                            \
  M(kvrealloc, (const void *p, size_t size, gfp_t flags))                      \
  M(kmalloc_node, (size_t size, gfp_t flags, int node))                        \
  M(kzalloc_node, (size_t size, gfp_t flags, int node))                        \
  M(kcalloc_node, (size_t n, size_t size, gfp_t flags, int node))              \
  M(kmalloc_array_node, (size_t n, size_t size, gfp_t flags, int node))        \
  M(kvmalloc_node, (size_t size, gfp_t flags, int node))                       \
  M(kmemdup, (const void *src, size_t len, gfp_t gfp))

#define TYPESLAB_DEVM_ALLOCATORS(M)                                            \
  M(devm_kmalloc, (struct device * dev, size_t size, gfp_t gfp))               \
  M(devm_kzalloc, (struct device * dev, size_t size, gfp_t gfp))               \
  M(devm_kcalloc, (struct device * dev, size_t n, size_t size, gfp_t flags))   \
  M(devm_kmalloc_array,                                                        \
    (struct device * dev, size_t n, size_t size, gfp_t flags))

#define TYPESLAB_DECLARE_PLAIN_(name, args) void *name args;
#define TYPESLAB_DECLARE_NOPROF_(name, args) void *name##_noprof args;

TYPESLAB_KERNEL_ALLOCATORS(TYPESLAB_DECLARE_PLAIN_)
TYPESLAB_KERNEL_ALLOCATORS(TYPESLAB_DECLARE_NOPROF_)
TYPESLAB_DEVM_ALLOCATORS(TYPESLAB_DECLARE_PLAIN_)

void *kmalloc_token(size_t size, gfp_t flags, typeslab_token_t token);
void *kzalloc_token(size_t size, gfp_t flags, typeslab_token_t token);
void *kmalloc_array_token(size_t n, size_t size, gfp_t flags,
                          typeslab_token_t token);
void *kcalloc_token(size_t n, size_t size, gfp_t flags, typeslab_token_t token);
void *krealloc_token(const void *p, size_t new_size, gfp_t flags,
                     typeslab_token_t token);
void *krealloc_array_token(void *p, size_t new_n, size_t new_size, gfp_t flags,
                           typeslab_token_t token);
void *kvmalloc_token(size_t size, gfp_t flags, typeslab_token_t token);
void *kvzalloc_token(size_t size, gfp_t flags, typeslab_token_t token);
void *kvmalloc_array_token(size_t n, size_t size, gfp_t flags,
                           typeslab_token_t token);
void *kvcalloc_token(size_t n, size_t size, gfp_t flags,
                     typeslab_token_t token);
void *kvrealloc_token(const void *p, size_t size, gfp_t flags,
                      typeslab_token_t token);
void *kmalloc_node_token(size_t size, gfp_t flags, int node,
                         typeslab_token_t token);
void *kzalloc_node_token(size_t size, gfp_t flags, int node,
                         typeslab_token_t token);
void *kcalloc_node_token(size_t n, size_t size, gfp_t flags, int node,
                         typeslab_token_t token);
void *kmalloc_array_node_token(size_t n, size_t size, gfp_t flags, int node,
                               typeslab_token_t token);
void *kvmalloc_node_token(size_t size, gfp_t flags, int node,
                          typeslab_token_t token);
void *kmemdup_token(const void *src, size_t len, gfp_t gfp,
                    typeslab_token_t token);
void *devm_kmalloc_token(struct device *dev, size_t size, gfp_t gfp,
                         typeslab_token_t token);
void *devm_kzalloc_token(struct device *dev, size_t size, gfp_t gfp,
                         typeslab_token_t token);
void *devm_kcalloc_token(struct device *dev, size_t n, size_t size, gfp_t flags,
                         typeslab_token_t token);
void *devm_kmalloc_array_token(struct device *dev, size_t n, size_t size,
                               gfp_t flags, typeslab_token_t token);

/* String copies (Linux 6.12 signatures). The variadic kasprintf is left
 * out: a typed variant cannot take a token after '...'. */
char *kstrdup(const char *s, gfp_t gfp);
char *kstrdup_token(const char *s, gfp_t gfp, typeslab_token_t token);
char *kstrndup(const char *s, size_t max, gfp_t gfp);
char *kstrndup_token(const char *s, size_t max, gfp_t gfp,
                     typeslab_token_t token);
char *kmemdup_nul(const char *s, size_t len, gfp_t gfp);
char *kmemdup_nul_token(const char *s, size_t len, gfp_t gfp,
                        typeslab_token_t token);
char *kvasprintf(gfp_t gfp, const char *fmt, va_list ap);
char *kvasprintf_token(gfp_t gfp, const char *fmt, va_list ap,
                       typeslab_token_t token);

void kfree(const void *p);
void kvfree(const void *p);
void kfree_sensitive(const void *p);
size_t ksize(const void *p);
void devm_kfree(struct device *dev, const void *p);
void devres_release_all(struct device *dev);

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
                                     unsigned int align, unsigned int flags,
                                     void (*ctor)(void *));
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags);
void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t flags);
void kmem_cache_free(struct kmem_cache *s, void *p);
void kmem_cache_destroy(struct kmem_cache *s);

#ifdef __cplusplus
}
#endif

#endif /* TYPESLAB_KERNEL_H */
