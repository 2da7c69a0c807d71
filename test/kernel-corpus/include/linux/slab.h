/* Minimal <linux/slab.h> over the typeslab runtime, with the 6.10+ macro
 * layer: kmalloc(...) is alloc_hooks(kmalloc_noprof(...)). */
#ifndef _CORPUS_LINUX_SLAB_H
#define _CORPUS_LINUX_SLAB_H
#include <linux/alloc_tag.h>
#include <linux/gfp.h>
#include <linux/overflow.h>
#include <linux/types.h>
#define kmalloc(...) alloc_hooks(kmalloc_noprof(__VA_ARGS__))
#define kzalloc(...) alloc_hooks(kzalloc_noprof(__VA_ARGS__))
#define kmalloc_array(...) alloc_hooks(kmalloc_array_noprof(__VA_ARGS__))
#define kcalloc(...) alloc_hooks(kcalloc_noprof(__VA_ARGS__))
#define krealloc(...) alloc_hooks(krealloc_noprof(__VA_ARGS__))
#define krealloc_array(...) alloc_hooks(krealloc_array_noprof(__VA_ARGS__))
#define kvmalloc(...) alloc_hooks(kvmalloc_noprof(__VA_ARGS__))
#define kvzalloc(...) alloc_hooks(kvzalloc_noprof(__VA_ARGS__))
#define kvmalloc_array(...) alloc_hooks(kvmalloc_array_noprof(__VA_ARGS__))
#define kvcalloc(...) alloc_hooks(kvcalloc_noprof(__VA_ARGS__))
#define kmemdup(...) alloc_hooks(kmemdup_noprof(__VA_ARGS__))
#include <typeslab/kmalloc_obj.h>
#endif
