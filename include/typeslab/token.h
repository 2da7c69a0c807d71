/*===- typeslab/token.h - Token and type-descriptor contract ------*- C -*-===*
 *
 * The one contract between the typeslab pass (which emits tokens and type
 * descriptors) and the runtime (which maps tokens to caches). Both include
 * this header; nothing else defines these layouts.
 *
 * Glossary
 *   token       A 64-bit value the pass appends to every rewritten allocator
 *               call. In descriptor mode it is the address of a
 *               typeslab_type descriptor; in hash mode it is a stable hash
 *               of the type (optionally reduced mod N). 0 means "untyped".
 *   descriptor  One struct typeslab_type per allocated type, emitted by the
 *               pass as a linkonce_odr COMDAT global in the section
 *               TYPESLAB_DESC_SECTION, so the linker merges the same type
 *               across translation units.
 *   layout hash typeslab_hash64() over the canonical identity string
 *               (see typeslab_identity below): name + size + pointer map +
 *               element size. Two types of one name but different layouts
 *               get different hashes; qualifiers never reach the name.
 *   cache slot  The descriptor's runtime-owned `cache` field: NULL until the
 *               runtime first allocates the type, then the type's cache.
 *               Token -> cache is one load, no hashing.
 *
 *===----------------------------------------------------------------------===*/
#ifndef TYPESLAB_TOKEN_H
#define TYPESLAB_TOKEN_H

#ifdef __KERNEL__
/* The kernel side (contrib/linux) includes this file verbatim. */
#include <linux/types.h>
#else
#include <stddef.h>
#include <stdint.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* A token as passed to every typed allocator variant (last argument). */
typedef uint64_t typeslab_token_t;

/* The untyped token; the pass's default fallback. */
#define TYPESLAB_TOKEN_UNTYPED ((typeslab_token_t)0)

/* "TSLB" in little-endian byte order. */
#define TYPESLAB_DESC_MAGIC 0x424c5354u
#define TYPESLAB_DESC_VERSION 1u

/* ELF section holding every descriptor; a C identifier, so the linker
 * provides __start_typeslab_types / __stop_typeslab_types. */
#define TYPESLAB_DESC_SECTION "typeslab_types"

/* Descriptor flags. */
enum typeslab_type_flags {
  TYPESLAB_F_HAS_POINTER = 1u << 0, /* some granule holds a pointer        */
  TYPESLAB_F_HAS_FLEX = 1u << 1,    /* ends in a flexible array member     */
  TYPESLAB_F_ANONYMOUS = 1u << 2,   /* anonymous record, named by layout   */
  TYPESLAB_F_FROM_IR = 1u << 3      /* identity derived from IR, not AST   */
};

/* One descriptor per allocated type. Layout is fixed: 56 bytes on LP64. */
struct typeslab_type {
  uint32_t magic;       /* TYPESLAB_DESC_MAGIC                             */
  uint16_t version;     /* TYPESLAB_DESC_VERSION                           */
  uint16_t flags;       /* enum typeslab_type_flags                        */
  uint64_t hash;        /* layout hash (the hash-mode token before mod N)  */
  uint64_t size;        /* sizeof(T); for a flexible struct, the header    */
  uint64_t elem_size;   /* flexible-array element size, else 0             */
  uint32_t align;       /* alignof(T)                                      */
  uint32_t reserved;    /* 0                                               */
  const char *name;     /* "struct foo", "int", "char[64]"; NUL-terminated */
  void *volatile cache; /* runtime-owned slot, NULL until first use        */
};

#define TYPESLAB_DESC_SIZE 56u

#if defined(__cplusplus)
static_assert(sizeof(void *) != 8 || sizeof(struct typeslab_type) == 56,
              "descriptor layout is part of the ABI");
#else
_Static_assert(sizeof(void *) != 8 || sizeof(struct typeslab_type) == 56,
               "descriptor layout is part of the ABI");
#endif

/* FNV-1a, 64-bit: the layout hash. Stable across hosts and releases. */
static inline uint64_t typeslab_hash64(const char *data, size_t len) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < len; ++i) {
    h ^= (uint8_t)data[i];
    h *= 0x100000001b3ull;
  }
  return h;
}

/* Hash-mode token for a type: the full hash when max_tokens is 0; else the
 * hash reduced to [1, max_tokens) with pointer-holding types in the upper
 * half and pointer-free ones in the lower half (0 stays "untyped"). */
static inline typeslab_token_t typeslab_hash_token(uint64_t hash,
                                                   int has_pointer,
                                                   uint64_t max_tokens) {
  if (max_tokens == 0)
    return hash ? hash : 1;
  if (max_tokens < 4)
    return 1 + hash % (max_tokens > 1 ? max_tokens - 1 : 1);
  uint64_t half = max_tokens / 2;
  if (has_pointer)
    return half + hash % (max_tokens - half);
  return 1 + hash % (half - 1);
}

/* True when hash-mode token `t` (reduced mod max_tokens) marks a
 * pointer-holding type. */
static inline int typeslab_hash_token_has_pointer(typeslab_token_t t,
                                                  uint64_t max_tokens) {
  return max_tokens >= 4 && t >= max_tokens / 2;
}

/*
 * typeslab_identity: the canonical identity string fed to typeslab_hash64.
 *
 *   "<name>|<size>|<elem_size>|<pointer granules>"
 *
 * where <pointer granules> lists, comma-separated in increasing order, the
 * indices of the 8-byte granules of one object that hold a pointer (empty
 * when none). Example: struct priv { int a; char *p; } ->
 *   "struct priv|16|0|1"
 * The pass builds it (from the AST, or from IR when no AST verdict exists);
 * it is documented here so that other producers can compute equal tokens.
 */
#define TYPESLAB_GRANULE 8u

#ifdef __cplusplus
}
#endif

#endif /* TYPESLAB_TOKEN_H */
